import { resolve } from '$app/paths';

/**
 * A user's deck's own page. It is one prerendered page that reads the deck's id from the query: the
 * address /decks/<id> is the bundled decks' study guide, prerendered with no JavaScript.
 */
export const deckPage = (id: string): string => `${resolve('/decks/edit')}?id=${encodeURIComponent(id)}`;
