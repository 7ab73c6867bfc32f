import { error } from '@sveltejs/kit';
import { loadDeck } from '$lib/content/decks';

// The builder, the quiz and its results all need the whole deck.
export const load = async ({ params }) => {
	const deck = await loadDeck(params.deck);
	if (!deck) error(404, `There is no deck called "${params.deck}".`);
	return { deck };
};
