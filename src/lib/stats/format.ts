/** The statistics in words: dates and months in the user's locale (as everywhere in the app), counts and percentages. */
import { formatDate, formatDayMonth, formatMonthName, formatMonthYear } from '$lib/format/dates';
import { dayDate } from './days';

// Made on first use: a formatter is slow to build, and a page with no
// reviews yet never needs them.
const formatter = <T>(make: () => T) => {
	let made: T | undefined;
	return () => (made ??= make());
};
const wholeNumber = formatter(() => new Intl.NumberFormat('en-GB'));

/** "3 Nov 2026" for "2026-11-03" */
export const formatDay = (day: string) => formatDate(dayDate(day));
/** "3 Nov" */
export const formatShortDay = (day: string) => formatDayMonth(dayDate(day));
/** "Nov" for 10 */
export const formatMonthShort = (month: number) => formatMonthName(new Date(2000, month, 1));
/** "November 2026" for "2026-11" */
export const formatMonth = (month: string) => formatMonthYear(dayDate(`${month}-01`));
/** "12,345" */
export const formatCount = (n: number) => wholeNumber().format(n);
/** "92%"; a dash when there is nothing to measure. */
export const formatPercent = (rate: number | undefined) => (rate === undefined ? '—' : `${Math.round(rate * 100)}%`);
export const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;
