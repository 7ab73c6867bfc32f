/** How many reviews were given on each study day: the 30-day bar chart and the year's calendar. */
import type { ReviewDayRow } from '$lib/db/review-days';
import { studyDayKey } from '$lib/srs/queue/day';
import { studyDayStartAt } from '$lib/srs/queue/day';
import type { DayCount } from './days';

export const YEAR_DAYS = 365;
export const RECENT_DAYS = 30;

/** A study day's reviews, and those of facts mature before the rating with how many were passed. */
export interface StudyDayTally {
	reviews: number;
	mature: number;
	maturePassed: number;
}

/** Study days (by local date, YYYY-MM-DD) with their tallies. */
export type StudyDayTallies = ReadonlyMap<string, StudyDayTally>;

/**
 * The stored day tallies as study days: a calendar day's hours from the rollover hour on count for it,
 * the hours before for the day before (the rollover is on the hour, so no hour is split).
 */
export function studyDayTallies(days: readonly ReviewDayRow[], rolloverHour: number): StudyDayTallies {
	const tallies = new Map<string, StudyDayTally>();
	const add = (key: string, day: ReviewDayRow, from: number, to: number) => {
		let reviews = 0;
		let mature = 0;
		let maturePassed = 0;
		for (let h = from; h < to; h++) {
			reviews += day.reviews[h] ?? 0;
			mature += day.mature[h] ?? 0;
			maturePassed += day.maturePassed[h] ?? 0;
		}
		if (reviews === 0) return;
		const tally = tallies.get(key);
		if (tally) {
			tally.reviews += reviews;
			tally.mature += mature;
			tally.maturePassed += maturePassed;
		} else tallies.set(key, { reviews, mature, maturePassed });
	};
	for (const day of days) {
		// The last moment of the calendar day before is in the study day before, whatever the rollover hour.
		if (rolloverHour > 0) add(studyDayKey(day.day - 1, 0), day, 0, rolloverHour);
		add(studyDayKey(day.day, 0), day, rolloverHour, 24);
	}
	return tallies;
}

/** Reviews per study day for the `days` days that end with today, oldest first; other reviews are left out. */
export function reviewsPerDay(tallies: StudyDayTallies, now: number, rolloverHour: number, days: number): DayCount[] {
	return Array.from({ length: days }, (_, i) => {
		const day = studyDayKey(studyDayStartAt(now, rolloverHour, i - days + 1), rolloverHour);
		return { day, count: tallies.get(day)?.reviews ?? 0 };
	});
}
