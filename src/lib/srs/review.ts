/**
 * Rating a fact and undoing it. Each is one IndexedDB transaction over the
 * fact's state and the review log, so a closed tab can never leave one without the other.
 */
import type { Grade } from 'ts-fsrs';
import type { StudyDatabase } from '$lib/db/db';
import { factKey, type FactState, type ReviewRow, type ReviewSource } from '$lib/db/rows';
import { createScheduler, newCard, toCard, toStored } from './scheduler';
import { countReviews, hourStart, withReview } from '$lib/db/review-hours';
import { announce } from '$lib/db/changes';
import { reviewLogTables } from '$lib/db/review-log';
import { ratedSince } from '$lib/db/review-archive';

/** Anki caps the time counted for one card, so a card left open over lunch does not skew the stats. */
export const MAX_ANSWER_MS = 60_000;

export interface ReviewInput {
	deckId: string;
	factId: string;
	rating: Grade;
	now: Date;
	retention: number;
	/** Fitted FSRS parameters (settings); absent: FSRS's defaults. */
	parameters?: readonly number[];
	source: ReviewSource;
	durationMs: number;
}

export { factKey };

function stateOf(row: FactState) {
	const { key: _k, deckId: _d, factId: _f, ...card } = row;
	return card;
}

/** Schedules the fact with FSRS and stores the new state and the log row; returns the row. */
export async function recordReview(db: StudyDatabase, input: ReviewInput): Promise<ReviewRow> {
	const key = factKey(input.deckId, input.factId);
	const scheduler = createScheduler(input.retention, input.parameters);
	const saved = await db.transaction('rw', db.factStates, db.reviews, db.reviewHours, async () => {
		const [existing, hour] = await Promise.all([
			db.factStates.get(key),
			db.reviewHours.get(hourStart(input.now.getTime()))
		]);
		const before = existing ? stateOf(existing) : null;
		const { card, log } = scheduler.next(before ? toCard(before) : newCard(input.now), input.now, input.rating);
		const after = toStored(card);
		const row: ReviewRow = {
			factKey: key,
			deckId: input.deckId,
			factId: input.factId,
			time: input.now.getTime(),
			rating: input.rating as ReviewRow['rating'],
			elapsedDays: log.elapsed_days,
			durationMs: Math.min(Math.max(0, Math.round(input.durationMs)), MAX_ANSWER_MS),
			source: input.source,
			before,
			after
		};
		// The writes are sent at once: each round trip to the database costs milliseconds on a busy phone.
		const [, id] = await Promise.all([
			db.factStates.put({ key, deckId: input.deckId, factId: input.factId, ...after }),
			db.reviews.add(row),
			db.reviewHours.put(withReview(hour, row))
		]);
		row.id = id;
		return row;
	});
	announce({ kind: 'reviews', deckIds: [input.deckId] });
	return saved;
}

/** Why a review cannot be taken back: the fact was rated again after it (in another tab, say). */
export const RATED_SINCE = 'that card has been rated again since, in another tab';

/**
 * Takes back one review (a tab takes back only its own): the fact gets back exactly the state it
 * had, and the log row is removed. Returns the undone row, or undefined when it is no longer
 * stored (a backup import or a reset replaced it). A review the fact has had since stays: taking
 * back the older one would overwrite it, so that is refused with the reason.
 */
export async function undoReview(db: StudyDatabase, id: number): Promise<ReviewRow | undefined> {
	const undone = await db.transaction('rw', [db.factStates, ...reviewLogTables(db), db.reviewHours], async () => {
		const row = await db.reviews.get(id);
		if (!row) return undefined;
		if (await ratedSince(db, row)) throw new Error(RATED_SINCE);
		await Promise.all([
			row.before
				? db.factStates.put({ key: row.factKey, deckId: row.deckId, factId: row.factId, ...row.before })
				: db.factStates.delete(row.factKey),
			db.reviews.delete(id),
			countReviews(db, [row], -1)
		]);
		return row;
	});
	if (undone) announce({ kind: 'reviews', deckIds: [undone.deckId] });
	return undone;
}
