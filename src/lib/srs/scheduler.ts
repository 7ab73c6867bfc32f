/**
 * FSRS through ts-fsrs, set up as Anki sets it up: retention 0.90 by default,
 * learning steps 1m and 10m, relearning step 10m, at most 36,500 days, fuzz on.
 */
import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type FSRS, type Grade } from 'ts-fsrs';
import type { StoredCard } from '$lib/db/rows';

/** The answer buttons, in their order on screen; each one's key is its number (1 to 4). */
export const GRADES = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const satisfies readonly Grade[];

/** A value for each grade. */
export const byGrade = <T>(value: (grade: Grade) => T): Record<Grade, T> => ({
	[Rating.Again]: value(Rating.Again),
	[Rating.Hard]: value(Rating.Hard),
	[Rating.Good]: value(Rating.Good),
	[Rating.Easy]: value(Rating.Easy)
});

export const GRADE_NAMES = byGrade((grade) => Rating[grade]);

/** `parameters`: FSRS's 21 weights fitted to the student's reviews; without them, FSRS's defaults. */
export function createScheduler(retention: number, parameters?: readonly number[]): FSRS {
	return fsrs(
		generatorParameters({
			w: parameters,
			request_retention: retention,
			maximum_interval: 36500,
			enable_fuzz: true,
			enable_short_term: true,
			learning_steps: ['1m', '10m'],
			relearning_steps: ['10m']
		})
	);
}

export function toStored(card: Card): StoredCard {
	const stored: StoredCard = {
		due: card.due.getTime(),
		stability: card.stability,
		difficulty: card.difficulty,
		elapsed_days: card.elapsed_days,
		scheduled_days: card.scheduled_days,
		learning_steps: card.learning_steps,
		reps: card.reps,
		lapses: card.lapses,
		state: card.state
	};
	if (card.last_review) stored.last_review = card.last_review.getTime();
	return stored;
}

export function toCard(stored: StoredCard): Card {
	return {
		...stored,
		due: new Date(stored.due),
		last_review: stored.last_review === undefined ? undefined : new Date(stored.last_review)
	};
}

/** The card of a fact never reviewed, as of `now`. */
export function newCard(now: Date): Card {
	return createEmptyCard(now);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** An interval as Anki writes it on its buttons: "<1m", "10m", "3h", "4d", "1.5mo", "2.1y". */
export function formatInterval(ms: number): string {
	if (ms < MINUTE) return '<1m';
	if (ms < HOUR) return `${Math.round(ms / MINUTE)}m`;
	if (ms < DAY) return `${Math.round(ms / HOUR)}h`;
	const days = ms / DAY;
	if (days < 30) return `${Math.round(days)}d`;
	if (days < 365) return `${(days / 30).toFixed(1).replace(/\.0$/, '')}mo`;
	return `${(days / 365).toFixed(1).replace(/\.0$/, '')}y`;
}

/** What each answer button would schedule, as labels. */
export function intervalLabels(scheduler: FSRS, card: Card, now: Date): Record<Grade, string> {
	const preview = scheduler.repeat(card, now);
	const label = (g: Grade) => formatInterval(preview[g].card.due.getTime() - now.getTime());
	return byGrade(label);
}
