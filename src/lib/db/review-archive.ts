/**
 * The packed part of the review log (review-log.ts says why it exists): packing, bulk writes, the move of
 * older rows into it, and the reads of the whole log that no page needs on its way to the screen.
 */
import Dexie from 'dexie';
import type { StudyDatabase } from './db';
import type { ReviewChunkRow, ReviewRow } from './rows';
import { byTime, deckReviewsSince, reviewLogTables, unpacked } from './review-log';

/** Reviews per chunk: past a few hundred, a bigger chunk saves no time in writing or reading (measured in Chromium). */
export const CHUNK_SIZE = 500;
/** The chunks of the given reviews: each deck's reviews in order of time, `size` to a chunk. */
export function packReviews(reviews: readonly ReviewRow[], size = CHUNK_SIZE): ReviewChunkRow[] {
	const byDeck = new Map<string, ReviewRow[]>();
	for (const review of reviews) {
		const list = byDeck.get(review.deckId);
		if (list) list.push(review);
		else byDeck.set(review.deckId, [review]);
	}
	const chunks: ReviewChunkRow[] = [];
	for (const [deckId, list] of byDeck) {
		list.sort(byTime);
		for (let start = 0; start < list.length; start += size) {
			const part = list.slice(start, start + size);
			chunks.push(chunkOf(deckId, part));
		}
	}
	return chunks;
}

const chunkOf = (deckId: string, reviews: ReviewRow[]): ReviewChunkRow => ({
	deckId,
	firstTime: reviews[0]!.time,
	lastTime: reviews.at(-1)!.time,
	count: reviews.length,
	reviews
});
/** A deck's whole history, oldest first. */
export const deckReviews = (db: StudyDatabase, deckId: string) => deckReviewsSince(db, deckId, -Infinity);

/** The whole log, oldest first (the optimiser, rescheduling, a merge's check for reviews already held). */
export async function allReviews(db: StudyDatabase): Promise<ReviewRow[]> {
	const [rows, chunks] = await Promise.all([db.reviews.toArray(), db.reviewArchive.toArray()]);
	return [...unpacked(chunks), ...rows].sort(byTime);
}
/** How many reviews the log holds, counted from the keys of the indexes, not the reviews. */
export async function countLoggedReviews(db: StudyDatabase): Promise<number> {
	const [rows, counts] = await Promise.all([db.reviews.count(), db.reviewArchive.orderBy('count').keys()]);
	return rows + (counts as number[]).reduce((a, b) => a + b, 0);
}

/** The times of the log's reviews from `first` to `last` (both included); only the chunks that overlap them are read. */
export async function loggedTimesBetween(db: StudyDatabase, first: number, last: number): Promise<Set<number>> {
	const overlapping: number[] = [];
	const [rowTimes] = await Promise.all([
		db.reviews.where('time').between(first, last, true, true).keys(),
		db.reviewArchive
			.where('[firstTime+lastTime]')
			.below([last, Dexie.maxKey])
			.eachKey((key, cursor) => {
				if ((key as [number, number])[1] >= first) overlapping.push(cursor.primaryKey as number);
			})
	]);
	const chunks = await db.reviewArchive.bulkGet(overlapping);
	const times = new Set(rowTimes as number[]);
	for (const review of unpacked(chunks.filter((c) => c !== undefined)))
		if (review.time >= first && review.time <= last) times.add(review.time);
	return times;
}

/** Whether the fact of `review` (a row of `reviews`) has been reviewed since: a later row, or a later archived review. */
export async function ratedSince(db: StudyDatabase, review: ReviewRow): Promise<boolean> {
	const [later, chunks] = await Promise.all([
		db.reviews
			.where('factKey')
			.equals(review.factKey)
			.filter((r) => r.id! > review.id!)
			.count(),
		db.reviewArchive
			.where('[deckId+lastTime]')
			.between([review.deckId, review.time], [review.deckId, Dexie.maxKey], false, true)
			.toArray()
	]);
	return later > 0 || unpacked(chunks).some((r) => r.factKey === review.factKey && r.time > review.time);
}

/**
 * A row that holds a place in `reviews` for an instant: adding it draws an id, and putting it under a
 * given id raises the store's key generator past that id (IndexedDB never lowers it).
 */
const PLACEHOLDER: ReviewRow = {
	factKey: '',
	deckId: '',
	factId: '',
	time: 0,
	rating: 1,
	elapsedDays: 0,
	durationMs: 0,
	source: 'flashcard',
	before: null,
	after: {
		due: 0,
		stability: 0,
		difficulty: 0,
		elapsed_days: 0,
		scheduled_days: 0,
		learning_steps: 0,
		reps: 0,
		lapses: 0,
		state: 0
	}
};

/**
 * Keeps the ids of the log unique: the app's next rating gets an id above `id`. The key generator of
 * `reviews` draws every id of the log, so archived reviews never share one with a later rating.
 */
