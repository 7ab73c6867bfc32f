import { describe, expect, test } from 'vitest';
import type { DraftCard } from './card';
import { exportAnkiText, leftOutOfAnkiText, quoteAnkiField } from './export-anki';
import { ImportSession } from './import-session.svelte';
import { randomDeck } from './random-deck';

/**
 * A minimal reader of Anki's "Notes in Plain Text", written from Anki's manual (Importing › Text files)
 * and its importer (rslib/src/import_export/text/csv/): `#key:value` header lines first; then one note
 * per record, fields split at the separator, a field in double quotes may hold the separator, line
 * breaks and doubled quotes; a line starting with `#` is a comment; `#tags column:` numbers the tags
 * column from 1, tags split at whitespace; the other columns are the note's fields in order.
 */
function readAnkiNotes(text: string) {
	const headers = new Map<string, string>();
	let at = 0;
	while (text.startsWith('#', at)) {
		const end = text.indexOf('\n', at);
		const line = text.slice(at + 1, end);
		const colon = line.indexOf(':');
		headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1));
		at = end + 1;
	}
	expect(headers.get('separator')).toBe('tab');
	const records: string[][] = [];
	while (at < text.length) {
		if (text[at] === '#') {
			at = text.indexOf('\n', at) + 1;
			continue;
		}
		const record: string[] = [];
		for (;;) {
			let field = '';
			if (text[at] === '"') {
				at++;
				for (;;) {
					const quote = text.indexOf('"', at);
					if (quote < 0) throw new Error(`a quoted field is not closed (record ${records.length + 1})`);
					field += text.slice(at, quote);
					at = quote + 1;
					if (text[at] !== '"') break;
					field += '"';
					at++;
				}
			} else {
				const end = text.slice(at).search(/[\t\n]/);
				field = text.slice(at, at + end);
				at += end;
			}
			record.push(field);
			if (text[at++] === '\n') break;
		}
		records.push(record);
	}
	const tagsColumn = Number(headers.get('tags column')) - 1;
	const cards = records.map((record): DraftCard => {
		const [front = '', back = '', explanation = ''] = record.filter((_, i) => i !== tagsColumn);
		const tags = (record[tagsColumn] ?? '').split(/\s+/).filter((tag) => tag !== '');
		return { front, back, tags, ...(explanation !== '' && { explanation }) };
	});
	return { headers, title: headers.get('deck'), columns: headers.get('columns')?.split('\t'), cards };
}

describe('fields are quoted as Anki’s exporter quotes them', () => {
	const fields: [string, string, string][] = [
		['plain text', 'Astana', 'Astana'],
		['empty', '', ''],
		['spaces kept as they are', '  two  spaces ', '  two  spaces '],
		['a tab', 'a\tb', '"a\tb"'],
		['double quotes, doubled inside', 'the "apple" city', '"the ""apple"" city"'],
		['only a quote', '"', '""""'],
		['a line break', 'line one\nline two', '"line one\nline two"'],
		['a carriage return', 'one\r\ntwo', '"one\r\ntwo"'],
		['a leading #, which Anki would read as a comment line', '#1 city', '"#1 city"'],
		['a # anywhere (the csv crate quotes it wherever it stands)', 'C# and F#', '"C# and F#"'],
		['HTML, kept as it is', '<b>bold</b> &amp; <br>', '<b>bold</b> &amp; <br>'],
		['other separators, not special with a tab', 'a,b;c|d:e', 'a,b;c|d:e'],
		['an apostrophe', "it's", "it's"],
		['letters beyond Latin and emoji', 'Қазақстан 😀', 'Қазақстан 😀']
	];
	test.each(fields)('%s', (_, field, written) => {
		expect(quoteAnkiField(field)).toBe(written);
		// In the explanation, the one column a card may leave empty.
		const read = readAnkiNotes(
			exportAnkiText({ title: 'T', cards: [{ front: 'x', back: 'y', explanation: field, tags: [] }] })
		);
		expect(read.cards[0]!.explanation ?? '').toBe(field);
	});
});

