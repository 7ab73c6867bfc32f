/** Facts, card states and review histories for the statistics' tests, at a fixed local time. */
import { State } from 'ts-fsrs';
import type { FactState, ReviewRow, StoredCard } from '$lib/db/rows';
import type { Country, Theme } from '$lib/content/schema';
import { foldHours } from '$lib/db/review-days';
import { tallyReviews } from '$lib/db/review-hours';
import { digestOf, type StateDigest } from '$lib/db/state-digests';
import type { StatsFact, StoredStates } from './facts';
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

/** What `loadStats` reads of the given states: their digests by deck and fact, as the database keeps them. */
export function storedOf(states: readonly FactState[]): StoredStates {
	const stored = new Map<string, Map<string, StateDigest>>();
	for (const state of states) {
		const deck = stored.get(state.deckId) ?? new Map<string, StateDigest>();
		stored.set(state.deckId, deck.set(state.factId, digestOf(state)));
	}
	return stored;
}

/** The study days' tallies of the given reviews, as the statistics get them from the stored day tallies. */
export const talliesOf = (reviews: readonly ReviewRow[], rolloverHour = ROLLOVER): StudyDayTallies =>
	studyDayTallies(foldHours(tallyReviews(reviews)), rolloverHour);
