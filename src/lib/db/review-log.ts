/**
 * The review log, read as one. The app's own recent ratings are rows of `reviews`, one each, so a rating
 * and its undo stay one small write; reviews that arrive in bulk (a backup, an Anki package's history) and
 * the app's own once they are older than yesterday are packed a few hundred to a row of `reviewArchive`,
 * each review kept whole, its id included (review-archive.ts writes them). IndexedDB costs per request,
 * not per byte: 200,000 reviews take seconds to write, count or clear as chunks and minutes as rows.
 * Every read of the log goes through here or, for the reads no page needs on its way to the screen (the
 * whole log, counts, an undo's check), through review-archive.ts, kept apart so those pages load less.
 * The review tallies (review-hours.ts) count both parts alike.
 */
import Dexie from 'dexie';
import type { StudyDatabase } from './db';
import type { ReviewChunkRow, ReviewRow } from './rows';

/** The tables a transaction that reads or writes the log must hold. */
export const reviewLogTables = (db: StudyDatabase) => [db.reviews, db.reviewArchive];

/** Oldest first; reviews of the same millisecond in the order they were given. */
export const byTime = (a: ReviewRow, b: ReviewRow) => a.time - b.time || (a.id ?? 0) - (b.id ?? 0);

/** The reviews the chunks hold, as one list. */
export const unpacked = (chunks: readonly ReviewChunkRow[]) => chunks.flatMap((chunk) => chunk.reviews);

/** A deck's reviews from `since` on (today's, a session's), oldest first. */
export async function deckReviewsSince(db: StudyDatabase, deckId: string, since: number): Promise<ReviewRow[]> {
	const [rows, chunks] = await Promise.all([
		db.reviews.where('[deckId+time]').between([deckId, since], [deckId, Dexie.maxKey]).toArray(),
		db.reviewArchive.where('[deckId+lastTime]').between([deckId, since], [deckId, Dexie.maxKey]).toArray()
	]);
	return [...unpacked(chunks).filter((r) => r.time >= since), ...rows].sort(byTime);
}

/** Reviews of the given decks from `since` on, oldest first. */
export async function reviewsSince(db: StudyDatabase, deckIds: readonly string[], since: number): Promise<ReviewRow[]> {
	const lists = await Promise.all(deckIds.map((deckId) => deckReviewsSince(db, deckId, since)));
	return lists.flat().sort(byTime);
}

/** When the first review of the log was given; undefined when there is none. */
export async function firstReviewTime(db: StudyDatabase): Promise<number | undefined> {
	const [row, chunkTimes] = await Promise.all([
		db.reviews.orderBy('time').first(),
		db.reviewArchive.orderBy('[firstTime+lastTime]').limit(1).keys()
	]);
	const times = [row?.time, (chunkTimes[0] as [number, number] | undefined)?.[0]].filter((t) => t !== undefined);
	return times.length > 0 ? Math.min(...times) : undefined;
}

/** Whether the log holds any review, read from the keys alone. */
export async function hasReviews(db: StudyDatabase): Promise<boolean> {
	const [rows, chunks] = await Promise.all([
		db.reviews.limit(1).primaryKeys(),
		db.reviewArchive.limit(1).primaryKeys()
	]);
	return rows.length + chunks.length > 0;
}
