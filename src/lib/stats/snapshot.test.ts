import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { State } from 'ts-fsrs';
import { StudyDatabase } from '$lib/db/db';
import { foldHours } from '$lib/db/review-days';
import { countReviews, tallyReviews } from '$lib/db/review-hours';
import { at, card, fact, MATURE, NOW, review, stateOf, storedOf } from './fixtures';
import { pageStats } from './page';
import { emptyStats, loadStats } from './snapshot';

describe('loadStats', () => {
	it('reads the digests of the states, the review tallies and the rollover hour', async () => {
		const db = new StudyDatabase('stats-test');
		await db.open();
		try {
			await db.settings.put({ id: 'study', newPerDay: 20, maxReviewsPerDay: 200, retention: 0.9, rolloverHour: 6 });
			await db.factStates.bulkPut([stateOf('a', MATURE), stateOf('b', card(State.Learning, 0))]);
			const { id: _a, ...r1 } = review(at(16, 7, 0, 10, 2025)); // the year's first study day starts at 6 am
			const { id: _b, ...r2 } = review(at(16, 5, 0, 10, 2025)); // still the 15th: too old
			const { id: _c, ...r3 } = review(at(15, 9));
			await db.transaction('rw', db.reviews, db.reviewHours, async () => {
				await db.reviews.bulkAdd([r1, r2, r3]);
				await countReviews(db, [r1, r2, r3]);
			});

			const snapshot = await loadStats(db, ['deck'], NOW);
			expect(snapshot.now).toBe(NOW);
			expect(snapshot.rolloverHour).toBe(6);
			expect(snapshot.states).toEqual(storedOf([stateOf('a', MATURE), stateOf('b', card(State.Learning, 0))]));
			expect(snapshot.days).toEqual(foldHours(tallyReviews([r1, r2, r3])));
			const stats = pageStats([fact('a'), fact('b')], snapshot);
			expect(stats.totalReviews).toBe(3);
			expect(stats.year[0]).toEqual({ day: '2025-11-16', count: 1 });
		} finally {
			await db.delete();
		}
	});

	it('finds in an empty database what a first visit shows without one', async () => {
		const db = new StudyDatabase('stats-empty-test');
		await db.open();
		try {
			expect(emptyStats(NOW)).toEqual(await loadStats(db, ['deck'], NOW));
		} finally {
			await db.delete();
		}
	});

	it('reads what the rows say, for every state, interval and due date, of the decks asked for', async () => {
		const db = new StudyDatabase('stats-rows-test');
		await db.open();
		try {
			const DAY = 86_400_000;
			const rows = Array.from({ length: 400 }, (_, i) =>
				stateOf(
					`f${i}`,
					card(
						[State.New, State.Learning, State.Review, State.Relearning][i % 4]!,
						(i * 7) % 60,
						NOW + (((i * 13) % 80) * DAY) / 2 - 10 * DAY
					),
					i % 5 === 0 ? 'other' : 'deck'
				)
			);
			await db.factStates.bulkPut(rows);
			const snapshot = await loadStats(db, ['deck', 'other'], NOW);
			expect(snapshot.states).toEqual(storedOf(rows));
			// A deck not asked for is not read.
			const one = (await loadStats(db, ['deck'], NOW)).states;
			expect([...one.keys()]).toEqual(['deck']);
			expect(one.get('deck')?.size).toBe(320);
		} finally {
			await db.delete();
		}
	});
});
