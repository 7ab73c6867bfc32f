import { describe, expect, it } from 'vitest';
import { calendarWeeks, heatLevel, monthStarts, monthTotals } from './calendar';
import { NOW, ROLLOVER } from './fixtures';
import { reviewsPerDay } from './reviews';

describe('the calendar', () => {
	// 1 November 2026 is a Sunday.
	const days = Array.from({ length: 10 }, (_, i) => ({ day: `2026-11-${String(i + 1).padStart(2, '0')}`, count: i }));

	it('lays the days out as weeks of Monday to Sunday', () => {
		const weeks = calendarWeeks(days);
		expect(weeks).toHaveLength(3);
		expect(weeks[0]!.slice(0, 6)).toEqual([null, null, null, null, null, null]);
		expect(weeks[0]![6]?.day).toBe('2026-11-01');
		expect(weeks[1]!.map((d) => d?.day ?? null)).toEqual([
			'2026-11-02',
			'2026-11-03',
			'2026-11-04',
			'2026-11-05',
			'2026-11-06',
			'2026-11-07',
			'2026-11-08'
		]);
		expect(weeks[2]!.slice(2)).toEqual([null, null, null, null, null]);
		expect(calendarWeeks(days, 0)[0]![0]?.day).toBe('2026-11-01');
		expect(calendarWeeks(days, 0)[1]!.slice(3)).toEqual([null, null, null, null]);
	});

	it('labels the weeks in which a month begins', () => {
		const year = reviewsPerDay(new Map(), NOW, ROLLOVER, 365);
		const starts = monthStarts(calendarWeeks(year));
		expect(starts).toHaveLength(12);
		expect(starts.at(-1)).toEqual({ week: 50, month: 10 });
		expect(starts[0]!.month).toBe(11);
	});

	it('grades the calendar in four levels of the busiest day', () => {
		expect([0, 1, 2, 3, 4, 5, 8].map((n) => heatLevel(n, 8))).toEqual([0, 1, 1, 2, 2, 3, 4]);
		expect(heatLevel(0, 0)).toBe(0);
	});

	it('sums the days by month', () => {
		const spread = [...days.slice(0, 3), { day: '2026-12-01', count: 0 }, { day: '2026-12-02', count: 7 }];
		expect(monthTotals(spread)).toEqual([
			{ month: '2026-11', reviews: 3, activeDays: 2 },
			{ month: '2026-12', reviews: 7, activeDays: 1 }
		]);
	});
});
