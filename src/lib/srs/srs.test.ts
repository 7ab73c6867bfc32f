import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { State, type Grade } from 'ts-fsrs';
import { StudyDatabase } from '$lib/db/db';
import type { StudySettings } from '$lib/db/rows';
import { DEFAULT_SETTINGS, readSettings, saveSettings } from '$lib/db/settings';
import { createScheduler, formatInterval, intervalLabels, newCard, toStored } from './scheduler';
import { factKey, recordReview, undoLastReview } from './review';
import { loadDeckCounts, loadDeckQueue, loadQueue, loadQueueStart, nextDue, QUEUE_START_SIZE, unstudiedQueue } from './queue/reads';
import { nextStudyDayStart, studyDayKey, studyDayStart } from './queue/day';

const DECK = 'demo';
const FACTS = Array.from({ length: 30 }, (_, i) => `fact-${String(i).padStart(2, '0')}`);
const deck = { deckId: DECK, factIds: FACTS };
// Local time, so the rollover hour means what it means on the user's phone.
const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute);

let db: StudyDatabase;
let name = 0;
beforeEach(async () => {
	db = new StudyDatabase(`test-${++name}`);
	await db.open();
});
afterEach(async () => {
	await db.delete();
});

const rate = (factId: string, rating: Grade, now: Date, settings: StudySettings = DEFAULT_SETTINGS) =>
	recordReview(db, { deckId: DECK, factId, rating, now, retention: settings.retention, source: 'flashcard', durationMs: 4000 });

describe('recordReview', () => {
	it.each([1, 2, 3, 4] as Grade[])('stores for rating %i exactly the state ts-fsrs gives', async (rating) => {
		const now = at(10, 9);
		const expected = createScheduler(0.9).next(newCard(now), now, rating).card;
		await rate('fact-00', rating, now);
		const stored = await db.factStates.get(factKey(DECK, 'fact-00'));
		expect(stored).toEqual({ key: 'demo/fact-00', deckId: DECK, factId: 'fact-00', ...toStored(expected) });

		// And a second review continues from the stored state.
		const later = new Date(stored!.due + 60_000);
		const second = createScheduler(0.9).next(expected, later, 3).card;
		await rate('fact-00', 3, later);
		expect(await db.factStates.get('demo/fact-00')).toMatchObject(toStored(second));
	});

	it('logs the rating with the state before and after', async () => {
		const first = await rate('fact-01', 3, at(10, 9));
		const second = await rate('fact-01', 1, at(10, 9, 30));
		const rows = await db.reviews.toArray();
		expect(rows.map((r) => [r.factKey, r.rating, r.source])).toEqual([
			['demo/fact-01', 3, 'flashcard'],
			['demo/fact-01', 1, 'flashcard']
		]);
		expect(first.before).toBeNull();
		expect(second.before).toEqual(first.after);
		expect(rows[1]!.durationMs).toBe(4000);
	});

	it('caps the time counted for one answer at a minute', async () => {
		const row = await recordReview(db, { deckId: DECK, factId: 'fact-02', rating: 3, now: at(10, 9), retention: 0.9, source: 'quiz', durationMs: 3_600_000 });
		expect(row.durationMs).toBe(60_000);
		expect(row.source).toBe('quiz');
	});
});

describe('undoLastReview', () => {
	it('restores the exact previous state and removes the log row', async () => {
		await rate('fact-03', 3, at(10, 9));
		const before = await db.factStates.get('demo/fact-03');
		await rate('fact-03', 1, at(10, 9, 20));
		const undone = await undoLastReview(db, [DECK]);
		expect(undone?.rating).toBe(1);
		expect(await db.factStates.get('demo/fact-03')).toEqual(before);
		expect(await db.reviews.count()).toBe(1);
	});

	it('makes a fact new again when its first review is undone', async () => {
		await rate('fact-04', 4, at(10, 9));
		await undoLastReview(db);
		expect(await db.factStates.count()).toBe(0);
		expect(await db.reviews.count()).toBe(0);
		const queue = await loadDeckQueue(db, deck, DEFAULT_SETTINGS, at(10, 9, 1).getTime());
		expect(queue.items[0]).toMatchObject({ factId: 'fact-00', kind: 'new' });
		expect(queue.counts.new).toBe(20);
	});

	it('says so when there is nothing to undo', async () => {
		expect(await undoLastReview(db)).toBeUndefined();
	});
});

