/**
 * The app's own deck format: a facts file as written for `questions/<deck>/` (questions/FORMAT.md),
 * checked fact by fact with the bank's schema. A valid fact gives its flashcards as cards (tagged
 * with its countries and themes, its statement as their explanation) and is returned whole, hand-written
 * questions included; a fact with a problem is left out, the problem given with its line.
 */
import * as v from 'valibot';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { FactSchema, type FactInput } from '$lib/content/schema';
import {
	emptyInputProblem,
	keepAcceptableCards,
	type ImportedCard,
	type ImportProblem,
	type ImportResult
} from './result';

export interface YamlDetected {
	/** How many facts the file lists, valid or not. */
	factCount: number;
}

export interface YamlImportResult extends ImportResult<YamlDetected> {
	/** The valid facts, each card of which is in `cards` with its `factId`. */
	facts: FactInput[];
}

type PathKey = string | number;

/** The 1-based line of the deepest node along `path` that exists. */
function lineOf(doc: Document, lineCounter: LineCounter, path: PathKey[]): number {
	for (let depth = path.length; depth >= 0; depth--) {
		const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
		if (node?.range) return lineCounter.linePos(node.range[0]).line;
	}
	return 1;
}

const pathOf = (issue: v.BaseIssue<unknown>): PathKey[] => (issue.path ?? []).map((item) => item.key as PathKey);

export function parseYamlDeck(text: string): YamlImportResult {
	const problems: ImportProblem[] = [];
	const result = (cards: ImportedCard[], facts: FactInput[], factCount: number): YamlImportResult => ({
		cards: keepAcceptableCards(cards, problems),
		problems,
		facts,
		detected: { factCount }
	});
	const empty = emptyInputProblem(text);
	if (empty) {
		problems.push(empty);
		return result([], [], 0);
	}
	const lineCounter = new LineCounter();
	const doc = parseDocument(text, { lineCounter, prettyErrors: false });
	if (doc.errors.length > 0) {
		for (const error of doc.errors)
			problems.push({ line: lineCounter.linePos(error.pos[0]).line, message: `not valid YAML: ${error.message}` });
		return result([], [], 0);
	}
	let data: unknown;
	try {
		data = doc.toJS({ maxAliasCount: 100 });
	} catch (error) {
		// toJS throws when aliases would expand past maxAliasCount, a guard against resource exhaustion.
		problems.push({ line: 1, message: `not valid YAML: ${(error as Error).message}` });
		return result([], [], 0);
	}
	if (typeof data !== 'object' || data === null || !Array.isArray((data as { facts?: unknown }).facts)) {
		const isDeckMeta = typeof data === 'object' && data !== null && 'source' in data;
		problems.push({
			line: 1,
			message: isDeckMeta
				? "this is a deck's deck.yaml (its title and source); import one of the deck's other files, which list its facts"
				: 'a deck file starts with "facts:" followed by a list of facts (see questions/FORMAT.md)'
		});
		return result([], [], 0);
	}
	for (const key of Object.keys(data)) {
		if (key !== 'facts')
			problems.push({
				line: lineOf(doc, lineCounter, [key]),
				message: `unknown top-level key "${key}" (a deck file holds only "facts:"): ignored`
			});
	}

	const list = (data as { facts: unknown[] }).facts;
	const facts: FactInput[] = [];
	const cards: ImportedCard[] = [];
	const seen = new Set<string>();
	list.forEach((raw, index) => {
		const parsed = v.safeParse(FactSchema, raw);
		const where = (raw as { id?: unknown } | null)?.id;
		const named = typeof where === 'string' ? `fact "${where}"` : `fact ${index + 1}`;
		if (!parsed.success) {
			for (const issue of parsed.issues) {
				const path = v.getDotPath(issue);
				problems.push({
					line: lineOf(doc, lineCounter, ['facts', index, ...pathOf(issue)]),
					message: `${named}: ${path ? `${path}: ` : ''}${issue.message}; this fact is left out`
				});
			}
			return;
		}
		const fact = parsed.output;
		if (seen.has(fact.id)) {
			problems.push({
				line: lineOf(doc, lineCounter, ['facts', index, 'id']),
				message: `${named}: the id "${fact.id}" is used by an earlier fact; this fact is left out`
			});
			return;
		}
		seen.add(fact.id);
		facts.push(fact);
		fact.cards.forEach((card, cardIndex) => {
			cards.push({
				front: card.front,
				back: card.back,
				tags: [...fact.countries, ...fact.themes],
				explanation: fact.statement,
				line: lineOf(doc, lineCounter, ['facts', index, 'cards', cardIndex]),
				factId: fact.id
			});
		});
	});
	return result(cards, facts, list.length);
}
