import { deckIds } from '$lib/content/decks';
import { wholeDeck } from '../whole-deck';

export const entries = () => deckIds().map((deck) => ({ deck }));

export const load = async ({ params }) => ({ deck: await wholeDeck(params.deck) });
