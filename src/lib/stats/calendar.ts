/** The year's reviews as a calendar of weeks (the heatmap), and its text equivalent by month. */
import { dayDate, type DayCount } from './days';

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
