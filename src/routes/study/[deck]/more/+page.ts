// The deck's custom study, loaded as its study page loads the deck (prerendered for bundled decks, from
// the app shell for a user's). Written out again, not imported from ../+page: shared, that load became
// a file of its own on the way to the first card.
import { error } from '@sveltejs/kit';
import { ALL_DECKS, deckIds, loadDeckOutline } from '$lib/content/decks';
import type { DeckOutline } from '$lib/content/schema';
import { isUserDeckId } from '$lib/db/rows';

export const entries = () => [ALL_DECKS, ...deckIds()].map((deck) => ({ deck }));

export const load = async ({ params: { deck: name } }) => {
	const decks =
		name === ALL_DECKS || isUserDeckId(name)
			? await (await import('$lib/decks/library')).studyOutlines(name)
			: [await loadDeckOutline(name)];
	if (!decks[0]) error(404, `There is no deck called "${name}".`);
	return { name, title: name === ALL_DECKS ? 'All decks' : decks[0].title, decks: decks as DeckOutline[] };
};
