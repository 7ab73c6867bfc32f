import { expect, test } from 'vitest';
import { parseAnkiText } from './anki';
import { parseCsv } from './csv';
import { parseQuizlet } from './quizlet';
import { MAX_CARDS, MAX_FIELD_CHARS } from './result';

const tabRows = (count: number) => Array.from({ length: count }, (_, i) => `term ${i}\tdefinition ${i}`).join('\n');

test('a field over 64 K characters leaves its card out, saying which side, how long and the limit', () => {
	const result = parseQuizlet(`a\tb\nhuge\t${'x'.repeat(1024 * 1024)}\nc\td\n`, { term: '\t', row: '\n' });
	expect(result.problems).toEqual([
		{
			line: 2,
			message:
				'the back is 1,048,576 characters long, over the limit of 65,536 characters (64 K) per field: this card is left out'
		}
	]);
	expect(result.cards.map((card) => card.front)).toEqual(['a', 'c']);
});

test('a field of exactly the limit is kept', () => {
	const result = parseCsv(`front,back,explanation\na,b,${'x'.repeat(MAX_FIELD_CHARS)}\n`);
	expect(result.problems).toEqual([]);
	expect(result.cards).toHaveLength(1);
});

test.each([
	['Quizlet', () => parseQuizlet(tabRows(100_000), { term: '\t', row: '\n' })],
	['Anki', () => parseAnkiText(`#separator:tab\n#html:false\n${tabRows(100_000)}`)]
])('100,000 lines of %s are refused whole, naming the limit', (_format, parse) => {
	const result = parse();
	expect(result.cards).toEqual([]);
	expect(result.problems).toEqual([
		{
			line: 0,
			message:
				'100,000 cards is over the limit of 20,000 cards per import: nothing is imported; split the file into smaller ones'
		}
	]);
});

test('a quoted Anki field of 1 MB is refused with its line', () => {
	const result = parseAnkiText(`#separator:tab\n#html:false\na\tb\n"${'x\n'.repeat(512 * 1024)}"\tback\nc\td\n`);
	expect(result.problems).toEqual([
		{
			line: 4,
			message:
				'the front is 1,048,576 characters long, over the limit of 65,536 characters (64 K) per field: this card is left out'
		}
	]);
	expect(result.cards.map((card) => [card.front, card.line])).toEqual([
		['a', 3],
		['c', 4 + 512 * 1024 + 1]
	]);
});

test('exactly the card limit is accepted', () => {
	const result = parseQuizlet(tabRows(MAX_CARDS), { term: '\t', row: '\n' });
	expect(result.problems).toEqual([]);
	expect(result.cards).toHaveLength(MAX_CARDS);
});
