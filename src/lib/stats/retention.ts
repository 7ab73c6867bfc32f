/** True retention, as Anki computes it, over all the reviews and over the last 30 study days. */
import type { ReviewHourRow } from '$lib/db/rows';
import { windowStart } from './days';
import { RECENT_DAYS } from './reviews';

export interface Retention {
	/** Share of passed reviews, 0 to 1; undefined when there are none to judge. */
	rate: number | undefined;
	passed: number;
	/** How many reviews of mature facts it is based on. */
	count: number;
}

/**
 * True retention, as Anki computes it: among the reviews of facts that were
 * mature before the rating, the share answered Hard, Good or Easy.
 */
export function trueRetention(hours: readonly ReviewHourRow[], since = -Infinity): Retention {
	let passed = 0;
	let count = 0;
	for (const h of hours) {
		if (h.hour < since) continue;
		count += h.mature;
		passed += h.maturePassed;
	}
	return { rate: count > 0 ? passed / count : undefined, passed, count };
}

export interface RetentionSummary {
	/** Over all the reviews given. */
	overall: Retention;
	/** Over the last 30 study days, today included. */
	recent: Retention;
}

export function retentionSummary(hours: readonly ReviewHourRow[], now: number, rolloverHour: number): RetentionSummary {
	return {
		overall: trueRetention(hours),
		recent: trueRetention(hours, windowStart(now, rolloverHour, RECENT_DAYS))
	};
}
