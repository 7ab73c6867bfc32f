/**
 * A picked file's bytes made text, or the reason they cannot be: empty, too large, binary (NUL bytes,
 * a ZIP such as an Anki package or a spreadsheet), UTF-16, or not valid UTF-8.
 */
import type { ImportProblem } from './result';

/** Largest file read, in bytes: MAX_CARDS cards of ordinary length fit many times over. */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

const lineOfByte = (bytes: Uint8Array, offset: number) => {
	let line = 1;
	for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
	return line;
};

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte);

const EXPORT_AS_TEXT =
	"export the deck as text instead: Anki's \"Notes in Plain Text\", Quizlet's export, CSV or the app's YAML";

/** The file's text (a UTF-8 byte order mark dropped), or the problem that keeps it from being read. */
export function decodeImportFile(bytes: Uint8Array): { text: string } | { problem: ImportProblem } {
	if (bytes.length === 0) return { problem: { line: 0, message: 'the file is empty (0 bytes)' } };
	if (bytes.length > MAX_IMPORT_BYTES)
		return {
			problem: {
				line: 0,
				message: `the file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, over the limit of ${MAX_IMPORT_BYTES / 1024 / 1024} MB per import: split it into smaller files`
			}
		};
	if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]))
		return {
			problem: {
				line: 0,
				message: `the file is a ZIP archive (an Anki .apkg or .colpkg package, or a spreadsheet such as .xlsx), not text: ${EXPORT_AS_TEXT}`
			}
		};
	if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]))
		return { problem: { line: 0, message: 'the file is UTF-16 text: save or export it as UTF-8' } };
	const nul = bytes.indexOf(0);
	if (nul !== -1)
		return {
			problem: {
				line: lineOfByte(bytes, nul),
				message: `the file holds a NUL byte (line ${lineOfByte(bytes, nul)}), so it is a binary file, not text: ${EXPORT_AS_TEXT}`
			}
		};
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
	} catch {
		const lenient = new TextDecoder('utf-8').decode(bytes);
		const line = lenient.slice(0, lenient.indexOf('\uFFFD')).split('\n').length;
		return {
			problem: {
				line,
				message: `the file is not UTF-8 text (line ${line} has bytes that are not UTF-8, as in a file saved as Windows-1252 or Latin-1): save or export it as UTF-8`
			}
		};
	}
}

/** Why the bytes cannot be imported as text, or undefined when they can. */
export function detectTextProblem(bytes: Uint8Array): ImportProblem | undefined {
	const decoded = decodeImportFile(bytes);
	return 'problem' in decoded ? decoded.problem : undefined;
}
