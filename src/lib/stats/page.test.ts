import { describe, expect, it } from 'vitest';
import { foldHours } from '$lib/db/review-days';
import { tallyReviews } from '$lib/db/review-hours';
import { at, fact, MATURE, NOW, review, ROLLOVER, stateOf, storedOf } from './fixtures';
import { pageStats } from './page';

describe('pageStats', () => {
	it('puts the numbers of the page together', () => {
		const facts = [fact('a'), fact('b')];
		const reviews = [review(at(15, 5), 3, null), review(at(15, 6), 3, MATURE), review(at(1, 9))];
		const stats = pageStats(facts, {
			now: NOW,
			rolloverHour: ROLLOVER,
			states: storedOf([stateOf('a', MATURE)]),
			days: foldHours(tallyReviews(reviews))
		});
		expect(stats.reviewsToday).toBe(2);
		expect(stats.totalReviews).toBe(3);
		expect(stats.year).toHaveLength(365);
		expect(stats.recent).toHaveLength(30);
		expect(stats.recent.at(-1)).toEqual({ day: '2026-11-15', count: 2 });
		expect(stats.retention.overall).toEqual({ rate: 1, passed: 1, count: 1 });
		expect(stats.states).toMatchObject({ new: 1, review: 1 });
		expect(stats.forecast).toHaveLength(30);
		expect(stats.countries).toEqual([{ tag: 'regional', facts: 2, studied: 1, mature: 1, percent: 50 }]);
	});
});
