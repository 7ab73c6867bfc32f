/**
 * "Fit my schedule": fits FSRS parameters to the review log in a worker, on the earlier 80 % of the
 * training items, and scores them against the parameters in use on the later 20 %.
 */
import type { ReviewRow } from '$lib/db/rows';
import { isLongTerm, packItems, reviewsStillNeeded, splitByTime, trainingItems } from './items';
import { evaluate, fitIsBetter, type Metrics } from './metrics';
import type { FitReply, FitRequest } from './protocol';

export type FitOutcome =
	| { kind: 'too-little'; needed: number }
	| { kind: 'fitted'; parameters: number[]; current: Metrics; fitted: Metrics; better: boolean; trainCount: number };

export interface FitRun {
	outcome: Promise<FitOutcome>;
	/** Stops the worker; `outcome` then rejects with a FitCancelled. */
	cancel(): void;
}

export class FitCancelled extends Error {
	constructor() {
		super('Fitting was cancelled.');
		this.name = 'FitCancelled';
	}
}

/**
 * Runs the fit. `onProgress` gets the share done (0–1) while the worker trains, when the page is
 * cross-origin isolated; otherwise the worker cannot be read while it trains and it is never called.
 */
export function fitSchedule(
	reviews: readonly Pick<ReviewRow, 'factKey' | 'time' | 'rating'>[],
	settings: { rolloverHour: number; parameters?: readonly number[] },
	onProgress: (share: number) => void
): FitRun {
	const items = trainingItems(reviews, settings.rolloverHour);
	const needed = reviewsStillNeeded(items);
	if (needed > 0) return { outcome: Promise.resolve({ kind: 'too-little', needed }), cancel() {} };

	const { train, test } = splitByTime(items);
	const worker = new Worker(new URL('./fit.worker.ts', import.meta.url), { type: 'module' });
	let poll: ReturnType<typeof setInterval> | undefined;
	let cancelled: (() => void) | undefined;
	const stop = () => {
		clearInterval(poll);
		worker.terminate();
	};
	const parameters = new Promise<number[]>((resolve, reject) => {
		cancelled = () => reject(new FitCancelled());
		worker.onerror = (event) => reject(new Error(event.message || 'The optimiser could not start.'));
		worker.onmessage = ({ data }: MessageEvent<FitReply>) => {
			if (data.type === 'progress') {
				const counters = new Uint32Array(data.memory, data.pointer, 2);
				poll = setInterval(() => {
					const [done, total] = counters;
					if (total) onProgress(Math.min(1, done! / total));
				}, 100);
			} else if (data.type === 'done') resolve(data.parameters);
			else reject(new Error(data.message));
		};
		const request: FitRequest = packItems(train);
		worker.postMessage(request, [request.ratings.buffer, request.deltaTs.buffer, request.lengths.buffer]);
	}).finally(stop);

	const outcome = parameters.then((fittedParameters): FitOutcome => {
		const current = evaluate(test, settings.parameters);
		const fitted = evaluate(test, fittedParameters);
		return {
			kind: 'fitted',
			parameters: fittedParameters,
			current,
			fitted,
			better: fitIsBetter(current, fitted),
			trainCount: train.filter(isLongTerm).length
		};
	});
	return {
		outcome,
		cancel() {
			stop();
			cancelled?.();
		}
	};
}