describe('the day queue', () => {
	it('introduces new facts in source order, up to the daily limit', async () => {
		const settings = { ...DEFAULT_SETTINGS, newPerDay: 5 };
		const queue = await loadDeckQueue(db, deck, settings, at(10, 9).getTime());
		expect(queue.items.map((i) => i.factId)).toEqual(FACTS.slice(0, 5));
		expect(queue.counts).toEqual({ new: 5, learning: 0, review: 0 });
	});

	it('counts new facts already introduced today against the limit, and renews it the next day', async () => {
		const settings = { ...DEFAULT_SETTINGS, newPerDay: 5 };
		for (const id of FACTS.slice(0, 3)) await rate(id, 4, at(10, 9), settings);
		let queue = await loadDeckQueue(db, deck, settings, at(10, 10).getTime());
		expect(queue.counts.new).toBe(2);
		expect(queue.items.filter((i) => i.kind === 'new').map((i) => i.factId)).toEqual(['fact-03', 'fact-04']);
		queue = await loadDeckQueue(db, deck, settings, at(11, 10).getTime());
		expect(queue.counts.new).toBe(5);
	});

	it('shows learning cards first and learning cards due soon before the session ends', async () => {
		await rate('fact-00', 1, at(10, 9)); // Again on a new card: due in 1 minute
		const queue = await loadDeckQueue(db, deck, DEFAULT_SETTINGS, at(10, 9, 5).getTime());
		expect(queue.items[0]).toMatchObject({ factId: 'fact-00', kind: 'learning' });
		expect(queue.counts).toEqual({ new: 19, learning: 1, review: 0 });
	});

	it('limits reviews per day, counting reviews already done today', async () => {
		const settings = { ...DEFAULT_SETTINGS, newPerDay: 30, maxReviewsPerDay: 4 };
		for (const id of FACTS.slice(0, 10)) await rate(id, 4, at(1, 9), settings); // Easy: review state, due in days
		const later = at(25, 9).getTime(); // all ten are due by then
		let queue = await loadDeckQueue(db, deck, settings, later);
		expect(queue.counts.review).toBe(4);
		const reviewed = queue.items.filter((i) => i.kind === 'review');
		for (const item of reviewed.slice(0, 3)) await rate(item.factId, 3, new Date(later), settings);
		queue = await loadDeckQueue(db, deck, settings, later + 1000);
		expect(queue.counts.review).toBe(1);
	});

	it('leaves out facts no longer in the bank, keeping their history', async () => {
		await rate('fact-00', 1, at(10, 9));
		const queue = await loadDeckQueue(db, { deckId: DECK, factIds: FACTS.slice(1) }, DEFAULT_SETTINGS, at(10, 9, 5).getTime());
		expect(queue.items.some((i) => i.factId === 'fact-00')).toBe(false);
		expect(await db.reviews.count()).toBe(1);
	});

	it('merges decks, each with its own limits', async () => {
		const settings = { ...DEFAULT_SETTINGS, newPerDay: 2 };
		const other = { deckId: 'other', factIds: ['x', 'y', 'z'] };
		const queue = await loadQueue(db, [deck, other], settings, at(10, 9).getTime());
		expect(queue.items.map((i) => `${i.deckId}/${i.factId}`)).toEqual(['demo/fact-00', 'demo/fact-01', 'other/x', 'other/y']);
	});

	it('of a device with no database yet equals what an empty database gives, for one deck and for several', async () => {
		const settings = { ...DEFAULT_SETTINGS, newPerDay: 3 };
		const other = { deckId: 'other', factIds: ['x', 'y', 'z', 'w'] };
		const now = at(10, 9).getTime();
		for (const decks of [[deck], [deck, other]]) expect(unstudiedQueue(decks, settings, now)).toEqual(await loadQueue(db, decks, settings, now));
	});

	it('tells when the next card falls due', async () => {
		const row = await rate('fact-00', 3, at(10, 9));
		expect(await nextDue(db, [DECK], at(10, 9).getTime())).toBe(row.after.due);
	});
});

