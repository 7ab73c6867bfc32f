import { deckIds } from '$lib/content/decks';

export const entries = () => deckIds().map((deck) => ({ deck }));
