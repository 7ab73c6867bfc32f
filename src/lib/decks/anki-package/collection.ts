/**
 * The rows of an Anki collection that an import needs, from either layout
 * (rslib/src/storage/schema11.sql and upgrades/schema15_upgrade.sql):
 * - schema 11: note types and decks as JSON in the `col` row's `models` and `decks`;
 * - schema 15 to 18: tables `notetypes`, `fields`, `templates`, `decks`, with protobuf configs and
 *   deck names whose levels are separated by \x1f rather than `::`.
 * Notes, cards and the review log have the same columns in both.
 */
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import { AnkiPackageError } from './errors';
import { protoFields, protoString, protoVarint } from './protobuf';

export interface AnkiTemplate {
	name: string;
	/** The question and answer templates. */
	qfmt: string;
	afmt: string;
}

export interface AnkiNoteType {
	id: number;
	name: string;
	cloze: boolean;
	fields: string[];
	templates: AnkiTemplate[];
}

export interface AnkiNote {
	id: number;
	noteTypeId: number;
	tags: string[];
	fields: string[];
}

export interface AnkiCardRow {
	id: number;
	noteId: number;
	deckId: number;
	/** The template's index, or a cloze card's number less one. */
	ord: number;
	/** -1 suspended, -2 and -3 buried. */
	queue: number;
}

export interface AnkiRevlogRow {
	/** When, in epoch milliseconds (the row's id). */
	time: number;
	cardId: number;
	/** 1–4, or 0 for a row that is no answer (a manual reschedule). */
	ease: number;
	/** 0 learn, 1 review, 2 relearn, 3 filtered deck, 4 manual, 5 rescheduled. */
	type: number;
	/** Milliseconds spent on the answer (the row's `time`; Anki caps it at the deck's limit, 60 s by default). */
	durationMs: number;
}

export interface AnkiCollection {
	schema: number;
	noteTypes: Map<number, AnkiNoteType>;
	/** Deck names by id, levels joined by `::`. */
	decks: Map<number, string>;
	notes: AnkiNote[];
	cards: AnkiCardRow[];
	revlog: AnkiRevlogRow[];
}

/** The schema versions read: 11 (JSON note types) to 18 (the newest Anki writes). */
export const SCHEMA_VERSIONS = { oldest: 11, newest: 18, firstWithTables: 15 } as const;

const FIELD_SEPARATOR = '\x1f';

function rows(db: Database, sql: string): SqlValue[][] {
	const statement = db.prepare(sql);
	const result: SqlValue[][] = [];
	try {
		while (statement.step()) result.push(statement.get());
	} finally {
		statement.free();
	}
	return result;
}

const text = (value: SqlValue | undefined) =>
	typeof value === 'string'
		? value
		: value instanceof Uint8Array
			? new TextDecoder().decode(value)
			: String(value ?? '');
const bytes = (value: SqlValue | undefined) => (value instanceof Uint8Array ? value : new Uint8Array());

interface LegacyModel {
	id?: number | string;
	name?: string;
	type?: number;
	flds?: { name?: string; ord?: number }[];
	tmpls?: { name?: string; ord?: number; qfmt?: string; afmt?: string }[];
}

const byOrd = <T extends { ord?: number }>(a: T, b: T) => (a.ord ?? 0) - (b.ord ?? 0);

function legacyNoteTypes(json: string): Map<number, AnkiNoteType> {
	const models = JSON.parse(json) as Record<string, LegacyModel>;
	const noteTypes = new Map<number, AnkiNoteType>();
	for (const [key, model] of Object.entries(models)) {
		const id = Number(model.id ?? key);
		noteTypes.set(id, {
			id,
			name: model.name ?? '',
			cloze: model.type === 1,
			fields: [...(model.flds ?? [])].sort(byOrd).map((field) => field.name ?? ''),
			templates: [...(model.tmpls ?? [])]
				.sort(byOrd)
				.map((template) => ({ name: template.name ?? '', qfmt: template.qfmt ?? '', afmt: template.afmt ?? '' }))
		});
	}
	return noteTypes;
}

function legacyDecks(json: string): Map<number, string> {
	const decks = JSON.parse(json) as Record<string, { id?: number | string; name?: string }>;
	return new Map(Object.entries(decks).map(([key, deck]) => [Number(deck.id ?? key), deck.name ?? '']));
}

const NOTETYPE_KIND = 1;
const NOTETYPE_KIND_CLOZE = 1;
const TEMPLATE_QUESTION = 1;
const TEMPLATE_ANSWER = 2;

function tableNoteTypes(db: Database): Map<number, AnkiNoteType> {
	const noteTypes = new Map<number, AnkiNoteType>();
	for (const [id, name, config] of rows(db, 'select id, name, config from notetypes'))
		noteTypes.set(Number(id), {
			id: Number(id),
			name: text(name),
			cloze: protoVarint(protoFields(bytes(config)), NOTETYPE_KIND) === NOTETYPE_KIND_CLOZE,
			fields: [],
			templates: []
		});
	for (const [noteTypeId, name] of rows(db, 'select ntid, name from fields order by ntid, ord'))
		noteTypes.get(Number(noteTypeId))?.fields.push(text(name));
	for (const [noteTypeId, name, config] of rows(db, 'select ntid, name, config from templates order by ntid, ord')) {
		const fields = protoFields(bytes(config));
		noteTypes.get(Number(noteTypeId))?.templates.push({
			name: text(name),
			qfmt: protoString(fields, TEMPLATE_QUESTION),
			afmt: protoString(fields, TEMPLATE_ANSWER)
		});
	}
	return noteTypes;
}

