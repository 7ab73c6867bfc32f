import { error } from '@sveltejs/kit';
import { ALL_DECKS, deckIds, loadDeckOutline } from '$lib/content/decks';
import type { DeckOutline } from '$lib/content/schema';

export const entries = () => [ALL_DECKS, ...deckIds()].map((deck) => ({ deck }));

export const load = async ({ params }) => {
	const ids = params.deck === ALL_DECKS ? deckIds() : [params.deck];
	const decks = (await Promise.all(ids.map(loadDeckOutline))).filter((d): d is DeckOutline => d !== undefined);
	if (decks.length !== ids.length) error(404, `There is no deck called "${params.deck}".`);
	return {
		name: params.deck,
		title: params.deck === ALL_DECKS ? 'All decks' : decks[0]!.title,
		decks
	};
};
