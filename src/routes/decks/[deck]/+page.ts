import { error } from '@sveltejs/kit';
import { deckIds, loadDeck } from '$lib/content/decks';
import { studyGuide } from '$lib/content/guide';
import regionMap from 'virtual:region-map';

export const entries = () => deckIds().map((deck) => ({ deck }));

// The study guide is text and links only: it is sent as its prerendered HTML with no JavaScript,
// so a long guide opens at once on a slow phone. The service worker serves it offline all the same.
export const csr = false;

// Run only as the page is prerendered (no JavaScript in the browser), so the whole deck costs nothing on the phone.
export const load = async ({ params }) => {
	const deck = await loadDeck(params.deck);
	if (!deck) error(404, `There is no deck called "${params.deck}".`);
	return { deck, sections: studyGuide(deck), map: regionMap };
};
