import { expect, test } from 'vitest';
import { detectFormat, type ImportFormat } from './detect';

test.each<[string, string, string | undefined, ImportFormat, RegExp]>([
	['a .yaml file', 'anything', 'kazakhstan.yaml', 'yaml', /ends in \.yaml/],
	['a .yml file', 'anything', 'deck.YML', 'yaml', /ends in \.yml/],
	['text starting with facts:', '# my deck\nfacts:\n  - id: a\n', undefined, 'yaml', /starts with "facts:"/],
	[
		"Anki's export header",
		'#separator:tab\n#html:false\na\tb\n',
		'notes.txt',
		'anki-text',
		/Anki's header "#separator:"/
	],
	[
		'an Anki header in capitals',
		'#Notetype column:1\nBasic\ta\tb\n',
		undefined,
		'anki-text',
		/Anki's header "#Notetype column:"/
	],
	["Anki's legacy tags line", 'tags:geo\na\tb\n', undefined, 'anki-text', /Anki's header "tags:"/],
	['cloze markup', '{{c1::Astana}} is a capital\n', undefined, 'anki-text', /cloze deletions/],
	[
		'a header row naming the columns',
		'Term,Definition\nx,y\n',
		'export.txt',
		'csv',
		/first row names the columns \(Term, Definition\)/
	],
	['a .csv file without known names', 'a,b\nc,d\n', 'deck.csv', 'csv', /ends in \.csv/],
	['a .tsv file', 'a\tb\n', 'deck.tsv', 'csv', /ends in \.tsv/],
	['HTML in the notes', 'a<br>b\tc\n', undefined, 'anki-text', /holds HTML/],
	['rows of term and definition', 'Astana\tcapital\nBishkek\tcapital\n', 'quizlet.txt', 'quizlet', /no header row/],
	['a paste without a name', 'a,b;c,d', undefined, 'quizlet', /Quizlet/]
])('%s → %s', (_name, text, fileName, format, reason) => {
	expect(detectFormat(text, fileName)).toEqual({ format, reason: expect.stringMatching(reason) });
});
