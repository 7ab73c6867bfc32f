import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Rating } from 'ts-fsrs';
import { DEFAULT_SETTINGS } from '$lib/db/settings';
import { createScheduler, GRADE_NAMES, GRADES, newCard, toStored } from './scheduler';
import { factKey, RATED_SINCE, recordReview, undoReview } from './review';
import { loadDeckQueue } from './queue/reads';
import { at, DECK, deck, rateFact } from './test-fixtures';
import { useTestDatabase } from '$lib/db/test-database';

const db = useTestDatabase();

describe('recordReview', () => {
	it.each(GRADES.map((grade) => [GRADE_NAMES[grade], grade] as const))(
		'stores for %s exactly the state ts-fsrs gives',
		async (_name, rating) => {
			const now = at(10, 9);
			const expected = createScheduler(0.9).next(newCard(now), now, rating).card;
			await rateFact(db(), 'fact-00', rating, now);
			const stored = await db().factStates.get(factKey(DECK, 'fact-00'));
			expect(stored).toEqual({ key: 'demo/fact-00', deckId: DECK, factId: 'fact-00', ...toStored(expected) });

			// And a second review continues from the stored state.
			const later = new Date(stored!.due + 60_000);
			const second = createScheduler(0.9).next(expected, later, Rating.Good).card;
			await rateFact(db(), 'fact-00', Rating.Good, later);
			expect(await db().factStates.get('demo/fact-00')).toMatchObject(toStored(second));
		}
	);

	it('logs the rating with the state before and after', async () => {
		const first = await rateFact(db(), 'fact-01', Rating.Good, at(10, 9));
		const second = await rateFact(db(), 'fact-01', Rating.Again, at(10, 9, 30));
		const rows = await db().reviews.toArray();
		expect(rows.map((r) => [r.factKey, r.rating, r.source])).toEqual([
			['demo/fact-01', Rating.Good, 'flashcard'],
			['demo/fact-01', Rating.Again, 'flashcard']
		]);
		expect(first.before).toBeNull();
		expect(second.before).toEqual(first.after);
		expect(rows[1]!.durationMs).toBe(4000);
	});

	it('caps the time counted for one answer at a minute', async () => {
		const row = await recordReview(db(), {
			deckId: DECK,
			factId: 'fact-02',
			rating: Rating.Good,
			now: at(10, 9),
			retention: 0.9,
			source: 'quiz',
			durationMs: 3_600_000
		});
		expect(row.durationMs).toBe(60_000);
		expect(row.source).toBe('quiz');
	});
});

describe('undoReview', () => {
	it('restores the exact previous state and removes the log row', async () => {
		await rateFact(db(), 'fact-03', Rating.Good, at(10, 9));
		const before = await db().factStates.get('demo/fact-03');
		const again = await rateFact(db(), 'fact-03', Rating.Again, at(10, 9, 20));
		const undone = await undoReview(db(), again.id!);
		expect(undone?.rating).toBe(Rating.Again);
		expect(await db().factStates.get('demo/fact-03')).toEqual(before);
		expect(await db().reviews.count()).toBe(1);
	});

	it('makes a fact new again when its first review is undone', async () => {
		const easy = await rateFact(db(), 'fact-04', Rating.Easy, at(10, 9));
		await undoReview(db(), easy.id!);
		expect(await db().factStates.count()).toBe(0);
		expect(await db().reviews.count()).toBe(0);
		const queue = await loadDeckQueue(db(), deck, DEFAULT_SETTINGS, at(10, 9, 1).getTime());
		expect(queue.items[0]).toMatchObject({ factId: 'fact-00', kind: 'new' });
		expect(queue.counts.new).toBe(20);
	});

	it('takes back only the review named, not a later one of another fact', async () => {
		const first = await rateFact(db(), 'fact-05', Rating.Good, at(10, 9));
		await rateFact(db(), 'fact-06', Rating.Good, at(10, 9, 1));
		await undoReview(db(), first.id!);
		expect((await db().reviews.toArray()).map((r) => r.factId)).toEqual(['fact-06']);
		expect(await db().factStates.get('demo/fact-05')).toBeUndefined();
	});

	it('refuses, changing nothing, when the fact was rated again since', async () => {
		const first = await rateFact(db(), 'fact-07', Rating.Good, at(10, 9));
		await rateFact(db(), 'fact-07', Rating.Hard, at(10, 9, 15));
		const stored = await db().factStates.get('demo/fact-07');
		await expect(undoReview(db(), first.id!)).rejects.toThrow(RATED_SINCE);
		expect(await db().factStates.get('demo/fact-07')).toEqual(stored);
		expect(await db().reviews.count()).toBe(2);
	});

	it('gives undefined when the review is no longer stored', async () => {
		expect(await undoReview(db(), 42)).toBeUndefined();
	});
});
