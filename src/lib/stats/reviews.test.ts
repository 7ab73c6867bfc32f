import { describe, expect, it } from 'vitest';
import { at, NOW, review, ROLLOVER, talliesOf } from './fixtures';
import { reviewsPerDay } from './reviews';

describe('reviewsPerDay', () => {
	const reviews = [
		review(at(14, 23, 30)), // 14th
		review(at(15, 3, 59)), // before the rollover: still the 14th
		review(at(15, 4)), // the 15th starts
		review(at(15, 9)),
		review(at(1, 12)), // 1 November
		review(at(16, 11, 0, 10, 2025)), // 16 Nov 2025: the first day of the year window
		review(at(15, 11, 0, 10, 2025)) // 15 Nov 2025: a year and a day ago, left out
	];

	it('counts each study day of the past year, oldest first, ending today', () => {
		const year = reviewsPerDay(talliesOf(reviews), NOW, ROLLOVER, 365);
		expect(year).toHaveLength(365);
		expect(year[0]).toEqual({ day: '2025-11-16', count: 1 });
		expect(year.at(-1)).toEqual({ day: '2026-11-15', count: 2 });
		expect(year.at(-2)).toEqual({ day: '2026-11-14', count: 2 });
		expect(year.find((d) => d.day === '2026-11-01')?.count).toBe(1);
		expect(year.reduce((n, d) => n + d.count, 0)).toBe(6);
	});

	it('gives the last 30 days for the bar chart', () => {
		const month = reviewsPerDay(talliesOf(reviews), NOW, ROLLOVER, 30);
		expect(month.map((d) => d.day)[0]).toBe('2026-10-17');
		expect(month.map((d) => d.count).filter((n) => n > 0)).toEqual([1, 2, 2]);
	});

	it('moves reviews across the day boundary with the rollover hour', () => {
		const midnight = reviewsPerDay(talliesOf(reviews, 0), NOW, 0, 2);
		expect(midnight).toEqual([
			{ day: '2026-11-14', count: 1 },
			{ day: '2026-11-15', count: 3 }
		]);
	});

	it('counts a late-night session for the day before', () => {
		const late = reviewsPerDay(talliesOf([review(at(16, 1))]), at(16, 2), ROLLOVER, 2);
		expect(late).toEqual([
			{ day: '2026-11-14', count: 0 },
			{ day: '2026-11-15', count: 1 }
		]);
	});
});
