import { describe, expect, it } from 'vitest';
import { loadDecks } from '../content/load';
import { buildQuiz } from '$lib/quiz/build';
import { COUNTRIES, QUESTION_TYPES, THEMES } from '$lib/content/schema';
import { BitWriter, CROCKFORD, fnv1a, toBase32 } from './bits';
import { decodeQuizCode, encodeQuizCode, formatQuizCode, quizConfigOf, quizFragment, quizIdOf, readFragment, type ClassQuiz } from './quizcode';
import { cleanName, decodeResultCode, encodeResultCode, splitCodes } from './resultcode';

const deck = loadDecks('questions').decks[0]!;
const decks = [deck.id];

const base: ClassQuiz = {
	deckId: deck.id,
	count: 10,
	countries: [...COUNTRIES],
	themes: [...THEMES],
	types: [...QUESTION_TYPES],
	order: 'shuffled',
	timer: 30,
	seed: 0xdeadbeef
};

/** A code as a newer app could make it: its version, some payload, and the checksum every version ends with. */
function futureQuizCode(version: number, payloadBits: number): string {
	const w = new BitWriter().write(version, 5);
	for (let i = 0; i < payloadBits; i++) w.write(i % 3 === 0 ? 1 : 0, 1);
	w.write(fnv1a(w.bytes()) & 0xfffff, 20);
	return toBase32(w.padded(5));
}

/** The same code with one character changed to the next one in the alphabet. */
const flip = (code: string, at: number) => code.slice(0, at) + CROCKFORD[(CROCKFORD.indexOf(code[at]!) + 1) % 32] + code.slice(at + 1);

describe('quiz codes', () => {
	const variants: ClassQuiz[] = [
		base,
		{ ...base, count: 'all', timer: 0, order: 'source', seed: 0 },
		{ ...base, count: 127, countries: ['kazakhstan'], themes: ['economy', 'history'], types: ['typed'], timer: 120, seed: 0xffffffff },
		{ ...base, count: 1, countries: ['uzbekistan', 'regional'], themes: ['infrastructure'], types: ['matching', 'ordering'], timer: 10, seed: 12345 }
	];

	it.each(variants.map((v, i) => [i, v] as const))('round-trips variant %i', (_i, quiz) => {
		const code = encodeQuizCode(quiz);
		expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{20}$/);
		const read = decodeQuizCode(formatQuizCode(code), decks);
		expect(read).toEqual({ ok: true, value: { code, id: quizIdOf(code), quiz } });
	});

	it('reads the code as people type it: lower case, spaces, O for 0, I and L for 1', () => {
		const code = encodeQuizCode(base);
		const typed = formatQuizCode(code).toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
		expect(decodeQuizCode(typed, decks)).toMatchObject({ ok: true, value: { code } });
	});

	it('gives every device the same questions, order and options', () => {
		const read = decodeQuizCode(encodeQuizCode(base), decks);
		if (!read.ok) throw new Error(read.message);
		const a = buildQuiz(deck, quizConfigOf(read.value.quiz));
		const b = buildQuiz(structuredClone(deck), quizConfigOf(read.value.quiz));
		expect(a.questions.map((q) => [q.key, q.shown])).toEqual(b.questions.map((q) => [q.key, q.shown]));
		expect(a.questions).toHaveLength(10);
		const other = buildQuiz(deck, quizConfigOf({ ...base, seed: 1 }));
		expect(other.questions.map((q) => q.key)).not.toEqual(a.questions.map((q) => q.key));
	});

	it('carries the title in the link only', () => {
		const code = encodeQuizCode(base);
		const hash = `#${quizFragment(code, '  Unit 3: borders & trade  ')}`;
		expect(readFragment(hash)).toEqual({ code: formatQuizCode(code), title: 'Unit 3: borders & trade' });
		expect(readFragment('#t=x')).toEqual({ title: 'x' });
	});

	const good = encodeQuizCode(base);
	const result = encodeResultCode(quizIdOf(good), buildQuiz(deck, quizConfigOf(base)), 'Aida', [], 0);
	const refusals: [string, string, RegExp][] = [
		['empty', '   ', /no quiz code/],
		['garbage', 'Unit 3 quiz!', /not a quiz code.*"U", "!"/],
		['truncated', good.slice(0, 15), /cut short: it has 15 of its 20/],
		['too long', good + 'AB', /not a quiz code: it has 22 characters, and a quiz code has 20/],
		['future version (same length)', encodeQuizCode(base, 2), /newer version of the app \(code version 2\)/],
		['future version (longer)', futureQuizCode(3, 95), /newer version of the app \(code version 3\)/],
		['future version (shorter)', futureQuizCode(9, 45), /newer version of the app \(code version 9\)/],
		['unknown deck', encodeQuizCode({ ...base, deckId: 'some-other-deck' }), /deck this app does not have/],
		['a result code', result, /result code, not a quiz code/],
		...Array.from({ length: 20 }, (_, i): [string, string, RegExp] => [`character ${i + 1} changed`, flip(good, i), /not right: a character is mistyped/])
	];
	it.each(refusals)('refuses %s with the reason', (_name, text, reason) => {
		const read = decodeQuizCode(text, decks);
		expect(read.ok).toBe(false);
		if (!read.ok) expect(read.message).toMatch(reason);
	});
});

