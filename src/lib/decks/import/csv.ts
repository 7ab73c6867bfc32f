/**
 * CSV or TSV with a header row. The preview shows the header's names and lets the user say which
 * column is the front, the back, the tags and the explanation; the first guess comes from the names.
 * Fields are plain text.
 */
import { describeSeparator, readRecords } from './records';
import {
	emptyInputProblem,
	keepAcceptableCards,
	type ImportedCard,
	type ImportProblem,
	type ImportResult
} from './result';

export const CARD_FIELDS = ['front', 'back', 'tags', 'explanation'] as const;
export type CardField = (typeof CARD_FIELDS)[number];

/** The column (0-based, as in `columns`) each card field comes from; front and back are needed. */
export type ColumnMapping = Partial<Record<CardField, number>>;

export interface CsvOptions {
	/** Guessed among comma, tab, pipe and semicolon when absent. */
	delimiter?: string;
	mapping?: ColumnMapping;
}

export interface CsvDetected {
	delimiter: string;
	mapping: ColumnMapping;
	/** `names` when the mapping was guessed from the header's names, `order` when front and back are simply the first free columns. */
	mappingFrom: 'option' | 'names' | 'order';
}

/** Header names that say a column's use, compared lower-cased with anything but letters dropped. */
const HEADER_NAMES: Record<CardField, string[]> = {
	front: ['front', 'term', 'question', 'word', 'prompt', 'q'],
	back: ['back', 'definition', 'answer', 'meaning', 'translation', 'a'],
	tags: ['tags', 'tag', 'labels', 'label', 'categories', 'category'],
	explanation: ['explanation', 'explanations', 'notes', 'note', 'extra', 'comment', 'comments', 'why']
};

/** The mapping that header names suggest; front and back fall back to the first columns no other field took. */
export function guessColumnMapping(columns: string[]): { mapping: ColumnMapping; from: 'names' | 'order' } {
	const mapping: ColumnMapping = {};
	const names = columns.map((name) => name.toLowerCase().replace(/[^\p{L}]/gu, ''));
	for (const field of CARD_FIELDS) {
		const index = names.findIndex(
			(name, i) => HEADER_NAMES[field].includes(name) && !Object.values(mapping).includes(i)
		);
		if (index !== -1) mapping[field] = index;
	}
	if (mapping.front !== undefined && mapping.back !== undefined) return { mapping, from: 'names' };
	const free = columns.map((_, i) => i).filter((i) => !Object.values(mapping).includes(i));
	mapping.front ??= free.shift();
	mapping.back ??= free.shift();
	return { mapping, from: 'order' };
}

function mappingProblem(mapping: ColumnMapping, columns: string[]): string | undefined {
	for (const field of ['front', 'back'] as const) {
		if (mapping[field] === undefined) return `no column is chosen for the ${field}`;
	}
	for (const field of CARD_FIELDS) {
		const index = mapping[field];
		if (index !== undefined && (!Number.isInteger(index) || index < 0 || index >= columns.length))
			return `the ${field} is mapped to column ${index}, but the header has columns 0 to ${columns.length - 1}`;
	}
	const used = CARD_FIELDS.map((field) => mapping[field]).filter((index) => index !== undefined);
	if (new Set(used).size < used.length) return 'one column is chosen for two card fields';
	return undefined;
}

export function parseCsv(text: string, options: CsvOptions = {}): ImportResult<CsvDetected> {
	const problems: ImportProblem[] = [];
	const empty = emptyInputProblem(text);
	if (empty) problems.push(empty);
	const read = readRecords(text, { delimiter: options.delimiter });
	problems.push(...read.problems);
	const [header, ...rows] = read.records;
	const columns = header?.fields.map((name) => name.trim()) ?? [];
	const guess = guessColumnMapping(columns);
	const mapping = options.mapping ?? guess.mapping;
	const detected: CsvDetected = {
		delimiter: read.delimiter,
		mapping,
		mappingFrom: options.mapping ? 'option' : guess.from
	};
	if (!header) return { cards: [], problems, columns, detected };

	if (columns.length === 1) {
		const tried = options.delimiter
			? `the ${describeSeparator(read.delimiter)} chosen`
			: 'comma, tab, pipe and semicolon, tried in turn';
		problems.push({
			line: header.line,
			message: `the header row is a single column: no delimiter splits it (${tried}); choose the delimiter the file uses`
		});
		return { cards: [], problems, columns, detected };
	}
	const wrong = mappingProblem(mapping, columns);
	if (wrong) {
		problems.push({ line: header.line, message: `${wrong}: choose the columns in the preview` });
		return { cards: [], problems, columns, detected };
	}

	const cell = (fields: string[], field: CardField) => {
		const index = mapping[field];
		return index === undefined ? undefined : (fields[index] ?? '').trim();
	};
	const cards: ImportedCard[] = rows.map(({ fields, line }) => {
		const explanation = cell(fields, 'explanation');
		return {
			front: cell(fields, 'front') ?? '',
			back: cell(fields, 'back') ?? '',
			tags: (cell(fields, 'tags') ?? '').split(/[\s,]+/).filter((tag) => tag !== ''),
			line,
			...(explanation && { explanation })
		};
	});
	return { cards: keepAcceptableCards(cards, problems), problems, columns, detected };
}
