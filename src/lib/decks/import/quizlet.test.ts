import { describe, expect, test } from 'vitest';
import { guessQuizletSeparators, parseQuizlet, type QuizletSeparators } from './quizlet';
import type { ImportedCard } from './result';
import { card } from './testing';

describe('parseQuizlet splits rows and sides on the separators chosen', () => {
	test.each<[string, string, QuizletSeparators, ImportedCard[]]>([
		[
			"Quizlet's defaults: tab and new line",
			'Astana\tcapital of Kazakhstan\nBishkek\tcapital of Kyrgyzstan\n',
			{ term: '\t', row: '\n' },
			[card('Astana', 'capital of Kazakhstan', 1), card('Bishkek', 'capital of Kyrgyzstan', 2)]
		],
		[
			'comma and semicolon, sides trimmed',
			'Astana, capital of Kazakhstan; Bishkek, capital of Kyrgyzstan;',
			{ term: ',', row: ';' },
			[card('Astana', 'capital of Kazakhstan', 1), card('Bishkek', 'capital of Kyrgyzstan', 1)]
		],
		[
			'the first term separator splits; the definition keeps the others',
			'Tashkent,capital, largest city\n',
			{ term: ',', row: '\n' },
			[card('Tashkent', 'capital, largest city', 1)]
		],
		[
			'custom separators of several characters; a definition over two lines',
			'Dushanbe :: capital\nof Tajikistan\n---\nAshgabat :: capital of Turkmenistan',
			{ term: ' :: ', row: '\n---\n' },
			[card('Dushanbe', 'capital\nof Tajikistan', 1), card('Ashgabat', 'capital of Turkmenistan', 4)]
		],
		[
			'with semicolon rows, each row has the line it starts on',
			'a\tb;\nc\td;\n\ne\tf;',
			{ term: '\t', row: ';' },
			[card('a', 'b', 1), card('c', 'd', 2), card('e', 'f', 4)]
		],
		[
			'Windows line breaks and blank rows',
			'a\tb\r\n\r\nc\td\r\n',
			{ term: '\t', row: '\n' },
			[card('a', 'b', 1), card('c', 'd', 3)]
		],
		[
			'a blank line between rows, in a file with Windows line breaks',
			'a\tb\r\nstill b\r\n\r\nc\td',
			{ term: '\t', row: '\n\n' },
			[card('a', 'b\nstill b', 1), card('c', 'd', 4)]
		],
		[
			'quotes and markup are text: Quizlet quotes nothing',
			'"To be"\t<script>alert(1)</script>\n',
			{ term: '\t', row: '\n' },
			[card('"To be"', '<script>alert(1)</script>', 1)]
		]
	])('%s', (_name, text, separators, cards) => {
		const result = parseQuizlet(text, separators);
		expect(result.problems).toEqual([]);
		expect(result.cards).toEqual(cards);
		expect(result.detected).toEqual(separators);
	});
});

describe('problems name their cause and line', () => {
	test('a wrong term separator: every row one column, naming the separators that would work', () => {
		const result = parseQuizlet('\nAstana\tcapital\nBishkek\tcapital\n', { term: ',', row: '\n' });
		expect(result.cards).toEqual([]);
		expect(result.problems).toEqual([
			{
				line: 2,
				message:
					'no row holds the term separator comma, so every row is one column with no definition; 2 of 2 rows hold a tab between term and definition with rows split at each new line: choose those'
			}
		]);
	});

	test('no separator at all', () => {
		const result = parseQuizlet('just words\nmore words\n', { term: '\t', row: '\n' });
		expect(result.problems).toEqual([
			{
				line: 1,
				message: expect.stringMatching(
					/no row holds the term separator tab.*none of tab, comma or " - " separates them either/
				)
			}
		]);
	});

	test('one row without the separator is left out, the others kept', () => {
		const result = parseQuizlet('a\tb\nlonely\nc\td\n', { term: '\t', row: '\n' });
		expect(result.problems).toEqual([
			{ line: 2, message: 'this row has no tab between term and definition: it is left out' }
		]);
		expect(result.cards).toEqual([card('a', 'b', 1), card('c', 'd', 3)]);
	});

	test('an empty definition', () => {
		const result = parseQuizlet('a\t\n', { term: '\t', row: '\n' });
		expect(result.problems).toEqual([{ line: 1, message: 'the back is empty: this card is left out' }]);
	});

	test('empty text and empty separators', () => {
		expect(parseQuizlet('  \n', { term: '\t', row: '\n' }).problems).toEqual([
			{ line: 0, message: 'there is nothing to import: the text is empty' }
		]);
		expect(parseQuizlet('a\tb', { term: '', row: '\n' }).problems).toEqual([
			{ line: 0, message: 'the term separator and the row separator must not be empty' }
		]);
	});
});

describe('guessQuizletSeparators', () => {
	test.each([
		['tab and new line', 'a\tb\nc\td\n', '\t', '\n'],
		['comma and semicolon', 'a,b;c,d;e,f', ',', ';'],
		['comma and new line', 'a,b\nc,d\n', ',', '\n'],
		['tab wins a tie with comma', 'a, x\tb\nc, y\td\n', '\t', '\n'],
		['" - " between term and definition', 'Astana - capital\nBishkek - capital\n', ' - ', '\n'],
		['nothing to go on: the defaults', 'one\ntwo', '\t', '\n']
	])('%s', (_name, text, term, row) => {
		expect(guessQuizletSeparators(text)).toMatchObject({ term, row, reason: expect.any(String) });
	});
});
