/**
 * Anki's "Notes in Plain Text" export, read as Anki's own importer reads it
 * (rslib/src/import_export/text/csv/metadata.rs and import.rs):
 * - a first line `tags:…` (older exports), then header lines `#key:value` until the first line not
 *   starting with #; lines starting with # further down are comments;
 * - `#separator:` names one of tab, pipe, semicolon, colon, comma, space, or is that character; without
 *   it the separator is the first of those, in that order, found in the first 8 KB of the notes;
 * - `#html:true|false`; without it the notes are HTML when any field looks like HTML;
 * - `#tags:` for every note; `#guid column:`, `#notetype column:`, `#deck column:`, `#tags column:`
 *   number those columns from 1; every other column is a note field, in order;
 * - with one note type for the whole file and no tags column, the column after the first two fields
 *   holds the tags (Anki maps Basic and Cloze, both of two fields, so);
 * - fields are double-quoted when they hold the separator, a line break or a quote (doubled).
 * Unlike Anki, an unknown header or value is reported, `#columns:` is read with the final separator
 * wherever it stands, and the separator guess skips cloze markup.
 */
import { sanitizeCardHtml } from '../sanitize';
import { expandCloze, hasCloze } from './cloze';
import { readRecords, type TextRecord } from './records';
import {
	emptyInputProblem,
	keepAcceptableCards,
	MAX_CARDS,
	type ImportedCard,
	type ImportProblem,
	type ImportResult
} from './result';

/** Anki's separators, in the order its importer looks for them when no header names one. */
export const ANKI_SEPARATORS = { tab: '\t', pipe: '|', semicolon: ';', colon: ':', comma: ',', space: ' ' } as const;
export type AnkiSeparator = keyof typeof ANKI_SEPARATORS;
const SEPARATOR_NAMES = Object.keys(ANKI_SEPARATORS) as AnkiSeparator[];

/** The header keys Anki reads; any other `#key:` line is reported and ignored. */
export const ANKI_HEADERS = [
	'separator',
	'html',
	'tags',
	'columns',
	'deck',
	'notetype',
	'notetype column',
	'deck column',
	'tags column',
	'guid column'
] as const;
type AnkiHeader = (typeof ANKI_HEADERS)[number];

/** The preview's choices, which win over the file's headers (as in Anki's import dialog). */
export interface AnkiOptions {
	separator?: AnkiSeparator;
	html?: boolean;
}

/** Where a setting came from: the preview's choice, a header of the file, or a guess from the notes. */
export type SettingSource = 'option' | 'header' | 'guess';

export interface AnkiDetected {
	separator: AnkiSeparator;
	separatorFrom: SettingSource;
	html: boolean;
	htmlFrom: SettingSource;
	/** `#tags:`, given to every note. */
	tags: string[];
	deck?: string;
	notetype?: string;
	/** Columns numbered from 1, as Anki numbers them. */
	guidColumn?: number;
	notetypeColumn?: number;
	deckColumn?: number;
	tagsColumn?: number;
	/** The note fields' columns: the first is the front (a cloze note's text), the second the back (a cloze note's Back Extra, made its explanation); any further one goes to the explanation. */
	fieldColumns: number[];
	/** Notes read as cloze notes. */
	clozeNotes: number;
}

interface Headers {
	separator?: AnkiSeparator;
	separatorLine?: number;
	html?: boolean;
	tags: string[];
	columns?: string;
	deck?: string;
	notetype?: string;
	notetypeColumn?: number;
	deckColumn?: number;
	tagsColumn?: number;
	guidColumn?: number;
}

const splitTags = (text: string) => text.split(/\s+/).filter((tag) => tag !== '');
const COLUMN_HEADERS = {
	'notetype column': 'notetypeColumn',
	'deck column': 'deckColumn',
	'tags column': 'tagsColumn',
	'guid column': 'guidColumn'
} as const;

function readHeader(key: AnkiHeader, value: string, line: number, headers: Headers, problems: ImportProblem[]): void {
	switch (key) {
		case 'separator': {
			const named = value.trim().toLowerCase();
			const separator = SEPARATOR_NAMES.find((name) => name === named || ANKI_SEPARATORS[name] === value);
			if (separator) {
				headers.separator = separator;
				headers.separatorLine = line;
			} else
				problems.push({
					line,
					message: `"#separator:${value}" is not a separator Anki knows (${SEPARATOR_NAMES.join(', ')}, or one of those characters): the separator is guessed instead`
				});
			return;
		}
		case 'html': {
			const flag = value.trim().toLowerCase();
			if (flag === 'true' || flag === 'false') headers.html = flag === 'true';
			else
				problems.push({
					line,
					message: `"#html:${value}" must be true or false: whether the notes are HTML is guessed instead`
				});
			return;
		}
		case 'tags':
			headers.tags = splitTags(value);
			return;
		case 'columns':
			headers.columns = value;
			return;
		case 'deck':
		case 'notetype':
			headers[key] = value.trim();
			return;
		default: {
			const column = Number(value.trim());
			if (Number.isInteger(column) && column > 0) headers[COLUMN_HEADERS[key]] = column;
			else problems.push({ line, message: `"#${key}:${value}" is not a column number (1, 2, 3…): ignored` });
		}
	}
}

