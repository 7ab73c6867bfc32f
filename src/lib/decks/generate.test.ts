import { describe, expect, it } from 'vitest';
import { QUESTION_TYPES, type Deck, type Question } from '$lib/content/schema';
import { validateDeck } from '$lib/content/validate';
import { checkAnswer, checkTyped, textKey } from '$lib/quiz/answers';
import { buildQuiz } from '$lib/quiz/build';
import {
	AUTO_IDS,
	GenerateError,
	acceptedVariants,
	generateQuestions,
	kindOf,
	type Kind,
	type SourceCard
} from './generate';

const cardsOf = (pairs: [front: string, back: string][], prefix = 'c'): SourceCard[] =>
	pairs.map(([front, back], i) => ({ id: `${prefix}${i + 1}`, front, back }));

/** Four capitals: backs of one kind, as many of them as a test needs. */
const CAPITALS: [front: string, back: string][] = [
	['Capital of France', 'Paris'],
	['Capital of Japan', 'Tokyo'],
	['Capital of Italy', 'Rome'],
	['Capital of Spain', 'Madrid']
];

/** Capitals, vocabulary, dates and numbers: five of each kind a user's deck typically holds. */
const REALISTIC = cardsOf([
	['Capital of France', 'Paris'],
	['Capital of Japan', 'Tokyo'],
	['Capital of Australia', 'Canberra'],
	['Capital of Brazil', 'Brasília'],
	['Capital of Canada', 'Ottawa'],
	['le chien', 'the dog'],
	['le chat', 'the cat'],
	['courir', 'to run'],
	['la maison', 'the house'],
	['bonjour', 'hello'],
	['Fall of the Berlin Wall', '9 November 1989'],
	['Moon landing', '20 July 1969'],
	['Battle of Hastings', '1066'],
	['Storming of the Bastille', '1789'],
	['VE Day', '8 May 1945'],
	['Bones in the adult human body', '206'],
	['Height of Mount Everest', '8,849 m'],
	['Boiling point of water at sea level in °C', '100'],
	['Speed of light', '299,792 km per second'],
	['Number of US states', '50']
]);

const LONG_BACKS = cardsOf([
	[
		'Photosynthesis',
		'The process by which green plants use sunlight, water and carbon dioxide to make glucose and oxygen, which takes place in the chloroplasts of the leaf.'
	],
	[
		'Respiration',
		'The process by which living cells break down glucose with oxygen to release the energy they need, giving off carbon dioxide and water as waste products.'
	],
	[
		'Osmosis',
		'The movement of water molecules from a dilute solution to a more concentrated one through a partially permeable membrane, without any energy being used up.'
	],
	[
		'Diffusion',
		'The spreading of the particles of a gas or of a substance in solution from where they are more concentrated to where they are less concentrated, until even.'
	]
]);

/** What a user's deck says of itself, around its cards. */
const MY_DECK = {
	id: 'my-deck',
	title: 'My deck',
	description: 'Cards of my own.',
	source: {
		title: 'My notes',
		publisher: 'Me',
		publisherShort: 'Me',
		keywords: ['notes'],
		paragraphs: [{ n: 1, topic: 'All of it' }]
	}
};

/** The generated questions as the bank would hold them: one fact per card. */
function asBank(cards: SourceCard[], generated: Map<string, Question[]>) {
	const meta = { path: 'deck.yaml', data: MY_DECK };
	const facts = cards.map((c) => ({
		id: c.id,
		statement: c.front,
		paragraphs: [1],
		countries: ['regional'],
		themes: ['history'],
		cards: [{ front: c.front, back: c.back }],
		questions: generated.get(c.id)
	}));
	return validateDeck(meta, [{ path: 'cards.yaml', data: { facts } }]);
}

const ofType = <T extends Question['type']>(questions: Question[] | undefined, type: T) =>
	questions?.find((q): q is Extract<Question, { type: T }> => q.type === type);
