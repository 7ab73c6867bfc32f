/**
 * Study days follow the user's local clock and start at the rollover hour
 * (4 am by default, as in Anki), so a late-night session counts for the day before.
 */

/** Start of the study day that contains `now`, as epoch ms. */
export function studyDayStart(now: number, rolloverHour: number): number {
	const start = new Date(now);
	start.setHours(rolloverHour, 0, 0, 0);
	if (start.getTime() > now) start.setDate(start.getDate() - 1);
	return start.getTime();
}

/** Start of the study day `offset` days after the one that contains `now` (before it when negative). */
export function studyDayStartAt(now: number, rolloverHour: number, offset: number): number {
	const today = new Date(studyDayStart(now, rolloverHour));
	// Built from the calendar date, so a daylight-saving change keeps the rollover hour; adding 24 h would not.
	return new Date(today.getFullYear(), today.getMonth(), today.getDate() + offset, rolloverHour).getTime();
}

/** Start of the next study day: the end of the day that contains `now`. */
export const nextStudyDayStart = (now: number, rolloverHour: number): number => studyDayStartAt(now, rolloverHour, 1);

/** The local calendar date (YYYY-MM-DD) of the study day that contains `time`. */
export function studyDayKey(time: number, rolloverHour: number): string {
	const d = new Date(studyDayStart(time, rolloverHour));
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
