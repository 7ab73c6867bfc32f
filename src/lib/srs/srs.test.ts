import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { State, type Grade } from 'ts-fsrs';
import { StudyDatabase, type StudySettings } from '$lib/db/db';
import { DEFAULT_SETTINGS, readSettings, saveSettings } from '$lib/db/settings';
import { createScheduler, formatInterval, intervalLabels, newCard, toStored } from './scheduler';
import { factKey, recordReview, undoLastReview } from './review';
import { loadDeckQueue, loadQueue, nextDue } from './load';
import { nextStudyDayStart, studyDayKey, studyDayStart } from './day';

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

	it('tells when the next card falls due', async () => {
		const row = await rate('fact-00', 3, at(10, 9));
		expect(await nextDue(db, [DECK], at(10, 9).getTime())).toBe(row.after.due);
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
