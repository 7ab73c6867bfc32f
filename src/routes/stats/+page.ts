import { loadAllOutlines } from '$lib/decks/library';
import type { StatsFact } from '$lib/stats/facts';

// Prerendered like the rest of the app: the bank is part of the build; the progress and the user's
// decks are read in the browser.
export const prerender = true;

export const load = async () => {
	const decks = await loadAllOutlines();
	// Only what the statistics need of each fact, to keep the page's data small.
	const facts: StatsFact[] = decks.flatMap((deck) =>
		deck.facts.map((f) => ({ deckId: deck.id, factId: f.id, countries: f.countries, themes: f.themes }))
	);
	return { facts };
};
