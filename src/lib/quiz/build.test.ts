import { describe, expect, it } from 'vitest';
import { loadDecks } from '$lib/content/load';
import type { QuizConfig } from '$lib/db/rows';
import { checkTyped, isNumericAnswer, parseNumber } from './answers';
import {
	QUICK_CHOICE,
	buildQuiz,
	chooseQuestions,
	matchingCount,
	practiceConfig,
	presentQuiz,
	questionPool,
	type TopicChoice
} from './build';
import { quizIndex } from '$lib/content/summary';
import { QUESTION_TYPES } from '$lib/content/vocabulary';
import { derangedOrder, seedFromTime, seededRandom, shuffled } from './random';

const deck = loadDecks('questions').decks[0]!;
const config = (seed: string, change: Partial<QuizConfig> = {}): QuizConfig => ({
	deckId: deck.id,
	...QUICK_CHOICE,
	seed,
	...change
});

describe('seeded randomness', () => {
	it('gives the same numbers for the same seed, and others for another', () => {
		const a = seededRandom('class-7b');
		const b = seededRandom('class-7b');
		const c = seededRandom('class-7c');
		const seqA = Array.from({ length: 5 }, a);
		expect(Array.from({ length: 5 }, b)).toEqual(seqA);
		expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
		for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
	});

	it('is the same on every device: fixed numbers for a fixed seed', () => {
		// Written down once; if this changes, every shared quiz link changes with it.
		expect(shuffled([1, 2, 3, 4, 5, 6, 7, 8], seededRandom('steppe'))).toEqual([3, 8, 7, 1, 5, 2, 4, 6]);
	});

	it('spreads evenly enough', () => {
		const random = seededRandom('spread');
		const buckets = [0, 0, 0, 0];
		for (let i = 0; i < 4000; i++) buckets[Math.floor(random() * 4)]!++;
		for (const n of buckets) expect(n).toBeGreaterThan(900);
	});

	it('never leaves a deranged order as it was', () => {
		for (let i = 0; i < 50; i++) {
			const items = ['a', 'b', 'c'];
			const out = derangedOrder(items, seededRandom(`d${i}`));
			expect(out).not.toEqual(items);
			expect([...out].sort()).toEqual(items);
		}
		expect(derangedOrder(['only'], seededRandom('x'))).toEqual(['only']);
	});

	it('makes a practice seed from the start time', () => {
		expect(seedFromTime(1_760_000_000_000)).toBe((1_760_000_000_000).toString(36));
		expect(practiceConfig(deck.id, QUICK_CHOICE, 1_760_000_000_000).seed).toBe(seedFromTime(1_760_000_000_000));
	});
});

