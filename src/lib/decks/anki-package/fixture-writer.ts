/**
 * Anki packages written for the tests, following Anki's own definitions: the tables of
 * rslib/src/storage/schema11.sql and of upgrades/schema14, 15, 17 and 18 (with `collate unicase`,
 * which sql.js cannot create, written into the schema text afterwards), the note type and template
 * configs of proto/anki/notetypes.proto, and the package layout and media list of
 * proto/anki/import_export.proto. Zstd frames are written with raw (stored) blocks, which the format
 * allows and every decoder reads; no zstd compressor is needed for that.
 */
import { zipSync, type Zippable } from 'fflate';
import type { SqlJsStatic } from 'sql.js';

export interface FixtureTemplate {
	name: string;
	qfmt: string;
	afmt: string;
}

export interface FixtureNoteType {
	id: number;
	name: string;
	cloze?: boolean;
	fields: string[];
	templates: FixtureTemplate[];
}

export interface FixtureCard {
	id: number;
	ord: number;
	deckId: number;
	/** 0 new by default; -1 suspended, -2/-3 buried. */
	queue?: number;
}

export interface FixtureNote {
	id: number;
	noteTypeId: number;
	fields: string[];
	tags?: string[];
	cards: FixtureCard[];
}

export interface FixtureRevlog {
	time: number;
	cardId: number;
	ease: number;
	type: number;
	/** Milliseconds spent on the answer (revlog's `time`); 0 when left out. */
	durationMs?: number;
}

export interface FixtureCollection {
	noteTypes: FixtureNoteType[];
	decks: { id: number; name: string }[];
	notes: FixtureNote[];
	revlog?: FixtureRevlog[];
}

const ANSWER = '{{FrontSide}}\n\n<hr id=answer>\n\n';
/** Anki's stock note types (rslib/src/notetype/stock.rs), with their English names. */
export const STOCK = {
	basic: {
		id: 1001,
		name: 'Basic',
		fields: ['Front', 'Back'],
		templates: [{ name: 'Card 1', qfmt: '{{Front}}', afmt: `${ANSWER}{{Back}}` }]
	},
	reversed: {
		id: 1002,
		name: 'Basic (and reversed card)',
		fields: ['Front', 'Back'],
		templates: [
			{ name: 'Card 1', qfmt: '{{Front}}', afmt: `${ANSWER}{{Back}}` },
			{ name: 'Card 2', qfmt: '{{Back}}', afmt: `${ANSWER}{{Front}}` }
		]
	},
	optionalReversed: {
		id: 1003,
		name: 'Basic (optional reversed card)',
		fields: ['Front', 'Back', 'Add Reverse'],
		templates: [
			{ name: 'Card 1', qfmt: '{{Front}}', afmt: `${ANSWER}{{Back}}` },
			{ name: 'Card 2', qfmt: '{{#Add Reverse}}{{Back}}{{/Add Reverse}}', afmt: `${ANSWER}{{Front}}` }
		]
	},
	typeIn: {
		id: 1004,
		name: 'Basic (type in the answer)',
		fields: ['Front', 'Back'],
		templates: [
			{ name: 'Card 1', qfmt: '{{Front}}\n\n{{type:Back}}', afmt: '{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}' }
		]
	},
	cloze: {
		id: 1005,
		name: 'Cloze',
		cloze: true,
		fields: ['Text', 'Back Extra'],
		templates: [{ name: 'Cloze', qfmt: '{{cloze:Text}}', afmt: '{{cloze:Text}}<br>\n{{Back Extra}}' }]
	}
} satisfies Record<string, FixtureNoteType>;

// rslib/src/storage/schema11.sql
const SCHEMA_11 = `
create table col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null, dconf text not null, tags text not null);
create table notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
create table cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
create table revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
create table graves (usn integer not null, oid integer not null, type integer not null);
create index ix_notes_usn on notes (usn);
create index ix_cards_usn on cards (usn);
create index ix_revlog_usn on revlog (usn);
create index ix_cards_nid on cards (nid);
create index ix_cards_sched on cards (did, queue, due);
create index ix_revlog_cid on revlog (cid);
create index ix_notes_csum on notes (csum);
insert into col values (1,0,0,0,11,0,0,0,'{}','{}','{}','{}','{}');
`;

