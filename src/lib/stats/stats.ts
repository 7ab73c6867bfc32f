/**
 * The numbers of the statistics page, as pure functions of what the database
 * holds, the bank's facts and the clock (`now`, passed in), so tests can build
 * any history and move the clock. Days are study days: they start at the
 * rollover hour, as the study queue's do.
 */
import { isMature, State } from '$lib/db/card-state';
import type { FactState, ReviewHourRow } from '$lib/db/rows';
import { COUNTRIES, THEMES, type Country, type Theme } from '$lib/content/schema';
import { studyDayKey, studyDayStart } from '$lib/srs/queue/day';

export const YEAR_DAYS = 365;
export const RECENT_DAYS = 30;
export const FORECAST_DAYS = 30;

/** What the statistics need of a fact of the bank. */
export interface StatsFact {
	deckId: string;
	factId: string;
	countries: readonly Country[];
	themes: readonly Theme[];
}

type StateOfFact = Pick<FactState, 'deckId' | 'factId' | 'state' | 'scheduled_days' | 'due'>;

/** A study day, by its local date (YYYY-MM-DD), with a count. */
export interface DayCount {
	day: string;
	count: number;
}

/** Start of the study day `offset` days after the one that contains `now` (before it when negative). */
export function studyDayStartAt(now: number, rolloverHour: number, offset: number): number {
	const today = new Date(studyDayStart(now, rolloverHour));
	// Built from the calendar date, so a daylight-saving change keeps the rollover hour.
	return new Date(today.getFullYear(), today.getMonth(), today.getDate() + offset, rolloverHour).getTime();
}

/** Start of the first of the `days` study days that end with today's. */
export function windowStart(now: number, rolloverHour: number, days: number): number {
	return studyDayStartAt(now, rolloverHour, -(days - 1));
}

/** Reviews per study day for the `days` days that end with today, oldest first; other reviews are left out. */
export function reviewsPerDay(
	hours: readonly ReviewHourRow[],
	now: number,
	rolloverHour: number,
	days: number
): DayCount[] {
	const counts = new Map<string, number>();
	// The rollover is on the hour, so all of an hour's reviews fall on one study day.
	for (const h of hours) {
		const key = studyDayKey(h.hour, rolloverHour);
		counts.set(key, (counts.get(key) ?? 0) + h.reviews);
	}
	return Array.from({ length: days }, (_, i) => {
		const day = studyDayKey(studyDayStartAt(now, rolloverHour, i - days + 1), rolloverHour);
		return { day, count: counts.get(day) ?? 0 };
	});
}

export interface Retention {
	/** Share of passed reviews, 0 to 1; undefined when there are none to judge. */
	rate: number | undefined;
	passed: number;
	/** How many reviews of mature facts it is based on. */
	count: number;
}

/**
 * True retention, as Anki computes it: among the reviews of facts that were
 * mature before the rating, the share answered Hard, Good or Easy.
 */
export function trueRetention(hours: readonly ReviewHourRow[], since = -Infinity): Retention {
	let passed = 0;
	let count = 0;
	for (const h of hours) {
		if (h.hour < since) continue;
		count += h.mature;
		passed += h.maturePassed;
	}
	return { rate: count > 0 ? passed / count : undefined, passed, count };
}

export interface RetentionSummary {
	/** Over all the reviews given. */
	overall: Retention;
	/** Over the last 30 study days, today included. */
	recent: Retention;
}

export function retentionSummary(hours: readonly ReviewHourRow[], now: number, rolloverHour: number): RetentionSummary {
	return {
		overall: trueRetention(hours),
		recent: trueRetention(hours, windowStart(now, rolloverHour, RECENT_DAYS))
	};
}

const keyOf = (f: { deckId: string; factId: string }) => `${f.deckId}/${f.factId}`;

/** The stored state of each fact of the bank; states of facts no longer in the bank are left out. */
function statesInBank<S extends StateOfFact>(facts: readonly StatsFact[], states: readonly S[]): Map<string, S> {
	const bank = new Set(facts.map(keyOf));
	const byKey = new Map<string, S>();
	for (const s of states) if (bank.has(keyOf(s))) byKey.set(keyOf(s), s);
	return byKey;
}

export interface StateCounts {
	new: number;
	learning: number;
	review: number;
	relearning: number;
	total: number;
}