describe('result codes', () => {
	const quiz: ClassQuiz = { ...base, count: 'all', countries: ['kazakhstan', 'kyrgyzstan'] };
	const code = encodeQuizCode(quiz);
	const quizId = quizIdOf(code);
	const plan = buildQuiz(deck, quizConfigOf(quiz));
	const at = new Date(2026, 2, 3, 10, 15).getTime();

	/** An answer of each shape: right ones, wrong ones and none, by position. */
	const answers = plan.questions.map((p, i) => {
		const q = p.question;
		const mode = i % 3; // 0 right, 1 wrong, 2 none
		if (mode === 2) return null;
		switch (q.type) {
			case 'multiple-choice':
				return mode === 0 ? q.answer : q.options.find((o) => o !== q.answer)!;
			case 'true-false':
				return mode === 0 ? q.answer : !q.answer;
			case 'typed':
				return mode === 0 ? q.answer : 'Алматы, "naïve" 🙂';
			case 'matching':
				return mode === 0 ? q.pairs.map(([l, r]) => [l, r]) : q.pairs.slice(0, 2).map(([l], k) => [l, p.shown[k]!]);
			case 'ordering':
				return mode === 0 ? [...q.items] : [...p.shown];
		}
	});

	it('holds the quiz, the name, the time and every answer', () => {
		expect(plan.questions.length).toBeGreaterThan(20);
		expect(new Set(plan.questions.map((q) => q.question.type)).size).toBe(5);
		const text = encodeResultCode(quizId, plan, '  Aida   Nurlanovna ', answers, at);
		expect(text).toMatch(/^R1[0-9A-HJKMNP-TV-Z]+$/);
		const read = decodeResultCode(text.toLowerCase(), quizId, plan);
		expect(read).toEqual({ ok: true, value: { quizId, name: 'Aida Nurlanovna', finishedAt: at, given: answers } });
	});

	it('keeps names to 40 characters and long typed answers to 127 bytes', () => {
		expect(cleanName('x'.repeat(60))).toHaveLength(40);
		const typedAt = plan.questions.findIndex((p) => p.question.type === 'typed');
		const given = plan.questions.map((_, i) => (i === typedAt ? 'é'.repeat(100) : null));
		const read = decodeResultCode(encodeResultCode(quizId, plan, 'Ерлан', given, at), quizId, plan);
		expect(read.ok && read.value.given[typedAt]).toBe('é'.repeat(63));
		expect(read.ok && read.value.name).toBe('Ерлан');
	});

	it('splits pasted codes on lines, spaces, commas and semicolons', () => {
		expect(splitCodes('  R1AB\r\nR1CD   R1EF,R1GH;\n\n')).toEqual(['R1AB', 'R1CD', 'R1EF', 'R1GH']);
	});

	const good = encodeResultCode(quizId, plan, 'Aida', answers, at);
	const other = encodeQuizCode({ ...quiz, seed: 7 });
	const otherPlan = buildQuiz(deck, quizConfigOf({ ...quiz, seed: 7 }));
	const refusals: [string, string, RegExp][] = [
		['empty', '', /empty/],
		['garbage', 'not-a-code!', /not a result code/],
		['a quiz code', code, /quiz code, not a student’s result code/],
		['without the R', good.slice(1), /result codes start with R/],
		['truncated at the end', good.slice(0, -6), /cut short/],
		['truncated to its header', good.slice(0, 12), /cut short/],
		['future version', encodeResultCode(quizId, plan, 'Aida', answers, at, 2), /newer version of the app \(version 2\)/],
		['another quiz', encodeResultCode(quizIdOf(other), otherPlan, 'Aida', [], at), /for another quiz/],
		['a character changed in the name', flip(good, 20), /damaged: a character was changed/],
		['a character changed in the answers', flip(good, good.length - 10), /damaged: a character was changed/],
		['a character changed in the checksum', flip(good, 3), /damaged: a character was changed/]
	];
	it.each(refusals)('refuses %s with the reason', (_name, text, reason) => {
		const read = decodeResultCode(text, quizId, plan);
		expect(read.ok).toBe(false);
		if (!read.ok) expect(read.message).toMatch(reason);
	});

	it('refuses a result made against a different question bank', () => {
		const smaller = { ...plan, questions: plan.questions.slice(1) };
		const read = decodeResultCode(encodeResultCode(quizId, smaller, 'Aida', [], at), quizId, plan);
		expect(read).toEqual({ ok: false, message: expect.stringMatching(/different version of the question bank/) });
	});

	it('refuses every single changed character', () => {
		for (let i = 2; i < good.length; i++) expect(decodeResultCode(flip(good, i), quizId, plan).ok, `position ${i}`).toBe(false);
	});
});
