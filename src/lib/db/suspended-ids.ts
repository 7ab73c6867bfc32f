/**
 * The one read of suspended cards on the way to a study session's first card (and home's counts): which
 * facts of a deck are suspended. A module of its own, so that suspended.ts, which changes them, loads on use.
 */
import Dexie from 'dexie';
import type { StudyDatabase } from './db';

/** A deck's suspensions: the range of its id in the [deckId+factId] primary key. */
export const suspensionsOf = (db: StudyDatabase, deckId: string) =>
	db.suspended.where('[deckId+factId]').between([deckId, Dexie.minKey], [deckId, Dexie.maxKey]);

/** The ids of the deck's suspended facts. */
export async function suspendedFactIds(db: StudyDatabase, deckId: string): Promise<string[]> {
	return (await suspensionsOf(db, deckId).primaryKeys()).map(([, factId]) => factId);
}