describe('buildQuiz', () => {
	it('builds the same quiz from the same seed: questions, order, options, sides and items', () => {
		const a = buildQuiz(deck, config('alpha', { count: 20 }));
		const b = buildQuiz(structuredClone(deck), config('alpha', { count: 20 }));
		expect(b).toEqual(a);
		expect(a.questions).toHaveLength(20);
	});

	it('builds a different quiz from a different seed', () => {
		const a = buildQuiz(deck, config('alpha'));
		const b = buildQuiz(deck, config('beta'));
		expect(b.questions.map((q) => q.key)).not.toEqual(a.questions.map((q) => q.key));
		// Even with all the questions in source order, the options are shuffled differently.
		const all = (seed: string) => buildQuiz(deck, config(seed, { count: 'all', order: 'source' }));
		expect(all('beta').questions.map((q) => q.key)).toEqual(all('alpha').questions.map((q) => q.key));
		expect(all('beta').questions.map((q) => q.shown)).not.toEqual(all('alpha').questions.map((q) => q.shown));
	});

	it('shows every type in ten questions, and no fact twice', () => {
		for (const seed of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) {
			const plan = buildQuiz(deck, config(seed));
			expect(new Set(plan.questions.map((q) => q.question.type)).size, seed).toBe(QUESTION_TYPES.length);
			expect(new Set(plan.questions.map((q) => q.fact.id)).size, seed).toBe(10);
		}
	});

	it('keeps to the chosen topics and types', () => {
		const chosen = config('t', {
			count: 'all',
			countries: ['tajikistan'],
			themes: ['security', 'militant-groups'],
			types: ['typed', 'true-false']
		});
		const plan = buildQuiz(deck, chosen);
		expect(plan.questions.length).toBeGreaterThan(0);
		expect(plan.questions).toHaveLength(questionPool(deck, chosen).length);
		for (const { fact, question } of plan.questions) {
			expect(fact.countries).toContain('tajikistan');
			expect(fact.themes.some((t) => t === 'security' || t === 'militant-groups')).toBe(true);
			expect(['typed', 'true-false']).toContain(question.type);
		}
	});

	it('takes what there is when fewer questions match than asked, and nothing when none match', () => {
		const few = config('x', { count: 20, countries: ['kyrgyzstan'], types: ['ordering', 'matching'] });
		expect(chooseQuestions(deck, few)).toHaveLength(questionPool(deck, few).length);
		expect(buildQuiz(deck, config('x', { types: [] })).questions).toEqual([]);
	});

	it('keeps source order when asked, whatever the seed', () => {
		const keys = chooseQuestions(deck, config('s', { count: 'all', order: 'source' }));
		expect(keys).toEqual(deck.facts.flatMap((f) => f.questions.map((q) => q.key)));
		const ten = chooseQuestions(deck, config('s', { order: 'source' }));
		const indexes = ten.map((k) => keys.indexOf(k));
		expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
	});

	it('shuffles options but keeps them all, and never shows matching or ordering already solved', () => {
		const plan = buildQuiz(deck, config('opts', { count: 'all' }));
		for (const { question: q, shown } of plan.questions) {
			if (q.type === 'multiple-choice') expect([...shown].sort()).toEqual([...q.options].sort());
			if (q.type === 'matching') {
				expect([...shown].sort()).toEqual(q.pairs.map(([, r]) => r).sort());
				expect(shown).not.toEqual(q.pairs.map(([, r]) => r));
			}
			if (q.type === 'ordering') {
				expect([...shown].sort()).toEqual([...q.items].sort());
				expect(shown).not.toEqual(q.items);
			}
			if (q.type === 'true-false' || q.type === 'typed') expect(shown).toEqual([]);
		}
		// The answer is not always first, as it is in the bank.
		const firsts = plan.questions
			.filter((p) => p.question.type === 'multiple-choice')
			.map((p) => p.shown[0] === (p.question as { answer: string }).answer);
		expect(firsts.filter(Boolean).length).toBeLessThan(firsts.length / 2);
	});

	it('presents a question the same way whatever else the quiz holds', () => {
		const plan = buildQuiz(deck, config('same', { count: 'all' }));
		const one = plan.questions.find((q) => q.question.type === 'matching')!;
		expect(presentQuiz(deck, [one.key], 'same').questions[0]).toEqual(one);
		expect(presentQuiz(deck, ['no-such/question', one.key], 'same').questions).toHaveLength(1);
	});
});

describe('the bank through the answer checker', () => {
	const typedQuestions = deck.facts.flatMap((f) => f.questions).filter((q) => q.type === 'typed');

	it('accepts every typed answer and every listed variant', () => {
		for (const q of typedQuestions)
			for (const text of [q.answer, ...q.accept]) expect(checkTyped(q, text).correct, `${q.key}: ${text}`).toBe(true);
	});

	it('reads every variant of a number answer as that number', () => {
		for (const q of typedQuestions.filter((q) => isNumericAnswer(q.answer))) {
			const value = parseNumber(q.answer)!.value;
			for (const text of q.accept) expect(parseNumber(text)?.value, `${q.key}: ${text}`).toBe(value);
		}
	});
});

describe('the quiz builder count', () => {
	it('counts from the quiz index exactly the questions the pool holds, for any choice', () => {
		const index = quizIndex(deck);
		const choices: TopicChoice[] = [
			QUICK_CHOICE,
			{ countries: ['kazakhstan'], themes: QUICK_CHOICE.themes, types: QUICK_CHOICE.types },
			{ countries: QUICK_CHOICE.countries, themes: QUICK_CHOICE.themes.slice(0, 2), types: ['typed'] },
			{
				countries: ['tajikistan', 'uzbekistan'],
				themes: QUICK_CHOICE.themes.slice(1),
				types: QUICK_CHOICE.types.slice(1)
			},
			{ countries: [], themes: QUICK_CHOICE.themes, types: QUICK_CHOICE.types }
		];
		const counts = choices.map((choice) => matchingCount(index, choice));
		expect(counts).toEqual(choices.map((choice) => questionPool(deck, choice).length));
		// The choices differ, so equal counts are not a coincidence of one number.
		expect(new Set(counts).size).toBeGreaterThan(3);
	});
});
