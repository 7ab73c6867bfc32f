// @vitest-environment jsdom
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { unzipSync, zipSync } from 'fflate';
import { createEmptyCard, type Grade } from 'ts-fsrs';
import { beforeAll, describe, expect, test } from 'vitest';
import { createScheduler, toStored } from '$lib/srs/scheduler';
import { sanitizeCardHtml } from '../sanitize';
import { MAX_PACKAGE_BYTES } from './container';
import { AnkiPackageError } from './errors';
import {
	dummyCollection,
	protoVarintField,
	STOCK,
	writeCollection,
	writePackage,
	zstdRawFrame,
	type FixtureCollection,
	type PackageVariant
} from './fixture-writer';
import { readAnkiPackage, type AnkiPackagePreview } from './read-package';

let sql: SqlJsStatic;
beforeAll(async () => {
	sql = await initSqlJs();
});

const DAY = 86_400_000;
const START = Date.UTC(2025, 0, 6, 9);
// A PNG's signature and header chunk: enough bytes to tell the file came through whole.
const CAT_PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const BARK_MP3 = new Uint8Array([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 0]);
const FURIGANA = {
	id: 1006,
	name: 'Japanese (furigana)',
	fields: ['Expression', 'Meaning', 'Reading'],
	templates: [{ name: 'Recognition', qfmt: '{{Expression}}', afmt: '{{furigana:Reading}}<br>{{Meaning}}' }]
};

/** Reviews of card 101 (the first Basic card): learnt, then reviewed over two months, with one lapse. */
const HISTORY: { day: number; ease: Grade; type: number }[] = [
	{ day: 0, ease: 3, type: 0 },
	{ day: 1, ease: 3, type: 1 },
	{ day: 4, ease: 4, type: 1 },
	{ day: 15, ease: 1, type: 1 },
	{ day: 15.01, ease: 3, type: 2 },
	{ day: 20, ease: 3, type: 1 },
	{ day: 50, ease: 2, type: 1 }
];

const COLLECTION: FixtureCollection = {
	noteTypes: [STOCK.basic, STOCK.reversed, STOCK.optionalReversed, STOCK.typeIn, STOCK.cloze, FURIGANA],
	decks: [
		{ id: 1, name: 'Default' },
		{ id: 2, name: 'Languages::Spanish' },
		{ id: 3, name: 'Languages::Spanish::Verbs' }
	],
	notes: [
		{
			id: 10,
			noteTypeId: STOCK.basic.id,
			fields: ['<b>perro</b>', 'dog<br>[sound:bark.mp3]'],
			tags: ['animals', 'es'],
			cards: [{ id: 101, ord: 0, deckId: 2 }]
		},
		{
			id: 11,
			noteTypeId: STOCK.reversed.id,
			fields: ['hablar', 'to speak'],
			cards: [
				{ id: 111, ord: 0, deckId: 3 },
				{ id: 112, ord: 1, deckId: 3 }
			]
		},
		{
			id: 12,
			noteTypeId: STOCK.optionalReversed.id,
			fields: ['comer', 'to eat', ''],
			cards: [{ id: 121, ord: 0, deckId: 3 }]
		},
		{
			id: 13,
			noteTypeId: STOCK.optionalReversed.id,
			fields: ['vivir', 'to live', 'y'],
			cards: [
				{ id: 131, ord: 0, deckId: 3 },
				{ id: 132, ord: 1, deckId: 3, queue: -1 }
			]
		},
		{
			id: 14,
			noteTypeId: STOCK.typeIn.id,
			fields: ['Capital of Spain?', 'Madrid'],
			cards: [{ id: 141, ord: 0, deckId: 1, queue: -3 }]
		},
		{
			id: 15,
			noteTypeId: STOCK.cloze.id,
			fields: ['{{c1::Madrid}} is the capital of {{c2::Spain::country}}', 'Since 1561'],
			tags: ['geo'],
			cards: [
				{ id: 151, ord: 0, deckId: 1 },
				{ id: 152, ord: 1, deckId: 1 }
			]
		},
		{
			id: 16,
			noteTypeId: STOCK.basic.id,
			fields: ['<img src="cat.jpg">', 'el gato'],
			cards: [{ id: 161, ord: 0, deckId: 2 }]
		},
		{
			id: 17,
			noteTypeId: FURIGANA.id,
			fields: ['日本', 'Japan', '日本[にほん]'],
			cards: [{ id: 171, ord: 0, deckId: 1 }]
		},
		{
			id: 18,
			noteTypeId: STOCK.basic.id,
			fields: ['<img src="missing.png">', 'gone'],
			cards: [{ id: 181, ord: 0, deckId: 1 }]
		}
	],
	revlog: HISTORY.map(({ day, ease, type }, i) => ({
		time: START + day * DAY,
		cardId: 101,
		ease,
		type,
		durationMs: 4000 + i
	}))
};
const MEDIA = [
	{ name: 'cat.jpg', bytes: CAT_PNG },
	{ name: 'bark.mp3', bytes: BARK_MP3 }
];

