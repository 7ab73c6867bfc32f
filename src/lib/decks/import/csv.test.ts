import { describe, expect, test } from 'vitest';
import { guessColumnMapping, parseCsv, type ColumnMapping, type CsvOptions } from './csv';
import type { ImportedCard } from './result';
import { card, problemsLike } from './testing';

describe('parseCsv reads a header row and the cards under it', () => {
	test.each<[string, string, CsvOptions, ImportedCard[]]>([
		[
			'front, back, tags, explanation by name; quoted fields with commas, quotes and line breaks',
			'Front,Back,Tags,Explanation\n"Astana, Kazakhstan","the ""capital""\nsince 1997","geo, capitals",moved from Almaty\n',
			{},
			[
				card('Astana, Kazakhstan', 'the "capital"\nsince 1997', 2, {
					tags: ['geo', 'capitals'],
					explanation: 'moved from Almaty'
				})
			]
		],
		[
			'TSV with term and definition, columns in another order',
			'notes\tdefinition\tterm\n\tcapital of Kyrgyzstan\tBishkek\n',
			{},
			[card('Bishkek', 'capital of Kyrgyzstan', 2)]
		],
		[
			'semicolons, question and answer',
			'question;answer\nCapital of Tajikistan?;Dushanbe\n',
			{},
			[card('Capital of Tajikistan?', 'Dushanbe', 2)]
		],
		['unknown header names: the first two columns', 'Spalte A,Spalte B\nja,yes\n', {}, [card('ja', 'yes', 2)]],
		[
			'a mapping chosen in the preview',
			'a,b,c\nx,y,z\n',
			{ mapping: { front: 2, back: 0, explanation: 1 } },
			[card('z', 'x', 2, { explanation: 'y' })]
		],
		['a delimiter chosen in the preview', 'front|back\na,b|c\n', { delimiter: '|' }, [card('a,b', 'c', 2)]],
		[
			'markup is kept as text',
			'front,back\n<script>alert(1)</script>,<b>x</b>\n',
			{},
			[card('<script>alert(1)</script>', '<b>x</b>', 2)]
		]
	])('%s', (_name, text, options, cards) => {
		const result = parseCsv(text, options);
		expect(result.problems).toEqual([]);
		expect(result.cards).toEqual(cards);
	});

	test('the preview gets the header names and what was guessed', () => {
		const result = parseCsv('Term\tDefinition\tTags\nx\ty\tz\n');
		expect(result.columns).toEqual(['Term', 'Definition', 'Tags']);
		expect(result.detected).toEqual({ delimiter: '\t', mapping: { front: 0, back: 1, tags: 2 }, mappingFrom: 'names' });
	});
});

describe('guessColumnMapping', () => {
	test.each<[string[], ColumnMapping, 'names' | 'order']>([
		[['front', 'back'], { front: 0, back: 1 }, 'names'],
		[['Word', 'Meaning', 'Notes'], { front: 0, back: 1, explanation: 2 }, 'names'],
		[['tags', 'Q', 'A'], { front: 1, back: 2, tags: 0 }, 'names'],
		[['Extra', 'one', 'two'], { explanation: 0, front: 1, back: 2 }, 'order']
	])('%j', (columns, mapping, from) => {
		expect(guessColumnMapping(columns)).toEqual({ mapping, from });
	});
});

describe('problems name their cause and line', () => {
	test.each<[string, string, CsvOptions, { line: number; message: string | RegExp }[], number]>([
		[
			'a header of one column: no delimiter found',
			'front back\nx y\n',
			{},
			[
				{
					line: 1,
					message:
						'the header row is a single column: no delimiter splits it (comma, tab, pipe and semicolon, tried in turn); choose the delimiter the file uses'
				}
			],
			0
		],
		[
			'the wrong delimiter chosen',
			'front,back\nx,y\n',
			{ delimiter: ';' },
			[{ line: 1, message: /single column: no delimiter splits it \(the semicolon chosen\)/ }],
			0
		],
		[
			'a mapping to a column that does not exist',
			'front,back\nx,y\n',
			{ mapping: { front: 0, back: 5 } },
			[
				{
					line: 1,
					message:
						'the back is mapped to column 5, but the header has columns 0 to 1: choose the columns in the preview'
				}
			],
			0
		],
		[
			'a mapping without a back',
			'front,back\nx,y\n',
			{ mapping: { front: 0 } },
			[{ line: 1, message: 'no column is chosen for the back: choose the columns in the preview' }],
			0
		],
		[
			'one column for two fields',
			'front,back\nx,y\n',
			{ mapping: { front: 0, back: 0 } },
			[{ line: 1, message: 'one column is chosen for two card fields: choose the columns in the preview' }],
			0
		],
		[
			'a row with a missing back, after a row over two lines',
			'front,back\n"a\nb",c\nd\n',
			{},
			[{ line: 4, message: 'the back is empty: this card is left out' }],
			1
		],
		['only a header', 'front,back\n', {}, [], 0],
		['nothing', '', {}, [{ line: 0, message: 'there is nothing to import: the text is empty' }], 0]
	])('%s', (_name, text, options, expected, cardCount) => {
		const result = parseCsv(text, options);
		expect(result.problems).toEqual(problemsLike(expected));
		expect(result.cards).toHaveLength(cardCount);
	});
});
