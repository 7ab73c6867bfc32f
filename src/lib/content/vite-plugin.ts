/**
 * Makes the question bank importable as typed data, validated at build time:
 * `virtual:decks` holds the summaries (small, for the home page) and a loader
 * per deck; `virtual:deck/<id>` holds one whole deck, in its own chunk.
 * Any problem in the bank stops the build with file, fact id and reason.
 */
import type { Plugin } from 'vite';
import { describeProblems, loadDecks } from './load';
import { summarise } from './summary';

const INDEX = 'virtual:decks';
const DECK = 'virtual:deck/';

export function questionBank(root: string): Plugin {
	const read = () => {
		const result = loadDecks(root);
		if (result.problems.length > 0) throw new Error(describeProblems(result.problems));
		return result;
	};
	return {
		name: 'question-bank',
		resolveId(id) {
			if (id === INDEX || id.startsWith(DECK)) return '\0' + id;
		},
		load(id) {
			const name = id.slice(1);
			if (!id.startsWith('\0') || (name !== INDEX && !name.startsWith(DECK))) return;
			const { decks, files } = read();
			for (const file of files) this.addWatchFile(file);
			if (name === INDEX) {
				const loaders = decks
					.map((d) => `${JSON.stringify(d.id)}: () => import(${JSON.stringify(DECK + d.id)}).then((m) => m.default)`)
					.join(',\n');
				return `export const summaries = ${JSON.stringify(decks.map(summarise))};\nexport const loaders = {\n${loaders}\n};`;
			}
			const deck = decks.find((d) => d.id === name.slice(DECK.length));
			if (!deck) this.error(`no deck "${name.slice(DECK.length)}" in ${root}`);
			return `export default ${JSON.stringify(deck)};`;
		}
	};
}
