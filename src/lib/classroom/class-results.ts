/**
 * How the class answered each question, for the projector's walk-through: a bar per answer
 * (per option, per group of equal typed answers, or fully right / not for matching and ordering),
 * the share right and the most common wrong answer. It takes the answers only, never the names:
 * what it returns can go on the wall.
 */
import type { DeckQuestion } from '$lib/content/schema';
import { checkAnswer, readGiven, textKey, type Given, type MatchingGiven } from '$lib/quiz/answers';
import { percentOf } from '$lib/quiz/best';
import type { PlannedQuestion, QuizPlan } from '$lib/quiz/build';
import type { ReportInput } from './report';

/** Typed answers get a bar each for this many of the most common; the rest share an "Other answers" bar. */
export const TYPED_BARS = 4;

export interface AnswerBar {
	/** What the bar stands for, as shown. */
	label: string;
	/** A choice's position among the options shown: its letter and shape. */
	mark?: number;
	/** `answer`: one answer (or group of equal ones); `others`: the rarer typed answers together; `none`: no answer given. */
	kind: 'answer' | 'others' | 'none';
	count: number;
	/** Of every student, rounded as the report rounds. */
	percent: number;
	right: boolean;
}

export interface QuestionResults {
	/** 1-based, as the quiz numbered it. */
	number: number;
	planned: PlannedQuestion;
	students: number;
	correct: number;
	percent: number;
	bars: AnswerBar[];
	/** The wrong answer given most often, in a few words; undefined when nobody gave one (no answer has its own bar). */
	commonWrong?: { text: string; count: number };
}

export interface ClassResults {
	students: number;
	/** Right answers of everyone over all answers expected, as the report counts them. */
	percent: number;
	questions: QuestionResults[];
}

/** Answers as kept with each result (names are not read). */
export type ResultAnswers = Pick<ReportInput, 'given'>;

const yesNo = (b: boolean) => (b ? 'True' : 'False');
const ordinal = (n: number) =>
	`${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;

/**
 * An answer in a few words for the wall: an option as it reads, True or False, the text typed, the
 * country or place tapped; for
 * matching and ordering only what is wrong (the pairs matched wrongly, the items out of place).
 */
export function answerText(question: DeckQuestion, given: Given): string {
	if (question.type === 'matching') {
		const chosen = new Map(given as MatchingGiven);
		return question.pairs
			.filter(([left, right]) => chosen.get(left) !== right)
			.map(([left]) => `${left} → ${chosen.get(left) ?? '—'}`)
			.join('; ');
	}
	if (question.type === 'ordering') {
		const order = given as string[];
		return order.flatMap((item, i) => (question.items[i] === item ? [] : [`${ordinal(i + 1)}: ${item}`])).join('; ');
	}
	if (question.type === 'map') return question.choicesOnMap?.[given as number]?.name ?? '—';
	return typeof given === 'boolean' ? yesNo(given) : String(given);
}

/** Answers counted by key, in the order first given (so ties go to the first given, as in the report). */
class Tally<V> {
	readonly groups = new Map<string, { value: V; count: number }>();
	add(key: string, make: () => V): V {
		const known = this.groups.get(key);
		if (known) {
			known.count++;
			return known.value;
		}
		const value = make();
		this.groups.set(key, { value, count: 1 });
		return value;
	}
	count(key: string) {
		return this.groups.get(key)?.count ?? 0;
	}
	/** Most counted first; equal counts in the order first given. */
	sorted() {
		return [...this.groups.values()].sort((a, b) => b.count - a.count);
	}
}

interface AnswerGroup {
	right: boolean;
	/** As shown; null for no answer. */
	text: string | null;
	/** A typed group's forms as given: it shows the most common. */
	forms?: Tally<string>;
}

const labelOf = (group: AnswerGroup) => (group.forms ? group.forms.sorted()[0]!.value : group.text);

const NONE = '\u0000none';

function questionResults(
	planned: PlannedQuestion,
	number: number,
	answers: readonly (Given | null)[]
): QuestionResults {
	const q = planned.question;
	const students = answers.length;
	const verdicts = answers.map((given) => checkAnswer(q, given).correct);
	const correct = verdicts.filter(Boolean).length;
	const percent = (count: number) => percentOf(count, students);

	// Equal answers together; typed ones equal after the app's normalisation and judged alike
	// ("4.72" and "472" share a key, not a verdict).
	const groups = new Tally<AnswerGroup>();
	answers.forEach((given, s) => {
		const right = verdicts[s]!;
		if (given === null) groups.add(NONE, () => ({ right, text: null }));
		else if (typeof given === 'string' && q.type === 'typed')
			groups
				.add(`${right ? 1 : 0}${textKey(given)}`, () => ({ right, text: given, forms: new Tally<string>() }))
				.forms!.add(given, () => given);
		else groups.add(JSON.stringify(given), () => ({ right, text: answerText(q, given) }));
	});
	const none = groups.count(NONE);
	const bar = (
		label: string,
		count: number,
		right: boolean,
		kind: AnswerBar['kind'] = 'answer',
		mark?: number
	): AnswerBar => ({
		label,
		...(mark !== undefined ? { mark } : {}),
		kind,
		count,
		percent: percent(count),
		right
	});

	let bars: AnswerBar[];
	switch (q.type) {
		case 'multiple-choice':
			bars = planned.shown.map((option, i) =>
				bar(option, groups.count(JSON.stringify(option)), option === q.answer, 'answer', i)
			);
			break;
		case 'true-false':
			bars = [true, false].map((v, i) => bar(yesNo(v), groups.count(JSON.stringify(v)), v === q.answer, 'answer', i));
			break;
		case 'typed': {
			const given = groups.sorted().filter((g) => g.value.text !== null);
			// A last bar for one answer reads better than "Other answers (1)".
			const shown = given.length > TYPED_BARS + 1 ? given.slice(0, TYPED_BARS) : given;
			const rest = given.slice(shown.length);
			bars = shown.map((g) => bar(labelOf(g.value)!, g.count, g.value.right));
			if (rest.length > 0)
				bars.push(
					bar(
						`Other answers (${rest.length})`,
						rest.reduce((n, g) => n + g.count, 0),
						false,
						'others'
					)
				);
			break;
		}
		case 'map':
			bars = (q.choicesOnMap ?? []).map((choice, i) =>
				bar(choice.name, groups.count(JSON.stringify(i)), choice.id === q.answer)
			);
			break;
		case 'matching':
		case 'ordering': {
			const [rightLabel, wrongLabel] =
				q.type === 'matching' ? ['Every pair right', 'Some pairs wrong'] : ['Right order', 'Wrong order'];
			bars = [bar(rightLabel, correct, true), bar(wrongLabel, students - correct - none, false)];
			break;
		}
	}
	if (none > 0) bars.push(bar('No answer', none, false, 'none'));
	const commonWrong = groups.sorted().find((g) => !g.value.right && g.value.text !== null);
	return {
		number,
		planned,
		students,
		correct,
		percent: percent(correct),
		bars,
		...(commonWrong ? { commonWrong: { text: labelOf(commonWrong.value)!, count: commonWrong.count } } : {})
	};
}

/** Every question's results, and the class's share right, from the answers of each result collected. */
export function classResults(plan: QuizPlan, results: readonly ResultAnswers[]): ClassResults {
	const questions = plan.questions.map((planned, i) =>
		questionResults(
			planned,
			i + 1,
			results.map((r) => readGiven(planned.question, r.given[i]))
		)
	);
	const right = questions.reduce((n, q) => n + q.correct, 0);
	return { students: results.length, percent: percentOf(right, plan.questions.length * results.length), questions };
}
