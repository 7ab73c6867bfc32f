import { error } from '@sveltejs/kit';
import { loadAnyQuizIndex } from '$lib/decks/library';

// The builder needs only the deck's quiz index (tags and question types, to count); the quiz and its
// results load the whole deck in their own +page.ts, and the builder loads it when a quiz starts.
export const load = async ({ params }) => {
	const index = await loadAnyQuizIndex(params.deck);
	if (!index) error(404, `There is no deck called "${params.deck}" on this device.`);
	return { index };
};
