/**
 * Every date the app shows, in one style: the user's locale (the browser's, unless one is given, as
 * the tests do), through Intl.DateTimeFormat. Results, history, statistics and the classroom all
 * call these, so a date never reads "3/11/2026" on one page and "3 Nov 2026" on another. Each
 * function holds its own options, so a page bundles only those it uses.
 */

// A formatter is slow to build and a statistics page formats hundreds of dates: one per style and locale.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(
	style: string,
	locale: string | undefined,
	options: Intl.DateTimeFormatOptions
): Intl.DateTimeFormat {
	const key = `${style} ${locale ?? ''}`;
	let made = formatters.get(key);
	if (!made) {
		made = new Intl.DateTimeFormat(locale, options);
		formatters.set(key, made);
	}
	return made;
}

/** A time in milliseconds or a Date; `locale` is a BCP 47 tag, the browser's when left out. */
type At = number | Date;

/** "3 Nov 2026" (en-GB), "Nov 3, 2026" (en-US) */
export const formatDate = (at: At, locale?: string) => formatter('date', locale, { dateStyle: 'medium' }).format(at);
/** "3 Nov 2026, 14:05" (en-GB), "Nov 3, 2026, 2:05 PM" (en-US) */
export const formatDateTime = (at: At, locale?: string) =>
	formatter('dateTime', locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
/** "3 Nov" (en-GB), "Nov 3" (en-US): chart labels, where the year goes without saying */
export const formatDayMonth = (at: At, locale?: string) =>
	formatter('dayMonth', locale, { day: 'numeric', month: 'short' }).format(at);
/** "Nov" */
export const formatMonthName = (at: At, locale?: string) => formatter('month', locale, { month: 'short' }).format(at);
/** "November 2026" */
export const formatMonthYear = (at: At, locale?: string) =>
	formatter('monthYear', locale, { month: 'long', year: 'numeric' }).format(at);
