import { error } from '@sveltejs/kit';
import { ALL_DECKS, deckIds, loadDeckOutline } from '$lib/content/decks';
import type { DeckOutline } from '$lib/content/schema';
import { isUserDeckId } from '$lib/db/rows';

// Bundled decks are prerendered; a user's deck opens from the app shell (200.html) and loads in the browser.
export const entries = () => [ALL_DECKS, ...deckIds()].map((deck) => ({ deck }));

export const load = async ({ params: { deck: name } }) => {
	// The library, which knows the user's decks, loads only where they may be studied: a bundled
	// deck's session reaches its first card within its JavaScript budget.
	const decks =
		name === ALL_DECKS || isUserDeckId(name)
			? await (await import('$lib/decks/library')).studyOutlines(name)
			: [await loadDeckOutline(name)];
	if (!decks[0]) error(404, `There is no deck called "${name}".`);
	return { name, title: name === ALL_DECKS ? 'All decks' : decks[0].title, decks: decks as DeckOutline[] };
};
