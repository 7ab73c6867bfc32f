import { describe, expect, it } from 'vitest';
import type { DeckQuestion } from '$lib/content/schema';
import {
	checkAnswer,
	checkTyped,
	correctAnswerText,
	givenText,
	isComplete,
	parseNumber,
	readGiven,
	textKey,
	typoAllowance
} from './answers';

const base = { prompt: 'Q?', explanation: 'Because.', factId: 'f' };
const typed = (answer: string, accept: string[] = []) =>
	({ ...base, id: 't', key: 'f/t', type: 'typed', answer, accept }) as DeckQuestion & { type: 'typed' };

describe('typed answers', () => {
	const cases: [string, string[], string[], string[]][] = [
		// answer, accept, must be accepted, must be refused
		[
			'Zhumangarin',
			['Serik Zhumangarin'],
			[
				'Zhumangarin',
				'zhumangarin',
				'  ZHUMANGARIN  ',
				'Zhumangarin.',
				'Serik Zhumangarin',
				'serik   zhumangarin',
				'Žhumangarin'
			],
			['', '   ', 'Masarykov', 'Serik', 'Zumangrn', 'Zhumangarin Serik Rahmon']
		],
		[
			'Islamic Emirate of Afghanistan',
			['Islamic Emirate', 'The Islamic Emirate of Afghanistan'],
			['the islamic emirate of afghanistan', 'An Islamic Emirate', 'islamic-emirate', 'Islamic Emirate!'],
			['Afghanistan', 'Emirate', 'Islamic State']
		],
		[
			'Mazar-i-Sharif',
			['Mazar-e-Sharif'],
			['Mazar i Sharif', 'mazar-i-sharif', 'Mazari Sharif', 'MAZAR-E-SHARIF', 'Mazar-i-Sherif'],
			['Kabul', 'Sharif', 'Mazar']
		],
		[
			'multi-vector approach',
			['multivector'],
			['Multi vector approach', 'multivector approach', 'MULTI-VECTOR', 'a multi-vector approach'],
			['vector', 'multilateral']
		],
		['Economy and Commerce', [], ['Economy & Commerce', 'economy and commerce'], ['Economy', 'Commerce and Trade']],
		['TTT', ['T.T.T.'], ['ttt', 't.t.t', 'T T T'], ['TTP', 'TT', 'TTTT']],
		['IMU', [], ['imu', 'I.M.U.', 'the IMU'], ['IJU', 'IMF', 'MU']],
		[
			'Rahmon',
			['Emomali Rahmon'],
			['Rahmon', 'rakhmon', 'Rahmn', 'Emomali Rahmon', 'Emomali Rakhmon'],
			['Rahman Khan', 'Mirziyoyev', 'Ramn']
		],
		['Ashgabat', ['Ashgabad'], ['ashgabat', 'Ashgabad', 'Ashgbat', 'Ashkabat'], ['Astana', 'Ash']],
		['Tajiks', ['Tajik'], ['tajiks', 'Tajik', 'Tajikz'], ['Uzbeks', 'Tajikistan']],
		['Café', [], ['cafe', 'CAFÉ', 'café'], ['caff coffee']]
	];
	for (const [answer, accept, yes, no] of cases) {
		it(`accepts the forms of "${answer}"`, () => {
			for (const text of yes) expect(checkTyped({ answer, accept }, text).correct, text).toBe(true);
		});
		it(`refuses what is not "${answer}"`, () => {
			for (const text of no) expect(checkTyped({ answer, accept }, text).correct, text).toBe(false);
		});
	}

	it('scales the typo allowance with the length of the answer', () => {
		expect([1, 3, 4, 7, 8, 20].map(typoAllowance)).toEqual([0, 0, 1, 1, 2, 2]);
		// 4–7 letters: one edit, not two.
		expect(checkTyped({ answer: 'Balkh' }, 'Balk').correct).toBe(true);
		expect(checkTyped({ answer: 'Balkh' }, 'Blk').correct).toBe(false);
		// 8 letters and more: two edits, not three.
		expect(checkTyped({ answer: 'Zhumangarin' }, 'Zumangarn').correct).toBe(true);
		expect(checkTyped({ answer: 'Zhumangarin' }, 'Zumangrn').correct).toBe(false);
		// Below 4 letters: exact only.
		expect(checkTyped({ answer: 'IJU' }, 'IJV').correct).toBe(false);
	});

	it('says which spelling it accepted a typo for, and nothing for an exact answer', () => {
		expect(checkTyped({ answer: 'Zhumangarin', accept: ['Serik Zhumangarin'] }, 'Zhumangarn')).toEqual({
			correct: true,
			spelling: 'Zhumangarin'
		});
		expect(checkTyped({ answer: 'Zhumangarin', accept: ['Serik Zhumangarin'] }, 'Serik Zhumangarn').spelling).toBe(
			'Serik Zhumangarin'
		);
		expect(checkTyped({ answer: 'Zhumangarin' }, 'zhumangarin')).toEqual({ correct: true });
	});

	it('compares by value when the answer is a number', () => {
		const aid = { answer: '472', accept: ['$472 million', '472 million'] };
		for (const text of [
			'472',
			'$472 million',
			'472m',
			'472 million',
			'472 mn',
			'US$472m',
			'about 472',
			'472,000,000',
			'0.472 billion',
			'472.0'
		])
			expect(checkTyped(aid, text).correct, text).toBe(true);
		for (const text of [
			'473',
			'47',
			'4720',
			'472 billion',
			'472 thousand',
			'472k',
			'four hundred',
			'472 or 473',
			'million',
			''
		])
			expect(checkTyped(aid, text).correct, text).toBe(false);

		const trade = { answer: '987.9', accept: ['$987.9 million'] };
		for (const text of ['987.9', '$987.9 million', '987,9', '987.90 million'])
			expect(checkTyped(trade, text).correct, text).toBe(true);
		for (const text of ['9879', '987', '988', '987.8']) expect(checkTyped(trade, text).correct, text).toBe(false);

		const share = { answer: '70', accept: ['70 per cent', '70%'] };
		for (const text of ['70', '70%', '70 %', '70 percent', 'seventy', 'Seventy per cent'])
			expect(checkTyped(share, text).correct, text).toBe(true);
		for (const text of ['7', '17', '0.7', 'seventeen']) expect(checkTyped(share, text).correct, text).toBe(false);
	});

	it('allows no typo in a number, and reads small numbers in words', () => {
		const year = { answer: '2001', accept: ['in 2001'] };
		expect(checkTyped(year, '2001').correct).toBe(true);
		expect(checkTyped(year, 'in 2001').correct).toBe(true);
		expect(checkTyped(year, '2011').correct).toBe(false);
		expect(checkTyped(year, '2,001').correct).toBe(true);
		const soldiers = { answer: '4', accept: ['four', '4 soldiers'] };
		for (const text of ['4', 'four', 'Four soldiers', '4 soldiers'])
			expect(checkTyped(soldiers, text).correct, text).toBe(true);
		for (const text of ['5', 'fourteen', '14', 'for']) expect(checkTyped(soldiers, text).correct, text).toBe(false);
		const tons = { answer: '111', accept: ['111 tons'] };
		expect(checkTyped(tons, '111 tonnes').correct).toBe(true);
		expect(checkTyped(tons, '1,110').correct).toBe(false);
	});

	it('reads numbers, with their scale', () => {
		expect(parseNumber('$472 million')).toEqual({ value: 472, scale: 'million' });
		expect(parseNumber('472m')).toEqual({ value: 472, scale: 'million' });
		expect(parseNumber('1,250')).toEqual({ value: 1250 });
		expect(parseNumber('70%')).toEqual({ value: 70 });
		expect(parseNumber('in 2001')).toEqual({ value: 2001 });
		expect(parseNumber('seven')).toEqual({ value: 7 });
		expect(parseNumber('472 and 473')).toBeUndefined();
		expect(parseNumber('Kazakhstan')).toBeUndefined();
	});

	it('builds comparison keys without case, accents, punctuation or articles', () => {
		expect(textKey('  The  Islamic-Emirate, of Afghanistan! ')).toBe('islamicemirateofafghanistan');
		expect(textKey('Économie')).toBe('economie');
		expect(textKey('the')).toBe('the');
	});
});

