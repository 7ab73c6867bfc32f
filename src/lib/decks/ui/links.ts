import { goto } from '$app/navigation';
import { resolve } from '$app/paths';

/**
 * Opens a user's deck's own page. It is one prerendered page that reads the deck's id from the query:
 * the address /decks/<id> is the bundled decks' study guide, prerendered with no JavaScript.
 */
export const openDeckPage = (id: string): Promise<void> =>
	// eslint-disable-next-line svelte/no-navigation-without-resolve -- the path is resolved; the query follows it
	goto(`${resolve('/decks/edit')}?id=${encodeURIComponent(id)}`);