/** The bank's facts by FSRS state; a fact with no stored state is new. */
export function factsByState(facts: readonly StatsFact[], states: readonly StateOfFact[]): StateCounts {
	const byKey = statesInBank(facts, states);
	const counts: StateCounts = { new: 0, learning: 0, review: 0, relearning: 0, total: 0 };
	for (const fact of facts) {
		const s = byKey.get(keyOf(fact));
		counts.total++;
		if (!s || s.state === State.New) counts.new++;
		else if (s.state === State.Learning) counts.learning++;
		else if (s.state === State.Review) counts.review++;
		else counts.relearning++;
	}
	return counts;
}

/** How many of the bank's facts fall due on each of the next `days` study days; overdue ones count today. */
export function forecast(
	facts: readonly StatsFact[],
	states: readonly StateOfFact[],
	now: number,
	rolloverHour: number,
	days: number
): DayCount[] {
	const starts = Array.from({ length: days + 1 }, (_, i) => studyDayStartAt(now, rolloverHour, i));
	const result = starts
		.slice(0, days)
		.map((start): DayCount => ({ day: studyDayKey(start, rolloverHour), count: 0 }));
	for (const s of statesInBank(facts, states).values()) {
		if (s.due >= starts[days]!) continue;
		// Day i runs from starts[i] to starts[i + 1]; anything before tomorrow is today's.
		let i = 0;
		while (s.due >= starts[i + 1]!) i++;
		result[i]!.count++;
	}
	return result;
}

export interface Mastery<T extends string> {
	tag: T;
	facts: number;
	/** Facts with a stored state: reviewed at least once. */
	studied: number;
	/** Facts in review with an interval of 21 days or more. */
	mature: number;
	/** Mature facts as a share of the tag's facts, rounded to a whole percent. */
	percent: number;
}

function masteryBy<T extends string>(
	facts: readonly StatsFact[],
	states: readonly StateOfFact[],
	order: readonly T[],
	tagsOf: (fact: StatsFact) => readonly T[]
): Mastery<T>[] {
	const byKey = statesInBank(facts, states);
	const rows = new Map(order.map((tag) => [tag, { tag, facts: 0, studied: 0, mature: 0, percent: 0 }]));
	for (const fact of facts) {
		const s = byKey.get(keyOf(fact));
		for (const tag of new Set(tagsOf(fact))) {
			const row = rows.get(tag);
			if (!row) continue;
			row.facts++;
			if (s) row.studied++;
			if (s && isMature(s)) row.mature++;
		}
	}
	return [...rows.values()]
		.filter((r) => r.facts > 0)
		.map((r) => ({ ...r, percent: Math.round((100 * r.mature) / r.facts) }));
}

/** Per country tag, in the order of the schema; tags no fact carries are left out. */
export function masteryByCountry(facts: readonly StatsFact[], states: readonly StateOfFact[]): Mastery<Country>[] {
	return masteryBy(facts, states, COUNTRIES, (f) => f.countries);
}

/** Per theme tag, in the order of the schema; tags no fact carries are left out. */
export function masteryByTheme(facts: readonly StatsFact[], states: readonly StateOfFact[]): Mastery<Theme>[] {
	return masteryBy(facts, states, THEMES, (f) => f.themes);
}

// ---- Shaping for the charts ----

/** The local date of a day key, at midnight. */
export function dayDate(day: string): Date {
	const [y, m, d] = day.split('-').map(Number);
	return new Date(y!, m! - 1, d!);
}

/**
 * The days as a calendar of weeks (columns) of 7 days (rows, Monday first by
 * default); `null` pads the first and last weeks.
 */
