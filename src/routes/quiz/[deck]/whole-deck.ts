import { error } from '@sveltejs/kit';
import type { Deck } from '$lib/content/schema';
import { loadAnyDeck } from '$lib/decks/library';

/** The whole deck, with its questions, for a page that asks or scores them. */
export async function wholeDeck(id: string): Promise<Deck> {
	const deck = await loadAnyDeck(id);
	if (!deck) error(404, `There is no deck called "${id}" on this device.`);
	return deck;
}