describe('checkAnswer for every type', () => {
	const mc = {
		...base,
		id: 'm',
		key: 'f/m',
		type: 'multiple-choice',
		options: ['A one', 'B two', 'C three'],
		answer: 'B two'
	} as DeckQuestion;
	const tf = { ...base, id: 'b', key: 'f/b', type: 'true-false', answer: false } as DeckQuestion;
	const match = {
		...base,
		id: 'p',
		key: 'f/p',
		type: 'matching',
		pairs: [
			['Tajikistan', 'Refuses'],
			['Uzbekistan', 'Engages'],
			['Turkmenistan', 'Neutral']
		]
	} as DeckQuestion;
	const order = { ...base, id: 'o', key: 'f/o', type: 'ordering', items: ['first', 'second', 'third'] } as DeckQuestion;

	it('multiple choice: only the answer', () => {
		expect(checkAnswer(mc, 'B two').correct).toBe(true);
		expect(checkAnswer(mc, 'A one').correct).toBe(false);
		expect(checkAnswer(mc, 'b two').correct).toBe(false);
		expect(checkAnswer(mc, null).correct).toBe(false);
	});

	it('true/false: the boolean', () => {
		expect(checkAnswer(tf, false).correct).toBe(true);
		expect(checkAnswer(tf, true).correct).toBe(false);
		expect(checkAnswer(tf, null).correct).toBe(false);
	});

	it('typed: through the typed rules', () => {
		expect(checkAnswer(typed('Astana', ['Nur-Sultan']), 'nur sultan').correct).toBe(true);
		expect(checkAnswer(typed('Astana'), null).correct).toBe(false);
	});

	it('matching: every pair, in any order given, with a mark per left item', () => {
		expect(
			checkAnswer(match, [
				['Turkmenistan', 'Neutral'],
				['Tajikistan', 'Refuses'],
				['Uzbekistan', 'Engages']
			])
		).toEqual({
			correct: true,
			parts: [true, true, true]
		});
		expect(
			checkAnswer(match, [
				['Tajikistan', 'Refuses'],
				['Uzbekistan', 'Neutral'],
				['Turkmenistan', 'Engages']
			])
		).toEqual({
			correct: false,
			parts: [true, false, false]
		});
		expect(checkAnswer(match, [['Tajikistan', 'Refuses']]).correct).toBe(false);
	});

	it('ordering: the exact order, with a mark per position', () => {
		expect(checkAnswer(order, ['first', 'second', 'third'])).toEqual({ correct: true, parts: [true, true, true] });
		expect(checkAnswer(order, ['second', 'first', 'third'])).toEqual({ correct: false, parts: [false, false, true] });
		expect(checkAnswer(order, ['first', 'second']).correct).toBe(false);
	});

	it('knows when an answer is complete enough to check', () => {
		expect(isComplete(mc, 'C three')).toBe(true);
		expect(isComplete(mc, 'D')).toBe(false);
		expect(isComplete(tf, false)).toBe(true);
		expect(isComplete(tf, null)).toBe(false);
		expect(isComplete(typed('x'), '  ')).toBe(false);
		expect(
			isComplete(match, [
				['Tajikistan', 'Refuses'],
				['Uzbekistan', 'Engages']
			])
		).toBe(false);
		expect(
			isComplete(match, [
				['Tajikistan', 'Refuses'],
				['Uzbekistan', 'Engages'],
				['Turkmenistan', 'Neutral']
			])
		).toBe(true);
		expect(isComplete(order, ['third', 'first', 'second'])).toBe(true);
	});

	it('writes answers as text', () => {
		expect(correctAnswerText(tf)).toBe('False');
		expect(correctAnswerText(match)).toBe('Tajikistan → Refuses; Uzbekistan → Engages; Turkmenistan → Neutral');
		expect(correctAnswerText(order)).toBe('1. first; 2. second; 3. third');
		expect(givenText(match, [['Uzbekistan', 'Neutral']])).toBe(
			'Tajikistan → —; Uzbekistan → Neutral; Turkmenistan → —'
		);
		expect(givenText(tf, true)).toBe('True');
		expect(givenText(mc, '')).toBe('—');
		expect(givenText(order, null)).toBe('—');
	});

	it('reads a kept answer back when it has the shape of its question type, and says what was expected when not', () => {
		expect(readGiven(tf, false)).toBe(false);
		expect(readGiven(match, [['Tajikistan', 'Refuses']])).toEqual([['Tajikistan', 'Refuses']]);
		expect(readGiven(order, ['second', 'first', 'third'])).toEqual(['second', 'first', 'third']);
		expect(readGiven(mc, undefined)).toBeNull();
		expect(readGiven(mc, null)).toBeNull();
		expect(() => readGiven(tf, 'false')).toThrow(
			'The answer kept for question f/b (true-false) should be true or false, not "false".'
		);
		expect(() => readGiven(typed('Astana'), 42)).toThrow('should be text, not 42.');
		expect(() => readGiven(match, ['Tajikistan', 'Refuses'])).toThrow('should be a list of [left, right] pairs');
		expect(() => readGiven(order, [1, 2, 3])).toThrow('should be a list of items');
	});
});
