import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { State } from 'ts-fsrs';
import { StudyDatabase } from '$lib/db/db';
import type { FactState, ReviewRow, StoredCard } from '$lib/db/rows';
import type { Country, Theme } from '$lib/content/schema';
import {
	calendarWeeks,
	factsByState,
	forecast,
	heatLevel,
	masteryByCountry,
	masteryByTheme,
	monthStarts,
	monthTotals,
	niceCeiling,
	pageStats,
	retentionSummary,
	reviewsPerDay,
	trueRetention,
	windowStart,
	type StatsFact
} from './stats';
import { emptyStats, loadStats } from './snapshot';
import { countReviews, tallyReviews } from '$lib/db/review-hours';

// Local time, so the rollover hour means what it means on the user's phone. Month 10 is November.
const at = (day: number, hour: number, minute = 0, month = 10, year = 2026) =>
	new Date(year, month, day, hour, minute).getTime();
const NOW = at(15, 10); // Sunday 15 November 2026, 10:00
const ROLLOVER = 4;

const card = (state: State, scheduled_days: number, due = NOW): StoredCard => ({
	due,
	stability: scheduled_days,
	difficulty: 5,
	elapsed_days: 0,
	scheduled_days,
	learning_steps: 0,
	reps: 3,
	lapses: 0,
	state
});
const MATURE = card(State.Review, 21);

let nextId = 0;
const review = (time: number, rating: ReviewRow['rating'] = 3, before: StoredCard | null = null): ReviewRow => ({
	id: ++nextId,
	factKey: 'deck/f',
	deckId: 'deck',
	factId: 'f',
	time,
	rating,
	elapsedDays: 0,
	durationMs: 3000,
	source: 'flashcard',
	before,
	after: card(State.Review, 30)
});

const fact = (factId: string, countries: Country[] = ['regional'], themes: Theme[] = ['security'], deckId = 'deck'): StatsFact => ({
	deckId,
	factId,
	countries,
	themes
});
const stateOf = (factId: string, c: StoredCard, deckId = 'deck'): FactState => ({
	key: `${deckId}/${factId}`,
	deckId,
	factId,
	...c
});

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
		const year = reviewsPerDay(tallyReviews(reviews), NOW, ROLLOVER, 365);
		expect(year).toHaveLength(365);
		expect(year[0]).toEqual({ day: '2025-11-16', count: 1 });
		expect(year.at(-1)).toEqual({ day: '2026-11-15', count: 2 });
		expect(year.at(-2)).toEqual({ day: '2026-11-14', count: 2 });
		expect(year.find((d) => d.day === '2026-11-01')?.count).toBe(1);
		expect(year.reduce((n, d) => n + d.count, 0)).toBe(6);
	});

	it('gives the last 30 days for the bar chart', () => {
		const month = reviewsPerDay(tallyReviews(reviews), NOW, ROLLOVER, 30);
		expect(month.map((d) => d.day)[0]).toBe('2026-10-17');
		expect(month.map((d) => d.count).filter((n) => n > 0)).toEqual([1, 2, 2]);
	});

	it('moves reviews across the day boundary with the rollover hour', () => {
		const midnight = reviewsPerDay(tallyReviews(reviews), NOW, 0, 2);
		expect(midnight).toEqual([
			{ day: '2026-11-14', count: 1 },
			{ day: '2026-11-15', count: 3 }
		]);
	});

	it('counts a late-night session for the day before', () => {
		const late = reviewsPerDay(tallyReviews([review(at(16, 1))]), at(16, 2), ROLLOVER, 2);
		expect(late).toEqual([
			{ day: '2026-11-14', count: 0 },
			{ day: '2026-11-15', count: 1 }
		]);
	});

	it('starts the window at the rollover hour of the first day', () => {
		expect(windowStart(NOW, ROLLOVER, 30)).toBe(at(17, 4, 0, 9));
		expect(windowStart(at(15, 2), ROLLOVER, 1)).toBe(at(14, 4));
	});
});

