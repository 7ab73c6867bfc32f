/** Arranges a deck's facts as a study guide: by country, then by theme. */
import type { AnyDeckMeta, DeckOutline, FactOutline } from './schema';
import { COUNTRIES, THEMES, type Country, type Theme } from './vocabulary';

export const COUNTRY_NAMES: Record<Country, string> = {
	regional: 'Central Asia as a whole',
	kazakhstan: 'Kazakhstan',
	kyrgyzstan: 'Kyrgyzstan',
	tajikistan: 'Tajikistan',
	turkmenistan: 'Turkmenistan',
	uzbekistan: 'Uzbekistan'
};
export const THEME_NAMES: Record<Theme, string> = {
	security: 'Security',
	economy: 'Economy',
	diplomacy: 'Diplomacy',
	history: 'History',
	'militant-groups': 'Militant groups',
	refugees: 'Refugees',
	minorities: 'Minorities',
	infrastructure: 'Infrastructure'
};

export interface GuideSection {
	country: Country;
	themes: { theme: Theme; facts: FactOutline[] }[];
}

/**
 * Each fact appears once, under its first country and first theme tag (the
 * ones its author put first as the main ones); its other tags are shown beside it.
 * Within a group, facts keep the order of the source (lowest paragraph first).
 */
export function studyGuide(deck: DeckOutline): GuideSection[] {
	const order = ['regional', ...COUNTRIES.filter((c) => c !== 'regional')] as Country[];
	const sections: GuideSection[] = [];
	for (const country of order) {
		const ofCountry = deck.facts.filter((f) => f.countries[0] === country);
		if (ofCountry.length === 0) continue;
		const themes = THEMES.map((theme) => ({
			theme,
			facts: ofCountry
				.filter((f) => f.themes[0] === theme)
				.sort((a, b) => Math.min(...a.paragraphs) - Math.min(...b.paragraphs))
		})).filter((t) => t.facts.length > 0);
		sections.push({ country, themes });
	}
	return sections;
}

/** How many facts a country's section holds, for the guide's contents. */
export const factCount = (section: GuideSection) => section.themes.reduce((n, group) => n + group.facts.length, 0);

/** Paragraph numbers in order, a run of three or more as a range: [14, 1, 2, 3, 4, 6, 7] → "1–4, 6, 7, 14". */
export function paragraphList(numbers: readonly number[]): string {
	const sorted = [...new Set(numbers)].sort((a, b) => a - b);
	const parts: string[] = [];
	for (let start = 0; start < sorted.length;) {
		let end = start;
		while (end + 1 < sorted.length && sorted[end + 1] === sorted[end]! + 1) end++;
		if (end - start >= 2) parts.push(`${sorted[start]}–${sorted[end]}`);
		else parts.push(...sorted.slice(start, end + 1).map(String));
		start = end + 1;
	}
	return parts.join(', ');
}

/** Where a fact comes from, in one short line: one paragraph with its topic, several as a list of numbers. */
export function sourceLine(deck: AnyDeckMeta, paragraphs: readonly number[]): string {
	return paragraphs.length === 1
		? `¶${paragraphs[0]} ${paragraphTopic(deck, paragraphs[0]!)}`
		: `¶${paragraphList(paragraphs)}`;
}

export function paragraphTopic(deck: AnyDeckMeta, n: number): string {
	return deck.source?.paragraphs.find((p) => p.n === n)?.topic ?? '';
}
