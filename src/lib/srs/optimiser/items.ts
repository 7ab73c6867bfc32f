/**
 * The review log as the FSRS optimiser (fsrs-rs) reads it: one training item per review that had a
 * review of the same fact before it, made of the fact's ratings up to that review and the days
 * between them. The last review of an item is the one predicted; the ones before are its history.
 */
import type { ReviewRow } from '$lib/db/rows';
import { studyDayStart } from '../queue/day';

export interface TrainingItem {
	/** 1 Again … 4 Easy, oldest first; the last one is the review predicted. */
	ratings: number[];
	/** Study days since the review before (0 for the first and for reviews on the same day). */
	deltaTs: number[];
	/** When the predicted review was given (epoch ms): items are ordered and split by it. */
	time: number;
}

const DAY = 86_400_000;

/**
 * Every training item of a review log, oldest first. Days are study days (they start at the rollover
 * hour), counted as the scheduler counts them; rounding absorbs a daylight-saving hour.
 */
export function trainingItems(
	reviews: readonly Pick<ReviewRow, 'factKey' | 'time' | 'rating'>[],
	rolloverHour: number
): TrainingItem[] {
	const byFact = new Map<string, Pick<ReviewRow, 'time' | 'rating'>[]>();
	for (const review of reviews) {
		const list = byFact.get(review.factKey) ?? [];
		list.push(review);
		byFact.set(review.factKey, list);
	}
	const items: TrainingItem[] = [];
	for (const history of byFact.values()) {
		history.sort((a, b) => a.time - b.time);
		const days = history.map((r) => studyDayStart(r.time, rolloverHour));
		const ratings = history.map((r) => r.rating);
		const deltaTs = days.map((day, i) => (i === 0 ? 0 : Math.round((day - days[i - 1]!) / DAY)));
		for (let length = 2; length <= history.length; length++)
			items.push({
				ratings: ratings.slice(0, length),
				deltaTs: deltaTs.slice(0, length),
				time: history[length - 1]!.time
			});
	}
	return items.sort((a, b) => a.time - b.time);
}

/** Whether the item's predicted review came a day or more after the one before: only those are scored, as in fsrs-rs. */
export const isLongTerm = (item: TrainingItem) => item.deltaTs[item.deltaTs.length - 1]! > 0;

/** The share of items, by time, that the parameters are fitted on; the later rest measures them. */
export const TRAIN_SHARE = 0.8;

/** Items split by time: the earlier `share` to fit on, the later rest to measure on. `items` are oldest first. */
export function splitByTime<T extends { time: number }>(
	items: readonly T[],
	share = TRAIN_SHARE
): { train: T[]; test: T[] } {
	const cut = Math.floor(items.length * share);
	return { train: items.slice(0, cut), test: items.slice(cut) };
}

/**
 * fsrs-rs returns its defaults under 8 long-term items and fits only the first four parameters
 * under 64; the app fits only when the earlier 80 % holds 64, so every parameter is fitted.
 */
export const MIN_TRAINING_ITEMS = 64;

/** How many more reviews a fact seen on an earlier day are needed before fitting is worth it; 0 when there are enough. */
export function reviewsStillNeeded(items: readonly TrainingItem[]): number {
	const { train } = splitByTime(items);
	const have = train.filter(isLongTerm).length;
	if (have >= MIN_TRAINING_ITEMS) return 0;
	// Each new review adds one item; 80 % of new items land in the training part.
	return Math.ceil((MIN_TRAINING_ITEMS - have) / TRAIN_SHARE);
}

/**
 * The items as fsrs-browser's `computeParameters` takes them: every item's ratings and days end to
 * end, and each item's length. Only items predicting a review on a later day are sent, as Anki
 * sends them: fsrs-rs stops (a WebAssembly "unreachable") on an item with no long-term review.
 */
export function packItems(all: readonly TrainingItem[]): {
	ratings: Uint32Array;
	deltaTs: Uint32Array;
	lengths: Uint32Array;
} {
	const items = all.filter(isLongTerm);
	const total = items.reduce((n, item) => n + item.ratings.length, 0);
	const ratings = new Uint32Array(total);
	const deltaTs = new Uint32Array(total);
	const lengths = new Uint32Array(items.length);
	let at = 0;
	items.forEach((item, i) => {
		ratings.set(item.ratings, at);
		deltaTs.set(item.deltaTs, at);
		lengths[i] = item.ratings.length;
		at += item.ratings.length;
	});
	return { ratings, deltaTs, lengths };
}
