/**
 * What every import parser returns for the preview, and the limits all of them share. Parsers never
 * throw on bad input: each problem is returned with its line, and a card with a problem is left out.
 */
import type { Question } from '../../content/schema';
import type { DraftCard } from '../card';
import { htmlToPlainText } from './html-text';

/** One thing wrong with the input. `line` is 1-based; 0 means the input as a whole (empty, too many cards). */
export interface ImportProblem {
	line: number;
	message: string;
}

/** What a typed quiz question needs of a cloze card: its number and the text of each of its blanks (plain text). */
export interface ClozeBlank {
	number: number;
	answers: string[];
}

/**
 * A DraftCard as an import makes it. `html` says that front, back and explanation are HTML, already
 * cleaned by sanitizeCardHtml (show them through it again all the same); otherwise they are plain text.
 * `cloze` marks a card made from an Anki cloze deletion, so that a quiz can ask it typed. `factId`
 * ties a card of the app's own YAML format to the fact it belongs to. `id` and `questions` are a card of
 * a user deck file's, kept as exported.
 */
export interface ImportedCard extends DraftCard {
	html?: true;
	cloze?: ClozeBlank;
	factId?: string;
	id?: string;
	questions?: Question[];
}

export interface ImportResult<Detected> {
	cards: ImportedCard[];
	problems: ImportProblem[];
	/** The names of the input's columns, where it has any, for the preview's column choices. */
	columns?: string[];
	/** What the parser worked out or was told (separators, column roles…), for the preview to show and change. */
	detected: Detected;
}

/** Longest field accepted, in characters (64 K): far above any flashcard, far below what would slow the app. */
export const MAX_FIELD_CHARS = 65_536;
/** Most cards one import may bring; a larger file is refused whole, to be split. */
export const MAX_CARDS = 20_000;

const count = (n: number) => n.toLocaleString('en-US');

/** True, with the problem said, when `cardCount` is over MAX_CARDS. */
function isOverCardLimit(cardCount: number, problems: ImportProblem[]): boolean {
	if (cardCount <= MAX_CARDS) return false;
	problems.push({
		line: 0,
		message: `${count(cardCount)} cards is over the limit of ${count(MAX_CARDS)} cards per import: nothing is imported; split the file into smaller ones`
	});
	return true;
}

/** The problem of an input with nothing in it, or undefined. */
export function emptyInputProblem(text: string): ImportProblem | undefined {
	return text.trim() === '' ? { line: 0, message: 'there is nothing to import: the text is empty' } : undefined;
}

const SIDES = ['front', 'back', 'explanation'] as const;

/**
 * The cards that can be kept, with a problem for each one left out: an empty front or back, or a
 * field over MAX_FIELD_CHARS. Over MAX_CARDS cards, none is kept and one problem says why. The
 * parsers' last step: it also puts all the problems in line order, for the preview.
 */
export function keepAcceptableCards(cards: ImportedCard[], problems: ImportProblem[]): ImportedCard[] {
	const kept = isOverCardLimit(cards.length, problems) ? [] : cards.filter(isAcceptable(problems));
	problems.sort((a, b) => a.line - b.line);
	return kept;
}

const isAcceptable = (problems: ImportProblem[]) => (card: ImportedCard) => {
	const line = card.line ?? 0;
	for (const side of SIDES) {
		const length = card[side]?.length ?? 0;
		if (length > MAX_FIELD_CHARS) {
			problems.push({
				line,
				message: `the ${side} is ${count(length)} characters long, over the limit of ${count(MAX_FIELD_CHARS)} characters (64 K) per field: this card is left out`
			});
			return false;
		}
	}
	for (const side of ['front', 'back'] as const) {
		const text = card.html ? htmlToPlainText(card[side]) : card[side].trim();
		if (text === '') {
			const why = card.html ? ' (once the HTML that cannot be shown is removed)' : '';
			problems.push({ line, message: `the ${side} is empty${why}: this card is left out` });
			return false;
		}
	}
	return true;
};