// upgrades/schema14_upgrade.sql, schema15_upgrade.sql, schema17_upgrade.sql and schema18_upgrade.sql
const SCHEMA_18 = `
create table deck_config (id integer primary key not null, name text not null collate nocase, mtime_secs integer not null, usn integer not null, config blob not null);
create table config (key text not null primary key, usn integer not null, mtime_secs integer not null, val blob not null) without rowid;
create table fields (ntid integer not null, ord integer not null, name text not null collate nocase, config blob not null, primary key (ntid, ord)) without rowid;
create unique index idx_fields_name_ntid on fields (name, ntid);
create table templates (ntid integer not null, ord integer not null, name text not null collate nocase, mtime_secs integer not null, usn integer not null, config blob not null, primary key (ntid, ord)) without rowid;
create unique index idx_templates_name_ntid on templates (name, ntid);
create index idx_templates_usn on templates (usn);
create table notetypes (id integer not null primary key, name text not null collate nocase, mtime_secs integer not null, usn integer not null, config blob not null);
create unique index idx_notetypes_name on notetypes (name);
create index idx_notetypes_usn on notetypes (usn);
create table decks (name text not null primary key collate nocase, id integer not null, mtime_secs integer not null, usn integer not null, common bytes not null, kind bytes not null);
create unique index idx_decks_id on decks (id);
create table tags (id integer primary key not null, name text not null collate nocase, usn integer not null, config blob not null);
drop table graves;
create table graves (oid integer not null, type integer not null, usn integer not null, primary key (oid, type)) without rowid;
create index idx_graves_pending on graves (usn);
update col set ver = 18;
`;

/** Protobuf fields written by hand: a varint, or length-delimited bytes or text. */
function varint(value: number): number[] {
	const out: number[] = [];
	let rest = value;
	while (rest >= 0x80) {
		out.push((rest % 0x80) | 0x80);
		rest = Math.floor(rest / 0x80);
	}
	out.push(rest);
	return out;
}
export function protoVarintField(number: number, value: number): number[] {
	return [...varint(number * 8), ...varint(value)];
}
export function protoBytesField(number: number, value: Uint8Array | string): number[] {
	const bytes = typeof value === 'string' ? new TextEncoder().encode(value) : value;
	return [...varint(number * 8 + 2), ...varint(bytes.length), ...bytes];
}

const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd];
const ZSTD_MAX_BLOCK = 128 * 1024;

/** A zstd frame holding the bytes in raw blocks: single segment, 4-byte content size, no checksum. */
export function zstdRawFrame(bytes: Uint8Array): Uint8Array {
	const blocks = Math.max(1, Math.ceil(bytes.length / ZSTD_MAX_BLOCK));
	const frame = new Uint8Array(4 + 1 + 4 + blocks * 3 + bytes.length);
	const view = new DataView(frame.buffer);
	frame.set(ZSTD_MAGIC, 0);
	frame[4] = 0b1010_0000; // content size in 4 bytes, single segment
	view.setUint32(5, bytes.length, true);
	let offset = 9;
	for (let block = 0; block < blocks; block++) {
		const chunk = bytes.subarray(block * ZSTD_MAX_BLOCK, (block + 1) * ZSTD_MAX_BLOCK);
		const header = (chunk.length << 3) | (block === blocks - 1 ? 1 : 0); // block type 0: raw
		frame[offset] = header & 0xff;
		frame[offset + 1] = (header >> 8) & 0xff;
		frame[offset + 2] = (header >> 16) & 0xff;
		frame.set(chunk, offset + 3);
		offset += 3 + chunk.length;
	}
	return frame;
}

