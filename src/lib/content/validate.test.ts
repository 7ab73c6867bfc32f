import { describe, expect, it } from 'vitest';
import { formatProblem, formatWarning, validateDeck, type DeckFile } from './validate';

const META = 'questions/demo/deck.yaml';
const FACTS = 'questions/demo/10-facts.yaml';

function meta(): Record<string, unknown> {
	return {
		id: 'demo',
		title: 'Demo',
		description: 'A deck for tests.',
		source: {
			title: 'An article',
			publisher: 'An institute',
			publisherShort: 'AI',
			keywords: ['one'],
			paragraphs: [
				{ n: 1, topic: 'First' },
				{ n: 2, topic: 'Second' }
			]
		}
	};
}

// A fact that breaks no rule; each case below breaks exactly one.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the cases below break facts into any shape
function fact(): Record<string, any> {
	return {
		id: 'kz-delisting',
		statement: 'Kazakhstan took the Taliban off its terror list.',
		paragraphs: [1],
		countries: ['kazakhstan'],
		themes: ['diplomacy'],
		cards: [{ front: 'What did Kazakhstan do in December 2023?', back: 'Delisted the Taliban.' }],
		questions: [
			{
				id: 'mc',
				type: 'multiple-choice',
				prompt: 'Which state delisted the Taliban?',
				options: ['Kazakhstan', 'Tajikistan', 'Kyrgyzstan', 'Uzbekistan'],
				answer: 'Kazakhstan',
				explanation: 'Kazakhstan did.'
			},
			{
				id: 'tf',
				type: 'true-false',
				prompt: 'Tajikistan delisted the Taliban.',
				answer: false,
				explanation: 'It was Kazakhstan.'
			},
			{
				id: 'typed',
				type: 'typed',
				prompt: 'Name the acronym.',
				answer: 'IMU',
				accept: ['Islamic Movement of Uzbekistan'],
				explanation: 'IMU.'
			}
		]
	};
}

function check(facts: unknown[], deckMeta: unknown = meta()) {
	const files: DeckFile[] = [{ path: FACTS, data: { facts } }];
	return validateDeck({ path: META, data: deckMeta }, files);
}

function messages(facts: unknown[], deckMeta?: unknown): string[] {
	return check(facts, deckMeta).problems.map(formatProblem);
}

