/** Reads deck folders from disk (Node only: the build, the CLI and the tests). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import {
	formatProblem,
	formatWarning,
	validateDeck,
	type DeckFile,
	type DeckProblem,
	type DeckWarning
} from './validate';
import type { BundledDeck } from './schema';
import { messageOf } from '../message-of';
import { projectPoint } from './map/projection';

function readYaml(path: string, shownAs: string): DeckFile {
	try {
		return { path: shownAs, data: parse(readFileSync(path, 'utf8')) };
	} catch (error) {
		return { path: shownAs, data: undefined, parseError: messageOf(error).split('\n')[0] };
	}
}

/**
 * Every deck under `root` (one folder each), or every problem found in any of them; and the lint warnings
 * of all. A `root` that holds deck.yaml is one deck's folder: that deck alone.
 */
export function loadDecks(root: string): {
	decks: BundledDeck[];
	problems: DeckProblem[];
	warnings: DeckWarning[];
	files: string[];
} {
	const decks: BundledDeck[] = [];
	const problems: DeckProblem[] = [];
	const warnings: DeckWarning[] = [];
	const files: string[] = [];
	const oneDeck = existsSync(join(root, 'deck.yaml'));
	const parent = oneDeck ? dirname(resolve(root)) : root;
	const folders = oneDeck
		? [basename(resolve(root))]
		: readdirSync(root)
				.filter((name) => statSync(join(root, name)).isDirectory())
				.sort();
	for (const folder of folders) {
		const dir = join(parent, folder);
		const shown = (name: string) => relative(process.cwd(), join(dir, name)) || name;
		const yamlNames = readdirSync(dir)
			.filter((name) => name.endsWith('.yaml'))
			.sort();
		files.push(...yamlNames.map((name) => join(dir, name)));
		if (!yamlNames.includes('deck.yaml')) {
			problems.push({ file: shown(''), message: 'has no deck.yaml' });
			continue;
		}
		const meta = readYaml(join(dir, 'deck.yaml'), shown('deck.yaml'));
		const factFiles = yamlNames.filter((n) => n !== 'deck.yaml').map((n) => readYaml(join(dir, n), shown(n)));
		const result = validateDeck(meta, factFiles, projectPoint);
		problems.push(...result.problems);
		warnings.push(...result.warnings);
		if (result.deck) {
			if (result.deck.id === 'all')
				problems.push({
					file: shown('deck.yaml'),
					message: 'the deck id "all" is reserved for studying every deck together'
				});
			else if (result.deck.id !== folder)
				problems.push({
					file: shown('deck.yaml'),
					message: `deck id "${result.deck.id}" differs from its folder "${folder}"`
				});
			else decks.push(result.deck);
		}
	}
	if (folders.length === 0) problems.push({ file: root, message: 'holds no deck folder' });
	return { decks, problems, warnings, files };
}

export function describeProblems(problems: DeckProblem[]): string {
	return `${problems.length} problem(s) in the question bank:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`;
}

export function describeWarnings(warnings: DeckWarning[]): string {
	return `${warnings.length} lint warning(s) in the question bank (silence one on purpose with allow: [rule] on its question):\n${warnings.map((w) => `  ${formatWarning(w)}`).join('\n')}`;
}
