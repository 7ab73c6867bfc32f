/**
 * One deck file (a deck exported with "Export as YAML", or a facts file of the bank) checked as the
 * app's Import reads it: the same decoding of its bytes (decodeImportFile) and the same parser and
 * rules (parseYamlDeck), so a file this passes is one the Import takes whole. What `npm run validate --
 * <file>` prints. Imports are relative, not $lib: the command runs under tsx, which knows no SvelteKit alias.
 */
import { decodeImportFile } from './import/text';
import type { ImportProblem } from './import/result';
import { parseYamlDeck } from './import/yaml';

export interface DeckFileReport {
	/** Each problem as `file:line › message` (`file › message` for the file as a whole); empty when valid. */
	problems: string[];
	/** What the file holds, said once it is valid. */
	summary: string;
}

const located = (file: string, { line, message }: ImportProblem) =>
	line > 0 ? `${file}:${line} › ${message}` : `${file} › ${message}`;

const plural = (n: number, one: string) => `${n.toLocaleString('en-US')} ${one}${n === 1 ? '' : 's'}`;

/** `file` is the path shown in the messages; `bytes` the file's content exactly as it is on disk. */
export function checkDeckFile(file: string, bytes: Uint8Array): DeckFileReport {
	const decoded = decodeImportFile(bytes);
	if ('problem' in decoded) return { problems: [located(file, decoded.problem)], summary: '' };
	const result = parseYamlDeck(decoded.text);
	const questions = result.deck
		? result.cards.reduce((n, card) => n + (card.questions?.length ?? 0), 0)
		: result.facts.reduce((n, fact) => n + fact.questions.length, 0);
	const cards = `${plural(result.cards.length, 'card')}, ${plural(questions, 'question')} of their own`;
	return {
		problems: result.problems.map((problem) => located(file, problem)),
		summary: result.deck
			? `${file}: the deck "${result.deck.title}", ${cards} — valid: the app's Import reads it whole`
			: `${file}: a facts file, ${cards} — valid as the app's Import reads it (validate its deck folder for the bank's rules)`
	};
}
