// What the browser tests share: the bank as the build read it, and every route of the app.
import { loadDecks } from '../../src/lib/content/load';

export const deck = loadDecks('questions').decks[0]!;

/** Every page a student or teacher can open (the quiz play and results pages need an attempt). */
export const routes = ['/', `/decks/${deck.id}`, `/study/${deck.id}`, '/study/all', `/quiz/${deck.id}`, '/stats', '/settings', '/classroom', '/classroom/take'];
