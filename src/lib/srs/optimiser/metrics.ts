/**
 * How well a set of FSRS parameters predicts reviews, measured as fsrs-rs and the SRS benchmark
 * measure it: log loss of the predicted recall, and RMSE over bins of similar reviews.
 */
import { FSRSAlgorithm, default_w, generatorParameters, type FSRSState } from 'ts-fsrs';
import { isLongTerm, type TrainingItem } from './items';

export interface Metrics {
	logLoss: number;
	rmseBins: number;
	/** How many reviews were scored. */
	count: number;
}

/** The recall probability the parameters predict for each item's last review, from the reviews before it. */
export function predictions(items: readonly TrainingItem[], parameters: readonly number[] = default_w): number[] {
	const model = new FSRSAlgorithm(generatorParameters({ w: parameters, enable_short_term: true }));
	return items.map((item) => {
		let state: FSRSState | null = null;
		const last = item.ratings.length - 1;
		for (let i = 0; i < last; i++) state = model.next_state(state, item.deltaTs[i]!, item.ratings[i]!);
		return model.forgetting_curve(item.deltaTs[last]!, state!.stability);
	});
}

/** 1 when the review was passed (Hard, Good or Easy), 0 for Again. */
const recalled = (item: TrainingItem) => (item.ratings[item.ratings.length - 1]! > 1 ? 1 : 0);

/** Binary cross-entropy; predictions are kept off 0 and 1 so one confident miss cannot make it infinite. */
export function logLoss(predicted: readonly number[], actual: readonly number[]): number {
	const EPSILON = 1e-7;
	let sum = 0;
	predicted.forEach((p, i) => {
		const q = Math.min(1 - EPSILON, Math.max(EPSILON, p));
		sum -= actual[i]! * Math.log(q) + (1 - actual[i]!) * Math.log(1 - q);
	});
	return sum / predicted.length;
}

/**
 * fsrs-rs's bin of an item (`FSRSItem::r_matrix_index`): the interval, the number of reviews on
 * earlier days and the lapses before, each on a log scale.
 */
export function binOf(item: TrainingItem): string {
	const last = item.ratings.length - 1;
	const deltaT = item.deltaTs[last]!;
	const deltaBin = Math.round(2.48 * 3.62 ** Math.floor(Math.log(deltaT) / Math.log(3.62)) * 100);
	const length = item.deltaTs.filter((d) => d > 0).length + 1;
	const lengthBin = Math.round(1.99 * 1.89 ** Math.floor(Math.log(length) / Math.log(1.89)));
	let lapses = 0;
	for (let i = 0; i < last; i++) if (item.ratings[i] === 1 && item.deltaTs[i]! > 0) lapses++;
	const lapseBin = lapses === 0 ? 0 : Math.round(1.65 * 1.73 ** Math.floor(Math.log(lapses) / Math.log(1.73)));
	return `${deltaBin}/${lengthBin}/${lapseBin}`;
}

/** RMSE (bins): in each bin, the mean prediction against the share recalled, squared, weighted by the bin's size. */
export function rmseBins(bins: readonly string[], predicted: readonly number[], actual: readonly number[]): number {
	const sums = new Map<string, { predicted: number; actual: number; count: number }>();
	bins.forEach((bin, i) => {
		const sum = sums.get(bin) ?? { predicted: 0, actual: 0, count: 0 };
		sum.predicted += predicted[i]!;
		sum.actual += actual[i]!;
		sum.count++;
		sums.set(bin, sum);
	});
	let squares = 0;
	for (const { predicted: p, actual: a, count } of sums.values()) squares += ((p - a) / count) ** 2 * count;
	return Math.sqrt(squares / predicted.length);
}

/** Log loss and RMSE (bins) of the parameters on the items' long-term reviews (same-day reviews are not scored, as in fsrs-rs). */
export function evaluate(items: readonly TrainingItem[], parameters?: readonly number[]): Metrics {
	const scored = items.filter(isLongTerm);
	if (scored.length === 0) return { logLoss: NaN, rmseBins: NaN, count: 0 };
	const predicted = predictions(scored, parameters);
	const actual = scored.map(recalled);
	return {
		logLoss: logLoss(predicted, actual),
		rmseBins: rmseBins(scored.map(binOf), predicted, actual),
		count: scored.length
	};
}

/**
 * Whether the fitted parameters predicted the held-out reviews better than the ones in use. Log
 * loss decides: it scores every review, while RMSE (bins) of a few hundred reviews moves with how
 * they fall into bins.
 */
export const fitIsBetter = (current: Metrics, fitted: Metrics) => fitted.count > 0 && fitted.logLoss < current.logLoss;