describe('the home tile counts', () => {
	it('count a deck never studied without loading its fact ids', async () => {
		let loads = 0;
		const tile = { deckId: DECK, factCount: FACTS.length, factIds: async () => (loads++, FACTS) };
		expect(await loadDeckCounts(db, tile, { ...DEFAULT_SETTINGS, newPerDay: 50 }, at(10, 9).getTime())).toEqual({ new: 30, learning: 0, review: 0 });
		expect(await loadDeckCounts(db, tile, DEFAULT_SETTINGS, at(10, 9).getTime())).toEqual({ new: 20, learning: 0, review: 0 });
		expect(loads).toBe(0);

		await rate('fact-00', 1, at(10, 9));
		expect(await loadDeckCounts(db, tile, DEFAULT_SETTINGS, at(10, 9, 5).getTime())).toEqual(
			(await loadDeckQueue(db, deck, DEFAULT_SETTINGS, at(10, 9, 5).getTime())).counts
		);
		expect(await loadDeckCounts(db, tile, DEFAULT_SETTINGS, at(10, 9, 5).getTime())).toEqual({ new: 19, learning: 1, review: 0 });
		expect(loads).toBe(2);
	});
});

describe('the first cards of the queue', () => {
	const keyAndKind = (items: { deckId: string; factId: string; kind: string }[]) => items.map((i) => `${i.deckId}/${i.factId} ${i.kind}`);

	it('are the start of the whole queue: learning cards due now, then reviews within the limit', async () => {
		const settings = { ...DEFAULT_SETTINGS, maxReviewsPerDay: 4 };
		for (const id of FACTS.slice(0, 10)) await rate(id, 4, at(1, 9), settings); // reviews, due within days
		await rate('fact-05', 1, at(24, 9), settings); // lapsed: relearning
		await rate('fact-20', 1, at(25, 8, 50), settings); // learning, due at 8:51
		await rate('fact-21', 3, at(25, 8, 59), settings); // learning, due at 9:09: later today, not now
		const now = at(25, 9).getTime();
		const inBank = { deckId: DECK, factIds: FACTS.filter((id) => id !== 'fact-01') };

		const first = await loadQueueStart(db, [inBank], settings, now);
		const whole = await loadQueue(db, [inBank], settings, now);
		expect(keyAndKind(first)).toEqual(keyAndKind(whole.items.slice(0, first.length)));
		expect(keyAndKind(first)).toEqual([
			'demo/fact-05 learning',
			'demo/fact-20 learning',
			...['fact-00', 'fact-02', 'fact-03', 'fact-04'].map((id) => `demo/${id} review`)
		]);
		expect(first.find((i) => i.factId === 'fact-20')!.state).toEqual(await db.factStates.get('demo/fact-20'));
	});

	it(`read at most ${QUEUE_START_SIZE} reviews, the ones due first`, async () => {
		const many = Array.from({ length: QUEUE_START_SIZE + 10 }, (_, i) => `many-${String(i).padStart(3, '0')}`);
		const scheduler = createScheduler(0.9);
		// Written in reverse, so the order found must come from the due times.
		await db.factStates.bulkPut(
			many.toReversed().map((id, i) => {
				const card = scheduler.next(newCard(at(1, 9)), at(1, 9), 4).card;
				return { key: `${DECK}/${id}`, deckId: DECK, factId: id, ...toStored({ ...card, due: at(5, 9, many.length - i) }) };
			})
		);
		const settings = { ...DEFAULT_SETTINGS, maxReviewsPerDay: 1000 };
		const all = { deckId: DECK, factIds: many };
		const first = await loadQueueStart(db, [all], settings, at(10, 9).getTime());
		const whole = await loadQueue(db, [all], settings, at(10, 9).getTime());
		expect(first).toHaveLength(QUEUE_START_SIZE);
		expect(keyAndKind(first)).toEqual(keyAndKind(whole.items.slice(0, QUEUE_START_SIZE)));
		expect(whole.counts.review).toBe(many.length);
	});

	it('are none when only new facts are left, which the whole queue brings', async () => {
		await rate('fact-00', 4, at(10, 9));
		expect(await loadQueueStart(db, [deck], DEFAULT_SETTINGS, at(10, 10).getTime())).toEqual([]);
		expect((await loadQueue(db, [deck], DEFAULT_SETTINGS, at(10, 10).getTime())).counts.new).toBe(19);
	});

	it('put learning cards due now of every deck before any review', async () => {
		const other = { deckId: 'other', factIds: ['x', 'y'] };
		await rate('fact-00', 4, at(1, 9));
		await recordReview(db, { deckId: 'other', factId: 'x', rating: 1, now: at(25, 8), retention: 0.9, source: 'flashcard', durationMs: 1 });
		const now = at(25, 9).getTime();
		const first = await loadQueueStart(db, [deck, other], DEFAULT_SETTINGS, now);
		expect(keyAndKind(first)).toEqual(['other/x learning', 'demo/fact-00 review']);
		expect(keyAndKind(first)).toEqual(keyAndKind((await loadQueue(db, [deck, other], DEFAULT_SETTINGS, now)).items.slice(0, 2)));
	});
});

