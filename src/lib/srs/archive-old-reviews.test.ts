import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Rating } from 'ts-fsrs';
import { useTestDatabase } from '$lib/db/test-database';
import { reviewLogTables } from '$lib/db/review-log';
import { allReviews, archiveReviews } from '$lib/db/review-archive';
import { tallyReviews } from '$lib/db/review-hours';
import { archiveOldReviews } from './archive-old-reviews';
import { studyDayStartAt } from './queue/day';
import { RATED_SINCE, undoReview } from './review';
import { loadDeckQueue } from './queue/reads';
import { at, deck, rateFact } from './test-fixtures';
import { DEFAULT_SETTINGS } from '$lib/db/settings';

const db = useTestDatabase();
const noPause = () => Promise.resolve();

describe('the older ratings moved into the packed log', () => {
	it('moves the ratings from before yesterday, keeps the log, its tallies and the day’s queue as they were', async () => {
		for (const day of [8, 9, 10]) {
			await rateFact(db(), 'fact-00', Rating.Good, at(day, 9));
			await rateFact(db(), 'fact-01', Rating.Again, at(day, 9, 30));
		}
		const now = at(10, 12).getTime();
		const log = await allReviews(db());
		const queue = await loadDeckQueue(db(), deck, DEFAULT_SETTINGS, now);
		expect(await archiveOldReviews(db(), now, undefined, noPause)).toBe(2);
		expect((await db().reviews.toArray()).every((r) => r.time >= studyDayStartAt(now, 4, -1))).toBe(true);
		expect(await db().reviews.count()).toBe(4);
		expect(await allReviews(db())).toEqual(log);
		expect(await db().reviewHours.toArray()).toEqual(tallyReviews(log));
		expect(await loadDeckQueue(db(), deck, DEFAULT_SETTINGS, now)).toEqual(queue);
		// Nothing left to move.
		expect(await archiveOldReviews(db(), now, undefined, noPause)).toBe(0);
	});

	it('stops when asked', async () => {
		await rateFact(db(), 'fact-00', Rating.Good, at(1, 9));
		const stop = new AbortController();
		stop.abort();
		expect(await archiveOldReviews(db(), at(10, 12).getTime(), stop.signal, noPause)).toBe(0);
		expect(await db().reviews.count()).toBe(1);
	});

	it('an own rating is undone next to archived reviews, unless an archived one of its fact is later', async () => {
		await rateFact(db(), 'fact-00', Rating.Good, at(8, 9));
		await rateFact(db(), 'fact-00', Rating.Again, at(9, 9));
		await archiveOldReviews(db(), at(10, 12).getTime(), undefined, noPause);
		const rating = await rateFact(db(), 'fact-00', Rating.Good, at(10, 9));
		expect((await undoReview(db(), rating.id!))?.id).toBe(rating.id);
		expect(await db().factStates.get(rating.factKey)).toMatchObject(rating.before!);

		// A later review of the fact arrived in bulk (a merged backup, say): taking back the older one would overwrite it.
		const again = await rateFact(db(), 'fact-01', Rating.Good, at(10, 9));
		await db().transaction('rw', reviewLogTables(db()), () =>
			archiveReviews(db(), [{ ...again, id: undefined, time: again.time + 60_000 }])
		);
		await expect(undoReview(db(), again.id!)).rejects.toThrow(RATED_SINCE);
	});
});
