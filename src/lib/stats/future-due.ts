/** How many facts fall due on each of the coming study days. */
import { studyDayKey } from '$lib/srs/queue/day';
import { studyDayStartAt, type DayCount } from './days';
import { statesInBank, type StateOfFact, type StatsFact } from './facts';

export const FORECAST_DAYS = 30;

/** How many of the bank's facts fall due on each of the next `days` study days; overdue ones count today. */
export function forecast(
	facts: readonly StatsFact[],
	states: readonly StateOfFact[],
	now: number,
	rolloverHour: number,
	days: number
): DayCount[] {
	const starts = Array.from({ length: days + 1 }, (_, i) => studyDayStartAt(now, rolloverHour, i));
	const result = starts
		.slice(0, days)
		.map((start): DayCount => ({ day: studyDayKey(start, rolloverHour), count: 0 }));
	for (const s of statesInBank(facts, states).values()) {
		if (s.due >= starts[days]!) continue;
		// Day i runs from starts[i] to starts[i + 1]; anything before tomorrow is today's.
		let i = 0;
		while (s.due >= starts[i + 1]!) i++;
		result[i]!.count++;
	}
	return result;
}
