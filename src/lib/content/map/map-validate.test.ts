import { describe, expect, it } from 'vitest';
import { formatProblem, validateDeck } from '../validate';
import { locatorPlaces } from './places';
import { projectPoint } from './projection';

const META = 'questions/demo/deck.yaml';
const FACTS = 'questions/demo/50-maps.yaml';

const PLACES = [
	{ id: 'kabul', name: 'Kabul', lat: 34.53, lon: 69.17, paragraphs: [1] },
	{ id: 'ashgabat', name: 'Ashgabat', lat: 37.95, lon: 58.38, paragraphs: [1] },
	{ id: 'bishkek', name: 'Bishkek', lat: 42.87, lon: 74.59, paragraphs: [1] },
	{ id: 'mazar-i-sharif', name: 'Mazar-i-Sharif', lat: 36.71, lon: 67.11, paragraphs: [1] },
	{ id: 'termez-hairatan', name: 'Termez–Hairatan crossing', lat: 37.23, lon: 67.38, paragraphs: [1] }
];

function meta(places: unknown[] = PLACES) {
	return {
		id: 'demo',
		title: 'Demo',
		description: 'A deck for tests.',
		source: {
			title: 'An article',
			publisher: 'An institute',
			publisherShort: 'AI',
			keywords: ['one'],
			paragraphs: [{ n: 1, topic: 'First' }]
		},
		places
	};
}

function factWith(map: Record<string, unknown>) {
	return {
		id: 'on-the-map',
		statement: 'Kabul is the capital of Afghanistan.',
		paragraphs: [1],
		countries: ['regional'],
		themes: ['diplomacy'],
		cards: [{ front: 'Capital of Afghanistan?', back: 'Kabul.' }],
		questions: [
			{ id: 'map', type: 'map', prompt: 'Tap the place where the Taliban govern from.', explanation: 'Kabul.', ...map },
			{ id: 'tf', type: 'true-false', prompt: 'Kabul is in Iran.', answer: false, explanation: 'It is in Afghanistan.' }
		]
	};
}

const validate = (map: Record<string, unknown>, places?: unknown[]) =>
	validateDeck({ path: META, data: meta(places) }, [{ path: FACTS, data: { facts: [factWith(map)] } }], projectPoint);
const problems = (map: Record<string, unknown>, places?: unknown[]) =>
	validate(map, places).problems.map(formatProblem);

const KABUL = { tap: 'place', choices: ['kabul', 'ashgabat', 'bishkek'], answer: 'kabul' };

describe('map questions in the bank', () => {
	it('accepts a place question and a country question, and gives each its choices by name and position', () => {
		const deck = validate(KABUL).deck!;
		const q = deck.facts[0]!.questions[0]!;
		expect(q.choicesOnMap!.map((c) => c.name)).toEqual(['Kabul', 'Ashgabat', 'Bishkek']);
		expect(q.choicesOnMap![0]!.at).toEqual(projectPoint(69.17, 34.53));
		expect(deck.places!.map((p) => p.id)).toContain('kabul');
		const country = validate({ tap: 'country', answer: 'kyrgyzstan' }).deck!.facts[0]!.questions[0]!;
		expect(country.choicesOnMap!.map((c) => c.name)).toEqual([
			'Turkmenistan',
			'Uzbekistan',
			'Afghanistan',
			'Kazakhstan',
			'Tajikistan',
			'Kyrgyzstan'
		]);
	});

	it('names an unknown place or country', () => {
		expect(problems({ ...KABUL, choices: ['kabul', 'ashgabat', 'herat'] })).toEqual([
			`${FACTS} › on-the-map › question "map": unknown place "herat" (not among the places of deck.yaml)`
		]);
		expect(problems({ tap: 'country', answer: 'iran' })).toEqual([
			`${FACTS} › on-the-map › question "map": unknown country "iran"`,
			`${FACTS} › on-the-map › question "map": the answer "iran" is not among the countries it shows`
		]);
	});

	it('refuses an answer that the map does not show', () => {
		expect(problems({ ...KABUL, answer: 'mazar-i-sharif' })).toEqual([
			`${FACTS} › on-the-map › question "map": the answer "mazar-i-sharif" is not among the places it shows`
		]);
	});

	it('refuses a place without coordinates', () => {
		const places = [...PLACES.slice(1), { id: 'kabul', name: 'Kabul', paragraphs: [1] }];
		expect(problems(KABUL, places)).toContain(`${META} › place "kabul" has no coordinates (needs lat and lon)`);
	});

	it('refuses two places a finger cannot tell apart on a 360 px screen', () => {
		const close = problems({
			tap: 'place',
			choices: ['mazar-i-sharif', 'termez-hairatan', 'ashgabat'],
			answer: 'mazar-i-sharif'
		});
		expect(close).toHaveLength(1);
		expect(close[0]).toMatch(
			/"mazar-i-sharif" and "termez-hairatan" are \d+ px apart on a 360 px screen, closer than a finger can tell apart \(44 px\)/
		);
	});
});

