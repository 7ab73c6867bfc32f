/**
 * Reading the user's own decks (`userDecks`, `userCards`, schema version 5). Small, for the pages that
 * list or open decks; every change goes through user-deck-edits.ts, where the whole storage API is
 * described.
 */
import Dexie from 'dexie';
import type { StudyDatabase } from './db';
import type { UserCardRow, UserDeckRow } from './rows';

/** A user's deck as a list shows it. */
export interface UserDeckListing extends UserDeckRow {
	cardCount: number;
}

/** The range of the [deckId+position] index that holds one deck's cards, in order. */
export const cardsOf = (db: StudyDatabase, deckId: string) =>
	db.userCards.where('[deckId+position]').between([deckId, Dexie.minKey], [deckId, Dexie.maxKey]);

/** Every user's deck with its number of cards, the newest first. */
export async function listUserDecks(db: StudyDatabase): Promise<UserDeckListing[]> {
	const decks = await db.userDecks.toArray();
	const counts = await Promise.all(decks.map((d) => cardsOf(db, d.id).count()));
	return decks.map((d, i) => ({ ...d, cardCount: counts[i]! })).sort((a, b) => b.created - a.created);
}

/** The deck's card ids in the deck's order: its fact ids, for the day's queue and the home counts. */
export const userCardIds = (db: StudyDatabase, deckId: string): Promise<string[]> => cardsOf(db, deckId).primaryKeys();

/** The deck and its cards in order, read together; undefined when there is no such deck. */
export async function readUserDeck(
	db: StudyDatabase,
	deckId: string
): Promise<{ deck: UserDeckRow; cards: UserCardRow[] } | undefined> {
	return db.transaction('r', db.userDecks, db.userCards, async () => {
		const deck = await db.userDecks.get(deckId);
		return deck && { deck, cards: await cardsOf(db, deckId).toArray() };
	});
}
