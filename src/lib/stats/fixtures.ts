/** Facts, card states and review histories for the statistics' tests, at a fixed local time. */
import { State } from 'ts-fsrs';
import type { FactState, ReviewRow, StoredCard } from '$lib/db/rows';
import type { Country, Theme } from '$lib/content/schema';
import { isMature } from '$lib/db/card-state';
import { foldHours } from '$lib/db/review-days';
import { tallyReviews } from '$lib/db/review-hours';
import type { StatsFact, StoredStates } from './facts';
import { FORECAST_DAYS, forecastBounds } from './future-due';
import { studyDayTallies, type StudyDayTallies } from './reviews';

// Local time, so the rollover hour means what it means on the user's phone. Month 10 is November.
export const at = (day: number, hour: number, minute = 0, month = 10, year = 2026) =>
	new Date(year, month, day, hour, minute).getTime();
export const NOW = at(15, 10); // Sunday 15 November 2026, 10:00
export const ROLLOVER = 4;

export const card = (state: State, scheduled_days: number, due = NOW): StoredCard => ({
	due,
	stability: scheduled_days,
	difficulty: 5,
	elapsed_days: 0,
	scheduled_days,
	learning_steps: 0,
	reps: 3,
	lapses: 0,
	state
});
export const MATURE = card(State.Review, 21);

let nextId = 0;
export const review = (time: number, rating: ReviewRow['rating'] = 3, before: StoredCard | null = null): ReviewRow => ({
	id: ++nextId,
	factKey: 'deck/f',
	deckId: 'deck',
	factId: 'f',
	time,
	rating,
	elapsedDays: 0,
	durationMs: 3000,
	source: 'flashcard',
	before,
	after: card(State.Review, 30)
});

export const fact = (
	factId: string,
	countries: Country[] = ['regional'],
	themes: Theme[] = ['security'],
	deckId = 'deck'
): StatsFact => ({
	deckId,
	factId,
	countries,
	themes
});
export const stateOf = (factId: string, c: StoredCard, deckId = 'deck'): FactState => ({
	key: `${deckId}/${factId}`,
	deckId,
	factId,
	...c
});

/**
 * What `loadStats` reads from the indexes, worked out here from the rows themselves, so the tests
 * can give the statistics any states and check that the indexes' reads match the rows.
 */
export function storedOf(states: readonly FactState[], now = NOW, rolloverHour = ROLLOVER): StoredStates {
	const bounds = forecastBounds(now, rolloverHour, FORECAST_DAYS);
	const keysIn = (state: number) => states.filter((s) => s.state === state).map((s) => s.key);
	const dueByDay = Array<number>(FORECAST_DAYS).fill(0);
	for (const s of states) {
		const day = bounds.findIndex((end, i) => i > 0 && s.due < end) - 1;
		if (day >= 0) dueByDay[day]!++;
	}
	return {
		studied: states.map((s) => s.key),
		new: keysIn(State.New),
		learning: keysIn(State.Learning),
		relearning: keysIn(State.Relearning),
		young: states.filter((s) => s.state === State.Review && !isMature(s)).map((s) => s.key),
		dueByDay
	};
}

/** The study days' tallies of the given reviews, as the statistics get them from the stored day tallies. */
export const talliesOf = (reviews: readonly ReviewRow[], rolloverHour = ROLLOVER): StudyDayTallies =>
	studyDayTallies(foldHours(tallyReviews(reviews)), rolloverHour);
