/**
 * Study days for the statistics: they start at the rollover hour, as the study queue's do, and are
 * keyed by their local date.
 */
import { studyDayStartAt } from '$lib/srs/queue/day';

/** A study day, by its local date (YYYY-MM-DD), with a count. */
export interface DayCount {
	day: string;
	count: number;
}

/** Start of the first of the `days` study days that end with today's. */
export function windowStart(now: number, rolloverHour: number, days: number): number {
	return studyDayStartAt(now, rolloverHour, -(days - 1));
}

/** The local date of a day key, at midnight. */
export function dayDate(day: string): Date {
	const [y, m, d] = day.split('-').map(Number);
	return new Date(y!, m! - 1, d!);
}
