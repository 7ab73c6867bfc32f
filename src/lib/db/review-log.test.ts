import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { StudyDatabase } from './db';
import { StudyDatabase as Database } from './db';
import type { ReviewRow } from './rows';
import { openTestDatabase } from './test-database';
import { deckReviewsSince, firstReviewTime, hasReviews, reviewsSince } from './review-log';
import {
	allReviews,
	archiveReviews,
	archiveReviewsBefore,
	archiveStep,
	CHUNK_SIZE,
	countLoggedReviews,
	deckReviews,
	loggedTimesBetween,
	packReviews,
	ratedSince
} from './review-archive';

vi.setConfig({ testTimeout: 120_000 });

const T0 = new Date(2026, 10, 1, 9).getTime();
const HOUR = 3_600_000;
const DECKS = ['a', 'b', 'u-c'];

const after = { due: T0, stability: 3, difficulty: 5, elapsed_days: 1, scheduled_days: 3 };
const reviewAt = (id: number, deckId: string, fact: number, time: number, rating: ReviewRow['rating']): ReviewRow => ({
	id,
	factKey: `${deckId}/f${fact}`,
	deckId,
	factId: `f${fact}`,
	time,
	rating,
	elapsedDays: 1,
	durationMs: 2000,
	source: id % 5 === 0 ? 'quiz' : 'flashcard',
	before: null,
	after: { ...after, learning_steps: 0, reps: 1, lapses: 0, state: 2 }
});

/** A history of a few decks: ids in order of time, as the app gives them, some times shared. */
const history = fc
	.array(
		fc.record({
			deck: fc.constantFrom(...DECKS),
			fact: fc.nat(4),
			hours: fc.nat(24 * 20),
			rating: fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<ReviewRow['rating']>
		}),
		{ maxLength: 60 }
	)
	.map((drawn) =>
		drawn
			.toSorted((x, y) => x.hours - y.hours)
			.map((r, i) => reviewAt(i + 1, r.deck, r.fact, T0 + r.hours * HOUR, r.rating))
	);

/** The same history, some of it as rows and the rest packed in chunks of `size`. */
async function split(db: StudyDatabase, reviews: ReviewRow[], packed: boolean[], size: number) {
	const rows = reviews.filter((_, i) => !packed[i % packed.length]);
	const archived = reviews.filter((_, i) => packed[i % packed.length]);
	await db.reviews.bulkAdd(rows);
	await db.reviewArchive.bulkAdd(packReviews(archived, size));
}

/** Every answer the log gives, read through review-log.ts. */
async function answers(db: StudyDatabase, since: number, span: [number, number], probe: ReviewRow | undefined) {
	return {
		all: await allReviews(db),
		count: await countLoggedReviews(db),
		any: await hasReviews(db),
		first: await firstReviewTime(db),
		byDeck: await Promise.all(DECKS.map((deck) => deckReviews(db, deck))),
		sinceByDeck: await Promise.all(DECKS.map((deck) => deckReviewsSince(db, deck, since))),
		since: await reviewsSince(db, DECKS.slice(0, 2), since),
		times: [...(await loggedTimesBetween(db, ...span))].sort((x, y) => x - y),
		ratedSince: probe ? await ratedSince(db, probe) : undefined
	};
}

