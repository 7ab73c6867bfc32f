import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Rating } from 'ts-fsrs';
import { DEFAULT_SETTINGS } from '$lib/db/settings';
import { createScheduler, newCard, toStored } from '../scheduler';
import { recordReview } from '../review';
import {
	loadDeckCounts,
	loadDeckQueue,
	loadQueue,
	loadQueueStart,
	nextDue,
	QUEUE_START_SIZE,
	unstudiedQueue
} from './reads';
import { at, DECK, deck, FACTS, rateFact, useTestDatabase } from '../test-fixtures';

const db = useTestDatabase();

describe('the day queue', () => {
	it('introduces new facts in source order, up to the daily limit', async () => {
		const settings = { ...DEFAULT_SETTINGS, newPerDay: 5 };
		const queue = await loadDeckQueue(db(), deck, settings, at(10, 9).getTime());
		expect(queue.items.map((i) => i.factId)).toEqual(FACTS.slice(0, 5));
		expect(queue.counts).toEqual({ new: 5, learning: 0, review: 0, metInQuiz: 0 });
	});

	it('counts new facts already introduced today against the limit, and renews it the next day', async () => {
		const settings = { ...DEFAULT_SETTINGS, newPerDay: 5 };
		for (const id of FACTS.slice(0, 3)) await rateFact(db(), id, Rating.Easy, at(10, 9), settings);
		let queue = await loadDeckQueue(db(), deck, settings, at(10, 10).getTime());
		expect(queue.counts.new).toBe(2);
		expect(queue.items.filter((i) => i.kind === 'new').map((i) => i.factId)).toEqual(['fact-03', 'fact-04']);
		queue = await loadDeckQueue(db(), deck, settings, at(11, 10).getTime());
		expect(queue.counts.new).toBe(5);
	});

	it('shows learning cards first and learning cards due soon before the session ends', async () => {
		await rateFact(db(), 'fact-00', Rating.Again, at(10, 9)); // Again on a new card: due in 1 minute
		const queue = await loadDeckQueue(db(), deck, DEFAULT_SETTINGS, at(10, 9, 5).getTime());
		expect(queue.items[0]).toMatchObject({ factId: 'fact-00', kind: 'learning' });
		expect(queue.counts).toEqual({ new: 19, learning: 1, review: 0, metInQuiz: 0 });
	});

	it('limits reviews per day, counting reviews already done today', async () => {
		const settings = { ...DEFAULT_SETTINGS, newPerDay: 30, maxReviewsPerDay: 4 };
		for (const id of FACTS.slice(0, 10)) await rateFact(db(), id, Rating.Easy, at(1, 9), settings); // Easy: review state, due in days
		const later = at(25, 9).getTime(); // all ten are due by then
		let queue = await loadDeckQueue(db(), deck, settings, later);
		expect(queue.counts.review).toBe(4);
		const reviewed = queue.items.filter((i) => i.kind === 'review');
		for (const item of reviewed.slice(0, 3)) await rateFact(db(), item.factId, Rating.Good, new Date(later), settings);
		queue = await loadDeckQueue(db(), deck, settings, later + 1000);
		expect(queue.counts.review).toBe(1);
	});

	it('leaves out facts no longer in the bank, keeping their history', async () => {
		await rateFact(db(), 'fact-00', Rating.Again, at(10, 9));
		const queue = await loadDeckQueue(
			db(),
			{ deckId: DECK, factIds: FACTS.slice(1) },
			DEFAULT_SETTINGS,
			at(10, 9, 5).getTime()
		);
		expect(queue.items.some((i) => i.factId === 'fact-00')).toBe(false);
		expect(await db().reviews.count()).toBe(1);
	});

	it('merges decks, each with its own limits', async () => {
		const settings = { ...DEFAULT_SETTINGS, newPerDay: 2 };
		const other = { deckId: 'other', factIds: ['x', 'y', 'z'] };
		const queue = await loadQueue(db(), [deck, other], settings, at(10, 9).getTime());
		expect(queue.items.map((i) => `${i.deckId}/${i.factId}`)).toEqual([
			'demo/fact-00',
			'demo/fact-01',
			'other/x',
			'other/y'
		]);
	});

	it('of a device with no database yet equals what an empty database gives, for one deck and for several', async () => {
		const settings = { ...DEFAULT_SETTINGS, newPerDay: 3 };
		const other = { deckId: 'other', factIds: ['x', 'y', 'z', 'w'] };
		const now = at(10, 9).getTime();
		for (const decks of [[deck], [deck, other]])
			expect(unstudiedQueue(decks, settings, now)).toEqual(await loadQueue(db(), decks, settings, now));
	});

	it('counts a review made after midnight for the day before, until the rollover', async () => {
		const settings = { ...DEFAULT_SETTINGS, newPerDay: 2 };
		await rateFact(db(), 'fact-00', Rating.Easy, at(9, 23), settings);
		await rateFact(db(), 'fact-01', Rating.Easy, at(10, 1), settings);
		expect((await loadDeckQueue(db(), deck, settings, at(10, 3, 59).getTime())).counts.new).toBe(0);
		expect((await loadDeckQueue(db(), deck, settings, at(10, 4).getTime())).counts.new).toBe(2);
	});
	it('tells when the next card falls due', async () => {
		const row = await rateFact(db(), 'fact-00', Rating.Good, at(10, 9));
		expect(await nextDue(db(), [DECK], at(10, 9).getTime())).toBe(row.after.due);
	});
});

