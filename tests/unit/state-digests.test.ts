import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StudyDatabase } from '$lib/db/db';
import { openTestDatabase } from '$lib/db/test-database';
import { DIGEST_SHARDS, digestRows, shardOf, type StateDigestRow } from '$lib/db/state-digests';
import { readStateDigests } from '$lib/db/state-digests-read';
import { otherDevicesBackup, runSteps, step } from './write-steps';

vi.setConfig({ testTimeout: 60_000 });

let db: StudyDatabase;
beforeEach(async () => {
	db = await openTestDatabase();
});
afterEach(() => db.delete());

const inOrder = (rows: StateDigestRow[]) => rows.sort((a, b) => a.deckId.localeCompare(b.deckId) || a.shard - b.shard);

/** The stored digests must always be those of the stored states: no entry missing, stale or left over, no empty row. */
async function expectInStep(target: StudyDatabase) {
	expect(inOrder(await target.stateDigests.toArray())).toEqual(inOrder(digestRows(await target.factStates.toArray())));
}

describe('digests of the fact states', () => {
	it('spread a deck over the shards and read back as its states', async () => {
		const ids = Array.from({ length: 2000 }, (_, i) => `fact-${i}`);
		const perShard = Array<number>(DIGEST_SHARDS).fill(0);
		for (const id of ids) perShard[shardOf(id)]!++;
		// Each shard holds about its share (31 of 2,000): a rating rewrites a small row.
		expect(Math.max(...perShard)).toBeLessThan(60);
		expect(Math.min(...perShard)).toBeGreaterThan(10);

		const state = (deckId: string, factId: string, state: number, days: number) => ({
			key: `${deckId}/${factId}`,
			deckId,
			factId,
			due: 1000 + days,
			stability: 1,
			difficulty: 5,
			elapsed_days: 0,
			scheduled_days: days,
			learning_steps: 0,
			reps: 1,
			lapses: 0,
			state
		});
		await db.factStates.bulkPut(ids.map((id, i) => state('d', id, i % 4, i % 50)));
		await db.factStates.put(state('other', 'fact-1', 1, 0));
		const read = await readStateDigests(db, ['d', 'missing']);
		expect([...read.keys()]).toEqual(['d']);
		expect(read.get('d')?.size).toBe(2000);
		expect(read.get('d')?.get('fact-7')).toEqual([3, 7, 1007]);
		expect((await readStateDigests(db, ['other'])).get('other')?.get('fact-1')).toEqual([1, 0, 1000]);
	});

	it('equal the digests of the states after any history of ratings, undos, imports, resets, deletions and parallel writes', async () => {
		const backup = await otherDevicesBackup();
		await fc.assert(
			fc.asyncProperty(fc.array(step, { maxLength: 12 }), (steps) =>
				runSteps(db, steps, backup, () => expectInStep(db))
			),
			{ numRuns: 40 }
		);
	});

	it('leave the database as it was when the write they belong to fails', async () => {
		await runSteps(db, [{ kind: 'rate', fact: 'a', rating: 3, hours: 0 }], await otherDevicesBackup(), () =>
			expectInStep(db)
		);
		const before = await db.stateDigests.toArray();
		const failing = db.transaction('rw', db.factStates, async () => {
			await db.factStates.put({ ...(await db.factStates.get('d/a'))!, factId: 'a', scheduled_days: 99 });
			throw new Error('the disk is full');
		});
		await expect(failing).rejects.toThrow('the disk is full');
		expect(await db.stateDigests.toArray()).toEqual(before);
		await expectInStep(db);
	});
});