const legacyModels = (noteTypes: FixtureNoteType[]) =>
	JSON.stringify(
		Object.fromEntries(
			noteTypes.map((noteType) => [
				noteType.id,
				{
					id: noteType.id,
					name: noteType.name,
					type: noteType.cloze ? 1 : 0,
					css: '.card { color: black; }',
					flds: noteType.fields.map((name, ord) => ({ name, ord })),
					tmpls: noteType.templates.map((template, ord) => ({ ...template, ord }))
				}
			])
		)
	);

/** A collection database of schema 11 (JSON note types and decks) or 18 (tables with protobuf configs). */
export function writeCollection(sql: SqlJsStatic, collection: FixtureCollection, schema: 11 | 18): Uint8Array {
	const db = new sql.Database();
	db.run(SCHEMA_11);
	if (schema === 11)
		db.run('update col set models = ?, decks = ?', [
			legacyModels(collection.noteTypes),
			JSON.stringify(Object.fromEntries(collection.decks.map((deck) => [deck.id, deck])))
		]);
	else {
		db.run(SCHEMA_18);
		for (const noteType of collection.noteTypes) {
			const config = new Uint8Array([
				...protoVarintField(1, noteType.cloze ? 1 : 0),
				...protoBytesField(3, '.card { color: black; }')
			]);
			db.run('insert into notetypes values (?, ?, 0, 0, ?)', [noteType.id, noteType.name, config]);
			noteType.fields.forEach((name, ord) =>
				db.run('insert into fields values (?, ?, ?, ?)', [noteType.id, ord, name, new Uint8Array()])
			);
			noteType.templates.forEach((template, ord) =>
				db.run('insert into templates values (?, ?, ?, 0, 0, ?)', [
					noteType.id,
					ord,
					template.name,
					new Uint8Array([...protoBytesField(1, template.qfmt), ...protoBytesField(2, template.afmt)])
				])
			);
		}
		for (const deck of collection.decks)
			db.run('insert into decks values (?, ?, 0, 0, ?, ?)', [
				deck.name.split('::').join('\x1f'),
				deck.id,
				new Uint8Array(),
				new Uint8Array()
			]);
		db.run(
			"pragma writable_schema = 1; update sqlite_master set sql = replace(sql, 'collate nocase', 'collate unicase'); pragma writable_schema = 0;"
		);
	}
	db.run('begin');
	const note = db.prepare("insert into notes values (?, ?, ?, 0, 0, ?, ?, ?, 0, 0, '')");
	const card = db.prepare("insert into cards values (?, ?, ?, ?, 0, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0, '')");
	for (const n of collection.notes) {
		const tags = n.tags?.length ? ` ${n.tags.join(' ')} ` : '';
		note.run([n.id, `guid${n.id}`, n.noteTypeId, tags, n.fields.join('\x1f'), n.fields[0] ?? '']);
		for (const c of n.cards) card.run([c.id, n.id, c.deckId, c.ord, c.queue ?? 0]);
	}
	note.free();
	card.free();
	const review = db.prepare('insert into revlog values (?, ?, 0, ?, 0, 0, 0, ?, ?)');
	for (const r of collection.revlog ?? []) review.run([r.time, r.cardId, r.ease, r.durationMs ?? 0, r.type]);
	review.free();
	db.run('commit');
	const bytes = db.export();
	db.close();
	return bytes;
}

/** The collection Anki 2.1.50+ writes as collection.anki2 beside the real one, for older versions to import. */
export function dummyCollection(sql: SqlJsStatic): Uint8Array {
	return writeCollection(
		sql,
		{
			noteTypes: [STOCK.basic],
			decks: [{ id: 1, name: 'Default' }],
			notes: [
				{
					id: 1,
					noteTypeId: STOCK.basic.id,
					fields: ['Please update to the latest Anki version, then import the .colpkg/.apkg file again.', ''],
					cards: [{ id: 1, ord: 0, deckId: 1 }]
				}
			]
		},
		11
	);
}

