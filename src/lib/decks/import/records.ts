/**
 * Delimited text (Anki's notes, CSV, TSV) read into records with the line each starts on. Papa Parse
 * does the reading: double-quoted fields holding separators and line breaks, "" for a quote inside
 * them, separators of any length, and lines starting with # skipped as comments where asked.
 */
import Papa from 'papaparse';
import type { ImportProblem } from './result';

export interface TextRecord {
	fields: string[];
	/** 1-based line of the record's first character. */
	line: number;
}

/** The 1-based line of a character offset; offsets must be asked in increasing order. */
export function lineTracker(text: string, firstLine = 1): (offset: number) => number {
	let line = firstLine;
	let scanned = 0;
	return (offset) => {
		for (let i = text.indexOf('\n', scanned); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
		scanned = Math.max(scanned, offset);
		return line;
	};
}

const SEPARATOR_NAMES: Record<string, string> = {
	'\t': 'tab',
	',': 'comma',
	';': 'semicolon',
	'|': 'pipe',
	':': 'colon',
	' ': 'space',
	'\n': 'new line'
};

/** How a separator is named in messages: its name when it has one, else the text in quotes. */
export function describeSeparator(separator: string): string {
	return SEPARATOR_NAMES[separator] ?? JSON.stringify(separator);
}

const QUOTE_PROBLEMS: Record<string, string> = {
	MissingQuotes:
		'a field opens with a double quote (") that is never closed, so the rest of the input was read as that one field',
	InvalidQuotes:
		'a quoted field has text after its closing double quote (inside a quoted field, write a double quote as "")'
};

/**
 * Papa Parse's guess (the delimiter giving the most even count of columns, above one) over the first
 * rows; comma when none does. Blank lines are left out of the guess, which they would spoil.
 */
function guessDelimiter(text: string): string {
	const { meta, errors } = Papa.parse(text.slice(0, 64 * 1024), { delimiter: '', skipEmptyLines: true, preview: 50 });
	return errors.some((error) => error.code === 'UndetectableDelimiter') ? ',' : meta.delimiter;
}

export interface RecordsOptions {
	/** Guessed among comma, tab, pipe and semicolon when absent. */
	delimiter?: string;
	/** Skip lines starting with #, as Anki does. */
	comments?: boolean;
	/** Line number of the text's first line, when the text is the tail of a file. */
	firstLine?: number;
}

/** Every record but blank lines and those with a quoting error, the delimiter used, and a problem for each quoting error. */
export function readRecords(
	text: string,
	{ delimiter, comments = false, firstLine = 1 }: RecordsOptions
): { records: TextRecord[]; delimiter: string; problems: ImportProblem[] } {
	const records: TextRecord[] = [];
	const problems: ImportProblem[] = [];
	const lineAt = lineTracker(text, firstLine);
	const usedDelimiter = delimiter ?? guessDelimiter(text);
	let rowStart = 0;
	Papa.parse<string[]>(text, {
		delimiter: usedDelimiter,
		comments: comments ? '#' : false,
		skipEmptyLines: false,
		step: ({ data, errors, meta }) => {
			let start = rowStart;
			// Papa Parse skips comment lines before a row without reporting them.
			while (comments && text.startsWith('#', start)) {
				const next = text.indexOf('\n', start);
				start = next === -1 ? text.length : next + 1;
			}
			rowStart = meta.cursor;
			const line = lineAt(start);
			const quoting = errors.map((error) => QUOTE_PROBLEMS[error.code]).filter((message) => message !== undefined);
			for (const message of quoting) problems.push({ line, message: `${message}: this line is left out` });
			if (quoting.length > 0 || (data.length === 1 && data[0]?.trim() === '')) return;
			records.push({ fields: data, line });
		}
	});
	return { records, delimiter: usedDelimiter, problems };
}