describe('the review log, rows and packed chunks read as one', () => {
	it('gives the same answers for a history split any way between rows and chunks', async () => {
		await fc.assert(
			fc.asyncProperty(
				history,
				fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }),
				fc.integer({ min: 1, max: 9 }),
				fc.nat(24 * 20),
				fc.tuple(fc.nat(24 * 20), fc.nat(24 * 20)),
				fc.nat(),
				async (reviews, packed, size, sinceHours, [x, y], pick) => {
					const since = T0 + sinceHours * HOUR;
					const span: [number, number] = [T0 + Math.min(x, y) * HOUR, T0 + Math.max(x, y) * HOUR];
					const asRows = await openTestDatabase();
					const asSplit = await openTestDatabase();
					try {
						await asRows.reviews.bulkAdd(reviews);
						await split(asSplit, reviews, packed, size);
						// `ratedSince` asks about a review the app's own rating left as a row.
						const probe = reviews.length > 0 ? reviews[pick % reviews.length] : undefined;
						const isRow = probe && (await asSplit.reviews.get(probe.id!));
						const expected = await answers(asRows, since, span, isRow ? probe : undefined);
						expect(await answers(asSplit, since, span, isRow ? probe : undefined)).toEqual(expected);
						expect(expected.all).toEqual(reviews.toSorted((p, q) => p.time - q.time || p.id! - q.id!));
						expect(expected.count).toBe(reviews.length);
					} finally {
						await Promise.all([asRows.delete(), asSplit.delete()]);
					}
				}
			),
			{ numRuns: 40 }
		);
	});

	it('packs each deck in order of time, a chunk of at most the given size, every review once', () => {
		fc.assert(
			fc.property(history, fc.integer({ min: 1, max: 9 }), (reviews, size) => {
				const chunks = packReviews(reviews, size);
				expect(chunks.flatMap((c) => c.reviews.map((r) => r.id)).sort((p, q) => p! - q!)).toEqual(
					reviews.map((r) => r.id)
				);
				for (const chunk of chunks) {
					expect(chunk.count).toBe(chunk.reviews.length);
					expect(chunk.count).toBeLessThanOrEqual(size);
					expect(chunk.reviews.every((r) => r.deckId === chunk.deckId)).toBe(true);
					expect(chunk.firstTime).toBe(chunk.reviews[0]!.time);
					expect(chunk.lastTime).toBe(chunk.reviews.at(-1)!.time);
				}
			})
		);
	});

	it('refuses a review id given twice, and the next rating gets an id above every archived one', async () => {
		const db = await openTestDatabase();
		try {
			await expect(
				db.transaction('rw', db.reviews, db.reviewArchive, () =>
					archiveReviews(db, [reviewAt(7, 'a', 1, T0, 3), reviewAt(7, 'a', 2, T0 + HOUR, 3)])
				)
			).rejects.toThrow('the review id 7 is given twice');
			expect(await countLoggedReviews(db)).toBe(0);
			await db.transaction('rw', db.reviews, db.reviewArchive, () =>
				archiveReviews(db, [reviewAt(500, 'a', 1, T0, 3), { ...reviewAt(0, 'b', 1, T0, 2), id: undefined }])
			);
			// The review without an id got the one after the highest given.
			expect((await allReviews(db)).map((r) => r.id).sort((p, q) => p! - q!)).toEqual([500, 501]);
			const { id: _id, ...rating } = reviewAt(0, 'a', 1, T0 + HOUR, 3);
			expect(await db.reviews.add(rating)).toBe(502);
			expect(await db.reviews.count()).toBe(1);
		} finally {
			await db.delete();
		}
	});
});

describe('moving older rows into the archive', () => {
	const sortedById = (reviews: ReviewRow[]) => reviews.toSorted((p, q) => p.id! - q.id!);

	it('never loses or doubles a review, interrupted or run by two tabs at once', async () => {
		await fc.assert(
			fc.asyncProperty(
				history,
				fc.nat(24 * 20),
				fc.integer({ min: 1, max: 6 }),
				fc.nat(5),
				async (reviews, beforeHours, size, failAt) => {
					const before = T0 + beforeHours * HOUR;
					const db = await openTestDatabase();
					const other = new Database(db.name);
					try {
						await db.reviews.bulkAdd(reviews);
						for (let i = 0; i < failAt; i++) await archiveStep(db, before, size);
						// A step that fails (a closed tab, a full disk) is undone whole.
						const kept = { rows: await db.reviews.toArray(), chunks: await db.reviewArchive.toArray() };
						vi.spyOn(db.reviews, 'bulkDelete').mockRejectedValueOnce(new Error('interrupted'));
						await archiveStep(db, before, size).catch(() => undefined);
						vi.restoreAllMocks();
						expect({ rows: await db.reviews.toArray(), chunks: await db.reviewArchive.toArray() }).toEqual(kept);
						const pause = () => Promise.resolve();
						await Promise.all([
							archiveReviewsBefore(db, before, { pause }),
							archiveReviewsBefore(other, before, { pause })
						]);
						expect(sortedById(await allReviews(db))).toEqual(reviews);
						expect(await countLoggedReviews(db)).toBe(reviews.length);
						expect((await db.reviews.toArray()).every((r) => r.time >= before)).toBe(true);
						const chunks = await db.reviewArchive.toArray();
						expect(chunks.every((c) => c.count <= CHUNK_SIZE && c.count === c.reviews.length)).toBe(true);
					} finally {
						other.close();
						await db.delete();
					}
				}
			),
			{ numRuns: 30 }
		);
	});
});
