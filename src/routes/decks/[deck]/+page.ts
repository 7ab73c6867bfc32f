import { error } from '@sveltejs/kit';
import { deckIds, loadDeckOutline } from '$lib/content/decks';
import { studyGuide } from '$lib/content/guide';

export const entries = () => deckIds().map((deck) => ({ deck }));

export const load = async ({ params }) => {
	const deck = await loadDeckOutline(params.deck);
	if (!deck) error(404, `There is no deck called "${params.deck}".`);
	return { deck, sections: studyGuide(deck) };
};
