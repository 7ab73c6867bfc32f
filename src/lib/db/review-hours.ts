/**
 * Reviews tallied per local clock hour, kept beside the review log so the
 * statistics read one small row per hour of study instead of every review, which
 * a long history makes slow. An hour, not a study day, is the unit because the
 * rollover hour is a setting: any study day is a run of whole local hours.
 */
import type { StudyDatabase } from '$lib/db/db';
import type { ReviewHourRow, ReviewRow } from '$lib/db/rows';
import { isMature } from './card-state';

type TalliedReview = Pick<ReviewRow, 'time' | 'rating' | 'before'>;

/** Start of the local clock hour that contains `time`, as epoch ms. */
export function hourStart(time: number): number {
	const d = new Date(time);
	d.setMinutes(0, 0, 0);
	return d.getTime();
}

/** The tally one review adds to its hour (or takes away, with `sign` -1). */
function tallyOf(review: TalliedReview, sign: 1 | -1): ReviewHourRow {
	const mature = review.before !== null && isMature(review.before);
	return {
		hour: hourStart(review.time),
		reviews: sign,
		mature: mature ? sign : 0,
		maturePassed: mature && review.rating >= 2 ? sign : 0
	};
}

const sum = (a: ReviewHourRow, b: ReviewHourRow): ReviewHourRow => ({
	hour: a.hour,
	reviews: a.reviews + b.reviews,
	mature: a.mature + b.mature,
	maturePassed: a.maturePassed + b.maturePassed
});

/** Tallies of the given reviews, one row per hour, oldest first. */
export function tallyReviews(reviews: readonly TalliedReview[], sign: 1 | -1 = 1): ReviewHourRow[] {
	const hours = new Map<number, ReviewHourRow>();
	for (const review of reviews) {
		const t = tallyOf(review, sign);
		const row = hours.get(t.hour);
		hours.set(t.hour, row ? sum(row, t) : t);
	}
	return [...hours.values()].sort((a, b) => a.hour - b.hour);
}

/** The stored tally of a review's hour (undefined when there is none yet) with the review added. */
export function withReview(stored: ReviewHourRow | undefined, review: TalliedReview): ReviewHourRow {
	const t = tallyOf(review, 1);
	return stored ? sum(stored, t) : t;
}

/**
 * Adds reviews to the stored tallies (`sign` -1 takes them away; an hour left with
 * no review is removed). Call it inside the transaction that writes the reviews,
 * with `db.reviewHours` in its scope, so the tallies never disagree with the log.
 */
export async function countReviews(
	db: StudyDatabase,
	reviews: readonly TalliedReview[],
	sign: 1 | -1 = 1
): Promise<void> {
	const changes = tallyReviews(reviews, sign);
	const stored = await db.reviewHours.bulkGet(changes.map((c) => c.hour));
	const rows = changes.map((change, i) => (stored[i] ? sum(stored[i], change) : change));
	await Promise.all([
		db.reviewHours.bulkPut(rows.filter((r) => r.reviews > 0)),
		db.reviewHours.bulkDelete(rows.filter((r) => r.reviews <= 0).map((r) => r.hour))
	]);
}
