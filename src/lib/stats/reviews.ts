/** How many reviews were given on each study day: the 30-day bar chart and the year's calendar. */
import type { ReviewHourRow } from '$lib/db/rows';
import { studyDayKey } from '$lib/srs/queue/day';
import { studyDayStartAt, type DayCount } from './days';

export const YEAR_DAYS = 365;
export const RECENT_DAYS = 30;

/** Reviews per study day for the `days` days that end with today, oldest first; other reviews are left out. */
export function reviewsPerDay(
	hours: readonly ReviewHourRow[],
	now: number,
	rolloverHour: number,
	days: number
): DayCount[] {
	const counts = new Map<string, number>();
	// The rollover is on the hour, so all of an hour's reviews fall on one study day.
	for (const h of hours) {
		const key = studyDayKey(h.hour, rolloverHour);
		counts.set(key, (counts.get(key) ?? 0) + h.reviews);
	}
	return Array.from({ length: days }, (_, i) => {
		const day = studyDayKey(studyDayStartAt(now, rolloverHour, i - days + 1), rolloverHour);
		return { day, count: counts.get(day) ?? 0 };
	});
}
