/** Reads what the statistics page needs from the database; the numbers themselves are computed in `page.ts` and the modules it puts together. */
import Dexie, { type IndexableType } from 'dexie';
import type { StudyDatabase } from '$lib/db/db';
import { MATURE_DAYS, State } from '$lib/db/card-state';
import { DEFAULT_SETTINGS, readSettings } from '$lib/db/settings';
import { NO_STATES, type StoredStates } from './facts';
import { FORECAST_DAYS, forecastBounds } from './future-due';
import type { StatsInput } from './page';

export type StatsSnapshot = StatsInput;

/**
 * The review tallies of every day and, of the fact states of the given decks, keys and counts read
 * from the keys and indexes: never the review log nor the states' rows, which a long history makes
 * hundreds of thousands and tens of thousands. Which facts have a state comes from the primary keys,
 * several times cheaper to read than an index's; of the states, only the keys of those not mature are
 * read, few in a long history.
 */
export async function loadStats(db: StudyDatabase, deckIds: readonly string[], now: number): Promise<StatsSnapshot> {
	return db.transaction('r', db.factStates, db.reviewDays, db.settings, async () => {
		const { rolloverHour } = await readSettings(db);
		const bounds = forecastBounds(now, rolloverHour, FORECAST_DAYS);
		const perDeck = (read: (deckId: string) => Promise<string[]>) =>
			Promise.all(deckIds.map(read)).then((keys) => keys.flat());
		// Keys of a deck's states in `state` with an interval from `fromDays` to before `toDays`.
		const inState =
			(state: number, fromDays: IndexableType = Dexie.minKey, toDays: IndexableType = Dexie.maxKey) =>
			(deckId: string) =>
				db.factStates
					.where('[deckId+state+scheduled_days]')
					.between([deckId, state, fromDays], [deckId, state, toDays])
					.primaryKeys();
		// Day i's count: due from its start (from the beginning of time for today: overdue counts today) to the next day's.
		const dueOn = (i: number) =>
			Promise.all(
				deckIds.map((deckId) =>
					db.factStates
						.where('[deckId+due]')
						.between([deckId, i === 0 ? Dexie.minKey : bounds[i]], [deckId, bounds[i + 1]])
						.count()
				)
			).then((counts) => counts.reduce((a, b) => a + b, 0));
		const [days, studied, fresh, learning, relearning, young, dueByDay] = await Promise.all([
			db.reviewDays.toArray(),
			perDeck((deckId) => db.factStates.where('key').startsWith(`${deckId}/`).primaryKeys()),
			perDeck(inState(State.New)),
			perDeck(inState(State.Learning)),
			perDeck(inState(State.Relearning)),
			perDeck(inState(State.Review, Dexie.minKey, MATURE_DAYS)),
			Promise.all(Array.from({ length: FORECAST_DAYS }, (_, i) => dueOn(i)))
		]);
		const states: StoredStates = { studied, new: fresh, learning, relearning, young, dueByDay };
		return { now, rolloverHour, states, days };
	});
}

/** What `loadStats` finds in an empty database: a first visit shows it without creating one. */
export const emptyStats = (now: number): StatsSnapshot => ({
	now,
	rolloverHour: DEFAULT_SETTINGS.rolloverHour,
	states: { ...NO_STATES, dueByDay: Array<number>(FORECAST_DAYS).fill(0) },
	days: []
});
