/**
 * A card's Anki review log, replayed at its real times through the app's own scheduler: each answer
 * becomes a row of the app's review log (with the state before and after it, as a rating here writes),
 * and the last state is the card's, so it comes due as if every review had been done here.
 */
import { createEmptyCard, type Grade } from 'ts-fsrs';
import { ANKI_REVIEW_KINDS, type AnkiReviewKind, type StoredCard } from '$lib/db/rows';
import { createScheduler, toStored } from '$lib/srs/scheduler';
import type { AnkiRevlogRow } from './collection';

export interface AnkiReview {
	/** Epoch milliseconds. */
	time: number;
	rating: Grade;
	kind: AnkiReviewKind;
	/** Time spent on the answer, in ms. */
	durationMs: number;
}

/** An answer replayed: what the app's review log keeps of it. */
export interface ReplayedReview extends AnkiReview {
	/** Days since the card's previous review, as the scheduler counts them (0 for the first). */
	elapsedDays: number;
	/** Null for the card's first review. */
	before: StoredCard | null;
	after: StoredCard;
}

/**
 * The rows that are answers (rating 1–4 in a learning, review, relearning or filtered-deck session),
 * in time order. Manual reschedules, "set due date" and resets (type 4 and 5, or rating 0) change no
 * memory and are left out, as Anki's own FSRS leaves them out.
 */
export function answersOf(rows: AnkiRevlogRow[]): AnkiReview[] {
	return rows
		.filter((row) => row.ease >= 1 && row.ease <= 4 && row.type >= 0 && row.type < ANKI_REVIEW_KINDS.length)
		.map((row) => ({
			time: row.time,
			rating: row.ease as Grade,
			kind: ANKI_REVIEW_KINDS[row.type] as AnkiReviewKind,
			durationMs: row.durationMs
		}))
		.sort((a, b) => a.time - b.time);
}

export type Scheduler = ReturnType<typeof createScheduler>;

/**
 * The reviews, which must be in time order, each with the state before and after it. Each is applied
 * with the scheduler's `next` at its real time: the same replay as ts-fsrs's `reschedule`, at under
 * half its cost, which counts over a collection's hundred thousand reviews.
 */
export function replayReviews(scheduler: Scheduler, reviews: AnkiReview[]): ReplayedReview[] {
	const first = reviews[0];
	if (!first) return [];
	let card = createEmptyCard(new Date(first.time));
	let before: StoredCard | null = null;
	return reviews.map((review) => {
		const { card: next, log } = scheduler.next(card, new Date(review.time), review.rating);
		const after = toStored(next);
		const replayed = { ...review, elapsedDays: log.elapsed_days, before, after };
		card = next;
		before = after;
		return replayed;
	});
}
