import { describe, expect, it } from 'vitest';
import { loadDecks } from '../content/load';
import { buildQuiz } from '$lib/quiz/build';
import { COUNTRIES, QUESTION_TYPES, THEMES } from '$lib/content/schema';
import { CROCKFORD } from './bits';
import { futureQuizCode, withRawName } from '../../../tests/handmade-codes';
import {
	decodeQuizCode,
	encodeQuizCode,
	formatQuizCode,
	quizConfigOf,
	quizFragment,
	quizIdOf,
	readFragment,
	type ClassQuiz
} from './quizcode';
import { cleanName, decodeResultCode, encodeResultCode, splitCodes } from './resultcode';
import type { Given } from '$lib/quiz/answers';

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

/** The same code with one character changed to the next one in the alphabet. */
const flip = (code: string, at: number) =>
	code.slice(0, at) + CROCKFORD[(CROCKFORD.indexOf(code[at]!) + 1) % 32] + code.slice(at + 1);

describe('quiz codes', () => {
	const variants: ClassQuiz[] = [
		base,
		{ ...base, count: 'all', timer: 0, order: 'source', seed: 0 },
		{
			...base,
			count: 127,
			countries: ['kazakhstan'],
			themes: ['economy', 'history'],
			types: ['typed'],
			timer: 120,
			seed: 0xffffffff
		},
		{
			...base,
			count: 1,
			countries: ['uzbekistan', 'regional'],
			themes: ['infrastructure'],
			types: ['matching', 'ordering'],
			timer: 10,
			seed: 12345
		}
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

	it('asks map and multiple-choice questions together, whichever of the two the teacher chose', () => {
		for (const types of [['map'], ['multiple-choice']] as const) {
			const quiz: ClassQuiz = { ...base, types: [...types] };
			const read = decodeQuizCode(encodeQuizCode(quiz), decks);
			if (!read.ok) throw new Error(read.message);
			expect(read.value.quiz.types).toEqual(['multiple-choice', 'map']);
			expect(quizConfigOf(quiz).types).toEqual(['multiple-choice', 'map']);
		}
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
		[
			'longer than any version can be',
			futureQuizCode(2, 280),
			/not a quiz code: it has 61 characters, and a quiz code has 20/
		],
		['unknown deck', encodeQuizCode({ ...base, deckId: 'some-other-deck' }), /deck this app does not have/],
		['a result code', result, /result code, not a quiz code/],
		...Array.from({ length: 20 }, (_, i): [string, string, RegExp] => [
			`character ${i + 1} changed`,
			flip(good, i),
			/not right: a character is mistyped/
		])
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
	const answers = plan.questions.map((p, i): Given | null => {
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
				return mode === 0
					? q.pairs.map(([l, r]): [string, string] => [l, r])
					: q.pairs.slice(0, 2).map(([l], k): [string, string] => [l, p.shown[k]!]);
			case 'ordering':
				return mode === 0 ? [...q.items] : [...p.shown];
			case 'map': {
				const right = q.choicesOnMap!.findIndex((c) => c.id === q.answer);
				return mode === 0 ? right : (right + 1) % q.choicesOnMap!.length;
			}
		}
	});

	it('holds the quiz, the name, the time and every answer', () => {
		expect(plan.questions.length).toBeGreaterThan(20);
		expect(new Set(plan.questions.map((q) => q.question.type)).size).toBe(QUESTION_TYPES.length);
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
		// Invisible characters copied along from a chat are dropped, so a refused code is shown back as it reads.
		expect(splitCodes('R1\u200bAB\u202e\u00ad\nR1\u2066CD')).toEqual(['R1AB', 'R1CD']);
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
		[
			'future version',
			encodeResultCode(quizId, plan, 'Aida', answers, at, 2),
			/newer version of the app \(version 2\)/
		],
		['another quiz', encodeResultCode(quizIdOf(other), otherPlan, 'Aida', [], at), /for another quiz/],
		['a character changed in the name', flip(good, 20), /damaged: a character was changed/],
		['a character changed in the answers', flip(good, good.length - 11), /damaged: a character was changed/],
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

	it('reads a result at its longest, and refuses longer text before reading it', () => {
		const longest = plan.questions.map((p): Given | null => {
			const q = p.question;
			if (q.type === 'typed') return 'x'.repeat(200);
			if (q.type === 'matching') return q.pairs.map(([l], k): [string, string] => [l, p.shown[k]!]);
			if (q.type === 'ordering') return [...q.items];
			return answers[plan.questions.indexOf(p)] ?? null;
		});
		const text = encodeResultCode(quizId, plan, '€'.repeat(40), longest, at); // 63 bytes of name, 127 of each typed answer
		expect(decodeResultCode(text, quizId, plan).ok).toBe(true);
		expect(decodeResultCode(text + 'Z'.repeat(8), quizId, plan)).toEqual({
			ok: false,
			message: expect.stringMatching(/longer than any result of it can be/)
		});
	});

	it('refuses every single changed character', () => {
		for (let i = 2; i < good.length; i++)
			expect(decodeResultCode(flip(good, i), quizId, plan).ok, `position ${i}`).toBe(false);
	});
});

describe('names cannot hurt the page that shows them', () => {
	it('keeps markup as the text it is (pages show it as text)', () => {
		expect(cleanName('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
	});

	it('drops bidirectional controls, which would reorder what follows the name', () => {
		expect(cleanName('Aida\u202egnp.exe')).toBe('Aidagnp.exe');
		expect(cleanName('\u2066Bolat\u2069 \u200f\u200e\u061c\u202a\u202b\u202c\u202d\u2067\u2068x')).toBe('Bolat x');
	});

	it('drops control characters and makes any white space one space', () => {
		expect(cleanName('Ai\u0000d\u0007a\u0085')).toBe('Aida');
		expect(cleanName(' Aida\t\r\n\u2028 Bek\u00a0 ')).toBe('Aida Bek');
		expect(cleanName('\ud800Aida\udfff')).toBe('Aida');
	});

	it('cuts 10,000 characters to 40 graphemes, and to the 63 bytes a code carries', () => {
		expect(cleanName('x'.repeat(10_000))).toBe('x'.repeat(40));
		expect(cleanName('Ж'.repeat(10_000))).toBe('Ж'.repeat(31));
		expect(cleanName('ab '.repeat(20))).toBe('ab '.repeat(13) + 'a');
	});

	it('counts an emoji or a letter with its accents as one, and never cuts one in half', () => {
		const family = '👩‍👩‍👧'; // 18 bytes
		expect(cleanName(family.repeat(10))).toBe(family.repeat(3));
		expect(cleanName('👍🏽'.repeat(10))).toBe('👍🏽'.repeat(7));
		expect(cleanName('q\u0301'.repeat(30))).toBe('q\u0301'.repeat(21));
		expect(cleanName('e\u0301'.repeat(30))).toBe('é'.repeat(30).slice(0, 30)); // NFC: é is one character of 2 bytes
		expect(cleanName('🇰🇿'.repeat(40))).toBe('🇰🇿'.repeat(7)); // a flag is two letters of 4 bytes
	});

	it('keeps at most 4 accents on a letter, so a name cannot spill over its neighbours', () => {
		expect(cleanName(`x${'\u0300'.repeat(30)}y`)).toBe(`x${'\u0300'.repeat(4)}y`);
	});

	it('gives the teacher the name the student saw', () => {
		const typed = ` <b>Aida</b>\u202e ${'🙂'.repeat(30)}`;
		const shown = cleanName(typed);
		expect(shown).toBe(`<b>Aida</b> ${'🙂'.repeat(12)}`);
		const quiz = base;
		const plan = buildQuiz(deck, quizConfigOf(quiz));
		const id = quizIdOf(encodeQuizCode(quiz));
		expect(decodeResultCode(encodeResultCode(id, plan, typed, [], 0), id, plan)).toMatchObject({
			ok: true,
			value: { name: shown }
		});
	});

	it('cleans a name that a hand-made code carries', () => {
		const plan = buildQuiz(deck, quizConfigOf(base));
		const id = quizIdOf(encodeQuizCode(base));
		const code = withRawName(
			encodeResultCode(id, plan, 'ABCDEFGH', [], 0),
			new TextEncoder().encode('A\u202eBC\u0000\u0007')
		);
		expect(decodeResultCode(code, id, plan)).toMatchObject({ ok: true, value: { name: 'ABC' } });
	});

	it('cleans a title carried in a link like a name', () => {
		expect(readFragment(`#q=X&t=${encodeURIComponent(`Unit\u202e 3\n<script>${'!'.repeat(200)}`)}`).title).toBe(
			`Unit 3 <script>${'!'.repeat(65)}`
		);
	});
});

describe('garbage gets a message naming its real cause', () => {
	const good = encodeQuizCode(base);
	const plan = buildQuiz(deck, quizConfigOf(base));
	const id = quizIdOf(good);
	const quizGarbage: [string, RegExp][] = [
		['ABCD', /cut short: it has 4 of its 20 characters/],
		['2', /cut short: it has 1 of its 20 characters/],
		['F'.repeat(20), /not right: a character is mistyped/],
		['9ZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ', /not a quiz code: it has 24 characters, and a quiz code has 20/],
		['\u200b\u200b', /no quiz code/],
		['https://x.org/take#q=1', /characters a quiz code never has \(":", "\/", "\.", "#", "="\)/],
		['AB\u0301CD', /characters a quiz code never has \(U\+0301\)/],
		['ABCß', /characters a quiz code never has \("ß"\)/],
		['🙂🙃😀😁😂🤣😃', /characters a quiz code never has \("🙂", "🙃", "😀", "😁", "😂", …\)/]
	];
	it.each(quizGarbage)('quiz code %j', (text, cause) => {
		const read = decodeQuizCode(text, decks);
		expect(read).toEqual({ ok: false, message: expect.stringMatching(cause) });
		if (!read.ok) expect(read.message).not.toMatch(/newer version/);
	});

	const resultGarbage: [string, RegExp][] = [
		['R', /cut short/],
		['R1', /cut short/],
		['R9ZZZZZZZZZZZZZZZZZZ', /damaged or cut short/],
		['RF', /damaged or cut short/],
		['R2' + encodeResultCode(id, plan, 'Aida', [], 0).slice(2), /damaged or cut short/],
		['\u202eR1', /cut short/],
		['12345', /result codes start with R/],
		[good, /a quiz code, not a student’s result code/],
		['R1 <b>', /characters a result code never has \("<", ">"\)/]
	];
	it.each(resultGarbage)('result code %j', (text, cause) => {
		const read = decodeResultCode(text, id, plan);
		expect(read).toEqual({ ok: false, message: expect.stringMatching(cause) });
		if (!read.ok) expect(read.message).not.toMatch(/newer version/);
	});
});
