// Checks on the real question bank: it loads, it covers the article, and it is in our own words.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { copiedRuns, parseFingerprint, textsOf } from '../../src/lib/content/fingerprint';
import { loadDecks } from '../../src/lib/content/load';
import { COUNTRIES, THEMES } from '../../src/lib/content/schema';
import { formatWarning } from '../../src/lib/content/validate';

const FINGERPRINT = 'questions/central-asia-taliban/source.fingerprint';
const { decks, problems, warnings } = loadDecks('questions');
const deck = decks.find((d) => d.id === 'central-asia-taliban');
// The facts studied and quizzed, and those about the source article that only the study guide shows: the bank is both.
const everyFact = [...deck!.facts, ...(deck!.aboutSource ?? []).map((fact) => ({ ...fact, questions: [] }))];

describe('the question bank', () => {
	it('loads with no problem', () => {
		expect(problems).toEqual([]);
		expect(deck).toBeDefined();
	});

	it('cites every paragraph of the article that states a fact', () => {
		const cited = new Set(everyFact.flatMap((f) => f.paragraphs));
		const numbered = deck!.source.paragraphs.map((p) => p.n);
		// The article has 20 numbered paragraphs; deck.yaml must list each of them once.
		expect(numbered).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
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
		expect([...types].sort()).toEqual(['map', 'matching', 'multiple-choice', 'ordering', 'true-false', 'typed']);
	});

	it('names each person, group and figure of the article somewhere in the bank', () => {
		const bank = everyFact.flatMap(textsOf).join(' ').toLowerCase();
		const mustAppear = [
			'29 December 2023',
			'Deobandi',
			'Emomali Rahmon',
			'Islamic Movement of Uzbekistan',
			'Islamic Jihad',
			'ISKP',
			'Hairatan',
			'Balkh',
			'Termez',
			'Peshawar',
			'Mirziyoyev',
			'Ahmed Khalid Eli',
			'472',
			'70',
			'Zhumangarin',
			'Astana',
			'987.9',
			'Masarykov',
			'111',
			'January 2024',
			'TAPI',
			'electricity',
			'Ashgabat',
			'Khamab',
			'Jawzjan',
			'Kuf Ab',
			'Khawan',
			'Maimay',
			'Nusay',
			'Shekay',
			'Badakhshan',
			'Masood',
			'National Resistance Front',
			'Ismaili',
			'Gorno',
			'Tehrik-e Taliban Tajikistan',
			'2015',
			'kafir',
			'Pakistan',
			'inflation',
			'Belt and Road',
			'Al-Azaim',
			'Voice of Khorasan',
			'Movaraunnaha',
			'Khurasan Wilayah News',
			'Tor Bairghuna',
			'Al-Millat',
			'Khurasan Ghag',
			'minorities',
			'Manohar Parrikar',
			'neutrality',
			'multi-vector'
		];
		expect(mustAppear.filter((term) => !bank.includes(term.toLowerCase()))).toEqual([]);
	});

	it('never reproduces a run of eight words from the article', () => {
		const source = parseFingerprint(readFileSync(FINGERPRINT, 'utf8'), FINGERPRINT);
		// One hash per distinct 8-word window of the article: a truncated fingerprint would let copies through.
		expect(source.size).toBe(1529);
		expect(copiedRuns(everyFact, source).map((c) => `${c.factId}: "${c.run}"`)).toEqual([]);
	});

	it('has no lint warnings', () => {
		expect(warnings.map(formatWarning)).toEqual([]);
	});
});
