/**
 * Study days for the statistics: they start at the rollover hour, as the study queue's do, and are
 * keyed by their local date.
 */
import { studyDayStart } from '$lib/srs/queue/day';

/** A study day, by its local date (YYYY-MM-DD), with a count. */
export interface DayCount {
	day: string;
	count: number;
}

/** Start of the study day `offset` days after the one that contains `now` (before it when negative). */
export function studyDayStartAt(now: number, rolloverHour: number, offset: number): number {
	const today = new Date(studyDayStart(now, rolloverHour));
	// Built from the calendar date, so a daylight-saving change keeps the rollover hour.
	return new Date(today.getFullYear(), today.getMonth(), today.getDate() + offset, rolloverHour).getTime();
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