export function calendarWeeks(days: readonly DayCount[], weekStartsOn = 1): (DayCount | null)[][] {
	if (days.length === 0) return [];
	const lead = (dayDate(days[0]!.day).getDay() - weekStartsOn + 7) % 7;
	const cells: (DayCount | null)[] = [...Array<null>(lead).fill(null), ...days];
	while (cells.length % 7 !== 0) cells.push(null);
	return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

/** The weeks in which a month begins, to label the calendar: column index and month (0–11). */
export function monthStarts(weeks: readonly (DayCount | null)[][]): { week: number; month: number }[] {
	const starts: { week: number; month: number }[] = [];
	weeks.forEach((week, i) => {
		const first = week.find((d) => d !== null && dayDate(d.day).getDate() === 1);
		if (first) starts.push({ week: i, month: dayDate(first.day).getMonth() });
	});
	return starts;
}

/** Colour level 0 to 4 of a day in the calendar: 0 for no review, 4 for the busiest days. */
export function heatLevel(count: number, max: number): 0 | 1 | 2 | 3 | 4 {
	if (count <= 0 || max <= 0) return 0;
	return Math.min(4, Math.max(1, Math.ceil((4 * count) / max))) as 1 | 2 | 3 | 4;
}

export interface MonthTotal {
	/** YYYY-MM */
	month: string;
	reviews: number;
	/** Days with at least one review. */
	activeDays: number;
}

/** The days summed by calendar month, oldest first (the calendar's text equivalent). */
export function monthTotals(days: readonly DayCount[]): MonthTotal[] {
	const months = new Map<string, MonthTotal>();
	for (const { day, count } of days) {
		const month = day.slice(0, 7);
		const total = months.get(month) ?? { month, reviews: 0, activeDays: 0 };
		total.reviews += count;
		if (count > 0) total.activeDays++;
		months.set(month, total);
	}
	return [...months.values()];
}

/** The smallest of 1, 2, 3, 4, 5, 6, 8, 10, 20, 30… that is at least `n`: the top of a chart's axis. */
export function niceCeiling(n: number): number {
	if (n <= 1) return 1;
	let step = 1;
	for (;;) {
		for (const m of [1, 2, 3, 4, 5, 6, 8]) if (m * step >= n) return m * step;
		step *= 10;
	}
}

// ---- The whole page ----

/** What the page reads from the database (see `load.ts`). */
export interface StatsInput {
	now: number;
	rolloverHour: number;
	states: StateOfFact[];
	/** The review tallies of every hour with reviews (see `$lib/db/review-hours.ts`). */
	hours: ReviewHourRow[];
}

export interface PageStats {
	reviewsToday: number;
	totalReviews: number;
	retention: RetentionSummary;
	year: DayCount[];
	recent: DayCount[];
	states: StateCounts;
	forecast: DayCount[];
	countries: Mastery<Country>[];
	themes: Mastery<Theme>[];
}

export function pageStats(facts: readonly StatsFact[], input: StatsInput): PageStats {
	const { now, rolloverHour, states, hours } = input;
	const year = reviewsPerDay(hours, now, rolloverHour, YEAR_DAYS);
	return {
		reviewsToday: year[year.length - 1]?.count ?? 0,
		totalReviews: hours.reduce((n, h) => n + h.reviews, 0),
		retention: retentionSummary(hours, now, rolloverHour),
		year,
		recent: year.slice(-RECENT_DAYS),
		states: factsByState(facts, states),
		forecast: forecast(facts, states, now, rolloverHour, FORECAST_DAYS),
		countries: masteryByCountry(facts, states),
		themes: masteryByTheme(facts, states)
	};
}

// ---- Words ----

// Made on first use: each formatter costs the page a few milliseconds to build, and a page with no
// reviews yet never needs them.
const formatter = <T>(make: () => T) => {
	let made: T | undefined;
	return () => (made ??= make());
};
const longDay = formatter(() => new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }));
const shortDay = formatter(() => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' }));
const monthName = formatter(() => new Intl.DateTimeFormat('en-GB', { month: 'short' }));
const monthYear = formatter(() => new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric' }));
const wholeNumber = formatter(() => new Intl.NumberFormat('en-GB'));

/** "Tue, 3 Nov 2026" */
export const formatDay = (day: string) => longDay().format(dayDate(day));
/** "3 Nov" */
export const formatShortDay = (day: string) => shortDay().format(dayDate(day));
/** "Nov" for 10 */
export const formatMonthShort = (month: number) => monthName().format(new Date(2000, month, 1));
/** "November 2026" for "2026-11" */
export const formatMonth = (month: string) => monthYear().format(dayDate(`${month}-01`));
/** "12,345" */
export const formatCount = (n: number) => wholeNumber().format(n);
/** "92%"; a dash when there is nothing to measure. */
export const formatPercent = (rate: number | undefined) => (rate === undefined ? '—' : `${Math.round(rate * 100)}%`);
export const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;