describe('validateDeck', () => {
	it('accepts a well-formed deck and gives each question a deck-wide key', () => {
		const result = check([fact()]);
		expect(result.problems).toEqual([]);
		expect(result.deck?.facts[0]?.questions.map((q) => q.key)).toEqual([
			'kz-delisting/mc',
			'kz-delisting/tf',
			'kz-delisting/typed'
		]);
	});

	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each case breaks the fact its own way
	const broken: [string, (f: Record<string, any>) => void, string][] = [
		['a schema error', (f) => delete f.statement, `${FACTS} › kz-delisting › statement: Invalid key`],
		[
			'an answer missing from its options',
			(f) => (f.questions[0].answer = 'Turkmenistan'),
			'question "mc": the answer "Turkmenistan" is not among its options'
		],
		[
			'a duplicate option',
			(f) => (f.questions[0].options[3] = 'tajikistan'),
			'question "mc": option "tajikistan" appears twice'
		],
		[
			'a typed answer with no accepted variant',
			(f) => delete f.questions[2].accept,
			'question "typed": a typed answer needs at least one accepted variant'
		],
		['a fact without a flashcard', (f) => (f.cards = []), `${FACTS} › kz-delisting › has no flashcard`],
		[
			'fewer than two question types',
			(f) => (f.questions = [f.questions[0]]),
			'needs questions of at least two types, has 1 question(s) of 1 type(s)'
		],
		[
			'a source paragraph that does not exist',
			(f) => (f.paragraphs = [21]),
			'source paragraph [21] does not exist in the source'
		],
		[
			'an unknown country tag',
			(f) => (f.countries = ['kazakstan']),
			'unknown country tag "kazakstan" (expected one of kazakhstan,'
		],
		['an unknown theme tag', (f) => (f.themes = ['trade']), 'unknown theme tag "trade" (expected one of security,'],
		['an unknown question type', (f) => (f.questions[1].type = 'essay'), 'unknown question type "essay"'],
		['a question id used twice', (f) => (f.questions[1].id = 'mc'), 'question id "mc" is used twice in this fact'],
		['too many options', (f) => f.questions[0].options.push('Russia'), 'questions.0.options: needs 3 or 4 options'],
		[
			'a true/false answer that is not a boolean',
			(f) => (f.questions[1].answer = 'no'),
			'questions.1.answer: must be true or false'
		],
		['a fact id that is not kebab-case', (f) => (f.id = 'KZ Delisting'), 'id: must be kebab-case'],
		[
			'a fact with no country tag',
			(f) => delete f.countries,
			`${FACTS} › kz-delisting › countries: needs at least one country tag`
		],
		[
			'a fact with no theme tag',
			(f) => (f.themes = []),
			`${FACTS} › kz-delisting › themes: needs at least one theme tag`
		],
		['an unknown "about"', (f) => (f.about = 'article'), 'about: unknown "about" "article" (expected source)'],
		[
			'a fact about the source with tags',
			(f) => (f.about = 'source'),
			'countries: a fact about the source is never studied or quizzed, so it takes none'
		],
		[
			'an unknown lint rule in allow',
			(f) => (f.questions[0].allow = ['answer-in-propmt']),
			'questions.0.allow.0: unknown lint rule "answer-in-propmt" (expected one of answer-in-prompt,'
		]
	];

	it.each(broken)('refuses %s, naming file, fact and reason', (_rule, breakIt, expected) => {
		const f = fact();
		breakIt(f);
		const result = check([f]);
		expect(result.deck).toBeUndefined();
		expect(result.problems.map(formatProblem).join('\n')).toContain(expected);
	});

	it('keeps the facts about the source apart from those to study, with their source paragraph', () => {
		const aboutSource = {
			id: 'source-publisher',
			about: 'source',
			statement: 'An institute published the article.',
			paragraphs: [2]
		};
		const result = check([fact(), aboutSource]);
		expect(result.problems).toEqual([]);
		expect(result.deck?.facts.map((f) => f.id)).toEqual(['kz-delisting']);
		expect(result.deck?.aboutSource).toEqual([{ ...aboutSource, countries: [], themes: [], cards: [] }]);
		expect(messages([fact(), { ...aboutSource, paragraphs: [21] }])).toEqual([
			`${FACTS} › source-publisher › source paragraph [21] does not exist in the source`
		]);
	});

	it('refuses a duplicate fact id, naming where it was first used', () => {
		expect(messages([fact(), fact()])).toEqual([
			`${FACTS} › kz-delisting › duplicate fact id (first used in ${FACTS})`
		]);
	});

	it('refuses a flashcard front that another fact already shows, whatever its case', () => {
		const other: ReturnType<typeof fact> = { ...fact(), id: 'kz-delisting-date' };
		other.cards = [{ front: 'what did Kazakhstan do in December 2023? ', back: 'It delisted them.' }];
		expect(messages([fact(), other])).toEqual([
			`${FACTS} › kz-delisting-date › flashcard "what did Kazakhstan do in December 2023?" is also a flashcard of fact kz-delisting`
		]);
	});

	it('refuses matching and ordering questions with repeated sides or items', () => {
		const f = fact();
		f.questions.push(
			{
				id: 'pairs',
				type: 'matching',
				prompt: 'Match',
				explanation: 'E',
				pairs: [
					['A', '1'],
					['B', '1'],
					['C', '3']
				]
			},
			{ id: 'order', type: 'ordering', prompt: 'Order', explanation: 'E', items: ['x', 'y', 'X'] }
		);
		expect(messages([f])).toEqual([
			`${FACTS} › kz-delisting › question "pairs": right side "1" appears twice`,
			`${FACTS} › kz-delisting › question "order": item "X" appears twice`
		]);
	});

	it('reports a YAML syntax error with its file', () => {
		const result = validateDeck({ path: META, data: meta() }, [
			{ path: FACTS, data: undefined, parseError: 'Nested mappings are not allowed at line 3' }
		]);
		expect(result.problems.map(formatProblem)).toEqual([
			`${FACTS} › not valid YAML: Nested mappings are not allowed at line 3`
		]);
	});

	it('reports a broken deck.yaml', () => {
		const m = meta();
		delete m.title;
		expect(messages([fact()], m)).toEqual([`${META} › title: Invalid key: Expected "title" but received undefined`]);
	});

	it('loads a deck with lint warnings, naming file, fact, question and rule', () => {
		const f = fact();
		f.questions[0].prompt = 'Was it Kazakhstan that delisted the Taliban?';
		const result = check([f]);
		expect(result.deck).toBeDefined();
		expect(result.warnings.map(formatWarning)).toEqual([
			`${FACTS} › kz-delisting › mc › answer-in-prompt › the prompt contains the answer "Kazakhstan"`
		]);
	});

	it('reports every problem at once, not just the first', () => {
		const a = fact();
		a.cards = [];
		const b = { ...fact(), id: 'other', paragraphs: [9] };
		expect(messages([a, b])).toHaveLength(2);
	});
});
