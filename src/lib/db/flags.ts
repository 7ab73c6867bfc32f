/**
 * Flagged cards: a student marks a card while studying (it looks wrong or badly worded, or is worth
 * another look), finds it listed in Settings, opens it (or unsuspends it, when it is suspended too) or
 * takes the flag off. The flag is kept with the card's fact (one per fact, whichever of its cards was on
 * screen) and travels in backups.
 */
import type { StudyDatabase } from './db';
import type { FlagRow } from './rows';

export async function isFlagged(db: StudyDatabase, deckId: string, factId: string): Promise<boolean> {
	return (await db.flags.get([deckId, factId])) !== undefined;
}

/** Flags a card; flagging it again keeps the first time it was flagged. */
export async function flagCard(
	db: StudyDatabase,
	card: Pick<FlagRow, 'deckId' | 'factId' | 'front'>,
	now: number
): Promise<void> {
	await db.transaction('rw', db.flags, async () => {
		if (!(await db.flags.get([card.deckId, card.factId]))) await db.flags.add({ ...card, flaggedAt: now });
	});
}

export async function unflagCard(db: StudyDatabase, deckId: string, factId: string): Promise<void> {
	await db.flags.delete([deckId, factId]);
}

/** Every flagged card, the latest flagged first. */
export async function listFlags(db: StudyDatabase): Promise<FlagRow[]> {
	return db.flags.orderBy('flaggedAt').reverse().toArray();
}

export interface FlaggedCard extends FlagRow {
	/** Suspended too: no study session shows it, so the list offers Unsuspend rather than Open. */
	suspended: boolean;
}

/** Every flagged card, the latest flagged first, with whether it is suspended too (read in one transaction). */
export async function listFlaggedCards(db: StudyDatabase): Promise<FlaggedCard[]> {
	return db.transaction('r', db.flags, db.suspended, async () => {
		const flags = await listFlags(db);
		const suspended = await db.suspended.bulkGet(flags.map((f): [string, string] => [f.deckId, f.factId]));
		return flags.map((flag, i) => ({ ...flag, suspended: suspended[i] !== undefined }));
	});
}
