/**
 * The user's decks as library.ts gives them: read in the browser only, and only from a database that
 * exists, since a first visit creates none (see `databaseExists`).
 */
import type { Deck, DeckOutline } from '$lib/content/schema';
import { appDatabase, databaseExists } from '$lib/db/db';
import { listUserDecks, readUserDeck } from '$lib/db/user-decks';
import type { LibraryDeck } from './library';

/** Whether the user's decks can be read here: in a browser, from a database that exists. */
const readable = async (): Promise<boolean> => typeof indexedDB !== 'undefined' && (await databaseExists());

/** The deck's rows, and the conversions to the app's `Deck` (with the question generator: loaded once a deck is found). */
async function stored(id: string) {
	const found = (await readable()) ? await readUserDeck(appDatabase(), id) : undefined;
	return found && { ...found, ...(await import('./deck-from-cards')) };
}

/** The user's decks as a list shows them, the newest first; none where they cannot be read. */
export async function userDecks(): Promise<LibraryDeck[]> {
	if (!(await readable())) return [];
	return (await listUserDecks(appDatabase())).map((d) => ({
		id: d.id,
		kind: 'user',
		title: d.title,
		description: d.description,
		factCount: d.cardCount
	}));
}

export async function loadUserDeck(id: string): Promise<Deck | undefined> {
	const found = await stored(id);
	return found?.deckFromCards(found.deck, found.cards);
}

export async function loadUserDeckOutline(id: string): Promise<DeckOutline | undefined> {
	const found = await stored(id);
	return found?.outlineFromCards(found.deck, found.cards);
}
