/** Which parser the preview opens with: a guess from the file name and the first lines, with its reason. */
import { ANKI_HEADERS, LOOKS_LIKE_HTML } from './anki';
import { hasCloze } from './cloze';
import { guessColumnMapping } from './csv';
import { readRecords } from './records';

export type ImportFormat = 'anki-text' | 'quizlet' | 'csv' | 'yaml';

export interface DetectedFormat {
	format: ImportFormat;
	reason: string;
}

const ANKI_HEADER = new RegExp(`^#(${ANKI_HEADERS.join('|')})\\s*:`, 'i');

export function detectFormat(text: string, fileName?: string): DetectedFormat {
	const extension = fileName?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
	if (extension === 'yaml' || extension === 'yml')
		return { format: 'yaml', reason: `the file name ends in .${extension}` };
	const lines = text.split('\n', 50).map((line) => line.replace(/\r$/, ''));
	const first = lines.find((line) => line.trim() !== '' && !line.startsWith('#')) ?? '';
	if (/^facts:\s*(#.*)?$/.test(first))
		return { format: 'yaml', reason: 'it starts with "facts:", as the app\'s deck files do' };
	const header = lines.find((line) => ANKI_HEADER.test(line));
	if (header !== undefined || lines[0]?.startsWith('tags:'))
		return { format: 'anki-text', reason: `it has Anki's header "${(header ?? 'tags:').split(':')[0]}:"` };
	if (hasCloze(text)) return { format: 'anki-text', reason: 'it holds Anki cloze deletions such as {{c1::…}}' };
	const columns = readRecords(first, {}).records[0]?.fields ?? [];
	if (columns.length > 1 && guessColumnMapping(columns).from === 'names')
		return { format: 'csv', reason: `its first row names the columns (${columns.map((c) => c.trim()).join(', ')})` };
	if (extension === 'csv' || extension === 'tsv')
		return { format: 'csv', reason: `the file name ends in .${extension}` };
	if (LOOKS_LIKE_HTML.test(text.slice(0, 64 * 1024)))
		return { format: 'anki-text', reason: "it holds HTML, as Anki's notes do" };
	return { format: 'quizlet', reason: 'it has rows of a term and a definition with no header row, as Quizlet exports' };
}
