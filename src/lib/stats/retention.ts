/** True retention, as Anki computes it, over all the reviews and over the last 30 study days. */
import { studyDayKey } from '$lib/srs/queue/day';
import { windowStart } from './days';
import { RECENT_DAYS, type StudyDayTallies } from './reviews';

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
export function trueRetention(tallies: StudyDayTallies, sinceDay = ''): Retention {
	let passed = 0;
	let count = 0;
	// Study days are keyed by their date, YYYY-MM-DD, which sorts as the days do.
	for (const [day, tally] of tallies) {
		if (day < sinceDay) continue;
		count += tally.mature;
		passed += tally.maturePassed;
	}
	return { rate: count > 0 ? passed / count : undefined, passed, count };
}

export interface RetentionSummary {
	/** Over all the reviews given. */
	overall: Retention;
	/** Over the last 30 study days, today included. */
	recent: Retention;
}

export function retentionSummary(tallies: StudyDayTallies, now: number, rolloverHour: number): RetentionSummary {
	return {
		overall: trueRetention(tallies),
		recent: trueRetention(tallies, studyDayKey(windowStart(now, rolloverHour, RECENT_DAYS), rolloverHour))
	};
}
