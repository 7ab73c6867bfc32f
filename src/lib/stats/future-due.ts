/** How many facts fall due on each of the coming study days. */
import { studyDayKey } from '$lib/srs/queue/day';
import { studyDayStartAt, type DayCount } from './days';

export const FORECAST_DAYS = 30;

/** The starts of the next `days` study days and the end of the last: day i runs from starts[i] to starts[i + 1]. */
export function forecastBounds(now: number, rolloverHour: number, days: number): number[] {
	return Array.from({ length: days + 1 }, (_, i) => studyDayStartAt(now, rolloverHour, i));
}

/** The next `days` study days with how many stored states fall due on each (`dueByDay`, counted by the database; overdue ones count today). */
export function forecast(dueByDay: readonly number[], now: number, rolloverHour: number, days: number): DayCount[] {
	return forecastBounds(now, rolloverHour, days)
		.slice(0, days)
		.map((start, i): DayCount => ({ day: studyDayKey(start, rolloverHour), count: dueByDay[i] ?? 0 }));
}