const all = (generated: Map<string, Question[]>) => [...generated.values()].flat();
const choices = (generated: Map<string, Question[]>) =>
	all(generated).filter((q): q is Extract<Question, { type: 'multiple-choice' }> => q.type === 'multiple-choice');
/** The back a true/false question pairs with its front. */
const shownBack = (q: Question, card: SourceCard) => q.prompt.slice(`${card.front} → `.length);

describe('kindOf', () => {
	const table: [string, Kind][] = [
		['42', 'number'],
		['-40', 'number'],
		['3.14', 'number'],
		['1,250', 'number'],
		['2500', 'number'],
		['206', 'number'],
		['$472 million', 'number'],
		['70%', 'number'],
		['8,849 m', 'number'],
		['about 300', 'number'],
		['seven', 'number'],
		['1991', 'date'],
		['in 1991', 'date'],
		['1066.', 'date'],
		['44 BC', 'date'],
		['AD 79', 'date'],
		['1990s', 'date'],
		['19th century', 'date'],
		['29 December 2023', 'date'],
		['On 29 December 2023.', 'date'],
		['December 29, 2023', 'date'],
		['4th of July 1776', 'date'],
		['July 1969', 'date'],
		['Sept. 11, 2001', 'date'],
		['2023-12-29', 'date'],
		['14/07/1789', 'date'],
		['Paris', 'name'],
		['Brasília', 'name'],
		['Leonardo da Vinci', 'name'],
		['United Nations', 'name'],
		['NATO', 'name'],
		['Mazar-i-Sharif', 'name'],
		['H2O', 'name'],
		['Ten Downing Street', 'name'],
		['May', 'name'],
		['Bay of Bengal', 'name'],
		['bonjour', 'phrase'],
		['to run', 'phrase'],
		['the dog', 'phrase'],
		['mitochondria', 'phrase'],
		['the powerhouse of the cell', 'phrase'],
		['Made of glass', 'phrase'],
		['four soldiers', 'phrase'],
		['The Deputy Prime Minister of Kazakhstan and his team', 'sentence'],
		['It is the largest desert on Earth.', 'sentence'],
		['Serik Zhumangarin, the Deputy Prime Minister.', 'sentence'],
		['the organelle where the cell makes most of its energy', 'sentence']
	];
	it.each(table)('%s is a %s', (text, kind) => {
		expect(kindOf(text)).toBe(kind);
	});
});

describe('acceptedVariants', () => {
	const table: [string, string[]][] = [
		['Canberra (ACT)', ['Canberra']],
		['the Nile', ['Nile']],
		['An apple', ['apple']],
		['to run', ['run']],
		['colour / color', ['colour', 'color']],
		['big; large', ['big', 'large']],
		['Brasília', ['Brasilia']],
		['On 29 December 2023.', ['29 December 2023', 'December 29, 2023']],
		['December 29, 2023', ['29 December 2023']],
		['in 1991', ['1991']],
		['206 bones', ['206']],
		['Zürich (Switzerland)', ['Zürich', 'Zurich (Switzerland)', 'Zurich']],
		// Case, spacing and punctuation alone make no variant: the checker ignores them anyway.
		['Paris', []],
		['Paris.', []],
		['1,250', []],
		['$472 million', []],
		['hello', []],
		['(none)', []]
	];
	it.each(table)('%s → %j', (answer, variants) => {
		expect(acceptedVariants(answer)).toEqual(variants);
	});

	it('gives only variants that the typed-answer checker accepts for the answer', () => {
		for (const [answer, variants] of table)
			for (const variant of variants) expect(checkTyped({ answer, accept: variants }, variant).correct).toBe(true);
	});
});

