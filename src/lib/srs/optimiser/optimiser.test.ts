import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { default_w } from 'ts-fsrs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReviewRow } from '$lib/db/rows';
import {
	MIN_TRAINING_ITEMS,
	packItems,
	reviewsStillNeeded,
	splitByTime,
	trainingItems,
	type TrainingItem
} from './items';
import { binOf, evaluate, fitIsBetter, logLoss, rmseBins } from './metrics';
import { SIMULATED_TRUTH, simulateHistory } from './simulate';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = new Date(2026, 0, 5, 0).getTime();

type Review = Pick<ReviewRow, 'factKey' | 'time' | 'rating'>;
const review = (factKey: string, time: number, rating: ReviewRow['rating']): Review => ({ factKey, time, rating });

describe('training items', () => {
	it('make one item per review after a first, in study days, oldest first', () => {
		const log = [
			review('a', T0 + 10 * HOUR, 3),
			review('b', T0 + 11 * HOUR, 1),
			// 2 am is still the day before, with the day starting at 4 am.
			review('b', T0 + DAY + 2 * HOUR, 3),
			review('a', T0 + 3 * DAY + 9 * HOUR, 1),
			review('a', T0 + 3 * DAY + 9 * HOUR + 600_000, 3)
		];
		expect(trainingItems(log, 4)).toEqual([
			{ ratings: [1, 3], deltaTs: [0, 0], time: T0 + DAY + 2 * HOUR },
			{ ratings: [3, 1], deltaTs: [0, 3], time: T0 + 3 * DAY + 9 * HOUR },
			{ ratings: [3, 1, 3], deltaTs: [0, 3, 0], time: T0 + 3 * DAY + 9 * HOUR + 600_000 }
		]);
		// At midnight rollover the 2 am review is a day later.
		expect(trainingItems(log, 0)[0]).toEqual({ ratings: [1, 3], deltaTs: [0, 1], time: T0 + DAY + 2 * HOUR });
	});

	it('are packed end to end for fsrs-browser, without those predicting a same-day review', () => {
		const items: TrainingItem[] = [
			{ ratings: [3, 3], deltaTs: [0, 2], time: 1 },
			{ ratings: [1, 3], deltaTs: [0, 0], time: 1 },
			{ ratings: [3, 3, 1], deltaTs: [0, 2, 5], time: 2 }
		];
		expect(packItems(items)).toEqual({
			ratings: new Uint32Array([3, 3, 3, 3, 1]),
			deltaTs: new Uint32Array([0, 2, 0, 2, 5]),
			lengths: new Uint32Array([2, 3])
		});
	});

	it('split by time: the earlier 80 % to fit on, the later 20 % to measure on', () => {
		const items = Array.from({ length: 10 }, (_, i) => ({ time: i }));
		expect(splitByTime(items)).toEqual({ train: items.slice(0, 8), test: items.slice(8) });
	});

	it('say how many more reviews are needed when the history is too short', () => {
		const item = (time: number): TrainingItem => ({ ratings: [3, 3], deltaTs: [0, 1], time });
		expect(reviewsStillNeeded([])).toBe(Math.ceil(MIN_TRAINING_ITEMS / 0.8));
		expect(reviewsStillNeeded(Array.from({ length: 80 }, (_, i) => item(i)))).toBe(0);
		expect(reviewsStillNeeded(Array.from({ length: 40 }, (_, i) => item(i)))).toBe(
			Math.ceil((MIN_TRAINING_ITEMS - 32) / 0.8)
		);
	});
});

describe('metrics', () => {
	it('log loss is the mean cross-entropy', () => {
		expect(logLoss([0.9, 0.2], [1, 0])).toBeCloseTo(-(Math.log(0.9) + Math.log(0.8)) / 2, 10);
		expect(Number.isFinite(logLoss([1], [0]))).toBe(true);
	});

	it('bins reviews by interval, reviews and lapses on fsrs-rs’s log scales', () => {
		// delta_t 8: 2.48 × 3.62^1 × 100 = 898; 3 long-term reviews + 1: 1.99 × 1.89^2 = 7; one lapse: 1.65 × 1.73^0 = 2.
		expect(binOf({ ratings: [3, 1, 3, 3], deltaTs: [0, 2, 1, 8], time: 0 })).toBe('898/7/2');
		// delta_t 1, one long-term review: 2.48 × 100 = 248, 1.99 × 1.89 = 4, no lapse.
		expect(binOf({ ratings: [3, 3], deltaTs: [0, 1], time: 0 })).toBe('248/4/0');
	});

	it('RMSE (bins) compares each bin’s mean prediction with its share recalled, weighted by size', () => {
		// Bin x: mean prediction 0.8, recalled 0.5 (2 reviews); bin y: 0.6 against 1 (1 review).
		const rmse = rmseBins(['x', 'x', 'y'], [0.9, 0.7, 0.6], [1, 0, 1]);
		expect(rmse).toBeCloseTo(Math.sqrt((0.3 ** 2 * 2 + 0.4 ** 2) / 3), 10);
	});

	it('only scores reviews made on a later day', () => {
		const sameDay: TrainingItem = { ratings: [1, 3], deltaTs: [0, 0], time: 0 };
		const later: TrainingItem = { ratings: [3, 3], deltaTs: [0, 4], time: 1 };
		expect(evaluate([sameDay, later]).count).toBe(1);
	});
});

const TRUTH = SIMULATED_TRUTH;

describe('on a simulated history whose true parameters are known', () => {
	const items = trainingItems(
		simulateHistory({ truth: TRUTH, deckId: 'd', start: T0, days: 60, newPerDay: 6, seed: 7 }).reviews,
		4
	);
	const { train, test } = splitByTime(items);
	let fitted: number[];

	beforeAll(async () => {
		// fsrs-browser's thread helper listens for messages on `self` when it loads; Node has no `self`.
		Object.assign(globalThis, { self: new EventTarget() });
		const { initSync, Fsrs } = await import('fsrs-browser');
		initSync({
			module: readFileSync(join(import.meta.dirname, '../../../../node_modules/fsrs-browser/fsrs_browser_bg.wasm'))
		});
		const packed = packItems(train);
		fitted = Array.from(new Fsrs().computeParameters(packed.ratings, packed.deltaTs, packed.lengths, null, true));
	}, 120_000);

	it('has enough history to fit', () => {
		expect(reviewsStillNeeded(items)).toBe(0);
		expect(test.length).toBeGreaterThan(200);
	});

	it('the true parameters predict the held-out reviews better than the defaults', () => {
		const defaults = evaluate(test);
		const truth = evaluate(test, TRUTH);
		expect(truth.logLoss).toBeLessThan(defaults.logLoss);
		expect(truth.rmseBins).toBeLessThan(defaults.rmseBins);
	});

	it('the parameters fitted on the earlier 80 % beat the defaults on the later 20 %, and are applied', () => {
		const defaults = evaluate(test);
		const fit = evaluate(test, fitted);
		expect(fit.logLoss).toBeLessThan(defaults.logLoss);
		expect(fit.rmseBins).toBeLessThan(defaults.rmseBins);
		expect(fitIsBetter(defaults, fit)).toBe(true);
		// The first memory moves from the default toward the truth.
		expect(Math.abs(fitted[2]! - TRUTH[2]!)).toBeLessThan(Math.abs(default_w[2]! - TRUTH[2]!));
	});

	it('parameters no better than the ones in use are not applied', () => {
		expect(fitIsBetter(evaluate(test, TRUTH), evaluate(test))).toBe(false);
	});
});