const read = (bytes: Uint8Array, keepHistory = true) =>
	readAnkiPackage(bytes, { sql, keepHistory, sanitize: sanitizeCardHtml });
const cardOf = (preview: AnkiPackagePreview, cardId: number) => preview.cards.find((card) => card.cardId === cardId);

describe.each<[PackageVariant, string, number]>([
	['legacy-1', 'collection.anki2', 11],
	['legacy-2', 'collection.anki21', 11],
	['latest', 'collection.anki21b', 18]
])('a %s package', (variant, collectionFile, schema) => {
	let preview: AnkiPackagePreview;
	beforeAll(() => {
		preview = read(writePackage(sql, COLLECTION, variant, MEDIA));
	});

	test('is read from its real collection, never from the dummy one', () => {
		expect(preview.collectionFile).toBe(collectionFile);
		expect(preview.schema).toBe(schema);
		expect(preview.cards.some((card) => /update to the latest Anki/.test(card.front))).toBe(false);
		expect(preview.counts).toEqual({ notes: 9, cards: 12, media: 2, reviews: HISTORY.length, decks: 3 });
		expect(preview.decks).toEqual(['Default', 'Languages::Spanish', 'Languages::Spanish::Verbs']);
	});

	test('renders the stock note types to front and back, answer only on the back', () => {
		expect(cardOf(preview, 101)).toMatchObject({
			front: '<b>perro</b>',
			// The sound is the package's own file: it stays, as an element the card plays.
			back: 'dog<br><audio src="bark.mp3"></audio>',
			tags: ['animals', 'es'],
			deck: 'Languages::Spanish',
			html: true
		});
		expect([cardOf(preview, 111), cardOf(preview, 112)].map((card) => [card?.front, card?.back.trim()])).toEqual([
			['hablar', 'to speak'],
			['to speak', 'hablar']
		]);
		expect(cardOf(preview, 132)).toMatchObject({ front: 'to live', suspended: true });
		expect(cardOf(preview, 121)?.suspended).toBe(false);
		expect(cardOf(preview, 141)).toMatchObject({ front: 'Capital of Spain?', typeAnswer: 'Madrid', suspended: true });
		expect(cardOf(preview, 141)?.back.trim()).toBe('Madrid');
	});

	test('makes one card per cloze number, with its blanks for a typed question', () => {
		expect(cardOf(preview, 151)).toMatchObject({
			front: '[…] is the capital of Spain',
			cloze: { number: 1, answers: ['Madrid'] },
			tags: ['geo']
		});
		expect(cardOf(preview, 152)).toMatchObject({
			front: 'Madrid is the capital of [country]',
			cloze: { number: 2, answers: ['Spain'] }
		});
		expect(cardOf(preview, 152)?.back).toBe('Madrid is the capital of Spain<br>\nSince 1561');
	});

	test('renders a note type it cannot follow from its fields, and says so', () => {
		expect(cardOf(preview, 171)).toMatchObject({ front: '日本', back: 'Japan<br>日本[にほん]' });
		expect(preview.noteTypes.find((type) => type.name === FURIGANA.name)).toMatchObject({
			renderedFrom: 'fields',
			reason: expect.stringContaining('{{furigana:Reading}}')
		});
		expect(preview.noteTypes.find((type) => type.name === 'Cloze')).toMatchObject({
			renderedFrom: 'templates',
			notes: 1
		});
	});

	test('brings the media the cards name, with their types, and lists the missing', () => {
		expect(cardOf(preview, 161)?.media).toEqual(['cat.jpg']);
		expect(cardOf(preview, 101)?.media).toEqual(['bark.mp3']);
		expect(preview.media.toSorted((a, b) => a.name.localeCompare(b.name))).toEqual([
			{ name: 'bark.mp3', mime: 'audio/mpeg', bytes: BARK_MP3 },
			{ name: 'cat.jpg', mime: 'image/jpeg', bytes: CAT_PNG }
		]);
		expect(preview.missingMedia).toEqual([{ name: 'missing.png', noteIds: [18] }]);
		expect(cardOf(preview, 181)).toBeDefined();
	});

	test("rebuilds a card's FSRS state from its reviews as ts-fsrs does", () => {
		const { collections } = createScheduler(0.9).reschedule(
			createEmptyCard(new Date(START)),
			HISTORY.map(({ day, ease }) => ({ rating: ease, review: new Date(START + day * DAY) })),
			{ first_card: createEmptyCard(new Date(START)), now: new Date(START + 50 * DAY) }
		);
		const expected = collections.at(-1)?.card;
		if (!expected) throw new Error('ts-fsrs replayed no review');
		const card = cardOf(preview, 101);
		expect(card?.reviews).toMatchObject(
			HISTORY.map(({ day, ease, type }, i) => ({
				time: START + day * DAY,
				rating: ease,
				kind: ['learn', 'review', 'relearn'][type],
				durationMs: 4000 + i,
				elapsedDays: collections[i]?.log.elapsed_days,
				after: toStored(collections[i]!.card)
			}))
		);
		// Each review's state before is the one after the review before it, as the app's own log keeps them.
		expect(card?.reviews.map((review) => review.before)).toEqual([
			null,
			...(card?.reviews.slice(0, -1).map((review) => review.after) ?? [])
		]);
		expect(card?.state).toEqual(toStored(expected));
		expect(card?.state?.lapses).toBe(1);
		expect(card?.state?.due).toBeGreaterThan(START + 50 * DAY);
		expect(cardOf(preview, 111)?.state).toBeUndefined();
	});
});

