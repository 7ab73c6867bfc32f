import { goto } from '$app/navigation';
import { resolve } from '$app/paths';

/**
 * Opens a user's deck's own page. It is one prerendered page that reads the deck's id from the query:
 * the address /decks/<id> is the bundled decks' study guide, prerendered with no JavaScript.
 */
export const openDeckPage = (id: string): Promise<void> =>
	goto(`${resolve('/decks/edit')}?id=${encodeURIComponent(id)}`);
