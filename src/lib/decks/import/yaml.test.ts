import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { problemsLike } from './testing';
import { parseYamlDeck } from './yaml';

const fact = (id: string, cards: string) => `  - id: ${id}
    statement: Astana is the capital of Kazakhstan.
    paragraphs: [1]
    countries: [kazakhstan]
    themes: [history]
    cards:
${cards}
    questions:
      - id: capital
        type: true-false
        prompt: Astana is the capital of Kazakhstan.
        answer: true
        explanation: It has been since 1997.
`;
const oneCard = '      - front: Capital of Kazakhstan?\n        back: Astana.';

describe('parseYamlDeck reads a facts file of the question bank', () => {
	test('each valid fact gives its cards, tagged with its countries and themes, its statement as explanation', () => {
		const text = `facts:\n${fact('kz-capital', `${oneCard}\n      - front: Astana is the capital of?\n        back: Kazakhstan.`)}`;
		const result = parseYamlDeck(text);
		expect(result.problems).toEqual([]);
		expect(result.cards).toEqual([
			{
				front: 'Capital of Kazakhstan?',
				back: 'Astana.',
				tags: ['kazakhstan', 'history'],
				explanation: 'Astana is the capital of Kazakhstan.',
				line: 8,
				factId: 'kz-capital'
			},
			{
				front: 'Astana is the capital of?',
				back: 'Kazakhstan.',
				tags: ['kazakhstan', 'history'],
				explanation: 'Astana is the capital of Kazakhstan.',
				line: 10,
				factId: 'kz-capital'
			}
		]);
		expect(result.facts).toHaveLength(1);
		expect(result.facts[0]?.questions).toEqual([
			{
				id: 'capital',
				type: 'true-false',
				prompt: 'Astana is the capital of Kazakhstan.',
				answer: true,
				explanation: 'It has been since 1997.'
			}
		]);
		expect(result.detected).toEqual({ factCount: 1 });
	});

	test('a file of the bank itself reads without a problem, each card on its "front:" line', () => {
		const text = readFileSync('questions/central-asia-taliban/22-kyrgyzstan.yaml', 'utf8');
		const result = parseYamlDeck(text);
		expect(result.problems).toEqual([]);
		expect(result.facts.length).toBeGreaterThan(0);
		const lines = text.split('\n');
		for (const card of result.cards) expect(lines[(card.line ?? 0) - 1]).toContain(`front: ${card.front}`);
	});
});

describe('questions the app could not save are problems of the preview, not of the write', () => {
	test('a bank file with map questions imports its facts without them, and says so', () => {
		const text = readFileSync('questions/central-asia-taliban/50-maps.yaml', 'utf8');
		const result = parseYamlDeck(text);
		const maps = text.match(/type: map/g)!.length;
		expect(result.problems).toHaveLength(maps);
		expect(result.problems[0]!.message).toMatch(
			/^fact "[a-z0-9-]+": question "[a-z0-9-]+": a map question needs a bundled deck's places; the fact comes without it$/
		);
		expect(result.cards.length).toBeGreaterThan(0);
		expect(result.facts.flatMap((f) => f.questions).some((q) => q.type === 'map')).toBe(false);
	});

	test.each<[string, string, string]>([
		[
			'a multiple choice whose answer is not an option',
			'{ id: q, type: multiple-choice, prompt: P, options: [a, b, c], answer: z, explanation: E }',
			'card "a": question "q": the answer "z" is not among its options; this card is left out'
		],
		[
			'a map question',
			'{ id: q, type: map, tap: country, prompt: P, answer: kyrgyzstan, explanation: E }',
			`card "a": question "q": map questions need a bundled deck's places; this card is left out`
		]
	])('in a user deck file: %s', (_name, question, message) => {
		const text = `deck:\n  title: T\nfacts:\n  - id: a\n    cards: [{ front: A, back: B }]\n    questions:\n      - ${question}\n  - id: b\n    cards: [{ front: C, back: D }]\n`;
		const result = parseYamlDeck(text);
		expect(result.problems).toEqual([{ line: 7, message }]);
		expect(result.cards.map((c) => c.id)).toEqual(['b']);
	});
});

describe('problems name their cause and line', () => {
	test.each<[string, string, { line: number; message: string | RegExp }[], number]>([
		[
			'a fact missing its statement is left out, the others kept',
			`facts:\n${fact('kz-a', oneCard).replace('    statement: Astana is the capital of Kazakhstan.\n', '')}${fact('kz-b', oneCard)}`,
			[{ line: 2, message: /^fact "kz-a": .*statement.*; this fact is left out$/ }],
			1
		],
		[
			'a bad value points at its own line',
			`facts:\n${fact('kz-a', oneCard).replace('paragraphs: [1]', 'paragraphs: [one]')}`,
			[{ line: 4, message: /^fact "kz-a": paragraphs\.0: .*; this fact is left out$/ }],
			0
		],
		[
			'an empty card back',
			`facts:\n${fact('kz-a', '      - front: Capital?\n        back: ""')}`,
			[{ line: 9, message: 'fact "kz-a": cards.0.back: must not be empty; this fact is left out' }],
			0
		],
		[
			'a duplicated fact id',
			`facts:\n${fact('kz-a', oneCard)}${fact('kz-a', oneCard)}`,
			[{ line: 16, message: 'fact "kz-a": the id "kz-a" is used by an earlier fact; this fact is left out' }],
			1
		],
		['YAML that does not parse', 'facts:\n  - id: [unclosed\n', [{ line: 3, message: /^not valid YAML: / }], 0],
		[
			"a deck's deck.yaml",
			'id: my-deck\ntitle: Mine\nsource:\n  title: x\n',
			[{ line: 1, message: /this is a deck's deck.yaml/ }],
			0
		],
		[
			'not a facts file',
			'- a\n- b\n',
			[{ line: 1, message: 'a deck file starts with "facts:" followed by a list of facts (see questions/FORMAT.md)' }],
			0
		],
		[
			'an unknown top-level key',
			`title: extra\nfacts:\n${fact('kz-a', oneCard)}`,
			[{ line: 1, message: 'unknown top-level key "title" (a deck file holds only "facts:"): ignored' }],
			1
		],
		[
			'aliases that expand a billion-fold',
			'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nfacts: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n',
			[{ line: 1, message: /^not valid YAML: Excessive alias count/ }],
			0
		],
		['nothing', '\n', [{ line: 0, message: 'there is nothing to import: the text is empty' }], 0]
	])('%s', (_name, text, expected, cardCount) => {
		const result = parseYamlDeck(text);
		expect(result.problems).toEqual(problemsLike(expected));
		expect(result.cards).toHaveLength(cardCount);
	});
});