function tableDecks(db: Database): Map<number, string> {
	return new Map(
		rows(db, 'select id, name from decks').map(([id, name]) => [
			Number(id),
			text(name).split(FIELD_SEPARATOR).join('::')
		])
	);
}

function schemaVersion(db: Database): number {
	let version: SqlValue | undefined;
	try {
		version = rows(db, 'select ver from col')[0]?.[0];
	} catch (error) {
		throw new AnkiPackageError(
			`the collection in this package is damaged: ${damage(error as Error)}; export it again from Anki`
		);
	}
	if (typeof version !== 'number')
		throw new AnkiPackageError(
			'the collection in this package has no version: it is damaged; export it again from Anki'
		);
	if (version < SCHEMA_VERSIONS.oldest || version > SCHEMA_VERSIONS.newest)
		throw new AnkiPackageError(
			`the collection in this package is of schema version ${version}, which this app does not know (it reads ${SCHEMA_VERSIONS.oldest} to ${SCHEMA_VERSIONS.newest}): ${version > SCHEMA_VERSIONS.newest ? 'a newer Anki wrote it; export it with "Support older Anki versions" ticked' : 'export it again from a current Anki'}`
		);
	return version;
}

const UNICASE = /collate\s+unicase/gi;

/**
 * The collection opened from its bytes. Anki's tables sort names with its own `unicase` collation,
 * which sql.js cannot provide, and SQLite needs it to read a table whose key includes such a column
 * (`fields`, `templates`): the schema is rewritten to SQLite's `nocase`, which reads the same rows,
 * and the database opened again with it.
 */
export function openCollection(sql: SqlJsStatic, bytes: Uint8Array): Database {
	let db: Database;
	try {
		db = new sql.Database(bytes);
		const unicase = rows(db, "select name, sql from sqlite_master where sql like '%unicase%'");
		if (unicase.length === 0) return db;
		db.run('pragma writable_schema = 1');
		for (const [name, definition] of unicase)
			db.run('update sqlite_master set sql = ? where name = ?', [
				text(definition).replace(UNICASE, 'collate nocase'),
				text(name)
			]);
		db.run('pragma writable_schema = 0');
		const rewritten = db.export();
		db.close();
		return new sql.Database(rewritten);
	} catch (error) {
		throw new AnkiPackageError(
			`the collection in this package is damaged: ${damage(error as Error)}; export it again from Anki`
		);
	}
}

function damage(error: Error): string {
	return /not a database|encrypted/i.test(error.message)
		? 'it is not a readable SQLite database (damaged, or encrypted)'
		: `it cannot be read (${error.message})`;
}

/** Everything the import reads from the database, or an AnkiPackageError when it is damaged or unknown. */
export function readCollection(db: Database): AnkiCollection {
	const schema = schemaVersion(db);
	try {
		let noteTypes: Map<number, AnkiNoteType>;
		let decks: Map<number, string>;
		if (schema < SCHEMA_VERSIONS.firstWithTables) {
			const [models, deckJson] = rows(db, 'select models, decks from col')[0] ?? [];
			noteTypes = legacyNoteTypes(text(models));
			decks = legacyDecks(text(deckJson));
		} else {
			noteTypes = tableNoteTypes(db);
			decks = tableDecks(db);
		}
		const notes = rows(db, 'select id, mid, tags, flds from notes order by id').map(
			([id, noteTypeId, tags, fields]) => ({
				id: Number(id),
				noteTypeId: Number(noteTypeId),
				tags: text(tags)
					.split(' ')
					.filter((tag) => tag !== ''),
				fields: text(fields).split(FIELD_SEPARATOR)
			})
		);
		const cards = rows(db, 'select id, nid, did, ord, queue from cards order by nid, ord').map(
			([id, noteId, deckId, ord, queue]) => ({
				id: Number(id),
				noteId: Number(noteId),
				deckId: Number(deckId),
				ord: Number(ord),
				queue: Number(queue)
			})
		);
		const revlog = rows(db, 'select id, cid, ease, type, time from revlog order by cid, id').map(
			([time, cardId, ease, type, duration]) => ({
				time: Number(time),
				cardId: Number(cardId),
				ease: Number(ease),
				type: Number(type),
				durationMs: Math.max(0, Number(duration) || 0)
			})
		);
		return { schema, noteTypes, decks, notes, cards, revlog };
	} catch (error) {
		if (error instanceof AnkiPackageError) throw error;
		throw new AnkiPackageError(
			`the collection in this package is damaged (${(error as Error).message}): export it again from Anki`
		);
	}
}