test('a .colpkg, the whole collection in the current layout, reads the same way', () => {
	const preview = read(writePackage(sql, COLLECTION, 'latest', MEDIA));
	expect(preview.counts.cards).toBe(12);
});

test('without the history, every card comes in new', () => {
	const preview = read(writePackage(sql, COLLECTION, 'latest'), false);
	expect(cardOf(preview, 101)).toMatchObject({ reviews: [] });
	expect(cardOf(preview, 101)?.state).toBeUndefined();
	expect(preview.counts.reviews).toBe(0);
});

test('a card whose cloze number has no deletion is a problem of its note, not of the package', () => {
	const broken: FixtureCollection = {
		...COLLECTION,
		notes: [
			{
				id: 20,
				noteTypeId: STOCK.cloze.id,
				fields: ['{{c1::one}} only', ''],
				cards: [
					{ id: 201, ord: 0, deckId: 1 },
					{ id: 202, ord: 2, deckId: 1 }
				]
			}
		]
	};
	const preview = read(writePackage(sql, broken, 'legacy-1'));
	expect(preview.cards.map((card) => card.cardId)).toEqual([201]);
	expect(preview.problems).toEqual([{ noteId: 20, message: expect.stringContaining('no cloze deletion c3') }]);
});

test("a template's script and style are dropped, never kept as card text", () => {
	const scripted = {
		id: 1007,
		name: 'Scripted',
		fields: ['Front', 'Back'],
		templates: [
			{
				name: 'Card 1',
				qfmt: '<style>.x{}</style>{{Front}}<script>alert(1)</script>',
				afmt: '{{Back}}<script src="x.js"></script>'
			}
		]
	};
	const preview = read(
		writePackage(
			sql,
			{
				noteTypes: [scripted],
				decks: [{ id: 1, name: 'Default' }],
				notes: [{ id: 30, noteTypeId: 1007, fields: ['uno', 'one'], cards: [{ id: 301, ord: 0, deckId: 1 }] }]
			},
			'legacy-1'
		)
	);
	expect(preview.cards).toMatchObject([{ front: 'uno', back: 'one' }]);
});

