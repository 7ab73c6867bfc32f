import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Grade } from 'ts-fsrs';
import { StudyDatabase } from '$lib/db/db';
import { openTestDatabase } from '$lib/db/test-database';
import { recordReview, undoReview } from '$lib/srs/review';
import { exportBackup, importBackup, resetProgress } from '$lib/backup/backup';
import { checkBackup } from '$lib/backup/format';
import { tallyReviews } from '$lib/db/review-hours';
import { allReviews } from '$lib/db/review-archive';

let db: StudyDatabase;
beforeEach(async () => {
	db = await openTestDatabase();
});
afterEach(() => db.delete());

const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute);
const rate = (target: StudyDatabase, factId: string, rating: Grade, now: Date) =>
	recordReview(target, { deckId: 'd', factId, rating, now, retention: 0.9, source: 'flashcard', durationMs: 2000 });

/** The stored tallies must always be what tallying the whole log gives. */
async function expectInStep(target: StudyDatabase) {
	expect(await target.reviewHours.toArray()).toEqual(tallyReviews(await allReviews(target)));
}

// The review log's hourly tallies are written by the modules that write the log: a rating, an undo,
// a backup's import and a reset. Whatever the path, the tallies must equal a tally of the whole log.
describe('review tallies per hour', () => {
	it('stay in step with the log through ratings and undos', async () => {
		await rate(db, 'a', 3, at(10, 9));
		await rate(db, 'b', 1, at(10, 9, 5));
		const third = await rate(db, 'b', 3, at(10, 10, 1));
		const fourth = await rate(db, 'a', 4, at(12, 8));
		await expectInStep(db);
		expect((await db.reviewHours.toArray()).map((h) => h.reviews)).toEqual([2, 1, 1]);

		await undoReview(db, fourth.id!);
		await expectInStep(db);
		await undoReview(db, third.id!);
		await expectInStep(db);
		// Undoing an hour's only review removes the hour.
		expect(await db.reviewHours.count()).toBe(1);
	});

	it('stay in step through an import, replacing or merging, and a reset', async () => {
		await rate(db, 'a', 3, at(10, 9));
		await rate(db, 'b', 3, at(10, 9, 1));
		const file = checkBackup(await (await exportBackup(db, at(11, 9).getTime())).file.text());
		if (!file.ok) throw new Error(file.message);

		const other = await openTestDatabase();
		try {
			await rate(other, 'c', 3, at(10, 9, 30));
			await rate(other, 'c', 1, at(20, 9));
			await importBackup(other, file.backup, 'merge');
			await expectInStep(other);
			expect((await other.reviewHours.get(at(10, 9).getTime()))?.reviews).toBe(3);

			await importBackup(other, file.backup, 'replace');
			await expectInStep(other);
			expect(await other.reviewHours.toArray()).toEqual(await db.reviewHours.toArray());

			await resetProgress(other);
			expect(await other.reviewHours.count()).toBe(0);
		} finally {
			await other.delete();
		}
	});
});
