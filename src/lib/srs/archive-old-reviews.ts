/**
 * Keeps the rows of the review log few: the app's own ratings from before yesterday's study day move into
 * the packed archive while the app is idle, so clearing the log (a backup's replace) or reading it stays
 * cheap however long the history. Yesterday's are kept as rows: a tab left open over the rollover can
 * still undo its last ratings.
 */
import type { StudyDatabase } from '$lib/db/db';
import { readSettings } from '$lib/db/settings';
import { archiveReviewsBefore } from '$lib/db/review-archive';
import { nextTask } from '$lib/db/next-task';
import { studyDayStartAt } from './queue/day';

/** Resolves when the browser is idle (or, where it cannot tell, in a task of its own). */
const whenIdle = (): Promise<void> =>
	new Promise((resolve) =>
		typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve()) : resolve(nextTask())
	);

/** Moves the older rows into the archive, a chunk per idle moment, until done or `signal` aborts; returns how many. */
export async function archiveOldReviews(
	db: StudyDatabase,
	now: number,
	signal?: AbortSignal,
	pause = whenIdle
): Promise<number> {
	const { rolloverHour } = await readSettings(db);
	return archiveReviewsBefore(db, studyDayStartAt(now, rolloverHour, -1), { pause, signal });
}
