/** The results of an attempt: score, time, breakdown by topic, and the misses. */
import type { QuizAnswer } from '$lib/db/rows';
import { COUNTRIES, THEMES, type Country, type Theme } from '$lib/content/vocabulary';
import { COUNTRY_NAMES, THEME_NAMES } from '$lib/content/guide';
import { readGiven, type Given } from './answers';
import { percentOf } from './best';
import type { PlannedQuestion, QuizPlan } from './build';

export interface Tally<T extends string> {
	id: T;
	name: string;
	correct: number;
	total: number;
}

export interface Miss {
	planned: PlannedQuestion;
	given: Given | null;
}

export interface QuizResult {
	/** Questions in the quiz. */
	total: number;
	answered: number;
	correct: number;
	/** Of the questions in the quiz, rounded. */
	percent: number;
	/** Time spent answering: the sum of each question's time, so a pause between questions does not count. */
	timeMs: number;
	/** Topics the quiz touched, in the order of the schema; a fact with two countries counts for both. */
	byCountry: Tally<Country>[];
	byTheme: Tally<Theme>[];
	/** Wrong answers, in the order asked. */
	misses: Miss[];
}

function tally<T extends string>(
	ids: readonly T[],
	names: Record<T, string>,
	rows: { tags: readonly T[]; correct: boolean }[]
): Tally<T>[] {
	return ids
		.map((id) => {
			const mine = rows.filter((r) => r.tags.includes(id));
			return { id, name: names[id], correct: mine.filter((r) => r.correct).length, total: mine.length };
		})
		.filter((t) => t.total > 0);
}

export function scoreQuiz(plan: QuizPlan, answers: QuizAnswer[]): QuizResult {
	const byKey = new Map(answers.map((a) => [a.questionKey, a]));
	const rows = plan.questions.flatMap((planned) => {
		const answer = byKey.get(planned.key);
		return answer ? [{ planned, answer }] : [];
	});
	const correct = rows.filter((r) => r.answer.correct).length;
	return {
		total: plan.questions.length,
		answered: rows.length,
		correct,
		percent: percentOf(correct, plan.questions.length),
		timeMs: rows.reduce((t, r) => t + r.answer.timeMs, 0),
		byCountry: tally(
			COUNTRIES,
			COUNTRY_NAMES,
			rows.map((r) => ({ tags: r.planned.fact.countries, correct: r.answer.correct }))
		),
		byTheme: tally(
			THEMES,
			THEME_NAMES,
			rows.map((r) => ({ tags: r.planned.fact.themes, correct: r.answer.correct }))
		),
		misses: rows
			.filter((r) => !r.answer.correct)
			.map((r) => ({ planned: r.planned, given: readGiven(r.planned.question, r.answer.given) }))
	};
}

/** "45 s", "3 min 05 s", "1 h 02 min". */
export function formatDuration(ms: number): string {
	const seconds = Math.round(ms / 1000);
	if (seconds < 60) return `${seconds} s`;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
	return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}
