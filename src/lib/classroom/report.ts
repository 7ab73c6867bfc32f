/** The class report: per student, per question, the hardest questions, by topic; and its CSV. */
import { COUNTRIES, THEMES, type Country, type Theme } from '$lib/content/vocabulary';
import { COUNTRY_NAMES, THEME_NAMES } from '$lib/content/guide';
import { checkAnswer, givenText, readGiven } from '$lib/quiz/answers';
import { percentOf } from '$lib/quiz/best';
import type { PlannedQuestion, QuizPlan } from '$lib/quiz/build';
import type { Tally } from '$lib/quiz/score';
import { cleanName } from './resultcode';

export interface ReportInput {
	name: string;
	/** In the plan's order, as kept (read back against each question's type here). */
	given: unknown[];
}

export interface StudentRow {
	name: string;
	correct: number;
	total: number;
	percent: number;
	/** Whether each question (in the plan's order) was right. */
	right: boolean[];
}

export interface WrongAnswer {
	/** The answer as shown; null when it was no answer at all (time ran out, or nothing chosen). */
	text: string | null;
	count: number;
}

export interface QuestionRow {
	/** 1-based, as the quiz numbered it. */
	number: number;
	planned: PlannedQuestion;
	correct: number;
	students: number;
	percent: number;
	/** The wrong answer given most often (ties: the first given); undefined when nobody was wrong. */
	commonWrong?: WrongAnswer;
}

export interface ClassReport {
	students: StudentRow[];
	questions: QuestionRow[];
	/** Questions some student missed, the lowest percent first (ties: in quiz order), at most 3. */
	hardest: QuestionRow[];
	byCountry: Tally<Country>[];
	byTheme: Tally<Theme>[];
	/** Right answers of everyone over all answers expected. */
	percent: number;
}

export function classReport(plan: QuizPlan, results: readonly ReportInput[]): ClassReport {
	const givenByStudent = results.map((r) => plan.questions.map((p, i) => readGiven(p.question, r.given[i])));
	const verdicts = givenByStudent.map((answers) =>
		plan.questions.map((p, i) => checkAnswer(p.question, answers[i] ?? null).correct)
	);
	const students = results
		.map((r, s) => {
			const right = verdicts[s]!;
			const correct = right.filter(Boolean).length;
			// Names come from codes and backups anyone can write: cleaned here too, whatever their source.
			return {
				name: cleanName(r.name),
				correct,
				total: plan.questions.length,
				percent: percentOf(correct, plan.questions.length),
				right
			};
		})
		.sort((a, b) => a.name.localeCompare(b.name));
	const questions: QuestionRow[] = plan.questions.map((planned, i) => {
		const correct = verdicts.filter((v) => v[i]).length;
		const wrong = new Map<string | null, number>();
		givenByStudent.forEach((answers, s) => {
			if (verdicts[s]![i]) return;
			const given = answers[i] ?? null;
			const text = given === null ? null : givenText(planned.question, given);
			wrong.set(text, (wrong.get(text) ?? 0) + 1);
		});
		let commonWrong: WrongAnswer | undefined;
		for (const [text, count] of wrong) if (!commonWrong || count > commonWrong.count) commonWrong = { text, count };
		return {
			number: i + 1,
			planned,
			correct,
			students: results.length,
			percent: percentOf(correct, results.length),
			...(commonWrong ? { commonWrong } : {})
		};
	});
	const hardest = questions
		.filter((q) => q.correct < q.students)
		.sort((a, b) => a.percent - b.percent || a.number - b.number)
		.slice(0, 3);
	const tally = <T extends string>(
		ids: readonly T[],
		names: Record<T, string>,
		tags: (p: PlannedQuestion) => readonly T[]
	): Tally<T>[] =>
		ids
			.map((id) => {
				const qs = questions.filter((q) => tags(q.planned).includes(id));
				return {
					id,
					name: names[id],
					correct: qs.reduce((n, q) => n + q.correct, 0),
					total: qs.length * results.length
				};
			})
			.filter((t) => t.total > 0);
	const all = questions.reduce((n, q) => n + q.correct, 0);
	return {
		students,
		questions,
		hardest,
		byCountry: tally(COUNTRIES, COUNTRY_NAMES, (p) => p.fact.countries),
		byTheme: tally(THEMES, THEME_NAMES, (p) => p.fact.themes),
		percent: percentOf(all, plan.questions.length * results.length)
	};
}

/** A spreadsheet runs a cell that starts with one of these as a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field (RFC 4180; quotes doubled). Quoted when it holds a comma, a quote, a line break,
 * or a semicolon or tab (the separators some spreadsheets split on), so no part of it becomes a
 * cell of its own. Text a spreadsheet would run as a formula (a student can type
 * `=HYPERLINK(…)` as a name) starts with ' as OWASP recommends: shown as typed, never run.
 * Numbers are written as they are.
 */
export function csvField(value: string | number): string {
	const text = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
	return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as RFC 4180 CSV: fields joined by commas, records ended by CRLF. */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
	return rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

/**
 * The report as a table: one row per student (1 right, 0 wrong per question),
 * then a row with each question's percent right.
 */
export function reportRows(report: ClassReport): (string | number)[][] {
	const header = [
		'Student',
		'Correct',
		'Questions',
		'Percent',
		...report.questions.map((q) => `Q${q.number} ${q.planned.question.prompt}`)
	];
	const rows = report.students.map((s) => [s.name, s.correct, s.total, s.percent, ...s.right.map((r) => (r ? 1 : 0))]);
	const summary = ['Percent correct', '', '', report.percent, ...report.questions.map((q) => q.percent)];
	return [header, ...rows, summary];
}

export function csvFileName(title: string, quizId: string): string {
	const slug = title
		.toLowerCase()
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 40);
	return `class-results-${slug || 'quiz'}-${quizId}.csv`;
}
