import { describe, expect, test } from 'vitest';
import { problemsLike } from './testing';
import { decodeImportFile, detectTextProblem, MAX_IMPORT_BYTES } from './text';

const bytes = (...parts: (string | number[])[]) =>
	new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : part)));

describe('detectTextProblem says why bytes are not text to import', () => {
	test.each<[string, Uint8Array, { line: number; message: string | RegExp }]>([
		['an empty file', new Uint8Array(), { line: 0, message: 'the file is empty (0 bytes)' }],
		[
			'a NUL byte, with its line',
			bytes('a\tb\nc\td\n', [0x00, 0x01]),
			{
				line: 3,
				message:
					/^the file holds a NUL byte \(line 3\), so it is a binary file, not text: export the deck as text instead/
			}
		],
		[
			'an Anki package (a ZIP)',
			bytes([0x50, 0x4b, 0x03, 0x04], 'collection.anki21'),
			{
				line: 0,
				message:
					/^the file is a ZIP archive \(an Anki \.apkg or \.colpkg package, or a spreadsheet such as \.xlsx\), not text/
			}
		],
		[
			'UTF-16',
			bytes([0xff, 0xfe], [0x61, 0x00]),
			{ line: 0, message: 'the file is UTF-16 text: save or export it as UTF-8' }
		],
		[
			'Windows-1252 bytes, with the line they are on',
			bytes('front\tback\ncaf', [0xe9], '\tcoffee\n'),
			{
				line: 2,
				message:
					/^the file is not UTF-8 text \(line 2 has bytes that are not UTF-8, as in a file saved as Windows-1252 or Latin-1\)/
			}
		],
		[
			'a file over the size limit',
			new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61),
			{ line: 0, message: 'the file is 32.0 MB, over the limit of 32 MB per import: split it into smaller files' }
		]
	])('%s', (_name, input, { line, message }) => {
		expect([detectTextProblem(input)]).toEqual(problemsLike([{ line, message }]));
	});

	test('UTF-8 text, with or without a byte order mark, has no problem and is decoded', () => {
		expect(detectTextProblem(bytes('Almaty\tАлматы\n'))).toBeUndefined();
		expect(decodeImportFile(bytes([0xef, 0xbb, 0xbf], 'Almaty\tАлматы\n'))).toEqual({ text: 'Almaty\tАлматы\n' });
	});
});
