import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StudyDatabase } from './db';
import { countReviews, hourStart, tallyReviews } from './review-hours';

const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute);
const mature = {
	due: 0,
	stability: 40,
	difficulty: 5,
	elapsed_days: 30,
	scheduled_days: 30,
	learning_steps: 0,
	reps: 5,
	lapses: 0,
	state: 2 as const
};
const review = (time: Date, rating: 1 | 2 | 3 | 4, before: typeof mature | null) => ({
	time: time.getTime(),
	rating,
	before
});

describe('review tallies per hour', () => {
	it('group reviews by local clock hour and count the mature ones and their passes', () => {
		expect(
			tallyReviews([
				review(at(10, 9, 59), 1, mature),
				review(at(10, 9, 0), 3, mature),
				review(at(10, 9, 30), 3, null),
				review(at(10, 10), 2, mature)
			])
		).toEqual([
			{ hour: at(10, 9).getTime(), reviews: 3, mature: 2, maturePassed: 1 },
			{ hour: at(10, 10).getTime(), reviews: 1, mature: 1, maturePassed: 1 }
		]);
		expect(hourStart(at(10, 9, 59).getTime() + 999)).toBe(at(10, 9).getTime());
	});
});

describe('stored review tallies', () => {
	let db: StudyDatabase;
	let n = 0;
	beforeEach(async () => {
		db = new StudyDatabase(`review-hours-${++n}`);
		await db.open();
	});
	afterEach(() => db.delete());

	it('add reviews to their hours and take them away, removing an hour left with none', async () => {
		const first = review(at(10, 9), 3, mature);
		const second = review(at(10, 9, 30), 1, null);
		await countReviews(db, [first, second]);
		await countReviews(db, [review(at(10, 10), 3, null)]);
		expect(await db.reviewHours.toArray()).toEqual([
			{ hour: at(10, 9).getTime(), reviews: 2, mature: 1, maturePassed: 1 },
			{ hour: at(10, 10).getTime(), reviews: 1, mature: 0, maturePassed: 0 }
		]);

		await countReviews(db, [first], -1);
		await countReviews(db, [review(at(10, 10), 3, null)], -1);
		expect(await db.reviewHours.toArray()).toEqual([
			{ hour: at(10, 9).getTime(), reviews: 1, mature: 0, maturePassed: 0 }
		]);
	});
});
