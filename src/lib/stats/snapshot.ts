/** Reads what the statistics page needs from the database; the numbers themselves are computed in `page.ts` and the modules it puts together. */
import type { StudyDatabase } from '$lib/db/db';
import { DEFAULT_SETTINGS, readSettings } from '$lib/db/settings';
import { readStateDigests } from '$lib/db/state-digests-read';
import { NO_STATES } from './facts';
import type { StatsInput } from './page';

export type StatsSnapshot = StatsInput;

/**
 * The review tallies of every day and the digests of the given decks' fact states: never the review log
 * nor the states' rows, which a long history makes hundreds of thousands and tens of thousands.
 */
export async function loadStats(db: StudyDatabase, deckIds: readonly string[], now: number): Promise<StatsSnapshot> {
	return db.transaction('r', db.stateDigests, db.reviewDays, db.settings, async () => {
		const [{ rolloverHour }, days, states] = await Promise.all([
			readSettings(db),
			db.reviewDays.toArray(),
			readStateDigests(db, deckIds)
		]);
		return { now, rolloverHour, states, days };
	});
}

/** What `loadStats` finds in an empty database: a first visit shows it without creating one. */
export const emptyStats = (now: number): StatsSnapshot => ({
	now,
	rolloverHour: DEFAULT_SETTINGS.rolloverHour,
	states: NO_STATES,
	days: []
});
