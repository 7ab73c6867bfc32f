/**
 * Makes the question bank importable as typed data, validated at build time:
 * `virtual:decks` holds the deck ids and loaders (tiny, for every page);
 * `virtual:deck-summaries` the titles and counts (for the pages that list decks,
 * so a study session does not load them); `virtual:deck/<id>` one whole deck,
 * `virtual:deck-outline/<id>` the same deck without its questions, `virtual:deck-facts/<id>`
 * its fact ids in source order (for the home page's counts), and `virtual:deck-quiz-index/<id>`
 * its facts' tags and question types (for the quiz builder's counts), each in its own chunk.
 * `virtual:region-map` holds the map of Central Asia that map questions draw, made here from Natural
 * Earth's shapes (map/region-map.ts) and loaded only by a screen that shows a map; `virtual:deck-places`
 * each deck's places with their positions, for a card's locator map (a fact's `places` are ids only, so the
 * study outline stays small).
 * Any problem in the bank stops the build with file, fact id and reason.
 */
import type { Plugin } from 'vite';
import { describeProblems, loadDecks } from './load';
import { quizIndex, summarise } from './summary';
import { buildRegionMap } from './map/region-map';

const INDEX = 'virtual:decks';
const SUMMARIES = 'virtual:deck-summaries';
const DECK = 'virtual:deck/';
const OUTLINE = 'virtual:deck-outline/';
const FACT_IDS = 'virtual:deck-facts/';
const QUIZ_INDEX = 'virtual:deck-quiz-index/';
const PER_DECK = [DECK, OUTLINE, FACT_IDS, QUIZ_INDEX];
const REGION_MAP = 'virtual:region-map';
const PLACES = 'virtual:deck-places';

export function questionBank(root: string): Plugin {
	const read = () => {
		const result = loadDecks(root);
		if (result.problems.length > 0) throw new Error(describeProblems(result.problems));
		return result;
	};
	return {
		name: 'question-bank',
		resolveId(id) {
			if (id === REGION_MAP || id === PLACES) return '\0' + id;
			if (id === INDEX || id === SUMMARIES || PER_DECK.some((prefix) => id.startsWith(prefix))) return '\0' + id;
		},
		load(id) {
			const name = id.slice(1);
			if (id === '\0' + REGION_MAP)
				return `export default JSON.parse(${JSON.stringify(JSON.stringify(buildRegionMap()))});`;
			const prefix = PER_DECK.find((p) => name.startsWith(p));
			if (!id.startsWith('\0') || (name !== INDEX && name !== SUMMARIES && name !== PLACES && !prefix)) return;
			const { decks, files } = read();
			for (const file of files) this.addWatchFile(file);
			if (name === PLACES)
				return `export default JSON.parse(${JSON.stringify(JSON.stringify(Object.fromEntries(decks.map((d) => [d.id, d.places ?? []]))))});`;
			if (name === SUMMARIES) return `export const summaries = ${JSON.stringify(decks.map(summarise))};`;
			if (name === INDEX) {
				const loaders = (base: string) =>
					decks
						.map((d) => `${JSON.stringify(d.id)}: () => import(${JSON.stringify(base + d.id)}).then((m) => m.default)`)
						.join(',\n');
				return [
					`export const ids = ${JSON.stringify(decks.map((d) => d.id))};`,
					`export const loaders = {\n${loaders(DECK)}\n};`,
					`export const outlineLoaders = {\n${loaders(OUTLINE)}\n};`,
					`export const factIdLoaders = {\n${loaders(FACT_IDS)}\n};`,
					`export const quizIndexLoaders = {\n${loaders(QUIZ_INDEX)}\n};`
				].join('\n');
			}
			const deckId = name.slice(prefix!.length);
			const deck = decks.find((d) => d.id === deckId);
			if (!deck) this.error(`no deck "${deckId}" in ${root}`);
			// The outline is what a study session loads: the facts about the source, for the guide alone, stay in the whole deck.
			const { aboutSource: _forTheGuide, ...studied } = deck;
			const data =
				prefix === OUTLINE
					? // Places serve map questions only, which the outline's readers never show.
						{ ...studied, places: undefined, facts: deck.facts.map(({ questions: _q, ...fact }) => fact) }
					: prefix === FACT_IDS
						? deck.facts.map((f) => f.id)
						: prefix === QUIZ_INDEX
							? quizIndex(deck)
							: deck;
			// A string for JSON.parse rather than an object literal: engines parse JSON faster than
			// JavaScript, which shortens the task that loads a whole deck on the phone.
			return `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`;
		}
	};
}
