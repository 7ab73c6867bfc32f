/** Reads what the statistics page needs from the database; the numbers themselves are computed in `stats.ts`. */
import type { FactState, ReviewRow, StudyDatabase } from '$lib/db/db';
import { readSettings } from '$lib/db/settings';
import { windowStart, YEAR_DAYS, type StatsInput } from './stats';

export interface StatsSnapshot extends StatsInput {
	states: FactState[];
	reviews: ReviewRow[];
}

/** Every fact state, the reviews of the past year (through the `time` index) and the count of all reviews. */
export async function loadStats(db: StudyDatabase, now: number): Promise<StatsSnapshot> {
	return db.transaction('r', db.factStates, db.reviews, db.settings, async () => {
		const { rolloverHour } = await readSettings(db);
		const since = windowStart(now, rolloverHour, YEAR_DAYS);
		const [states, reviews, totalReviews] = await Promise.all([
			db.factStates.toArray(),
			db.reviews.where('time').aboveOrEqual(since).toArray(),
			db.reviews.count()
		]);
		return { now, rolloverHour, states, reviews, totalReviews };
	});
}
