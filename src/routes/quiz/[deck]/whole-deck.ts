import { error } from '@sveltejs/kit';
import { loadDeck } from '$lib/content/decks';
import type { Deck } from '$lib/content/schema';

/** The whole deck, with its questions, for a page that asks or scores them. */
export async function wholeDeck(id: string): Promise<Deck> {
	const deck = await loadDeck(id);
	if (!deck) error(404, `There is no deck called "${id}".`);
	return deck;
}
