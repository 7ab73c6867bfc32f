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

/** Start of the next study day: the end of the day that contains `now`. */
export function nextStudyDayStart(now: number, rolloverHour: number): number {
	const next = new Date(studyDayStart(now, rolloverHour));
	// setDate keeps the wall-clock hour across daylight-saving changes; adding 24 h would not.
	next.setDate(next.getDate() + 1);
	return next.getTime();
}

/** The local calendar date (YYYY-MM-DD) of the study day that contains `time`. */
export function studyDayKey(time: number, rolloverHour: number): string {
	const d = new Date(studyDayStart(time, rolloverHour));
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
