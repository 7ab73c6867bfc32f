/** How many facts fall due on each of the coming study days. */
import { studyDayKey, studyDayStartAt } from '$lib/srs/queue/day';
import type { DayCount } from './days';
import type { StoredStates } from './facts';

export const FORECAST_DAYS = 30;

/** The starts of the next `days` study days and the end of the last: day i runs from starts[i] to starts[i + 1]. */
export function forecastBounds(now: number, rolloverHour: number, days: number): number[] {
	return Array.from({ length: days + 1 }, (_, i) => studyDayStartAt(now, rolloverHour, i));
}

/** The next `days` study days with how many stored states fall due on each (overdue ones count today). */
export function forecast(stored: StoredStates, now: number, rolloverHour: number, days: number): DayCount[] {
	const bounds = forecastBounds(now, rolloverHour, days);
	const counts = Array<number>(days).fill(0);
	for (const deck of stored.values())
		for (const [, , due] of deck.values()) {
			if (due >= bounds[days]!) continue;
			// The first day whose end is after `due`: bounds rise, so a binary search.
			let low = 0;
			let high = days - 1;
			while (low < high) {
				const mid = (low + high) >> 1;
				if (due < bounds[mid + 1]!) high = mid;
				else low = mid + 1;
			}
			counts[low]!++;
		}
	return bounds
		.slice(0, days)
		.map((start, i): DayCount => ({ day: studyDayKey(start, rolloverHour), count: counts[i]! }));
}
