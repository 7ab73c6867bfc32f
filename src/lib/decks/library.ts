/**
 * One library for both kinds of deck: the bundled decks of the question bank (part of the build,
 * read-only) and the user's decks (in the device's database, ids starting `u-`). The pages load a
 * deck by id through here without caring which kind it is. The user's decks are read by
 * user-library.ts, loaded on first use, so a page of a bundled deck carries none of that code.
 */
import { ALL_DECKS, deckIds, loadDeck, loadDeckOutline, loadQuizIndex } from '$lib/content/decks';
import type { Deck, DeckOutline, QuizIndex } from '$lib/content/schema';
import { isUserDeckId } from '$lib/db/rows';

export type DeckKind = 'bundled' | 'user';

/** A deck as a list of decks shows it. */
export interface LibraryDeck {
	id: string;
	kind: DeckKind;
	title: string;
	description: string;
	factCount: number;
}

const userLibrary = () => import('./user-library');

/** Every deck: the bundled ones in the bank's order, then the user's, the newest first. */
export async function listDecks(): Promise<LibraryDeck[]> {
	const [{ summaries }, { userDecks }] = await Promise.all([import('virtual:deck-summaries'), userLibrary()]);
	return [...summaries.map((s): LibraryDeck => ({ ...s, kind: 'bundled' })), ...(await userDecks())];
}

/** The whole deck with its questions (a user's deck with its automatic ones); undefined for an unknown id. */
export async function loadAnyDeck(id: string): Promise<Deck | undefined> {
	return isUserDeckId(id) ? (await userLibrary()).loadUserDeck(id) : loadDeck(id);
}

/** The deck without its questions, for studying and the statistics; undefined for an unknown id. */
export async function loadAnyDeckOutline(id: string): Promise<DeckOutline | undefined> {
	return isUserDeckId(id) ? (await userLibrary()).loadUserDeckOutline(id) : loadDeckOutline(id);
}

/** What the quiz builder needs of the deck; undefined for an unknown id. */
export async function loadAnyQuizIndex(id: string): Promise<QuizIndex | undefined> {
	if (!isUserDeckId(id)) return loadQuizIndex(id);
	const [deck, { quizIndex }] = await Promise.all([loadAnyDeck(id), import('$lib/content/summary')]);
	return deck && quizIndex(deck);
}

/** The decks a study session named `name` covers: every deck for `all`, else the one (undefined if unknown). */
export async function studyOutlines(name: string): Promise<(DeckOutline | undefined)[]> {
	return name === ALL_DECKS ? loadAllOutlines() : [await loadAnyDeckOutline(name)];
}

/** The outline of every deck, bundled and the user's: what "study all" and the statistics cover. */
export async function loadAllOutlines(): Promise<DeckOutline[]> {
	const ids = [...deckIds(), ...(await (await userLibrary()).userDecks()).map((d) => d.id)];
	const outlines = await Promise.all(ids.map(loadAnyDeckOutline));
	return outlines.filter((d): d is DeckOutline => d !== undefined);
}
