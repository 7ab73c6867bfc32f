import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StudyDatabase } from './db';
import { openTestDatabase } from './test-database';
import { flagCard, isFlagged, listFlaggedCards, listFlags, unflagCard } from './flags';
import { suspendCard, unsuspendCard } from './suspended';

let db: StudyDatabase;
beforeEach(async () => {
	db = await openTestDatabase();
});
afterEach(() => db.delete());

describe('flagged cards', () => {
	it('keeps a flag with its fact, lists the latest first, and takes it off', async () => {
		await flagCard(db, { deckId: 'central-asia', factId: 'a', front: 'Front A' }, 1_000);
		await flagCard(db, { deckId: 'u-1', factId: 'b', front: 'Front B' }, 2_000);
		expect(await isFlagged(db, 'central-asia', 'a')).toBe(true);
		expect(await isFlagged(db, 'central-asia', 'b')).toBe(false);
		expect(await listFlags(db)).toEqual([
			{ deckId: 'u-1', factId: 'b', front: 'Front B', flaggedAt: 2_000 },
			{ deckId: 'central-asia', factId: 'a', front: 'Front A', flaggedAt: 1_000 }
		]);
		await unflagCard(db, 'central-asia', 'a');
		expect((await listFlags(db)).map((f) => f.factId)).toEqual(['b']);
	});

	it('flagging a card again, from another of its sides, keeps the first flag', async () => {
		await flagCard(db, { deckId: 'd', factId: 'a', front: 'First side' }, 1_000);
		await flagCard(db, { deckId: 'd', factId: 'a', front: 'Second side' }, 5_000);
		expect(await listFlags(db)).toEqual([{ deckId: 'd', factId: 'a', front: 'First side', flaggedAt: 1_000 }]);
	});

	it('marks a flagged card that is suspended too, of its own deck only, until it is unsuspended', async () => {
		await flagCard(db, { deckId: 'd', factId: 'a', front: 'Front A' }, 1_000);
		await flagCard(db, { deckId: 'd', factId: 'b', front: 'Front B' }, 2_000);
		await suspendCard(db, { deckId: 'd', factId: 'a', front: 'Front A' }, 3_000);
		await suspendCard(db, { deckId: 'other', factId: 'b', front: 'Front B' }, 3_000);
		expect(await listFlaggedCards(db)).toEqual([
			{ deckId: 'd', factId: 'b', front: 'Front B', flaggedAt: 2_000, suspended: false },
			{ deckId: 'd', factId: 'a', front: 'Front A', flaggedAt: 1_000, suspended: true }
		]);
		await unsuspendCard(db, 'd', 'a');
		expect((await listFlaggedCards(db)).map((f) => f.suspended)).toEqual([false, false]);
	});
});
