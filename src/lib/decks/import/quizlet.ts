/**
 * Quizlet's export: each row a term, a separator, a definition; rows end with a row separator. Quizlet
 * offers Tab or comma between term and definition and a new line or semicolon between rows, or any
 * text of the user's for either, and quotes nothing: so rows and sides are split on the separators as
 * they are, at the first term separator of a row (a definition more often holds a comma than a term).
 */
import { describeSeparator, lineTracker } from './records';
import {
	emptyInputProblem,
	keepAcceptableCards,
	type ImportedCard,
	type ImportProblem,
	type ImportResult
} from './result';

export interface QuizletSeparators {
	/** Between a term and its definition: "\t", "," or any text. */
	term: string;
	/** Between rows: "\n", ";" or any text; Windows line breaks in the text count as "\n". */
	row: string;
}

export interface QuizletDetected extends QuizletSeparators {
	/** Why guessQuizletSeparators chose them, when it did. */
	reason?: string;
}

const unixLineBreaks = (text: string) => text.replace(/\r\n?/g, '\n');

interface Row {
	text: string;
	offset: number;
}

/** The rows that are not blank; `separator` must not be empty. */
function splitRows(text: string, separator: string): Row[] {
	const rows: Row[] = [];
	let offset = 0;
	while (offset <= text.length) {
		const end = text.indexOf(separator, offset);
		const stop = end === -1 ? text.length : end;
		const row = text.slice(offset, stop);
		// A row's line is that of its first character that is not blank (with ";" rows, after the line break).
		if (row.trim() !== '') rows.push({ text: row, offset: offset + row.length - row.trimStart().length });
		if (end === -1) break;
		offset = end + separator.length;
	}
	return rows;
}

const TERM_CANDIDATES = ['\t', ',', ' - '];
const ROW_CANDIDATES = ['\n', ';'];

/**
 * The pair of Quizlet's separators under which most rows hold a term and a definition; ties go to
 * Quizlet's defaults, Tab and new line.
 */
export function guessQuizletSeparators(input: string): QuizletDetected {
	const text = unixLineBreaks(input);
	let best = { term: '\t', row: '\n', split: -1, rows: 0 };
	for (const row of ROW_CANDIDATES) {
		const rows = splitRows(text, row);
		for (const term of TERM_CANDIDATES) {
			const split = rows.filter((r) => r.text.includes(term)).length;
			if (split > best.split) best = { term, row, split, rows: rows.length };
		}
	}
	const { term, row, split, rows } = best;
	const reason =
		split > 0
			? `${split} of ${rows} rows hold a ${describeSeparator(term)} between term and definition with rows split at each ${describeSeparator(row)}`
			: `no row holds a tab, a comma or " - ": Quizlet's defaults are assumed`;
	return { term, row, reason };
}

export function parseQuizlet(input: string, separators: QuizletSeparators): ImportResult<QuizletDetected> {
	const text = unixLineBreaks(input);
	const problems: ImportProblem[] = [];
	const empty = emptyInputProblem(text);
	if (empty) problems.push(empty);
	const detected: QuizletDetected = { term: separators.term, row: separators.row };
	if (separators.term === '' || separators.row === '') {
		problems.push({ line: 0, message: 'the term separator and the row separator must not be empty' });
		return { cards: [], problems, detected };
	}
	const lineAt = lineTracker(text);
	const rows = splitRows(text, separators.row);
	const term = describeSeparator(separators.term);
	const withSeparator = rows.filter((row) => row.text.includes(separators.term)).length;
	if (rows.length > 0 && withSeparator === 0) {
		const tried = guessQuizletSeparators(text);
		const better =
			tried.term !== separators.term || tried.row !== separators.row
				? `${tried.reason}: choose those`
				: `none of tab, comma or " - " separates them either`;
		problems.push({
			line: lineAt(rows[0]?.offset ?? 0),
			message: `no row holds the term separator ${term}, so every row is one column with no definition; ${better}`
		});
		return { cards: [], problems, detected };
	}

	const cards: ImportedCard[] = [];
	for (const row of rows) {
		const line = lineAt(row.offset);
		const at = row.text.indexOf(separators.term);
		if (at === -1) {
			problems.push({ line, message: `this row has no ${term} between term and definition: it is left out` });
			continue;
		}
		cards.push({
			front: row.text.slice(0, at).trim(),
			back: row.text.slice(at + separators.term.length).trim(),
			tags: [],
			line
		});
	}
	return { cards: keepAcceptableCards(cards, problems), problems, detected };
}
