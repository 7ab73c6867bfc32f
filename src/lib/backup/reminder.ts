/** When to remind a student to back up: apart from backup.ts, so the home page does not load the backup schema. */
import type { StudyDatabase } from '$lib/db/db';
import { firstReviewTime } from '$lib/db/review-log';

export const BACKUP_REMINDER_DAYS = 30;

/** True when there is progress that no backup from the last 30 days holds. */
export async function backupIsDue(db: StudyDatabase, now: number): Promise<boolean> {
	const [last, firstReview] = await Promise.all([db.meta.get('lastBackupAt'), firstReviewTime(db)]);
	if (firstReview === undefined) return false;
	const since = last?.value ?? firstReview;
	return now - since > BACKUP_REMINDER_DAYS * 86_400_000;
}