describe('generateQuestions', () => {
	const realistic = generateQuestions(REALISTIC, 'class-7b');

	it('gives a realistic deck questions that the bank validator and lint accept, at least two types a card', () => {
		const { problems, warnings } = asBank(REALISTIC, realistic);
		expect(problems).toEqual([]);
		expect(warnings).toEqual([]);
	});

	it('gives each card at most one question of each type, its id named after the type', () => {
		for (const questions of realistic.values()) {
			const types = questions.map((q) => q.type);
			expect(new Set(types).size).toBe(types.length);
			for (const q of questions) expect(q.id).toBe(AUTO_IDS[q.type as keyof typeof AUTO_IDS]);
		}
		const count = (type: Question['type']) => all(realistic).filter((q) => q.type === type).length;
		// Every card but the speed of light, whose back is over twice as long as any other number.
		expect(count('multiple-choice')).toBe(19);
		expect(count('true-false')).toBe(20);
		expect(count('matching')).toBe(20);
		// Only backs with a variant: Brasília, four with an article or "to", three dates, 299,792 km.
		expect(count('typed')).toBe(9);
	});

	it('asks the front, with the back as the answer', () => {
		const paris = realistic.get('c1')!;
		expect(ofType(paris, 'multiple-choice')).toMatchObject({ prompt: 'Capital of France', answer: 'Paris' });
		expect(ofType(paris, 'multiple-choice')!.explanation).toBe('Capital of France → Paris.');
		expect(ofType(realistic.get('c6'), 'typed')).toMatchObject({
			prompt: 'le chien',
			answer: 'the dog',
			accept: ['dog']
		});
		expect(ofType(realistic.get('c11'), 'typed')!.accept).toEqual(['November 9, 1989']);
	});

	it('never offers a duplicate option, nor one that the checker would take for the answer', () => {
		for (const q of choices(realistic)) {
			expect(new Set(q.options.map(textKey)).size).toBe(q.options.length);
			expect(q.options.filter((o) => o === q.answer)).toHaveLength(1);
			for (const option of q.options.filter((o) => o !== q.answer))
				expect(checkTyped({ answer: q.answer, accept: acceptedVariants(q.answer) }, option).correct).toBe(false);
		}
	});

	it('draws options and false statements from backs of the same kind when the deck has enough', () => {
		for (const q of choices(realistic)) for (const option of q.options) expect(kindOf(option)).toBe(kindOf(q.answer));
		for (const card of REALISTIC) {
			const tf = ofType(realistic.get(card.id), 'true-false')!;
			expect(kindOf(shownBack(tf, card))).toBe(kindOf(card.back));
			expect(tf.answer).toBe(shownBack(tf, card) === card.back);
		}
	});

	it('prefers options of similar length', () => {
		// 1789 and 1066 look alike; "9 November 1989" next to them would stand out.
		const dates = cardsOf([
			['Battle of Hastings', '1066'],
			['Storming of the Bastille', '1789'],
			['Columbus reaches America', '1492'],
			['Magna Carta', '1215'],
			['Fall of the Berlin Wall', '9 November 1989']
		]);
		for (let i = 0; i < 10; i++)
			expect(ofType(generateQuestions(dates, i).get('c1'), 'multiple-choice')!.options).not.toContain(
				'9 November 1989'
			);
	});

	it('keeps to backs of similar length in a deck of five hundred cards', () => {
		const cards = Array.from({ length: 500 }, (_, i) => ({
			id: `square-${i + 2}`,
			front: `Square of ${i + 2}`,
			back: `${(i + 2) ** 2}`
		}));
		const generated = generateQuestions(cards, 'x');
		expect(choices(generated)).toHaveLength(500);
		for (const q of choices(generated))
			for (const option of q.options) {
				expect(option.length).toBeLessThanOrEqual(2 * q.answer.length);
				expect(2 * option.length).toBeGreaterThanOrEqual(q.answer.length);
			}
	});

	it('draws on the whole of a big deck, not on the same few cards for every question', () => {
		const towns = Array.from({ length: 300 }, (_, i) => ({
			id: `t${i}`,
			front: `Twin town number ${i}`,
			back: `Town ${String(i).padStart(3, '0')}`
		}));
		const distractors = new Set(
			choices(generateQuestions(towns, 'x')).flatMap((q) => q.options.filter((o) => o !== q.answer))
		);
		expect(distractors.size).toBeGreaterThan(250);
	});

	it('keeps to three options of the right kind rather than add a fourth of another', () => {
		const cards = cardsOf([
			['Bones in the adult human body', '206'],
			['Number of US states', '50'],
			['Legs of a spider', '8'],
			...CAPITALS.slice(0, 3)
		]);
		expect([...ofType(generateQuestions(cards, 'x').get('c1'), 'multiple-choice')!.options].sort()).toEqual([
			'206',
			'50',
			'8'
		]);
	});

	it('borrows from the nearest kind when its own has too few, and never mixes numbers with words', () => {
		const names = cardsOf(CAPITALS);
		const alone = [{ id: 'bones', front: 'Bones in the adult human body', back: '206' }, ...names];
		const lonely = generateQuestions(alone, 'x').get('bones')!;
		expect(lonely.map((q) => q.type)).toEqual(['matching']);

		const withDates = [
			...alone,
			{ id: 'wall', front: 'Fall of the Berlin Wall', back: '1989' },
			{ id: 'moon', front: 'Moon landing', back: '1969' }
		];
		const bones = ofType(generateQuestions(withDates, 'x').get('bones'), 'multiple-choice')!;
		expect([...bones.options].sort()).toEqual(['1969', '1989', '206']);
		// True/false takes no other kind: a number shown for a date would be plainly false.
		expect(ofType(generateQuestions(withDates, 'x').get('bones'), 'true-false')).toBeUndefined();

		const phrases = [...names, { id: 'dog', front: 'le chien', back: 'the dog' }];
		expect(ofType(generateQuestions(phrases, 'x').get('dog'), 'multiple-choice')!.options).toHaveLength(4);
	});

	it('never offers as wrong a back that says the same as the answer, or one that is right for the front', () => {
		const cards = cardsOf([
			['Capital of Ukraine', 'Kyiv (Kiev)'],
			['Old spelling of Ukraine’s capital', 'Kiev'],
			['Synonym of big', 'large'],
			['Synonym of big', 'huge'],
			['A thousand', '1,000'],
			['Ten hundred', '1000'],
			['Capital of France', 'Paris'],
			['City of light', 'Paris.'],
			['Synonym of small', 'tiny'],
			['Synonym of fast', 'quick'],
			['Synonym of old', 'aged'],
			['Capital of Italy', 'Rome'],
			['Capital of Spain', 'Madrid'],
			['A hundred', '100'],
			['A dozen', '12']
		]);
		const sayTheSame = [
			['Kyiv (Kiev)', 'Kiev'],
			['1,000', '1000'],
			['Paris', 'Paris.']
		];
		for (let seed = 0; seed < 20; seed++) {
			const generated = generateQuestions(cards, seed);
			for (const q of all(generated)) {
				const sides =
					q.type === 'multiple-choice' ? q.options : q.type === 'matching' ? q.pairs.map(([, back]) => back) : [];
				for (const pair of sayTheSame) expect(pair.every((back) => sides.includes(back))).toBe(false);
				if (q.type === 'matching') expect(new Set(q.pairs.map(([front]) => front)).size).toBe(q.pairs.length);
			}
			// "Synonym of big → huge" is right whichever card says it: never a wrong option or a false statement.
			for (const card of cards.filter((c) => c.front === 'Synonym of big')) {
				const mc = ofType(generated.get(card.id), 'multiple-choice')!;
				expect(mc.options.filter((o) => ['large', 'huge'].includes(o))).toEqual([card.back]);
				const tf = ofType(generated.get(card.id), 'true-false')!;
				expect(tf.answer).toBe(['large', 'huge'].includes(shownBack(tf, card)));
			}
		}
	});

	it('leaves out a question that gives its answer away', () => {
		const cards = cardsOf([
			['Which is bigger, Jupiter or Mars?', 'Jupiter'],
			['Largest planet', 'Jupiter'],
			['Red planet', 'Mars'],
			['Ringed planet', 'Saturn'],
			['Closest planet to the Sun', 'Mercury']
		]);
		const generated = generateQuestions(cards, 'x');
		expect(generated.get('c1')!.map((q) => q.type)).toEqual(['true-false', 'matching']);
		// The speed of light's back is over twice as long as any other number: length alone would give it away.
		expect(ofType(realistic.get('c19'), 'multiple-choice')).toBeUndefined();
		expect(asBank(cards, generated).warnings).toEqual([]);
	});

	it('asks no typed question of a sentence, a back over 120 characters or a back with no variant', () => {
		const cards = cardsOf([
			['Desert', 'It is the largest hot desert on Earth.'],
			['Oasis', 'A fertile spot in a desert.'],
			['Dune', 'A hill of sand.'],
			['Camel', 'the ship of the desert']
		]);
		const generated = generateQuestions(cards, 'x');
		expect(ofType(generated.get('c1'), 'typed')).toBeUndefined();
		expect(ofType(generated.get('c2'), 'typed')).toBeUndefined();
		expect(ofType(generated.get('c4'), 'typed')).toMatchObject({
			answer: 'the ship of the desert',
			accept: ['ship of the desert']
		});
		for (const card of LONG_BACKS)
			expect(ofType(generateQuestions(LONG_BACKS, 'x').get(card.id), 'typed')).toBeUndefined();
		expect(ofType(realistic.get('c1'), 'typed')).toBeUndefined();
	});

	it('matches four fronts with their backs, the card’s own among them', () => {
		for (const card of REALISTIC) {
			const q = ofType(realistic.get(card.id), 'matching')!;
			expect(q.pairs).toHaveLength(4);
			expect(q.pairs).toContainEqual([card.front, card.back]);
			for (const [front, back] of q.pairs)
				expect(REALISTIC.some((c) => c.front === front && c.back === back)).toBe(true);
			expect(new Set(q.pairs.map(([, back]) => back)).size).toBe(4);
		}
		const three = cardsOf(CAPITALS.slice(0, 3));
		expect(ofType(generateQuestions(three, 'x').get('c1'), 'matching')!.pairs).toHaveLength(3);
	});

	it('puts the questions its author wrote first, and generates none of a type they cover', () => {
		const written: Question[] = [
			{
				id: 'capital',
				type: 'multiple-choice',
				prompt: 'Where does the French president live?',
				options: ['Paris', 'Lyon', 'Nice'],
				answer: 'Paris',
				explanation: 'At the Élysée.'
			},
			{
				id: 'auto-tf',
				type: 'typed',
				prompt: 'Capital of France?',
				answer: 'Paris',
				accept: ['Paname'],
				explanation: 'Paname is its nickname.'
			}
		];
		const cards = REALISTIC.map((c) => (c.id === 'c1' ? { ...c, questions: written } : c));
		const paris = generateQuestions(cards, 'class-7b').get('c1')!;
		expect(paris.slice(0, 2)).toEqual(written);
		// Its multiple choice and typed types are covered, and its typed question took the id auto-tf.
		expect(paris.slice(2).map((q) => q.id)).toEqual(['auto-match']);
		expect(asBank(cards, generateQuestions(cards, 'class-7b')).problems).toEqual([]);
	});

	it('is the same for the same seed, and draws other options and orders for another', () => {
		expect(generateQuestions(REALISTIC, 'class-7b')).toEqual(realistic);
		expect(generateQuestions(REALISTIC, 42)).toEqual(generateQuestions(REALISTIC, '42'));
		const other = generateQuestions(REALISTIC, 'class-7c');
		const options = (g: Map<string, Question[]>) => choices(g).map((q) => q.options.join('|'));
		expect(options(other)).not.toEqual(options(realistic));
		// Only what the seed draws changes: which cards get which type stays, so a deck's quiz index does too.
		const types = (g: Map<string, Question[]>) => [...g.values()].map((qs) => qs.map((q) => q.type));
		expect(types(other)).toEqual(types(realistic));
		const answers = (g: Map<string, Question[]>) => choices(g).map((q) => q.answer);
		expect(answers(other)).toEqual(answers(realistic));
	});

	it('puts the right option in every place across seeds', () => {
		const places = new Set<number>();
		for (let seed = 0; seed < 40; seed++) {
			const q = ofType(generateQuestions(REALISTIC, seed).get('c1'), 'multiple-choice')!;
			places.add(q.options.indexOf('Paris'));
		}
		expect([...places].sort()).toEqual([0, 1, 2, 3]);
	});

	it('gives questions the quiz builder plays and the checker marks as they are', () => {
		const deck: Deck = {
			...MY_DECK,
			facts: REALISTIC.map((card) => ({
				id: card.id,
				statement: card.front,
				paragraphs: [1],
				countries: ['regional'],
				themes: ['history'],
				cards: [{ front: card.front, back: card.back }],
				questions: realistic.get(card.id)!.map((q) => ({ ...q, key: `${card.id}/${q.id}`, factId: card.id }))
			}))
		};
		const plan = buildQuiz(deck, {
			deckId: deck.id,
			count: 'all',
			countries: ['regional'],
			themes: ['history'],
			types: [...QUESTION_TYPES],
			order: 'shuffled',
			feedback: 'each',
			seed: 'class-7b'
		});
		expect(plan.questions).toHaveLength(all(realistic).length);
		for (const { question } of plan.questions) {
			const right =
				question.type === 'matching' ? question.pairs : question.type === 'ordering' ? question.items : question.answer;
			expect(checkAnswer(question, right).correct).toBe(true);
		}
		const typed = plan.questions.find((p) => p.question.key === 'c6/auto-typed')!.question;
		expect(checkAnswer(typed, 'Dog').correct).toBe(true);
		expect(checkAnswer(typed, 'the cat').correct).toBe(false);
	});

	describe('degenerate decks', () => {
		it('gives two cards a true/false question each and nothing else', () => {
			const cards = cardsOf(CAPITALS.slice(0, 2));
			const generated = generateQuestions(cards, 'x');
			for (const card of cards) expect(generated.get(card.id)!.map((q) => q.type)).toEqual(['true-false']);
			// One type a card is too few for a fact of the bank, but nothing generated is wrong.
			expect(asBank(cards, generated).problems.map((p) => p.message)).toEqual([
				'needs questions of at least two types, has 1 question(s) of 1 type(s)',
				'needs questions of at least two types, has 1 question(s) of 1 type(s)'
			]);
		});

		it('asks nothing of cards whose backs are all the same', () => {
			const cards = cardsOf([
				['Capital of France', 'Paris'],
				['City of light', 'paris'],
				['Home of the Louvre', 'Paris.'],
				['Where the Seine meets the Eiffel Tower', 'PARIS']
			]);
			expect([...generateQuestions(cards, 'x').values()]).toEqual([[], [], [], []]);
		});

		it('asks multiple choice and true/false of very long backs, but neither typed nor matching', () => {
			const generated = generateQuestions(LONG_BACKS, 'x');
			for (const card of LONG_BACKS)
				expect(generated.get(card.id)!.map((q) => q.type)).toEqual(['multiple-choice', 'true-false']);
			const { problems, warnings } = asBank(LONG_BACKS, generated);
			expect(problems).toEqual([]);
			expect(warnings).toEqual([]);
		});

		it('asks nothing of a card with an empty side, nor uses its back for others', () => {
			const cards = [
				...REALISTIC.slice(0, 3),
				{ id: 'blank', front: '  ', back: 'Lyon' },
				{ id: 'no-back', front: 'Capital of Peru', back: '' }
			];
			const generated = generateQuestions(cards, 'x');
			expect(generated.get('blank')).toEqual([]);
			expect(generated.get('no-back')).toEqual([]);
			expect(all(generated).some((q) => JSON.stringify(q).includes('Lyon') || JSON.stringify(q).includes('Peru'))).toBe(
				false
			);
		});

		it('asks nothing of a card whose front is an image or a sound, nor uses its sides for others', () => {
			const own: Question = {
				id: 'which',
				type: 'true-false',
				prompt: 'This is the flag of Japan.',
				answer: false,
				explanation: 'It is the flag of France.'
			};
			const cards: SourceCard[] = [
				...cardsOf(CAPITALS),
				// As an Anki package's cards are stored: the text of the front, with its media named beside it.
				{ id: 'flag-only', front: '', back: 'Lyon', media: { front: ['lyon.png'] } },
				{ id: 'flag-asked', front: 'Which city?', back: 'Nice', media: { front: ['nice.png'] } },
				{ id: 'sound', front: 'Listen', back: 'Lille', media: { front: ['lille.mp3'] }, questions: [own] }
			];
			const generated = generateQuestions(cards, 'x');
			expect(generated.get('flag-only')).toEqual([]);
			expect(generated.get('flag-asked')).toEqual([]);
			expect(generated.get('sound')).toEqual([own]);
			const asked = all(generated).filter((q) => q !== own);
			expect(asked.length).toBeGreaterThan(0);
			for (const text of ['Lyon', 'Nice', 'Lille', 'Which city?', 'Listen'])
				expect(asked.some((q) => JSON.stringify(q).includes(text))).toBe(false);
			// No prompt, option, statement or pair side is empty.
			const texts = asked.flatMap((q) => [
				q.prompt,
				...(q.type === 'multiple-choice' ? q.options : []),
				...(q.type === 'matching' ? q.pairs.flat() : [])
			]);
			expect(texts.every((text) => text.trim() !== '' && !text.startsWith(' →'))).toBe(true);
		});

		it('gives an empty deck nothing and a single card nothing but its own questions', () => {
			expect(generateQuestions([], 'x')).toEqual(new Map());
			expect(generateQuestions(cardsOf(CAPITALS.slice(0, 1)), 'x')).toEqual(new Map([['c1', []]]));
		});
	});

	it('trims the sides and leaves the cards as they were', () => {
		const cards = cardsOf([['  Capital of France ', ' Paris\n'], ...CAPITALS.slice(1)]);
		const before = structuredClone(cards);
		const q = ofType(generateQuestions(cards, 'x').get('c1'), 'multiple-choice')!;
		expect(q).toMatchObject({ prompt: 'Capital of France', answer: 'Paris' });
		expect(cards).toEqual(before);
	});

	it('ends an explanation with the card’s own explanation', () => {
		const cards = REALISTIC.map((c) =>
			c.id === 'c3' ? { ...c, explanation: 'Chosen as a compromise between Sydney and Melbourne.' } : c
		);
		const canberra = generateQuestions(cards, 'x').get('c3')!;
		expect(ofType(canberra, 'multiple-choice')!.explanation).toBe(
			'Capital of Australia → Canberra. Chosen as a compromise between Sydney and Melbourne.'
		);
		expect(ofType(canberra, 'true-false')!.explanation).toMatch(
			/^(True|False): Capital of Australia → Canberra\. Chosen/
		);
	});

	it('refuses two cards with one id, naming them', () => {
		const cards = [...REALISTIC.slice(0, 3), { id: 'c2', front: 'Capital of Peru', back: 'Lima' }];
		expect(() => generateQuestions(cards, 'x')).toThrow(GenerateError);
		expect(() => generateQuestions(cards, 'x')).toThrow('card id "c2" is used twice: by card 2 and by card 4');
	});
});