/** The headers, and where the notes start (offset and line). */
function readHeaders(
	text: string,
	problems: ImportProblem[]
): { headers: Headers; bodyOffset: number; bodyLine: number } {
	const headers: Headers = { tags: [] };
	let offset = 0;
	let line = 1;
	while (offset < text.length) {
		const end = text.indexOf('\n', offset);
		const next = end === -1 ? text.length : end + 1;
		const content = text.slice(offset, end === -1 ? text.length : end).replace(/\r$/, '');
		if (line === 1 && content.startsWith('tags:')) headers.tags = splitTags(content.slice('tags:'.length));
		else if (!content.startsWith('#')) break;
		else {
			const colon = content.indexOf(':');
			if (colon !== -1) {
				const key = content.slice(1, colon).trim().toLowerCase();
				const value = content.slice(colon + 1);
				if ((ANKI_HEADERS as readonly string[]).includes(key))
					readHeader(key as AnkiHeader, value, line, headers, problems);
				else
					problems.push({
						line,
						message: `unknown header "#${content.slice(1, colon)}:" (Anki's headers are ${ANKI_HEADERS.map((h) => `#${h}:`).join(', ')}): ignored`
					});
			}
		}
		offset = next;
		line++;
	}
	return { headers, bodyOffset: offset, bodyLine: line };
}

/**
 * Anki's guess: the first separator, in its order, found in the first 8 KB of the notes; unlike Anki,
 * the colons of cloze markup ({{c1::…}}) do not count.
 */
