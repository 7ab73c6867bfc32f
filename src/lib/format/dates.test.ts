import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDayMonth, formatMonthName, formatMonthYear } from './dates';

// 3 November 2026, 14:05 local time: the tests fix the locale, and the clock.
const at = new Date(2026, 10, 3, 14, 5).getTime();

describe('dates', () => {
	it('shows a date, and a date and time, in the locale given', () => {
		expect(formatDate(at, 'en-GB')).toBe('3 Nov 2026');
		expect(formatDate(at, 'en-US')).toBe('Nov 3, 2026');
		expect(formatDateTime(at, 'en-GB')).toBe('3 Nov 2026, 14:05');
		expect(formatDateTime(at, 'en-US')).toMatch(/^Nov 3, 2026, 2:05\sPM$/);
		expect(formatDate(at, 'de-DE')).toBe('03.11.2026');
	});

	it('labels days and months for the charts', () => {
		expect(formatDayMonth(at, 'en-GB')).toBe('3 Nov');
		expect(formatMonthName(at, 'en-GB')).toBe('Nov');
		expect(formatMonthYear(at, 'en-GB')).toBe('November 2026');
	});

	it('follows the default locale when none is given', () => {
		expect(formatDate(at)).toBe(new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(at));
		expect(formatDate(new Date(at), 'en-GB')).toBe('3 Nov 2026');
	});
});