describe('the file', () => {
	test('headers, then one note per card: front, back, explanation, tags', () => {
		const text = exportAnkiText({
			title: 'Capitals',
			cards: [
				{ front: 'Kazakhstan', back: 'Astana', tags: ['capital', 'asia'], explanation: 'Capital since 1997.' },
				{ front: '#1 city', back: 'Almaty, "the apple city"', tags: [] }
			]
		});
		expect(text).toBe(
			[
				'#separator:tab',
				'#html:false',
				'#notetype:Basic',
				'#deck:Capitals',
				'#columns:Front\tBack\tExplanation\tTags',
				'#tags column:4',
				'Kazakhstan\tAstana\tCapital since 1997.\tcapital asia',
				'"#1 city"\t"Almaty, ""the apple city"""\t\t',
				''
			].join('\n')
		);
	});

	test('cards with HTML say so, and their markup is written as it is', () => {
		const text = exportAnkiText(
			{ title: 'T', cards: [{ front: '<i>río</i>', back: 'a<br>b', tags: [] }] },
			{ html: true }
		);
		expect(text).toContain('#html:true\n');
		expect(text.endsWith('<i>río</i>\ta<br>b\t\t\n')).toBe(true);
	});

	test('the title is one header line: line breaks become a space; a blank title writes no #deck', () => {
		expect(readAnkiNotes(exportAnkiText({ title: ' Geo\r\nAsia ', cards: [] })).title).toBe('Geo Asia');
		expect(readAnkiNotes(exportAnkiText({ title: '  ', cards: [] })).headers.has('deck')).toBe(false);
	});

	test('a tag with whitespace inside stays one tag, joined by _; blank tags are left out', () => {
		const text = exportAnkiText({
			title: 'T',
			cards: [{ front: 'a', back: 'b', tags: [' world war ', 'two\tparts', ' ', 'c#'] }]
		});
		expect(readAnkiNotes(text).cards[0]!.tags).toEqual(['world_war', 'two_parts', 'c#']);
	});

	test('Anki maps the labelled Front and Back columns onto Basic, and the tags column is the labelled Tags', () => {
		const read = readAnkiNotes(exportAnkiText({ title: 'T', cards: [] }));
		expect(read.headers.get('notetype')).toBe('Basic');
		expect(read.columns?.[Number(read.headers.get('tags column')) - 1]).toBe('Tags');
		expect(read.columns?.slice(0, 2)).toEqual(['Front', 'Back']);
	});
});

describe('round trip', () => {
	test('200 seeded random decks of awkward text come back with the same title and cards', () => {
		for (let i = 0; i < 200; i++) {
			const deck = { ...randomDeck(`anki-${i}`, { spacedTags: false }), title: 'Geo #1: "Қала" <b>&</b>' };
			const read = readAnkiNotes(exportAnkiText(deck));
			expect(read.title, `seed anki-${i}`).toBe(deck.title);
			expect(read.cards, `seed anki-${i}`).toEqual(deck.cards.map(({ questions: _, ...card }) => card));
		}
	});
});

describe('the app’s own Import reads the file back', () => {
	/** The file, read by the Import screen as when a person picks it. */
	function importPreview(text: string) {
		const session = new ImportSession();
		session.readFile('exported.txt', new TextEncoder().encode(text));
		expect(session.format).toBe('anki-text');
		return session.preview;
	}

	test('a card whose side is only an image or a sound is left out, and the file says how many', () => {
		// As an Anki package's cards are stored: a side that was only an image or a sound has no text.
		const cards = [
			{ front: '', back: 'France', tags: [], media: { front: ['fr.png'], back: [] } },
			{ front: 'Kazakhstan', back: 'Astana', tags: ['asia'] },
			{ front: 'Anthem of Mongolia', back: ' ', tags: [], media: { front: [], back: ['mn.mp3'] } }
		];
		const text = exportAnkiText({ title: 'Flags', cards });
		const preview = importPreview(text);
		expect(preview.problems).toEqual([]);
		expect(preview.cards.map(({ front, back, tags }) => ({ front, back, tags }))).toEqual([
			{ front: 'Kazakhstan', back: 'Astana', tags: ['asia'] }
		]);
		const leftOut = leftOutOfAnkiText(cards);
		expect(leftOut).toBe(
			'2 cards are left out, as a side that is only an image or a sound cannot be written in a text file.'
		);
		expect(text).toContain(`\n# ${leftOut}\n`);
		expect(readAnkiNotes(text).cards).toHaveLength(1);
	});

	test('a card with text and an image beside it is written with its text, and the file says it loses the image', () => {
		const cards = [
			{ front: 'Whose flag is this?', back: 'France', tags: [], media: { front: ['fr.png'], back: [] } },
			{ front: '', back: 'Mongolia', tags: [], media: { front: ['mn.png'], back: [] } }
		];
		const text = exportAnkiText({ title: 'Flags', cards });
		expect(leftOutOfAnkiText(cards)).toBe(
			'1 card is left out, as a side that is only an image or a sound cannot be written in a text file. ' +
				'1 card loses its images or sounds, which a text file cannot carry.'
		);
		expect(text).toContain(`\n# ${leftOutOfAnkiText(cards)}\n`);
		expect(importPreview(text)).toMatchObject({
			cards: [{ front: 'Whose flag is this?', back: 'France' }],
			problems: []
		});
	});

	test('a deck of such cards alone is a file of headers and the comment, read back as no card and no problem', () => {
		const text = exportAnkiText({ title: 'Flags', cards: [{ front: '', back: 'France', tags: [] }] });
		expect(text).toContain('# 1 card is left out, as a side');
		expect(importPreview(text)).toMatchObject({ cards: [], problems: [] });
	});

	test('200 seeded random decks of awkward text come back with the same cards and no problem', () => {
		for (let i = 0; i < 200; i++) {
			const deck = randomDeck(`anki-import-${i}`, { spacedTags: false });
			const preview = importPreview(exportAnkiText(deck));
			expect(preview.problems, `seed anki-import-${i}`).toEqual([]);
			expect(
				preview.cards.map(({ front, back, tags, explanation }) => ({ front, back, tags, explanation })),
				`seed anki-import-${i}`
			).toEqual(deck.cards.map(({ front, back, tags, explanation }) => ({ front, back, tags, explanation })));
		}
	});
});