describe("a fact's places, on its cards' locator map", () => {
	const located = PLACES.map((p) => ({ ...p, country: p.id === 'termez-hairatan' ? 'Uzbek–Afghan border' : 'X' }));
	const withPlaces = (places: unknown, deckPlaces: unknown[] = located) =>
		validateDeck(
			{ path: META, data: meta(deckPlaces) },
			[{ path: FACTS, data: { facts: [{ ...factWith(KABUL), places }] } }],
			projectPoint
		);

	it("keeps the ids, which the locator map resolves with the deck's places to names, countries and positions", () => {
		const deck = withPlaces(['kabul', 'termez-hairatan', 'afghanistan']).deck!;
		const fact = deck.facts[0]!;
		expect(fact.places).toEqual(['kabul', 'termez-hairatan', 'afghanistan']);
		expect(locatorPlaces(fact.places!, deck.places!)).toEqual([
			{ id: 'kabul', name: 'Kabul', country: 'X', at: projectPoint(69.17, 34.53) },
			{
				id: 'termez-hairatan',
				name: 'Termez–Hairatan crossing',
				country: 'Uzbek–Afghan border',
				at: projectPoint(67.38, 37.23)
			},
			{ id: 'afghanistan', name: 'Afghanistan' }
		]);
		expect(withPlaces(undefined).deck!.facts[0]!.places).toBeUndefined();
	});

	it('refuses an unknown place, with its file and fact', () => {
		const result = withPlaces(['kabul', 'herat']);
		expect(result.deck).toBeUndefined();
		expect(result.problems.map(formatProblem)).toEqual([
			`${FACTS} › on-the-map › places: unknown place "herat" (neither a country of the map nor among the places of deck.yaml)`
		]);
	});

	it('refuses a place listed twice, a place without its country, and an id that is not kebab-case', () => {
		expect(withPlaces(['kabul', 'kabul']).problems.map(formatProblem)).toEqual([
			`${FACTS} › on-the-map › places: "kabul" is listed twice`
		]);
		expect(withPlaces(['kabul'], PLACES).problems.map(formatProblem)).toEqual([
			`${FACTS} › on-the-map › places: place "kabul" has no country in deck.yaml, which the locator map names`
		]);
		expect(withPlaces(['Kabul']).problems.map(formatProblem)[0]).toMatch(/on-the-map › places\.0: must be kebab-case/);
	});

	it('refuses places on a fact about the source', () => {
		const about = { id: 'about', statement: 'The publisher.', paragraphs: [1], about: 'source', places: ['kabul'] };
		const result = validateDeck(
			{ path: META, data: meta(located) },
			[{ path: FACTS, data: { facts: [about] } }],
			projectPoint
		);
		expect(result.problems.map(formatProblem)).toContain(
			`${FACTS} › about › places: a fact about the source is never studied or quizzed, so it takes none`
		);
	});
});
