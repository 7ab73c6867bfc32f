import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StudyDatabase } from '$lib/db/db';
import { openTestDatabase } from '$lib/db/test-database';
import { foldHours } from '$lib/db/review-days';
import { tallyReviews } from '$lib/db/review-hours';
import { allReviews } from '$lib/db/review-archive';
import { otherDevicesBackup, runSteps, step } from './write-steps';

vi.setConfig({ testTimeout: 60_000 });

let db: StudyDatabase;
beforeEach(async () => {
	db = await openTestDatabase();
});
afterEach(() => db.delete());

/** The stored day rows must always be a fold of the hour rows, and those a tally of the whole log. */
async function expectInStep(target: StudyDatabase) {
	const hours = await target.reviewHours.toArray();
	expect(hours).toEqual(tallyReviews(await allReviews(target)));
	expect(await target.reviewDays.toArray()).toEqual(foldHours(hours));
}

describe('review tallies per day', () => {
	it('keep each calendar day by its local hours', () => {
		const at = (day: number, hour: number) => new Date(2026, 10, day, hour).getTime();
		const days = foldHours([
			{ hour: at(10, 3), reviews: 2, mature: 1, maturePassed: 1 },
			{ hour: at(10, 23), reviews: 1, mature: 0, maturePassed: 0 },
			{ hour: at(12, 0), reviews: 4, mature: 2, maturePassed: 1 }
		]);
		expect(days.map((d) => d.day)).toEqual([at(10, 0), at(12, 0)]);
		expect(days[0]!.reviews[3]).toBe(2);
		expect(days[0]!.reviews[23]).toBe(1);
		expect(days[0]!.reviews.reduce((a, b) => a + b)).toBe(3);
		expect(days[1]!.mature[0]).toBe(2);
		expect(days[1]!.maturePassed[0]).toBe(1);
	});

	it('equal a fold of the hour tallies after any history of ratings, undos, imports, resets and deletions', async () => {
		const backup = await otherDevicesBackup();
		await fc.assert(
			fc.asyncProperty(fc.array(step, { maxLength: 12 }), (steps) =>
				runSteps(db, steps, backup, () => expectInStep(db))
			),
			{ numRuns: 40 }
		);
	});
});
