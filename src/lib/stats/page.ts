/**
 * The numbers of the statistics page, as pure functions of what the database holds, the bank's facts
 * and the clock (`now`, passed in), so tests can build any history and move the clock. Each topic is
 * a module of its own (reviews, retention, card counts, future due, mastery); this puts them together.
 */
import type { ReviewDayRow } from '$lib/db/review-days';
import type { Country, Theme } from '$lib/content/schema';
import { factsByState, type StateCounts } from './card-counts';
import type { DayCount } from './days';
import { factProgress, type StatsFact, type StoredStates } from './facts';
import { FORECAST_DAYS, forecast } from './future-due';
import { masteryByCountry, masteryByTheme, type Mastery } from './mastery';
import { retentionSummary, type RetentionSummary } from './retention';
import { RECENT_DAYS, reviewsPerDay, studyDayTallies, YEAR_DAYS } from './reviews';

/** What the page reads from the database (see `snapshot.ts`). */
export interface StatsInput {
	now: number;
	rolloverHour: number;
	states: StoredStates;
	/** The review tallies of every calendar day with reviews (see `$lib/db/review-days.ts`). */
	days: ReviewDayRow[];
}

export interface PageStats {
	reviewsToday: number;
	totalReviews: number;
	retention: RetentionSummary;
	year: DayCount[];
	recent: DayCount[];
	states: StateCounts;
	forecast: DayCount[];
	countries: Mastery<Country>[];
	themes: Mastery<Theme>[];
}

export function pageStats(facts: readonly StatsFact[], input: StatsInput): PageStats {
	const { now, rolloverHour, states } = input;
	const tallies = studyDayTallies(input.days, rolloverHour);
	const year = reviewsPerDay(tallies, now, rolloverHour, YEAR_DAYS);
	const progress = factProgress(facts, states);
	return {
		reviewsToday: year[year.length - 1]?.count ?? 0,
		totalReviews: [...tallies.values()].reduce((n, t) => n + t.reviews, 0),
		retention: retentionSummary(tallies, now, rolloverHour),
		year,
		recent: year.slice(-RECENT_DAYS),
		states: factsByState(progress),
		forecast: forecast(states, now, rolloverHour, FORECAST_DAYS),
		countries: masteryByCountry(facts, progress),
		themes: masteryByTheme(facts, progress)
	};
}
