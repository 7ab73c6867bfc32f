import { error } from '@sveltejs/kit';
import { browser } from '$app/environment';
import { databaseExists } from '$lib/db/db';
import { ALL_DECKS, deckIds, loadDeckOutline } from '$lib/content/decks';
import type { DeckOutline } from '$lib/content/schema';
import { isUserDeckId } from '$lib/db/rows';

// Bundled decks are prerendered; a user's deck opens from the app shell (200.html) and loads in the browser.
export const entries = () => [ALL_DECKS, ...deckIds()].map((deck) => ({ deck }));

export const load = async ({ params: { deck: name } }) => {
	// The first question to this site's IndexedDB makes the browser open its store, which takes longer the more the
	// store holds (seconds with a long history and mass deletions behind it: README, bench). Asked now, it runs in the
	// browser while the deck loads and the page hydrates, and the session's own question finds the store open.
	if (browser) {
		const asked = performance.now();
		// A failure is the session's to report, when it asks the same question.
		void databaseExists().then(
			() => performance.measure('study:database-warmed', { start: asked }),
			() => {}
		);
	}
	// The library, which knows the user's decks, loads only where they may be studied: a bundled
	// deck's session reaches its first card within its JavaScript budget.
	const decks =
		name === ALL_DECKS || isUserDeckId(name)
			? await (await import('$lib/decks/library')).studyOutlines(name)
			: [await loadDeckOutline(name)];
	if (!decks[0]) error(404, `There is no deck called "${name}".`);
	return { name, title: name === ALL_DECKS ? 'All decks' : decks[0].title, decks: decks as DeckOutline[] };
};
