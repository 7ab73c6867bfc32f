/** Choosing the next card within a running session, without going back to the database. */
import { State } from '$lib/db/card-state';
import type { FactState } from '$lib/db/rows';
import { LEARN_AHEAD_MS, type QueueItem } from './queue/build';

const dueLearning = (i: QueueItem, now: number) => i.kind === 'learning' && i.state.due <= now;
const aheadLearning = (i: QueueItem, now: number) => i.kind === 'learning' && i.state.due > now;

/**
 * Index of the card to show now: a learning card that has fallen due, else the
 * next review or new card, else a learning card due within the learn-ahead
 * window; -1 when nothing can be shown yet.
 */
export function pickNext(items: QueueItem[], now: number): number {
	const due = items.findIndex((i) => dueLearning(i, now));
	if (due >= 0) return due;
	const other = items.findIndex((i) => !aheadLearning(i, now));
	if (other >= 0) return other;
	// Only learning cards due later are left: the soonest, if it falls due within the learn-ahead window.
	const dues = items.map((i) => (i.kind === 'learning' ? i.state.due : Infinity));
	const soonest = Math.min(...dues);
	return soonest <= now + LEARN_AHEAD_MS ? dues.indexOf(soonest) : -1;
}

/**
 * The queue after a rating: the rated card leaves it, and comes back as a
 * learning card when FSRS wants to see it again before the day ends.
 */
export function afterRating(items: QueueItem[], rated: QueueItem, state: FactState, dayEnd: number): QueueItem[] {
	const rest = items.filter((i) => !(i.deckId === rated.deckId && i.factId === rated.factId));
	const again = (state.state === State.Learning || state.state === State.Relearning) && state.due < dayEnd;
	return again ? [...rest, { deckId: rated.deckId, factId: rated.factId, kind: 'learning', state }] : rest;
}
