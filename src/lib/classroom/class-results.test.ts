import { describe, expect, it } from 'vitest';
import { loadDecks } from '../content/load';
import { COUNTRIES, QUESTION_TYPES, THEMES, type QuestionType } from '$lib/content/schema';
import type { Given } from '$lib/quiz/answers';
import { buildQuiz } from '$lib/quiz/build';
import { TYPED_BARS, answerText, classResults } from './class-results';
import { classReport } from './report';

const deck = loadDecks('questions').decks[0]!;
const plan = buildQuiz(deck, {
	deckId: deck.id,
	count: 'all',
	countries: [...COUNTRIES],
	themes: [...THEMES],
	types: [...QUESTION_TYPES],
	order: 'source',
	feedback: 'end',
	seed: 'class-results'
});
const at = (type: QuestionType, nth = 0) =>
	plan.questions.map((p, i) => ({ p, i })).filter(({ p }) => p.question.type === type)[nth]!;

/** Results where each student answers only the question at `index` (null elsewhere). */
const answering = (index: number, given: (Given | null)[]) =>
	given.map((g) => ({ given: plan.questions.map((_, i) => (i === index ? g : null)) }));

const bars = (r: ReturnType<typeof classResults>, index: number) =>
	r.questions[index]!.bars.map((b) => [b.label, b.count, b.percent, b.right, b.kind]);