describe('true retention', () => {
	const reviews = [
		review(at(15, 9), 3, null), // a first review: not of a mature fact
		review(at(15, 9), 1, card(State.Review, 20)), // young
		review(at(15, 9), 3, card(State.Learning, 30)),
		review(at(15, 9), 1, card(State.Relearning, 30)),
		review(at(15, 9), 1, MATURE), // failed
		review(at(14, 9), 2, MATURE), // Hard passes
		review(at(10, 9), 3, card(State.Review, 100)),
		review(at(17, 4, 0, 9), 4, MATURE), // 17 Oct at the rollover: the first moment of the 30 days
		review(at(17, 3, 59, 9), 1, MATURE), // a minute earlier: the 16th, outside them
		review(at(1, 9, 0, 8), 3, MATURE) // 1 September
	];

	it('is the share of Hard, Good and Easy among reviews of mature facts', () => {
		expect(trueRetention(tallyReviews(reviews))).toEqual({ rate: 4 / 6, passed: 4, count: 6 });
	});

	it('is given overall and for the last 30 days', () => {
		expect(retentionSummary(tallyReviews(reviews), NOW, ROLLOVER)).toEqual({
			overall: { rate: 4 / 6, passed: 4, count: 6 },
			recent: { rate: 3 / 4, passed: 3, count: 4 }
		});
	});

	it('is undefined when no mature fact was reviewed', () => {
		expect(trueRetention(tallyReviews([review(at(15, 9), 3, null), review(at(15, 9), 3, card(State.Review, 5))]))).toEqual({
			rate: undefined,
			passed: 0,
			count: 0
		});
		expect(trueRetention([])).toEqual({ rate: undefined, passed: 0, count: 0 });
	});
});

describe('facts by state', () => {
	it('counts the bank: new when no state is stored, states of removed facts ignored', () => {
		const facts = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => fact(id));
		const states = [
			stateOf('b', card(State.Learning, 0)),
			stateOf('c', card(State.Review, 3)),
			stateOf('d', card(State.Review, 40)),
			stateOf('e', card(State.Relearning, 0)),
			stateOf('gone', card(State.Review, 40)), // removed from the bank
			stateOf('a', card(State.Review, 40), 'other-deck') // same fact id, another deck
		];
		expect(factsByState(facts, states)).toEqual({ new: 2, learning: 1, review: 2, relearning: 1, total: 6 });
	});

	it('is all new with an empty database', () => {
		expect(factsByState([fact('a'), fact('b')], [])).toEqual({ new: 2, learning: 0, review: 0, relearning: 0, total: 2 });
	});
});

describe('forecast', () => {
	const facts = ['overdue', 'tonight', 'before-rollover', 'tomorrow', 'last', 'too-late', 'next-week'].map((id) => fact(id));
	const states = [
		stateOf('overdue', card(State.Review, 10, at(2, 9))),
		stateOf('tonight', card(State.Learning, 0, at(15, 23))),
		stateOf('before-rollover', card(State.Review, 1, at(16, 3, 59))),
		stateOf('tomorrow', card(State.Review, 1, at(16, 4))),
		stateOf('next-week', card(State.Review, 7, at(22, 12))),
		stateOf('last', card(State.Review, 30, at(15, 3, 59, 11))), // 15 Dec before 4 am: the 30th day
		stateOf('too-late', card(State.Review, 30, at(15, 4, 0, 11))), // the 31st day
		stateOf('gone', card(State.Review, 1, at(15, 12))) // removed from the bank
	];

	it('counts what falls due on each of the next 30 study days, overdue on the first', () => {
		const days = forecast(facts, states, NOW, ROLLOVER, 30);
		expect(days).toHaveLength(30);
		expect(days[0]).toEqual({ day: '2026-11-15', count: 3 });
		expect(days[1]).toEqual({ day: '2026-11-16', count: 1 });
		expect(days[7]).toEqual({ day: '2026-11-22', count: 1 });
		expect(days[29]).toEqual({ day: '2026-12-14', count: 1 });
		expect(days.reduce((n, d) => n + d.count, 0)).toBe(6);
	});

	it('follows the rollover hour', () => {
		const days = forecast(facts, states, NOW, 0, 2);
		expect(days.map((d) => d.count)).toEqual([2, 2]);
	});
});

