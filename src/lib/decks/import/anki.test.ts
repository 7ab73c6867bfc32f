// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { parseAnkiText } from './anki';
import type { ImportedCard } from './result';
import { card, problemsLike } from './testing';

describe('parseAnkiText reads what Anki writes and reads', () => {
	test.each<[string, string, ImportedCard[]]>([
		[
			"Anki's export header: separator tab, no HTML",
			'#separator:tab\n#html:false\nKazakhstan\tAstana\nUzbekistan\tTashkent\n',
			[card('Kazakhstan', 'Astana', 3), card('Uzbekistan', 'Tashkent', 4)]
		],
		[
			'separator by name in any case, and by the character itself',
			'#separator:Semicolon\n#html:false\na;b\n',
			[card('a', 'b', 3)]
		],
		['separator given as the character', '#separator:|\n#html:false\na|b\n', [card('a', 'b', 3)]],
		['separator space', '#separator:space\n#html:false\nhello world\n', [card('hello', 'world', 3)]],
		['separator colon', '#separator:Colon\n#html:false\nq:a\n', [card('q', 'a', 3)]],
		[
			'quoted fields hold the separator, line breaks and doubled quotes; the next card has its own line',
			'#separator:comma\n#html:false\n"Capital, official","Astana\nsince 2019, ""Nur-Sultan"" before"\nnext,one\n',
			[card('Capital, official', 'Astana\nsince 2019, "Nur-Sultan" before', 3), card('next', 'one', 5)]
		],
		[
			'Windows line breaks',
			'#separator:tab\r\n#html:false\r\na\tb\r\nc\td\r\n',
			[card('a', 'b', 3), card('c', 'd', 4)]
		],
		[
			'#tags: for every note, plus the tags column',
			'#separator:tab\n#html:false\n#tags:imported geo\n#tags column:3\na\tb\tasia\nc\td\t\n',
			[card('a', 'b', 5, { tags: ['imported', 'geo', 'asia'] }), card('c', 'd', 6, { tags: ['imported', 'geo'] })]
		],
		['legacy first line "tags:"', 'tags:old one\na\tb\n', [card('a', 'b', 2, { tags: ['old', 'one'] })]],
		[
			'guid, notetype and deck columns are not fields',
			'#separator:tab\n#html:false\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:6\nq1w2\tBasic\tGeo\tfront\tback\tt1 t2\n',
			[card('front', 'back', 7, { tags: ['t1', 't2'] })]
		],
		[
			'with no tags column, the column after the two fields holds the tags (as Anki maps Basic)',
			'#separator:tab\n#html:false\na\tb\tx y\n',
			[card('a', 'b', 3, { tags: ['x', 'y'] })]
		],
		[
			'fields after the first two become the explanation when a notetype column is given',
			'#separator:tab\n#html:false\n#notetype column:1\nBasic (optional reversed)\tq\ta\tsee page 4\n',
			[card('q', 'a', 4, { explanation: 'see page 4' })]
		],
		[
			'comments after the headers are skipped, blank lines too',
			'#separator:tab\n#html:false\n# a comment\na\tb\n\n#another\nc\td\n',
			[card('a', 'b', 4), card('c', 'd', 7)]
		],
		[
			'a field starting with # is quoted by Anki, and kept',
			'#separator:tab\n#html:false\n"#1 city"\tAlmaty\n',
			[card('#1 city', 'Almaty', 3)]
		],
		[
			'no header: the separator is the first of tab, pipe, semicolon, colon, comma, space found',
			'what: is it\tan answer, maybe\n',
			[card('what: is it', 'an answer, maybe', 1)]
		],
		[
			'html false: markup and scripts are kept as text',
			'#separator:tab\n#html:false\n<script>alert(1)</script>\t<img src=x onerror=alert(1)>\n',
			[card('<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 3)]
		],
		[
			'html true: fields are cleaned to the allowed tags',
			'#separator:tab\n#html:true\n<b>bold</b><script>alert(1)</script>\t<i onclick="x()">it</i><img src=x onerror=alert(1)>\n',
			[card('<b>bold</b>', '<i>it</i>', 3, { html: true })]
		],
		[
			'html guessed from the fields when there is no #html header',
			'#separator:tab\na<br>b\tc\n',
			[card('a<br>b', 'c', 2, { html: true })]
		]
	])('%s', (_name, text, cards) => {
		const result = parseAnkiText(text);
		expect(result.problems).toEqual([]);
		expect(result.cards).toEqual(cards);
	});
});

describe('cloze notes make one card per cloze number', () => {
	test.each<[string, string, ImportedCard[]]>([
		[
			'two numbers, a hint, other deletions shown; Back Extra becomes the explanation',
			'#separator:tab\n#html:false\n#notetype:Cloze\n{{c1::Astana::capital}} is the capital of {{c2::Kazakhstan}}\tsince 1997\n',
			[
				card('[capital] is the capital of Kazakhstan', 'Astana is the capital of Kazakhstan', 4, {
					explanation: 'since 1997',
					cloze: { number: 1, answers: ['Astana'] }
				}),
				card('Astana is the capital of […]', 'Astana is the capital of Kazakhstan', 4, {
					explanation: 'since 1997',
					cloze: { number: 2, answers: ['Kazakhstan'] }
				})
			]
		],
		[
			'the same number twice is one card with two blanks; numbers in order',
			'#separator:tab\n#html:false\n#notetype column:1\nCloze\t{{c2::x}} {{c1::a}} and {{c1::b}}\t\n',
			[
				card('x […] and […]', 'x a and b', 4, { cloze: { number: 1, answers: ['a', 'b'] } }),
				card('[…] a and b', 'x a and b', 4, { cloze: { number: 2, answers: ['x'] } })
			]
		],
		[
			"without a note type, cloze markup makes a cloze note; C in capitals too; the guess skips the markup's colons",
			'{{C1::Dushanbe}} is in Tajikistan\tcapital since 1929\n',
			[
				card('[…] is in Tajikistan', 'Dushanbe is in Tajikistan', 1, {
					explanation: 'capital since 1929',
					cloze: { number: 1, answers: ['Dushanbe'] }
				})
			]
		],
		[
			'with HTML, the typed answer is the text a reader sees',
			'#separator:tab\n#html:true\n#notetype:Cloze\n{{c1::<b>Amu&nbsp;Darya</b>}} river\t\n',
			[
				card('[…] river', '<b>Amu&nbsp;Darya</b> river', 4, {
					html: true,
					cloze: { number: 1, answers: ['Amu Darya'] }
				})
			]
		]
	])('%s', (_name, text, cards) => {
		const result = parseAnkiText(text);
		expect(result.problems).toEqual([]);
		expect(result.cards).toEqual(cards);
	});

	test('a basic note type keeps cloze markup as it is', () => {
		const result = parseAnkiText('#separator:tab\n#html:false\n#notetype:Basic\n{{c1::a}}\tb\n');
		expect(result.cards).toEqual([card('{{c1::a}}', 'b', 4)]);
	});
});

describe('problems name their cause and line', () => {
	test.each<[string, string, { line: number; message: RegExp }[], number]>([
		[
			'an unknown header',
			'#separator:tab\n#html:false\n#sepparator:comma\na\tb\n',
			[{ line: 3, message: /unknown header "#sepparator:".*#separator:.*ignored/ }],
			1
		],
		[
			'an unknown separator value',
			'#separator:dash\n#html:false\na\tb\n',
			[
				{
					line: 1,
					message: /"#separator:dash" is not a separator Anki knows \(tab, pipe, semicolon, colon, comma, space/
				}
			],
			1
		],
		[
			'an #html value that is not true or false',
			'#separator:tab\n#html:yes\na\tb\n',
			[{ line: 2, message: /"#html:yes" must be true or false/ }],
			1
		],
		[
			'a column header that is not a number',
			'#separator:tab\n#html:false\n#tags column:third\na\tb\n',
			[{ line: 3, message: /"#tags column:third" is not a column number/ }],
			1
		],
		[
			'a wrong separator from the header: every line one column, naming the one that would split them',
			'#separator:comma\n#html:false\na\tb\nc\td\n',
			[
				{
					line: 3,
					message:
						/every line is a single column with the separator comma, from the "#separator:" header on line 1, so no card has a back; every line holds tab: choose that separator/
				}
			],
			0
		],
		[
			'no separator at all: the guess is named, and that none splits the lines',
			'one\ntwo\n',
			[
				{
					line: 1,
					message:
						/single column with the separator space, guessed as the first of tab, pipe, semicolon, colon, comma, space.*none of Anki's separators/
				}
			],
			0
		],
		[
			'one line without the separator among good ones',
			'#separator:tab\n#html:false\na\tb\nlonely\nc\td\n',
			[
				{
					line: 4,
					message: /this line has a single column \(no tab separator\), so the card has no back: it is left out/
				}
			],
			2
		],
		[
			'a quoted field never closed',
			'#separator:tab\n#html:false\na\tb\n"open\tc\nd\te\n',
			[
				{ line: 4, message: /never closed, so the rest of the input was read as that one field: this line is left out/ }
			],
			1
		],
		[
			'a cloze with no answer',
			'#separator:tab\n#html:false\n#notetype:Cloze\n{{c1::}} and {{c2::b}}\t\n',
			[{ line: 4, message: /cloze c1 has no answer \(write it as \{\{c1::answer\}\}\): no card is made for it/ }],
			1
		],
		[
			'a cloze note without any deletion',
			'#separator:tab\n#html:false\n#notetype:Cloze\nno blanks here\t\n',
			[{ line: 4, message: /this cloze note has no cloze deletion/ }],
			0
		],
		[
			'a cloze never closed',
			'#separator:tab\n#html:false\n#notetype:Cloze\n{{c1::a}} {{c2::b\t\n',
			[{ line: 4, message: /the cloze deletion "\{\{c2::…" is never closed with "\}\}"/ }],
			1
		],
		[
			'an empty back',
			'#separator:tab\n#html:false\na\t \n',
			[{ line: 3, message: /the back is empty: this card is left out/ }],
			0
		],
		[
			'a field that is only a script, once cleaned, is empty',
			'#separator:tab\n#html:true\na\t<script>alert(1)</script>\n',
			[{ line: 3, message: /the back is empty \(once the HTML that cannot be shown is removed\)/ }],
			0
		],
		['an empty text', '', [{ line: 0, message: /nothing to import: the text is empty/ }], 0],
		['headers only', '#separator:tab\n#html:false\n', [], 0]
	])('%s', (_name, text, expected, cardCount) => {
		const result = parseAnkiText(text);
		expect(result.problems).toEqual(problemsLike(expected));
		expect(result.cards).toHaveLength(cardCount);
	});
});

test('problems come in line order, whatever step found them', () => {
	const result = parseAnkiText(
		'#separator:tab\n#html:false\n#notetype column:1\nBasic\ta\t\nCloze\t{{c1::}}\t\n#oops:1\n'
	);
	expect(result.problems.map((problem) => problem.line)).toEqual([4, 5]);
});

describe('what the preview is told', () => {
	test('settings and where they came from; column names from #columns: read with the final separator', () => {
		const result = parseAnkiText('#columns:Front,Back,Tags\n#separator:comma\n#deck:Geo\n#notetype:Basic\na,b,t\n');
		expect(result.columns).toEqual(['Front', 'Back', 'Tags']);
		expect(result.detected).toEqual({
			separator: 'comma',
			separatorFrom: 'header',
			html: false,
			htmlFrom: 'guess',
			tags: [],
			deck: 'Geo',
			notetype: 'Basic',
			tagsColumn: 3,
			fieldColumns: [1, 2],
			clozeNotes: 0
		});
		expect(result.cards).toEqual([card('a', 'b', 5, { tags: ['t'] })]);
	});

	test('without #columns:, each column is named by its use', () => {
		const result = parseAnkiText('#separator:tab\n#html:false\n#guid column:1\n#tags column:4\ng\tq\ta\tt\n');
		expect(result.columns).toEqual(['guid', 'front', 'back', 'tags']);
	});

	test("the preview's choices win over the headers", () => {
		const result = parseAnkiText('#separator:comma\n#html:true\na\t<b>b</b>\n', { separator: 'tab', html: false });
		expect(result.detected).toMatchObject({
			separator: 'tab',
			separatorFrom: 'option',
			html: false,
			htmlFrom: 'option'
		});
		expect(result.cards).toEqual([card('a', '<b>b</b>', 3)]);
	});

	// Plain text: jsdom's DOM makes DOMPurify far slower than a browser's, and the reading is what is measured here.
	test('5,000 cards are all read, each with its line', () => {
		const lines = Array.from({ length: 5000 }, (_, i) => `"front ${i}\nsecond line"\tback ${i}\ttag${i % 7}`);
		const result = parseAnkiText(`#separator:tab\n#html:false\n${lines.join('\n')}\n`);
		expect(result.problems).toEqual([]);
		expect(result.cards).toHaveLength(5000);
		expect(result.cards[4999]).toEqual(card('front 4999\nsecond line', 'back 4999', 3 + 2 * 4999, { tags: ['tag1'] }));
	});
});