async function idsAbove(db: StudyDatabase, id: number): Promise<void> {
	await db.reviews.put({ ...PLACEHOLDER, id });
	await db.reviews.delete(id);
}

/** The reviews with new ids, unused anywhere in the log (merged and imported reviews: ids are local to a device). */
export async function withNewIds(db: StudyDatabase, reviews: readonly ReviewRow[]): Promise<ReviewRow[]> {
	if (reviews.length === 0) return [];
	const first = (await db.reviews.add({ ...PLACEHOLDER })) as number;
	await db.reviews.delete(first);
	await idsAbove(db, first + reviews.length - 1);
	return reviews.map((review, i) => ({ ...review, id: first + i }));
}

/** Chunks written by one bulk request of `archiveReviews`, between two calls of its `onWritten`. */
const CHUNKS_PER_WRITE = 20;

/**
 * Writes reviews that arrive in bulk, packed, in the caller's transaction (which holds `reviewLogTables`).
 * Reviews without an id get one after the highest given; the tallies are the caller's to update.
 * `onWritten` hears how many reviews each bulk request wrote (a throw there aborts the transaction).
 */
export async function archiveReviews(
	db: StudyDatabase,
	reviews: readonly ReviewRow[],
	onWritten?: (count: number) => void
): Promise<void> {
	if (reviews.length === 0) return;
	// One id twice would be two reviews taken as one (an undo, an export's check): refused, as `reviews` refuses it.
	const ids = new Set<number>();
	for (const { id } of reviews) {
		if (id === undefined) continue;
		if (ids.has(id)) throw new Error(`the review id ${id} is given twice`);
		ids.add(id);
	}
	let top = reviews.reduce((max, r) => Math.max(max, r.id ?? 0), 0);
	const identified = reviews.map((review) => (review.id === undefined ? { ...review, id: ++top } : review));
	const chunks = packReviews(identified);
	for (let start = 0; start < chunks.length; start += CHUNKS_PER_WRITE) {
		const part = chunks.slice(start, start + CHUNKS_PER_WRITE);
		await db.reviewArchive.bulkAdd(part);
		onWritten?.(part.reduce((n, chunk) => n + chunk.count, 0));
	}
	await idsAbove(db, top);
}

/** Empties the log, both parts (a replace import, a reset); the tallies are the caller's. */
export async function clearReviewLog(db: StudyDatabase): Promise<void> {
	await Promise.all([db.reviews.clear(), db.reviewArchive.clear()]);
}

/** The archived chunks a chunk at a time, in id order (the backup export: a chunk per read keeps each read small). */
export async function archivedChunksAfter(
	db: StudyDatabase,
	after: number | undefined,
	limit: number
): Promise<ReviewChunkRow[]> {
	const from = after === undefined ? db.reviewArchive.toCollection() : db.reviewArchive.where(':id').above(after);
	return from.limit(limit).toArray();
}

/**
 * One step of moving the app's own older rows into the archive: up to a chunk of the oldest deck's rows
 * from before `before` go into that deck's last chunk while it has room, or a new one, and leave `reviews`,
 * in one transaction. Another tab's step waits for this one and reads what it left, so no review is
 * moved twice or lost; an interrupted step is undone whole. Returns how many moved (0: nothing left).
 */
export async function archiveStep(db: StudyDatabase, before: number, size = CHUNK_SIZE): Promise<number> {
	return db.transaction('rw', reviewLogTables(db), async () => {
		const oldest = await db.reviews.where('time').below(before).first();
		if (!oldest) return 0;
		const deckId = oldest.deckId;
		const last = await db.reviewArchive
			.where('[deckId+lastTime]')
			.between([deckId, Dexie.minKey], [deckId, Dexie.maxKey])
			.last();
		const room = last && last.count < size ? size - last.count : 0;
		const rows = await db.reviews
			.where('[deckId+time]')
			.between([deckId, Dexie.minKey], [deckId, before])
			.limit(room || size)
			.toArray();
		const moved = room ? [...last!.reviews, ...rows].sort(byTime) : rows;
		await Promise.all([
			db.reviewArchive.put({ ...chunkOf(deckId, moved), ...(room ? { id: last!.id } : {}) }),
			db.reviews.bulkDelete(rows.map((r) => r.id!))
		]);
		return rows.length;
	});
}

/**
 * Moves every row from before `before` into the archive, a step at a time with `pause` between steps,
 * until none is left or `signal` is aborted. Returns how many moved.
 */
export async function archiveReviewsBefore(
	db: StudyDatabase,
	before: number,
	{ pause, signal }: { pause: () => Promise<void>; signal?: AbortSignal }
): Promise<number> {
	let moved = 0;
	while (!signal?.aborted) {
		const step = await archiveStep(db, before);
		if (step === 0) break;
		moved += step;
		await pause();
	}
	return moved;
}
