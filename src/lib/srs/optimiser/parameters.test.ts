import 'fake-indexeddb/auto';
import { default_w } from 'ts-fsrs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StudyDatabase } from '$lib/db/db';
import { DEFAULT_SETTINGS, readSettings } from '$lib/db/settings';
import { recordReview } from '../review';
import { saveLimits, saveParameters } from './parameters';
import { rescheduleAll } from './reschedule';
import { SIMULATED_TRUTH, simulateHistory } from './simulate';

let db: StudyDatabase;
let n = 0;
beforeEach(async () => {
	db = new StudyDatabase(`parameters-${++n}`);
	await db.open();
});
afterEach(() => db.delete());

const fitted = default_w.map((w, i) => (i === 20 ? 0.3 : w));
const refitted = default_w.map((w, i) => (i === 20 ? 0.4 : w));

describe('the parameters in use', () => {
	it('are FSRS’s defaults until fitted ones are applied, and each apply keeps the ones it replaces', async () => {
		expect((await readSettings(db)).parameters).toBeUndefined();
		await saveParameters(db, fitted);
		expect(await readSettings(db)).toEqual({ ...DEFAULT_SETTINGS, parameters: fitted, previousParameters: [] });
		await saveParameters(db, refitted);
		expect(await readSettings(db)).toEqual({ ...DEFAULT_SETTINGS, parameters: refitted, previousParameters: fitted });
		// Back to the defaults.
		await saveParameters(db, undefined);
		expect(await readSettings(db)).toEqual({ ...DEFAULT_SETTINGS, previousParameters: refitted });
	});

	it('set the interval of the next rating', async () => {
		await saveParameters(db, [...SIMULATED_TRUTH]);
		const { retention, parameters } = await readSettings(db);
		const row = await recordReview(db, {
			deckId: 'd',
			factId: 'a',
			rating: 3,
			now: new Date(2026, 0, 5, 9),
			retention,
			parameters,
			source: 'flashcard',
			durationMs: 1000
		});
		// A first Good gives the initial stability w2 of the parameters in use.
		expect(row.after.stability).toBeCloseTo(SIMULATED_TRUTH[2]!, 4);
	});

	it('stay when the study limits are saved from a form read before they were fitted', async () => {
		const { parameters: _none, ...form } = await readSettings(db);
		await saveParameters(db, fitted);
		await saveLimits(db, { ...form, newPerDay: 5 });
		expect(await readSettings(db)).toEqual({
			...DEFAULT_SETTINGS,
			newPerDay: 5,
			parameters: fitted,
			previousParameters: []
		});
	});
});

describe('rescheduling all cards', () => {
	it('gives each fact the state its history gives under the parameters in use, in one go', async () => {
		const { reviews, factStates } = simulateHistory({
			truth: SIMULATED_TRUTH,
			deckId: 'd',
			start: new Date(2026, 0, 5).getTime(),
			days: 20,
			newPerDay: 3,
			seed: 3
		});
		await db.factStates.bulkPut(factStates);
		await db.reviews.bulkPut(reviews);
		const now = new Date(2026, 0, 26, 12);
		// With the parameters the history was scheduled with, replaying it changes nothing.
		expect(await rescheduleAll(db, now)).toBe(0);
		expect(await db.factStates.bulkGet(factStates.map((s) => s.key))).toEqual(factStates);

		await saveParameters(db, [...SIMULATED_TRUTH]);
		expect(await rescheduleAll(db, now)).toBeGreaterThan(0);
		const refitted = await db.factStates.toArray();
		// The truth has a longer first memory: facts rated Good once and not since are due later than before.
		const once = factStates.filter((s) => s.reps === 1 && s.state === 2);
		expect(once.length).toBeGreaterThan(0);
		for (const state of once) {
			const after = refitted.find((r) => r.key === state.key)!;
			expect(after.due).toBeGreaterThan(state.due);
			// Still counted from the fact's last review, not from the day of the rescheduling.
			expect(after.last_review).toBe(state.last_review);
		}
		expect(await db.reviews.count()).toBe(reviews.length);
	});
});