describe('the class results on the projector', () => {
	it('give a multiple-choice question a bar per option, in the order shown, the right one marked, and no answer last', () => {
		const { p, i } = at('multiple-choice');
		const q = p.question as Extract<typeof p.question, { type: 'multiple-choice' }>;
		const wrong = p.shown.find((o) => o !== q.answer)!;
		const r = classResults(plan, answering(i, [q.answer, wrong, wrong, null, q.answer]));
		expect(bars(r, i)).toEqual([
			...p.shown.map((o) => [
				o,
				o === q.answer ? 2 : o === wrong ? 2 : 0,
				o === q.answer || o === wrong ? 40 : 0,
				o === q.answer,
				'answer'
			]),
			['No answer', 1, 20, false, 'none']
		]);
		expect(r.questions[i]!.bars.slice(0, p.shown.length).map((b) => b.mark)).toEqual(p.shown.map((_, k) => k));
		expect([r.questions[i]!.correct, r.questions[i]!.percent]).toEqual([2, 40]);
		expect(r.questions[i]!.commonWrong).toEqual({ text: wrong, count: 2 });
	});

	it('give true/false two bars, True then False', () => {
		const { p, i } = at('true-false');
		const answer = (p.question as { answer: boolean }).answer;
		const r = classResults(plan, answering(i, [answer, !answer, answer]));
		expect(bars(r, i)).toEqual([
			['True', answer ? 2 : 1, answer ? 67 : 33, answer, 'answer'],
			['False', answer ? 1 : 2, answer ? 33 : 67, !answer, 'answer']
		]);
		expect(r.questions[i]!.commonWrong).toEqual({ text: answer ? 'False' : 'True', count: 1 });
	});

	it('group typed answers that are equal after the app’s normalisation, most common first', () => {
		const { p, i } = at('typed');
		const answer = (p.question as { answer: string }).answer;
		const r = classResults(
			plan,
			answering(i, [
				answer,
				'Nowhere at all',
				` ${answer.toLowerCase()}.`,
				'nowhere, at all!',
				'Nowhere at all',
				answer.toUpperCase(),
				null
			])
		);
		expect(bars(r, i)).toEqual([
			[answer, 3, 43, true, 'answer'],
			['Nowhere at all', 3, 43, false, 'answer'],
			['No answer', 1, 14, false, 'none']
		]);
		expect(r.questions[i]!.commonWrong).toEqual({ text: 'Nowhere at all', count: 3 });
	});

	it(`keep ${TYPED_BARS} bars for typed answers and put the rarer ones together`, () => {
		const { i } = at('typed');
		const r = classResults(plan, answering(i, ['w1', 'w1', 'w2', 'w2', 'w3', 'w4', 'w5', 'w6']));
		expect(bars(r, i)).toEqual([
			['w1', 2, 25, false, 'answer'],
			['w2', 2, 25, false, 'answer'],
			['w3', 1, 13, false, 'answer'],
			['w4', 1, 13, false, 'answer'],
			['Other answers (2)', 2, 25, false, 'others']
		]);
	});

	it('show matching and ordering as fully right or not, and describe the most common wrong arrangement briefly', () => {
		const m = at('matching');
		const pairs = (m.p.question as { pairs: [string, string][] }).pairs;
		const [first, second] = [pairs[0]!, pairs[1]!];
		const swapped: [string, string][] = pairs.map(([l, r]) => [
			l,
			l === first[0] ? second[1] : l === second[0] ? first[1] : r
		]);
		const rm = classResults(plan, answering(m.i, [pairs, swapped, swapped, null]));
		expect(bars(rm, m.i)).toEqual([
			['Every pair right', 1, 25, true, 'answer'],
			['Some pairs wrong', 2, 50, false, 'answer'],
			['No answer', 1, 25, false, 'none']
		]);
		expect(rm.questions[m.i]!.commonWrong).toEqual({
			text: `${first[0]} → ${second[1]}; ${second[0]} → ${first[1]}`,
			count: 2
		});

		const o = at('ordering');
		const items = (o.p.question as { items: string[] }).items;
		const moved = [items[1]!, items[0]!, ...items.slice(2)];
		const ro = classResults(plan, answering(o.i, [moved, items, moved]));
		expect(bars(ro, o.i)).toEqual([
			['Right order', 1, 33, true, 'answer'],
			['Wrong order', 2, 67, false, 'answer']
		]);
		expect(ro.questions[o.i]!.commonWrong).toEqual({ text: `1st: ${items[1]}; 2nd: ${items[0]}`, count: 2 });
		expect(answerText(o.p.question, items)).toBe('');
	});

	it('name the most common wrong answer given, not "no answer" (it has its own bar), and none when nobody gave one', () => {
		const { p, i } = at('multiple-choice', 1);
		const answer = (p.question as { answer: string }).answer;
		const wrong = p.shown.find((o) => o !== answer)!;
		expect(classResults(plan, answering(i, [null, wrong, null])).questions[i]!.commonWrong).toEqual({
			text: wrong,
			count: 1
		});
		expect(classResults(plan, answering(i, [null, answer, null])).questions[i]!.commonWrong).toBeUndefined();
		expect(classResults(plan, answering(i, [answer, answer])).questions[i]!.commonWrong).toBeUndefined();
	});

	it('give each question, and the class, the percent right the report gives', () => {
		// Every student answers every question; who is right varies with the student and the question.
		const wrongOf = (index: number): Given | null => {
			const q = plan.questions[index]!.question;
			if (q.type === 'multiple-choice') return q.options.find((o) => o !== q.answer)!;
			if (q.type === 'true-false') return !q.answer;
			if (q.type === 'typed') return 'no idea';
			if (q.type === 'matching') return [];
			return null;
		};
		const rightOf = (index: number): Given => {
			const q = plan.questions[index]!.question;
			if (q.type === 'matching') return q.pairs;
			if (q.type === 'ordering') return q.items;
			if (q.type === 'map') return q.choicesOnMap!.findIndex((c) => c.id === q.answer);
			return q.answer;
		};
		const results = ['Aida', 'Bolat', 'Chingiz', 'Dana', 'Erlan', 'Farida', 'Gulnara'].map((name, s) => ({
			name,
			given: plan.questions.map((_, i) => ((i * 7 + s * 3) % (s + 2) === 0 ? wrongOf(i) : rightOf(i)))
		}));
		const report = classReport(plan, results);
		const shown = classResults(plan, results);
		expect(shown.percent).toBe(report.percent);
		expect(shown.students).toBe(report.students.length);
		expect(shown.questions.map((q) => [q.correct, q.percent])).toEqual(
			report.questions.map((q) => [q.correct, q.percent])
		);
		// Each question's bars count every student once.
		for (const q of shown.questions) expect(q.bars.reduce((n, b) => n + b.count, 0)).toBe(results.length);
	});
});