describe('refuses, saying why', () => {
	const refusal = (bytes: Uint8Array) => {
		try {
			read(bytes);
		} catch (error) {
			expect(error).toBeInstanceOf(AnkiPackageError);
			return (error as Error).message;
		}
		throw new Error('the package was read');
	};

	test('a file that is not a zip', () => {
		expect(refusal(new TextEncoder().encode('front;back'))).toMatch(/not an Anki package: .* is a zip archive/);
	});

	test('a zip without a collection', () => {
		expect(refusal(zipSync({ 'notes.txt': new TextEncoder().encode('hello') }))).toMatch(/holds no Anki collection/);
	});

	test('a package whose meta names a collection it lacks', () => {
		const files = unzipSync(writePackage(sql, COLLECTION, 'latest'));
		delete files['collection.anki21b'];
		expect(refusal(zipSync(files))).toMatch(/names collection.anki21b, which is not in the zip/);
	});

	test('a package holding only the dummy note for old Ankis', () => {
		expect(refusal(zipSync({ 'collection.anki2': dummyCollection(sql) }))).toMatch(
			/only the note Anki writes for old versions/
		);
	});

	test('a corrupt or encrypted database', () => {
		const noise = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
		expect(refusal(zipSync({ 'collection.anki2': noise }))).toMatch(
			/not a readable SQLite database \(damaged, or encrypted\)/
		);
	});

	test('a damaged zstd collection', () => {
		const files = {
			meta: new Uint8Array(protoVarintField(1, 3)),
			'collection.anki21b': new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 1, 2, 3])
		};
		expect(refusal(zipSync(files))).toMatch(/the collection is damaged: its zstd compression/);
	});

	test('a password-protected zip', () => {
		const zip = writePackage(sql, COLLECTION, 'legacy-1');
		const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
		for (let offset = 0; offset + 4 <= zip.length; offset++)
			if (view.getUint32(offset, true) === 0x02014b50)
				view.setUint16(offset + 8, view.getUint16(offset + 8, true) | 1, true);
		expect(refusal(zip)).toMatch(/password-protected/);
	});

	test('an unknown schema version', () => {
		const db = new sql.Database(writeCollection(sql, COLLECTION, 18));
		db.run('update col set ver = 19');
		const collection = db.export();
		db.close();
		const files = { meta: new Uint8Array(protoVarintField(1, 3)), 'collection.anki21b': zstdRawFrame(collection) };
		expect(refusal(zipSync(files))).toMatch(/schema version 19, which this app does not know \(it reads 11 to 18\)/);
	});

	test('an unknown package version', () => {
		expect(refusal(zipSync({ meta: new Uint8Array(protoVarintField(1, 4)) }))).toMatch(/format version 4/);
	});

	test('a package over 200 MB', () => {
		const huge = new Uint8Array(MAX_PACKAGE_BYTES + 1);
		huge.set([0x50, 0x4b, 3, 4]);
		expect(refusal(huge)).toMatch(/is 201 MB, over the limit of 200 MB/);
	});
});