describe('study days', () => {
	it('start at the rollover hour of the local day', () => {
		expect(studyDayStart(at(10, 3, 59).getTime(), 4)).toBe(at(9, 4).getTime());
		expect(studyDayStart(at(10, 4).getTime(), 4)).toBe(at(10, 4).getTime());
		expect(nextStudyDayStart(at(10, 23).getTime(), 4)).toBe(at(11, 4).getTime());
		expect(studyDayKey(at(10, 2).getTime(), 4)).toBe('2026-11-09');
	});

	it('count a review made after midnight for the day before, until the rollover', async () => {
		const settings = { ...DEFAULT_SETTINGS, newPerDay: 2 };
		await rate('fact-00', 4, at(9, 23), settings);
		await rate('fact-01', 4, at(10, 1), settings);
		expect((await loadDeckQueue(db, deck, settings, at(10, 3, 59).getTime())).counts.new).toBe(0);
		expect((await loadDeckQueue(db, deck, settings, at(10, 4).getTime())).counts.new).toBe(2);
	});
});

describe('storage', () => {
	it('keeps states, log and settings when the database is closed and opened again', async () => {
		await rate('fact-00', 3, at(10, 9));
		await saveSettings(db, { ...DEFAULT_SETTINGS, newPerDay: 7 });
		const dbName = db.name;
		db.close();
		db = new StudyDatabase(dbName);
		await db.open();
		expect(await db.factStates.count()).toBe(1);
		expect(await db.reviews.count()).toBe(1);
		expect((await readSettings(db)).newPerDay).toBe(7);
	});

	it('refuses settings out of range and keeps the old ones', async () => {
		await expect(saveSettings(db, { ...DEFAULT_SETTINGS, retention: 1.5 })).rejects.toThrow('retention must be between 0.7 and 0.99');
		expect(await readSettings(db)).toEqual(DEFAULT_SETTINGS);
	});
});

describe('interval labels', () => {
	it('read as Anki writes them', () => {
		expect([30_000, 600_000, 3 * 3_600_000, 4 * 86_400_000, 45 * 86_400_000, 800 * 86_400_000].map(formatInterval)).toEqual([
			'<1m', '10m', '3h', '4d', '1.5mo', '2.2y'
		]);
	});

	it('show the learning steps on a new card', () => {
		const now = at(10, 9);
		const labels = intervalLabels(createScheduler(0.9), newCard(now), now);
		expect(labels[1]).toBe('1m');
		expect(labels[3]).toBe('10m');
		expect(State[newCard(now).state]).toBe('New');
	});
});
