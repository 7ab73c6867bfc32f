/** The statistics in words: dates, months, counts and percentages, in British English. */
import { dayDate } from './days';

// Made on first use: a formatter is slow to build, and a page with no
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