function guessSeparator(notes: string): AnkiSeparator {
	const sample = notes.slice(0, 8 * 1024).replace(/\{\{c\d+::|::/gi, '');
	return SEPARATOR_NAMES.find((name) => sample.includes(ANKI_SEPARATORS[name])) ?? 'space';
}

// Anki's test for HTML: anything that looks like a tag or a comment.
export const LOOKS_LIKE_HTML = /<\/?[a-z][^>]*>|<!--/i;

function separatorOrigin(name: AnkiSeparator, from: SettingSource, headerLine: number | undefined): string {
	if (from === 'header') return `the separator ${name}, from the "#separator:" header on line ${headerLine}`;
	if (from === 'option') return `the separator ${name}, as chosen`;
	return `the separator ${name}, guessed as the first of ${SEPARATOR_NAMES.join(', ')} found in the notes`;
}

/** When no record has a second column: the problem, naming the separator used and those that would split the lines. */
function singleColumnProblem(records: TextRecord[], used: string, line: number): ImportProblem {
	const splitting = SEPARATOR_NAMES.filter((name) =>
		records.every((record) => record.fields.join('').includes(ANKI_SEPARATORS[name]))
	);
	const hint =
		splitting.length > 0
			? `every line holds ${splitting.join(' and ')}: choose that separator, or fix the "#separator:" header`
			: `none of Anki's separators (${SEPARATOR_NAMES.join(', ')}) is on every line`;
	return { line, message: `every line is a single column with ${used}, so no card has a back; ${hint}` };
}

export function parseAnkiText(text: string, options: AnkiOptions = {}): ImportResult<AnkiDetected> {
	const problems: ImportProblem[] = [];
	const empty = emptyInputProblem(text);
	if (empty) problems.push(empty);
	const { headers, bodyOffset, bodyLine } = readHeaders(text, problems);
	const notes = text.slice(bodyOffset);

	const separatorFrom: SettingSource = options.separator ? 'option' : headers.separator ? 'header' : 'guess';
	const separator = options.separator ?? headers.separator ?? guessSeparator(notes);
	const delimiter = ANKI_SEPARATORS[separator];
	const read = readRecords(notes, { delimiter, comments: true, firstLine: bodyLine });
	problems.push(...read.problems);
	const { records } = read;

	const htmlFrom: SettingSource =
		options.html !== undefined ? 'option' : headers.html !== undefined ? 'header' : 'guess';
	const html =
		options.html ??
		headers.html ??
		records.some((record) => record.fields.some((field) => LOOKS_LIKE_HTML.test(field)));

	const width = records.reduce((widest, record) => Math.max(widest, record.fields.length), 0);
	const labels =
		headers.columns === undefined ? undefined : readRecords(headers.columns, { delimiter }).records[0]?.fields;
	const metaColumns = new Set([headers.guidColumn, headers.notetypeColumn, headers.deckColumn, headers.tagsColumn]);
	const fieldColumns: number[] = [];
	for (let column = 1; column <= Math.max(width, labels?.length ?? 0); column++) {
		if (!metaColumns.has(column)) fieldColumns.push(column);
	}
	let tagsColumn = headers.tagsColumn;
	if (tagsColumn === undefined && headers.notetypeColumn === undefined && fieldColumns.length > 2) {
		const labelled = labels?.findIndex((label) => /^tags?$/i.test(label.trim()));
		tagsColumn = labelled !== undefined && labelled !== -1 ? labelled + 1 : fieldColumns[2];
		fieldColumns.splice(fieldColumns.indexOf(tagsColumn as number), 1);
	}

	const field = (record: TextRecord, column: number | undefined) =>
		column === undefined ? undefined : (record.fields[column - 1] ?? '');
	const isCloze = (record: TextRecord) => {
		const notetype = field(record, headers.notetypeColumn)?.trim() || headers.notetype;
		return notetype ? /cloze/i.test(notetype) : hasCloze(field(record, fieldColumns[0]) ?? '');
	};
	const basicRecords = records.filter((record) => !isCloze(record));
	const oneColumn = basicRecords.length > 0 && basicRecords.every((record) => record.fields.length === 1);
	if (oneColumn)
		problems.push(
			singleColumnProblem(basicRecords, separatorOrigin(separator, separatorFrom, headers.separatorLine), bodyLine)
		);

	const cards: ImportedCard[] = [];
	let clozeNotes = 0;
	for (const record of records) {
		const { line } = record;
		const tags = [...new Set([...headers.tags, ...splitTags(field(record, tagsColumn) ?? '')])];
		const [first = '', second = '', ...others] = fieldColumns.map((column) => field(record, column) ?? '');
		const extra = others.filter((value) => value.trim() !== '').join(html ? '<br>' : '\n');
		if (isCloze(record)) {
			clozeNotes++;
			if (!hasCloze(first)) {
				problems.push({
					line,
					message: 'this cloze note has no cloze deletion such as {{c1::answer}}: no card is made for it'
				});
				continue;
			}
			const explanation = [second, extra].filter((value) => value.trim() !== '').join(html ? '<br>' : '\n');
			for (const sides of expandCloze(first, line, html, problems))
				cards.push({ ...sides, tags, line, ...(explanation && { explanation }) });
		} else if (record.fields.length === 1) {
			if (!oneColumn)
				problems.push({
					line,
					message: `this line has a single column (no ${separator} separator), so the card has no back: it is left out`
				});
		} else cards.push({ front: first, back: second, tags, line, ...(extra && { explanation: extra }) });
	}

	const detected: AnkiDetected = {
		separator,
		separatorFrom,
		html,
		htmlFrom,
		tags: headers.tags,
		fieldColumns,
		clozeNotes,
		...(headers.deck && { deck: headers.deck }),
		...(headers.notetype && { notetype: headers.notetype }),
		...(headers.guidColumn && { guidColumn: headers.guidColumn }),
		...(headers.notetypeColumn && { notetypeColumn: headers.notetypeColumn }),
		...(headers.deckColumn && { deckColumn: headers.deckColumn }),
		...(tagsColumn && { tagsColumn })
	};
	const columns = labels ?? roleNames(width, detected);
	// Over the card limit nothing is kept, so nothing needs cleaning.
	const shown = html && cards.length <= MAX_CARDS ? cards.map(sanitizeSides) : cards;
	return { cards: keepAcceptableCards(shown, problems), problems, columns, detected };
}

/** Column names for the preview when the file has no `#columns:` header: what each column is used for. */
function roleNames(width: number, detected: AnkiDetected): string[] {
	const roles = new Map<number | undefined, string>([
		[detected.guidColumn, 'guid'],
		[detected.notetypeColumn, 'notetype'],
		[detected.deckColumn, 'deck'],
		[detected.tagsColumn, 'tags'],
		[detected.fieldColumns[0], 'front'],
		[detected.fieldColumns[1], 'back']
	]);
	return Array.from({ length: width }, (_, i) => roles.get(i + 1) ?? 'explanation');
}

function sanitizeSides(card: ImportedCard): ImportedCard {
	return {
		...card,
		html: true,
		front: sanitizeCardHtml(card.front),
		back: sanitizeCardHtml(card.back),
		...(card.explanation !== undefined && { explanation: sanitizeCardHtml(card.explanation) })
	};
}
