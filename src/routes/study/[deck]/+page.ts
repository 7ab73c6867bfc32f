import { error } from '@sveltejs/kit';
import { ALL_DECKS, deckIds } from '$lib/content/decks';
import type { DeckOutline } from '$lib/content/schema';
import { loadAllOutlines, loadAnyDeckOutline } from '$lib/decks/library';

// Bundled decks are prerendered; a user's deck opens from the app shell (200.html) and loads in the browser.
export const entries = () => [ALL_DECKS, ...deckIds()].map((deck) => ({ deck }));

export const load = async ({ params }) => {
	const decks: (DeckOutline | undefined)[] =
		params.deck === ALL_DECKS ? await loadAllOutlines() : [await loadAnyDeckOutline(params.deck)];
	if (decks[0] === undefined) error(404, `There is no deck called "${params.deck}" on this device.`);
	return {
		name: params.deck,
		title: params.deck === ALL_DECKS ? 'All decks' : decks[0].title,
		decks: decks as DeckOutline[]
	};
};
