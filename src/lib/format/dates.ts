/**
 * Every date and time the app shows, in one style: the user's locale (the browser's, unless one is
 * given, as the tests do), through Intl.DateTimeFormat. Results, history, statistics and the
 * classroom all call these, so a date never reads "3/11/2026" on one page and "3 Nov 2026" on another.
 */
const STYLES = {
	/** "3 Nov 2026" (en-GB), "Nov 3, 2026" (en-US) */
	date: { dateStyle: 'medium' },
	/** "3 Nov 2026, 14:05" (en-GB), "Nov 3, 2026, 2:05 PM" (en-US) */
	dateTime: { dateStyle: 'medium', timeStyle: 'short' },
	/** "14:05" (en-GB), "2:05 PM" (en-US) */
	time: { timeStyle: 'short' },
	/** "3 Nov" (en-GB), "Nov 3" (en-US): chart labels, where the year is plain */
	dayMonth: { day: 'numeric', month: 'short' },
	/** "Nov" */
	month: { month: 'short' },
	/** "November 2026" */
	monthYear: { month: 'long', year: 'numeric' }
} satisfies Record<string, Intl.DateTimeFormatOptions>;

type Style = keyof typeof STYLES;

// A formatter is slow to build and a statistics page formats hundreds of dates: one per style and locale.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(style: Style, locale: string | undefined): Intl.DateTimeFormat {
	const key = `${style} ${locale ?? ''}`;
	let made = formatters.get(key);
	if (!made) {
		made = new Intl.DateTimeFormat(locale, STYLES[style]);
		formatters.set(key, made);
	}
	return made;
}

/** `at` is a time in milliseconds or a Date; `locale` a BCP 47 tag, the browser's when left out. */
type At = number | Date;

export const formatDate = (at: At, locale?: string) => formatter('date', locale).format(at);
export const formatDateTime = (at: At, locale?: string) => formatter('dateTime', locale).format(at);
export const formatTime = (at: At, locale?: string) => formatter('time', locale).format(at);
export const formatDayMonth = (at: At, locale?: string) => formatter('dayMonth', locale).format(at);
export const formatMonthName = (at: At, locale?: string) => formatter('month', locale).format(at);
export const formatMonthYear = (at: At, locale?: string) => formatter('monthYear', locale).format(at);
