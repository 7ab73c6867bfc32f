// Checks on the real question bank: it loads, it covers the article, and it is in our own words.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDecks } from '../../src/lib/content/load';
import { COUNTRIES, THEMES, type Fact } from '../../src/lib/content/schema';

const SOURCE = '../shared/seeds/central-asia-taliban-engagement.numbered.txt';
const { decks, problems } = loadDecks('questions');
const deck = decks.find((d) => d.id === 'central-asia-taliban');

function textsOf(fact: Fact): string[] {
	return [
		fact.statement,
		...fact.cards.flatMap((c) => [c.front, c.back]),
		...fact.questions.flatMap((q) => {
			const own = [q.prompt, q.explanation];
			switch (q.type) {
				case 'multiple-choice':
					return [...own, ...q.options];
				case 'typed':
					return [...own, q.answer, ...q.accept];
				case 'matching':
					return [...own, ...q.pairs.flat()];
				case 'ordering':
					return [...own, ...q.items];
				case 'true-false':
					return own;
			}
		})
	];
}

// Proper names may be repeated as the article gives them: a list of names is not a sentence.
const ISKP_OUTLETS = [
	'Al-Azaim', 'Voice of Khorasan', 'Movaraunnaha', 'Khurasan Wilayah News', 'Tor Bairghuna',
	'Al-Millat Media', 'Khurasan Ghag Radio'
];

const words = (text: string) =>
	ISKP_OUTLETS.reduce((t, name) => t.split(name).join(' '), text)
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.split(/[^a-z0-9$%]+/)
		.filter(Boolean);

describe('the question bank', () => {
	it('loads with no problem', () => {
		expect(problems).toEqual([]);
		expect(deck).toBeDefined();
	});

	it('cites every paragraph of the article that states a fact', () => {
		const cited = new Set(deck!.facts.flatMap((f) => f.paragraphs));
		const numbered = readFileSync(SOURCE, 'utf8').match(/^\[(\d+)\]/gm)!.map((m) => Number(m.slice(1, -1)));
		expect(numbered).toHaveLength(20);
		expect(numbered.filter((n) => !cited.has(n))).toEqual([]);
	});

	it('tags facts with every country and every theme', () => {
		const countries = new Set(deck!.facts.flatMap((f) => f.countries));
		const themes = new Set(deck!.facts.flatMap((f) => f.themes));
		expect([...COUNTRIES].filter((c) => !countries.has(c))).toEqual([]);
		expect([...THEMES].filter((t) => !themes.has(t))).toEqual([]);
	});

	it('uses every question type', () => {
		const types = new Set(deck!.facts.flatMap((f) => f.questions.map((q) => q.type)));
		expect([...types].sort()).toEqual(['matching', 'multiple-choice', 'ordering', 'true-false', 'typed']);
	});

	it('names each person, group and figure of the article somewhere in the bank', () => {
		const bank = deck!.facts.flatMap(textsOf).join(' ').toLowerCase();
		const mustAppear = [
			'29 December 2023', 'Deobandi', 'Emomali Rahmon', 'Islamic Movement of Uzbekistan', 'Islamic Jihad',
			'ISKP', 'Hairatan', 'Balkh', 'Termez', 'Peshawar', 'Mirziyoyev', 'Ahmed Khalid Eli', '472', '70',
			'Zhumangarin', 'Astana', '987.9', 'Masarykov', '111', 'January 2024', 'TAPI', 'electricity',
			'Ashgabat', 'Khamab', 'Jawzjan', 'Kuf Ab', 'Khawan', 'Maimay', 'Nusay', 'Shekay', 'Badakhshan',
			'Masood', 'National Resistance Front', 'Ismaili', 'Gorno', 'Tehrik-e Taliban Tajikistan', '2015',
			'kafir', 'Pakistan', 'inflation', 'Belt and Road', 'Al-Azaim', 'Voice of Khorasan', 'Movaraunnaha',
			'Khurasan Wilayah News', 'Tor Bairghuna', 'Al-Millat', 'Khurasan Ghag', 'minorities',
			'Manohar Parrikar', 'neutrality', 'multi-vector'
		];
		expect(mustAppear.filter((term) => !bank.includes(term.toLowerCase()))).toEqual([]);
	});

	it("never reproduces a run of eight words from the article", () => {
		const source = words(readFileSync(SOURCE, 'utf8'));
		const shingles = new Set<string>();
		for (let i = 0; i + 8 <= source.length; i++) shingles.add(source.slice(i, i + 8).join(' '));
		const copied: string[] = [];
		for (const fact of deck!.facts) {
			for (const text of textsOf(fact)) {
				const w = words(text);
				for (let i = 0; i + 8 <= w.length; i++) {
					const run = w.slice(i, i + 8).join(' ');
					if (shingles.has(run)) copied.push(`${fact.id}: "${run}"`);
				}
			}
		}
		expect(copied).toEqual([]);
	});
});
