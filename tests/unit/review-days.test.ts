import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Grade } from 'ts-fsrs';
import type { StudyDatabase } from '$lib/db/db';
import type { StoredCard } from '$lib/db/rows';
import { State } from '$lib/db/card-state';
import { openTestDatabase } from '$lib/db/test-database';
import { foldHours } from '$lib/db/review-days';
import { tallyReviews } from '$lib/db/review-hours';
import { allReviews } from '$lib/db/review-archive';
import { recordReview, undoReview } from '$lib/srs/review';
import { exportBackup, importBackup, resetProgress } from '$lib/backup/backup';
import { checkBackup } from '$lib/backup/format';
import { createDeckWithCards, deleteDeck } from '$lib/db/user-deck-edits';

vi.setConfig({ testTimeout: 60_000 });

const HOUR = 3_600_000;
const CARD: StoredCard = {
	due: 0,
	stability: 3,
	difficulty: 5,
	elapsed_days: 0,
	scheduled_days: 3,
	learning_steps: 0,
	reps: 1,
	lapses: 0,
	state: State.Review
};
// Local time: the days are calendar days of the clock the tests run with.
const START = new Date(2026, 2, 20, 0).getTime();

let db: StudyDatabase;
beforeEach(async () => {
	db = await openTestDatabase();
});
afterEach(() => db.delete());

/** The stored day rows must always be a fold of the hour rows, and those a tally of the whole log. */
async function expectInStep(target: StudyDatabase) {
	const hours = await target.reviewHours.toArray();
	expect(hours).toEqual(tallyReviews(await allReviews(target)));
	expect(await target.reviewDays.toArray()).toEqual(foldHours(hours));
}

describe('review tallies per day', () => {
	it('keep each calendar day by its local hours', () => {
		const at = (day: number, hour: number) => new Date(2026, 10, day, hour).getTime();
		const days = foldHours([
			{ hour: at(10, 3), reviews: 2, mature: 1, maturePassed: 1 },
			{ hour: at(10, 23), reviews: 1, mature: 0, maturePassed: 0 },
			{ hour: at(12, 0), reviews: 4, mature: 2, maturePassed: 1 }
		]);
		expect(days.map((d) => d.day)).toEqual([at(10, 0), at(12, 0)]);
		expect(days[0]!.reviews[3]).toBe(2);
		expect(days[0]!.reviews[23]).toBe(1);
		expect(days[0]!.reviews.reduce((a, b) => a + b)).toBe(3);
		expect(days[1]!.mature[0]).toBe(2);
		expect(days[1]!.maturePassed[0]).toBe(1);
	});

	type Step =
		| { kind: 'rate'; fact: string; rating: Grade; hours: number }
		| { kind: 'undo' }
		| { kind: 'merge' | 'replace' | 'reset' | 'anki' | 'delete-deck' };
	const step: fc.Arbitrary<Step> = fc.oneof(
		{
			weight: 6,
			arbitrary: fc.record({
				kind: fc.constant('rate' as const),
				fact: fc.constantFrom('a', 'b', 'c'),
				rating: fc.constantFrom<Grade>(1, 2, 3, 4),
				// Forward in time from the last step by up to four days, so steps share hours and days.
				hours: fc.integer({ min: 0, max: 96 })
			})
		},
		{ weight: 2, arbitrary: fc.constant({ kind: 'undo' as const }) },
		{
			weight: 2,
			arbitrary: fc
				.constantFrom(...(['merge', 'replace', 'reset', 'anki', 'delete-deck'] as const))
				.map((kind) => ({ kind }))
		}
	);

	it('equal a fold of the hour tallies after any history of ratings, undos, imports, resets and deletions', async () => {
		// A second device's history to import from, made once.
		const other = await openTestDatabase();
		try {
			for (const [i, fact] of ['a', 'x', 'y'].entries())
				await recordReview(other, {
					deckId: 'd',
					factId: fact,
					rating: 3,
					now: new Date(START + (i * 30 + 5) * HOUR),
					retention: 0.9,
					source: 'flashcard',
					durationMs: 2000
				});
			const read = checkBackup(await (await exportBackup(other, START + 200 * HOUR)).file.text());
			if (!read.ok) throw new Error(read.message);
			const backup = read.backup;

			await fc.assert(
				fc.asyncProperty(fc.array(step, { maxLength: 12 }), async (steps) => {
					await resetProgress(db);
					let time = START;
					const rated: number[] = [];
					for (const s of steps) {
						if (s.kind === 'rate') {
							time += s.hours * HOUR + 60_000;
							const row = await recordReview(db, {
								deckId: 'd',
								factId: s.fact,
								rating: s.rating,
								now: new Date(time),
								retention: 0.9,
								source: 'flashcard',
								durationMs: 2000
							});
							rated.push(row.id!);
						} else if (s.kind === 'undo') {
							const id = rated.pop();
							// Refused when the card was rated again since: then the tallies must not move either.
							if (id !== undefined) await undoReview(db, id).catch(() => undefined);
						} else if (s.kind === 'merge' || s.kind === 'replace') {
							await importBackup(db, backup, s.kind);
							rated.length = 0;
						} else if (s.kind === 'reset') {
							await resetProgress(db);
							rated.length = 0;
						} else if (s.kind === 'anki') {
							// An Anki package's deck arrives with its own review history.
							await createDeckWithCards(
								db,
								{ title: 'Imported', description: '' },
								[
									{
										front: 'Q',
										back: 'A',
										reviews: [0, 20, 50].map((h, i) => ({
											time: START + h * HOUR + i,
											rating: 3 as const,
											elapsedDays: 0,
											durationMs: 1000,
											before: null,
											after: CARD
										}))
									}
								],
								time
							);
						} else {
							const deck = (await db.userDecks.toArray())[0];
							if (deck) await deleteDeck(db, deck.id);
						}
						await expectInStep(db);
					}
				}),
				{ numRuns: 40 }
			);
		} finally {
			await other.delete();
		}
	});
});