describe('mastery by country and theme', () => {
	const facts = [
		fact('f1', ['kazakhstan'], ['security', 'economy']),
		fact('f2', ['kazakhstan', 'regional'], ['security']),
		fact('f3', ['uzbekistan'], ['economy']),
		fact('f4', ['kazakhstan'], ['history'])
	];
	const states = [
		stateOf('f1', card(State.Review, 21)), // mature
		stateOf('f2', card(State.Review, 20)), // studied, not yet mature
		stateOf('f4', card(State.Relearning, 30)), // lapsed: not mature
		stateOf('gone', card(State.Review, 90)) // removed from the bank
	];

	it('counts facts, studied and mature per country, in the schema order', () => {
		expect(masteryByCountry(facts, states)).toEqual([
			{ tag: 'kazakhstan', facts: 3, studied: 3, mature: 1, percent: 33 },
			{ tag: 'uzbekistan', facts: 1, studied: 0, mature: 0, percent: 0 },
			{ tag: 'regional', facts: 1, studied: 1, mature: 0, percent: 0 }
		]);
	});

	it('counts facts, studied and mature per theme', () => {
		expect(masteryByTheme(facts, states)).toEqual([
			{ tag: 'security', facts: 2, studied: 2, mature: 1, percent: 50 },
			{ tag: 'economy', facts: 2, studied: 1, mature: 1, percent: 50 },
			{ tag: 'history', facts: 1, studied: 1, mature: 0, percent: 0 }
		]);
	});
});

describe('chart shaping', () => {
	// 1 November 2026 is a Sunday.
	const days = Array.from({ length: 10 }, (_, i) => ({ day: `2026-11-${String(i + 1).padStart(2, '0')}`, count: i }));

	it('lays the days out as weeks of Monday to Sunday', () => {
		const weeks = calendarWeeks(days);
		expect(weeks).toHaveLength(3);
		expect(weeks[0]!.slice(0, 6)).toEqual([null, null, null, null, null, null]);
		expect(weeks[0]![6]?.day).toBe('2026-11-01');
		expect(weeks[1]!.map((d) => d?.day ?? null)).toEqual([
			'2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06', '2026-11-07', '2026-11-08'
		]);
		expect(weeks[2]!.slice(2)).toEqual([null, null, null, null, null]);
		expect(calendarWeeks(days, 0)[0]![0]?.day).toBe('2026-11-01');
		expect(calendarWeeks(days, 0)[1]!.slice(3)).toEqual([null, null, null, null]);
	});

	it('labels the weeks in which a month begins', () => {
		const year = reviewsPerDay([], NOW, ROLLOVER, 365);
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

	it('rounds an axis up to 1, 2, 3, 4, 5, 6 or 8 times a power of ten', () => {
		expect([0, 1, 2, 3, 7, 9, 11, 21, 50, 51, 61, 81, 180].map(niceCeiling)).toEqual([1, 1, 2, 3, 8, 10, 20, 30, 50, 60, 80, 100, 200]);
	});
});

describe('pageStats', () => {
	it('puts the numbers of the page together', () => {
		const facts = [fact('a'), fact('b')];
		const reviews = [review(at(15, 5), 3, null), review(at(15, 6), 3, MATURE), review(at(1, 9))];
		const stats = pageStats(facts, { now: NOW, rolloverHour: ROLLOVER, states: [stateOf('a', MATURE)], hours: tallyReviews(reviews) });
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

describe('loadStats', () => {
	it('reads every state, the review tallies and the rollover hour', async () => {
		const db = new StudyDatabase('stats-test');
		await db.open();
		try {
			await db.settings.put({ id: 'study', newPerDay: 20, maxReviewsPerDay: 200, retention: 0.9, rolloverHour: 6 });
			await db.factStates.bulkPut([stateOf('a', MATURE), stateOf('b', card(State.Learning, 0))]);
			const { id: _a, ...r1 } = review(at(16, 7, 0, 10, 2025)); // the year's first study day starts at 6 am
			const { id: _b, ...r2 } = review(at(16, 5, 0, 10, 2025)); // still the 15th: too old
			const { id: _c, ...r3 } = review(at(15, 9));
			await db.transaction('rw', db.reviews, db.reviewHours, async () => {
				await db.reviews.bulkAdd([r1, r2, r3]);
				await countReviews(db, [r1, r2, r3]);
			});

			const snapshot = await loadStats(db, NOW);
			expect(snapshot.now).toBe(NOW);
			expect(snapshot.rolloverHour).toBe(6);
			expect(snapshot.states.map((s) => s.factId).sort()).toEqual(['a', 'b']);
			expect(snapshot.hours).toEqual(tallyReviews([r1, r2, r3]));
			const stats = pageStats([fact('a'), fact('b')], snapshot);
			expect(stats.totalReviews).toBe(3);
			expect(stats.year[0]).toEqual({ day: '2025-11-16', count: 1 });
		} finally {
			await db.delete();
		}
	});

	it('finds in an empty database what a first visit shows without one', async () => {
		const db = new StudyDatabase('stats-empty-test');
		await db.open();
		try {
			expect(emptyStats(NOW)).toEqual(await loadStats(db, NOW));
		} finally {
			await db.delete();
		}
	});
});