describe('the home tile counts', () => {
	it('count a deck never studied without loading its fact ids', async () => {
		let loads = 0;
		const tile = { deckId: DECK, factCount: FACTS.length, factIds: async () => (loads++, FACTS) };
		expect(await loadDeckCounts(db(), tile, { ...DEFAULT_SETTINGS, newPerDay: 50 }, at(10, 9).getTime())).toEqual({
			new: 30,
			learning: 0,
			review: 0
		});
		expect(await loadDeckCounts(db(), tile, DEFAULT_SETTINGS, at(10, 9).getTime())).toEqual({
			new: 20,
			learning: 0,
			review: 0
		});
		expect(loads).toBe(0);

		await rateFact(db(), 'fact-00', Rating.Again, at(10, 9));
		expect(await loadDeckCounts(db(), tile, DEFAULT_SETTINGS, at(10, 9, 5).getTime())).toEqual(
			(await loadDeckQueue(db(), deck, DEFAULT_SETTINGS, at(10, 9, 5).getTime())).counts
		);
		expect(await loadDeckCounts(db(), tile, DEFAULT_SETTINGS, at(10, 9, 5).getTime())).toEqual({
			new: 19,
			learning: 1,
			review: 0,
			metInQuiz: 0
		});
		expect(loads).toBe(2);
	});
});

describe('the first cards of the queue', () => {
	const keyAndKind = (items: { deckId: string; factId: string; kind: string }[]) =>
		items.map((i) => `${i.deckId}/${i.factId} ${i.kind}`);

	it('are the start of the whole queue: learning cards due now, then reviews within the limit', async () => {
		const settings = { ...DEFAULT_SETTINGS, maxReviewsPerDay: 4 };
		for (const id of FACTS.slice(0, 10)) await rateFact(db(), id, Rating.Easy, at(1, 9), settings); // reviews, due within days
		await rateFact(db(), 'fact-05', Rating.Again, at(24, 9), settings); // lapsed: relearning
		await rateFact(db(), 'fact-20', Rating.Again, at(25, 8, 50), settings); // learning, due at 8:51
		await rateFact(db(), 'fact-21', Rating.Good, at(25, 8, 59), settings); // learning, due at 9:09: later today, not now
		const now = at(25, 9).getTime();
		const inBank = { deckId: DECK, factIds: FACTS.filter((id) => id !== 'fact-01') };

		const first = await loadQueueStart(db(), [inBank], settings, now);
		const whole = await loadQueue(db(), [inBank], settings, now);
		expect(keyAndKind(first)).toEqual(keyAndKind(whole.items.slice(0, first.length)));
		expect(keyAndKind(first)).toEqual([
			'demo/fact-05 learning',
			'demo/fact-20 learning',
			...['fact-00', 'fact-02', 'fact-03', 'fact-04'].map((id) => `demo/${id} review`)
		]);
		expect(first.find((i) => i.factId === 'fact-20')).toEqual({
			deckId: DECK,
			factId: 'fact-20',
			kind: 'learning',
			state: await db().factStates.get('demo/fact-20')
		});
	});

	it(`read at most ${QUEUE_START_SIZE} reviews, the ones due first`, async () => {
		const many = Array.from({ length: QUEUE_START_SIZE + 10 }, (_, i) => `many-${String(i).padStart(3, '0')}`);
		const scheduler = createScheduler(0.9);
		// Written in reverse, so the order found must come from the due times.
		await db().factStates.bulkPut(
			many.toReversed().map((id, i) => {
				const card = scheduler.next(newCard(at(1, 9)), at(1, 9), Rating.Easy).card;
				return {
					key: `${DECK}/${id}`,
					deckId: DECK,
					factId: id,
					...toStored({ ...card, due: at(5, 9, many.length - i) })
				};
			})
		);
		const settings = { ...DEFAULT_SETTINGS, maxReviewsPerDay: 1000 };
		const all = { deckId: DECK, factIds: many };
		const first = await loadQueueStart(db(), [all], settings, at(10, 9).getTime());
		const whole = await loadQueue(db(), [all], settings, at(10, 9).getTime());
		expect(first).toHaveLength(QUEUE_START_SIZE);
		expect(keyAndKind(first)).toEqual(keyAndKind(whole.items.slice(0, QUEUE_START_SIZE)));
		expect(whole.counts.review).toBe(many.length);
	});

	it('are none when only new facts are left, which the whole queue brings', async () => {
		await rateFact(db(), 'fact-00', Rating.Easy, at(10, 9));
		expect(await loadQueueStart(db(), [deck], DEFAULT_SETTINGS, at(10, 10).getTime())).toEqual([]);
		expect((await loadQueue(db(), [deck], DEFAULT_SETTINGS, at(10, 10).getTime())).counts.new).toBe(19);
	});

	it('put learning cards due now of every deck before any review', async () => {
		const other = { deckId: 'other', factIds: ['x', 'y'] };
		await rateFact(db(), 'fact-00', Rating.Easy, at(1, 9));
		await recordReview(db(), {
			deckId: 'other',
			factId: 'x',
			rating: Rating.Again,
			now: at(25, 8),
			retention: 0.9,
			source: 'flashcard',
			durationMs: 1
		});
		const now = at(25, 9).getTime();
		const first = await loadQueueStart(db(), [deck, other], DEFAULT_SETTINGS, now);
		expect(keyAndKind(first)).toEqual(['other/x learning', 'demo/fact-00 review']);
		expect(keyAndKind(first)).toEqual(
			keyAndKind((await loadQueue(db(), [deck, other], DEFAULT_SETTINGS, now)).items.slice(0, 2))
		);
	});
});
