/**
 * Suspended cards, as in Anki: a student suspends a card while studying (or an Anki package brings it in
 * suspended or buried), and no study session shows it, nor any count of cards to study counts it, until it
 * is unsuspended. The suspension is kept with the card's fact (one per fact, whichever of its cards was on
 * screen); the fact's state and review history are left as they are, so an unsuspended card comes back where
 * its schedule says. Backups carry suspensions; deleting a deck or resetting progress removes them. The day's
 * queue reads them through suspended-ids.ts.
 */
import type { StudyDatabase } from './db';
import type { SuspendedRow } from './rows';
import { suspensionsOf } from './suspended-ids';

/** Suspends a card; suspending it again keeps the first time it was suspended. */
export async function suspendCard(
	db: StudyDatabase,
	card: Pick<SuspendedRow, 'deckId' | 'factId' | 'front'>,
	now: number
): Promise<void> {
	await db.transaction('rw', db.suspended, async () => {
		if (!(await db.suspended.get([card.deckId, card.factId]))) await db.suspended.add({ ...card, suspendedAt: now });
	});
}

export async function unsuspendCard(db: StudyDatabase, deckId: string, factId: string): Promise<void> {
	await db.suspended.delete([deckId, factId]);
}

/** The deck's suspended cards, the latest suspended first. */
export async function listSuspended(db: StudyDatabase, deckId: string): Promise<SuspendedRow[]> {
	return (await suspensionsOf(db, deckId).toArray()).sort((a, b) => b.suspendedAt - a.suspendedAt);
}

/** Removes the deck's suspensions (the deck is deleted); returns them, for an undo to put back. */
export async function removeDeckSuspensions(db: StudyDatabase, deckId: string): Promise<SuspendedRow[]> {
	const rows = await suspensionsOf(db, deckId).toArray();
	await suspensionsOf(db, deckId).delete();
	return rows;
}
