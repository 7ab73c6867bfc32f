import { error } from '@sveltejs/kit';
import { loadQuizIndex } from '$lib/content/decks';

// The builder needs only the deck's quiz index (tags and question types, to count); the quiz and its
// results load the whole deck in their own +page.ts, and the builder loads it when a quiz starts.
export const load = async ({ params }) => {
	const index = await loadQuizIndex(params.deck);
	if (!index) error(404, `There is no deck called "${params.deck}".`);
	return { index };
};
