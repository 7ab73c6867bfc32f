/** Reads what the statistics page needs from the database; the numbers themselves are computed in `page.ts` and the modules it puts together. */
import type { StudyDatabase } from '$lib/db/db';
import type { FactState } from '$lib/db/rows';
import { DEFAULT_SETTINGS, readSettings } from '$lib/db/settings';
import type { StatsInput } from './page';

export interface StatsSnapshot extends StatsInput {
	states: FactState[];
}

/** Every fact state and the review tallies of every hour (never the review log itself: it can hold hundreds of thousands of rows). */
export async function loadStats(db: StudyDatabase, now: number): Promise<StatsSnapshot> {
	return db.transaction('r', db.factStates, db.reviewHours, db.settings, async () => {
		const [{ rolloverHour }, states, hours] = await Promise.all([readSettings(db), db.factStates.toArray(), db.reviewHours.toArray()]);
		return { now, rolloverHour, states, hours };
	});
}

/** What `loadStats` finds in an empty database: a first visit shows it without creating one. */
export const emptyStats = (now: number): StatsSnapshot => ({ now, rolloverHour: DEFAULT_SETTINGS.rolloverHour, states: [], hours: [] });
