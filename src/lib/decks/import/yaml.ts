/**
 * The app's own deck format: a facts file as written for `questions/<deck>/` (questions/FORMAT.md),
 * checked fact by fact with the bank's schema. A valid fact gives its flashcards as cards (tagged
 * with its countries and themes, its statement as their explanation) and is returned whole, hand-written
 * questions included but for map questions (a user's deck has no map); a fact with a problem is left
 * out, the problem given with its line.
 *
 * A file that starts with `deck:` is the "user deck" variant (export-yaml.ts): one card per fact, free
 * tags, an optional statement, and the deck's id, title and description, all returned as they were
 * exported, each card with its id, so the deck comes back as it was. Its cards' questions are held to
 * the rules a user's deck keeps (validateUserDeck's), so that what the preview accepts can be written;
 * `npm run validate -- <file>` reports these same problems (deck-file-check.ts).
 */
import * as v from 'valibot';
import { LineCounter, parseDocument, type Document } from 'yaml';
// Relative, not $lib: `npm run validate` runs this under tsx, which knows no SvelteKit alias in a fresh clone.
import { FactSchema, type FactInput } from '../../content/schema';
import { userQuestionProblems } from '../../content/validate';
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

/** A user deck file's `deck:`. */
export interface YamlDeckMeta {
	/** The deck's id when it was exported; absent from a file written by hand. */
	id?: string;
	title: string;
	description: string;
}

export interface YamlImportResult extends ImportResult<YamlDetected> {
	/** The valid facts, each card of which is in `cards` with its `factId`. */
	facts: FactInput[];
	/** Set for the user deck variant. */
	deck?: YamlDeckMeta;
}

const text = FactSchema.entries.statement;

const UserDeckMetaSchema = v.strictObject(
	{
		id: v.optional(
			v.pipe(
				v.string(),
				v.regex(/^u-[a-z0-9]+(-[a-z0-9]+)*$/, 'must be "u-" followed by lower-case letters, digits and hyphens')
			)
		),
		title: text,
		description: v.optional(v.string(), '')
	},
	(issue) => (issue.expected === 'Object' ? 'must hold the title and description' : 'is missing')
);

/** The message of an object's own issue: not an object, a key missing, or a key it does not hold. */
const objectMessage =
	(holds: string) =>
	(issue: v.BaseIssue<unknown>): string =>
		issue.expected === 'Object'
			? `must be ${holds}`
			: issue.expected === 'never'
				? `is not a key of ${holds}`
				: 'is missing';

/** A fact of the user deck variant: a card of a user's deck, its id the card's. */
const UserDeckFactSchema = v.strictObject(
	{
		id: FactSchema.entries.id,
		statement: v.optional(text),
		tags: v.optional(v.array(text), []),
		cards: v.pipe(
			v.array(v.strictObject({ front: text, back: text }, objectMessage('a card of a "front" and a "back"'))),
			v.length(1, "must hold exactly one card (a user's deck has one card per fact)")
		),
		questions: FactSchema.entries.questions
	},
	objectMessage('a card: "id", "cards", and optionally "statement", "tags" and "questions"')
);

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
	if (typeof data === 'object' && data !== null && 'deck' in data)
		return parseUserDeck(data as Record<string, unknown>, doc, lineCounter, problems, result);
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
		// A user's deck has no places to show a map question on: the fact comes without it, and says so.
		fact.questions.forEach((q, questionIndex) => {
			if (q.type === 'map')
				problems.push({
					line: lineOf(doc, lineCounter, ['facts', index, 'questions', questionIndex]),
					message: `${named}: question "${q.id}": a map question needs a bundled deck's places; the fact comes without it`
				});
		});
		const kept = { ...fact, questions: fact.questions.filter((q) => q.type !== 'map') };
		const broken = userQuestionProblems(kept.questions);
		if (broken.length > 0) {
			const line = lineOf(doc, lineCounter, ['facts', index, 'questions']);
			for (const problem of broken) problems.push({ line, message: `${named}: ${problem}; this fact is left out` });
			return;
		}
		facts.push(kept);
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

/** The user deck variant: `deck:` and `facts:`, one card per fact, each card keeping its fact's id. */
function parseUserDeck(
	data: Record<string, unknown>,
	doc: Document,
	lineCounter: LineCounter,
	problems: ImportProblem[],
	result: (cards: ImportedCard[], facts: FactInput[], factCount: number) => YamlImportResult
): YamlImportResult {
	const meta = v.safeParse(UserDeckMetaSchema, data.deck);
	if (!meta.success) {
		for (const issue of meta.issues)
			problems.push({
				line: lineOf(doc, lineCounter, ['deck', ...pathOf(issue)]),
				message: `deck: ${v.getDotPath(issue) ?? ''}${v.getDotPath(issue) ? ': ' : ''}${issue.message}; nothing is imported`
			});
		return result([], [], 0);
	}
	for (const key of Object.keys(data)) {
		if (key !== 'deck' && key !== 'facts')
			problems.push({
				line: lineOf(doc, lineCounter, [key]),
				message: `unknown top-level key "${key}" (a user deck file holds "deck:" and "facts:"): ignored`
			});
	}
	const list = Array.isArray(data.facts) ? (data.facts as unknown[]) : [];
	if (!Array.isArray(data.facts))
		problems.push({ line: lineOf(doc, lineCounter, ['facts']), message: 'the deck has no "facts:" list of cards' });
	const cards: ImportedCard[] = [];
	const seen = new Set<string>();
	list.forEach((raw, index) => {
		const parsed = v.safeParse(UserDeckFactSchema, raw);
		const where = (raw as { id?: unknown } | null)?.id;
		const named = typeof where === 'string' ? `card "${where}"` : `card ${index + 1}`;
		if (!parsed.success) {
			for (const issue of parsed.issues) {
				const path = v.getDotPath(issue);
				problems.push({
					line: lineOf(doc, lineCounter, ['facts', index, ...pathOf(issue)]),
					message: `${named}: ${path ? `${path}: ` : ''}${issue.message}; this card is left out`
				});
			}
			return;
		}
		const fact = parsed.output;
		if (seen.has(fact.id)) {
			problems.push({
				line: lineOf(doc, lineCounter, ['facts', index, 'id']),
				message: `${named}: the id "${fact.id}" is used by an earlier card; this card is left out`
			});
			return;
		}
		seen.add(fact.id);
		const broken = userQuestionProblems(fact.questions);
		if (broken.length > 0) {
			const line = lineOf(doc, lineCounter, ['facts', index, 'questions']);
			for (const problem of broken) problems.push({ line, message: `${named}: ${problem}; this card is left out` });
			return;
		}
		const card = fact.cards[0]!;
		cards.push({
			id: fact.id,
			front: card.front,
			back: card.back,
			tags: fact.tags,
			...(fact.statement ? { explanation: fact.statement } : {}),
			...(fact.questions.length > 0 ? { questions: fact.questions } : {}),
			line: lineOf(doc, lineCounter, ['facts', index, 'cards', 0])
		});
	});
	return { ...result(cards, [], list.length), deck: meta.output };
}