/**
 * - `legacy-1`: collection.anki2 alone, schema 11, JSON media list;
 * - `legacy-2`: collection.anki21 (schema 11) with a dummy collection.anki2, JSON media list;
 * - `latest`: meta (version 3), collection.anki21b (schema 18, zstd) and a dummy collection.anki2,
 *   the media list as zstd MediaEntries and each media file zstd-compressed.
 */
export type PackageVariant = 'legacy-1' | 'legacy-2' | 'latest';

export function writePackage(
	sql: SqlJsStatic,
	collection: FixtureCollection,
	variant: PackageVariant,
	media: { name: string; bytes: Uint8Array }[] = []
): Uint8Array {
	const files: Zippable = {};
	if (variant === 'latest') {
		files['meta'] = new Uint8Array(protoVarintField(1, 3));
		files['collection.anki21b'] = zstdRawFrame(writeCollection(sql, collection, 18));
		files['collection.anki2'] = dummyCollection(sql);
		const entries = media.map((file) =>
			protoBytesField(1, new Uint8Array([...protoBytesField(1, file.name), ...protoVarintField(2, file.bytes.length)]))
		);
		files['media'] = zstdRawFrame(new Uint8Array(entries.flat()));
		media.forEach((file, i) => (files[String(i)] = zstdRawFrame(file.bytes)));
	} else {
		if (variant === 'legacy-2') {
			files['collection.anki21'] = writeCollection(sql, collection, 11);
			files['collection.anki2'] = dummyCollection(sql);
		} else files['collection.anki2'] = writeCollection(sql, collection, 11);
		files['media'] = new TextEncoder().encode(
			JSON.stringify(Object.fromEntries(media.map((file, i) => [String(i), file.name])))
		);
		media.forEach((file, i) => (files[String(i)] = file.bytes));
	}
	return zipSync(files);
}

const DAY = 86_400_000;

/**
 * A collection of a serious learner's size: `notes` Basic notes in five nested decks, each card with
 * `reviewsPerCard` answers spread over months (one in seven an Again), and every `imageEvery`-th note
 * showing an image; with the image files of `imageBytes` bytes each, to pass to writePackage.
 */
export function largeCollection({
	notes: count,
	reviewsPerCard,
	imageEvery = 0,
	imageBytes = 0
}: {
	notes: number;
	reviewsPerCard: number;
	imageEvery?: number;
	imageBytes?: number;
}): { collection: FixtureCollection; media: { name: string; bytes: Uint8Array }[] } {
	const start = Date.UTC(2022, 0, 1);
	const image = (i: number) => (imageEvery > 0 && i % imageEvery === 0 ? `picture-${i}.png` : undefined);
	const notes = Array.from({ length: count }, (_, i) => ({
		id: 1_000_000 + i,
		noteTypeId: STOCK.basic.id,
		fields: [`word ${i} <b>bold</b>${image(i) ? `<img src="${image(i)}">` : ''}`, `meaning ${i}<br>with a second line`],
		tags: ['vocab', `lesson${i % 40}`],
		cards: [{ id: 2_000_000 + i, ord: 0, deckId: 1 + (i % 5) }]
	}));
	const revlog = notes.flatMap((note, i) =>
		Array.from({ length: reviewsPerCard }, (_, n) => ({
			time: start + i * 1000 + n * n * 3 * DAY,
			cardId: note.cards[0]!.id,
			ease: n % 7 === 3 ? 1 : 3,
			type: n === 0 ? 0 : 1,
			durationMs: 3000 + (i % 5000)
		}))
	);
	const media = notes.flatMap((_, i) => {
		const name = image(i);
		return name ? [{ name, bytes: new Uint8Array(imageBytes).fill(i % 251) }] : [];
	});
	return {
		collection: {
			noteTypes: [STOCK.basic],
			decks: Array.from({ length: 5 }, (_, i) => ({ id: i + 1, name: `Big::Part ${i + 1}` })),
			notes,
			revlog
		},
		media
	};
}
