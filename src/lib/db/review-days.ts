/**
 * The review tallies (review-hours.ts) folded into one row per local calendar day, each keeping its
 * 24 hours apart, so the statistics read a row per day of study (a year: 365) instead of one per hour
 * (thousands): IndexedDB costs per row read. The hours stay apart because the rollover hour is a
 * setting: a study day is a calendar day's hours from the rollover hour on and the next day's before it.
 *
 * Kept by a Dexie middleware in the transaction of every write to `reviewHours`, whoever makes it (a
 * rating, an undo, a quiz, an import, a reset, a deck's deletion): it adds `reviewDays` to the
 * transaction and folds again, from the hours themselves, each day the write touched. So the day rows
 * always equal a fold of the hour rows, with no writer having to know about them.
 */
import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreTransaction } from 'dexie';
import { derivedTableMiddleware } from './derived-table';
import type { ReviewHourRow } from './rows';

/** A calendar day's review tallies, by local clock hour (index 0 to 23). */
export interface ReviewDayRow {
	/** Local midnight that starts the day, epoch ms. */
	day: number;
	reviews: number[];
	/** Reviews of facts that were mature before the rating, and how many of those were passed. */
	mature: number[];
	maturePassed: number[];
}

const HOURS = 'reviewHours';
const DAYS = 'reviewDays';

/** Local midnight that starts the calendar day containing `time`. */
export function dayStart(time: number): number {
	const d = new Date(time);
	d.setHours(0, 0, 0, 0);
	return d.getTime();
}

/** Local midnight that starts the next calendar day (a day is 23 to 25 hours long). */
function nextDayStart(day: number): number {
	const d = new Date(day);
	return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
}

/** The hour tallies folded into days, oldest first. The two hours a clock turned back repeats share their slot. */
export function foldHours(hours: readonly ReviewHourRow[]): ReviewDayRow[] {
	const days = new Map<number, ReviewDayRow>();
	for (const h of hours) {
		const key = dayStart(h.hour);
		let row = days.get(key);
		if (!row) {
			const slots = () => Array<number>(24).fill(0);
			row = { day: key, reviews: slots(), mature: slots(), maturePassed: slots() };
			days.set(key, row);
		}
		const slot = new Date(h.hour).getHours();
		row.reviews[slot]! += h.reviews;
		row.mature[slot]! += h.mature;
		row.maturePassed[slot]! += h.maturePassed;
	}
	return [...days.values()].sort((a, b) => a.day - b.day);
}

const RANGE = 2 as DBCoreKeyRange['type'];
const between = (lower: number, upper: number): DBCoreKeyRange => ({
	type: RANGE,
	lower,
	upper,
	lowerOpen: false,
	upperOpen: true
});

/** The span of calendar days a write to the hours touched, from the first day's start to the last one's end. */
function touchedSpan(req: DBCoreMutateRequest): [number, number] | undefined {
	let hours: number[];
	if (req.type === 'deleteRange') {
		const { lower, upper } = req.range;
		const from = typeof lower === 'number' && Number.isFinite(lower) ? dayStart(lower) : -Infinity;
		const to = typeof upper === 'number' && Number.isFinite(upper) ? nextDayStart(dayStart(upper)) : Infinity;
		return [from, to];
	}
	if (req.type === 'delete') hours = req.keys as number[];
	else hours = req.values.map((row: ReviewHourRow) => row.hour);
	if (hours.length === 0) return undefined;
	const first = hours.reduce((a, b) => Math.min(a, b));
	const last = hours.reduce((a, b) => Math.max(a, b));
	return [dayStart(first), nextDayStart(dayStart(last))];
}

/** Folds the days of [from, to) again from their hours, in the write's transaction. */
async function refold(core: DBCore, trans: DBCoreTransaction, [from, to]: [number, number]) {
	const hoursTable = core.table(HOURS);
	const daysTable = core.table(DAYS);
	const { result } = await hoursTable.query({
		trans,
		values: true,
		query: { index: hoursTable.schema.primaryKey, range: between(from, to) }
	});
	await daysTable.mutate({ type: 'deleteRange', trans, range: between(from, to) });
	const days = foldHours(result as ReviewHourRow[]);
	if (days.length > 0) await daysTable.mutate({ type: 'put', trans, values: days });
}

/**
 * Keeps `reviewDays` equal to a fold of `reviewHours` (see above). Registered by the database (db.ts); the
 * upgrade that made the hours (version 4) runs before the days' table exists, and version 10 folds them all.
 */
export const reviewDaysMiddleware = derivedTableMiddleware(
	'ReviewDays',
	{ source: HOURS, derived: DAYS },
	async (down, table, req) => {
		const response = await table.mutate(req);
		const span = touchedSpan(req);
		if (span) await refold(down, req.trans, span);
		return response;
	}
);
