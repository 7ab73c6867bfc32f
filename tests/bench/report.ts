/** Median, p95 and the printed tables of the bench. */

export interface Summary {
	n: number;
	median: number;
	p95: number;
	max: number;
}

function quantile(sorted: number[], q: number): number {
	if (sorted.length === 0) return NaN;
	const at = (sorted.length - 1) * q;
	const lo = Math.floor(at);
	const hi = Math.ceil(at);
	return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/** Median and p95 interpolated between the sorted samples (with few samples p95 is close to the maximum). */
export function summarize(times: number[]): Summary {
	const sorted = [...times].sort((a, b) => a - b);
	return { n: times.length, median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted.at(-1) ?? NaN };
}

export type Row = Record<string, string | number>;

export function printTable(rows: Row[]) {
	const keys = Object.keys(rows[0]!);
	const width = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
	const line = (cells: string[]) => cells.map((c, i) => c.padEnd(width[i]!)).join('  ');
	console.log(line(keys));
	console.log(line(width.map((w) => '-'.repeat(w))));
	for (const r of rows) console.log(line(keys.map((k) => String(r[k]))));
}

const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');

/** What a measure must hold: its median at scale at most `median` ms, or at most `ratio` times the empty database's median. */
export interface Target {
	median?: number;
	ratio?: number;
}

/** One measure on both databases: median and p95 of each, the ratio of the medians, and the target with whether it holds. */
export function comparisonRow(measure: string, empty: number[], scale: number[], target: Target = {}): Row {
	const e = summarize(empty);
	const s = summarize(scale);
	const ratio = s.median / e.median;
	const held = (ok: boolean) => (ok ? 'met' : 'NOT met');
	const targets = [
		target.median === undefined
			? ''
			: `≤ ${target.median.toLocaleString('en')} ms median: ${held(s.median <= target.median)}`,
		target.ratio === undefined ? '' : `≤ ${target.ratio}× the empty median: ${held(ratio <= target.ratio)}`
	];
	return {
		measure,
		'n (empty/scale)': `${e.n}/${s.n}`,
		'empty median': ms(e.median),
		'empty p95': ms(e.p95),
		'scale median': ms(s.median),
		'scale p95': ms(s.p95),
		'ratio (medians)': e.median > 0 ? `${ratio.toFixed(2)}×` : '–',
		target: targets.filter(Boolean).join('; ')
	};
}

export const raw = (xs: number[]) => xs.map(ms).join(' ');
