/**
 * Export, import (replace or merge) and reset: each import is one transaction, all or nothing, its
 * large tables written in chunks with its progress.
 */
import Dexie, { type IndexableType, type Table } from 'dexie';
import type { StudyDatabase } from '$lib/db/db';
import type { MediaRow } from '$lib/db/rows';
import { cardsOf } from '$lib/db/user-decks';
import { countReviews } from '$lib/db/review-hours';
import {
	allReviews,
	archiveReviews,
	archivedChunksAfter,
	CHUNK_SIZE,
	clearReviewLog,
	countLoggedReviews,
	withNewIds
} from '$lib/db/review-archive';
import {
	BACKUP_FORMAT,
	BACKUP_VERSION,
	Cancelled,
	checkBackupInChunks,
	MAX_BACKUP_BYTES,
	mediaFromBackup,
	mediaToBackup,
	nextTurn,
	type Backup,
	type BackupTables,
	type ChunkOptions,
	type Progress
} from './format';
import { messageOf } from '$lib/message-of';

/** The tables a backup holds, in the file's order. */
export const TABLE_NAMES = [
	'factStates',
	'reviews',
	'settings',
	'quizAttempts',
	'quizAnswers',
	'meta',
	'classQuizzes',
	'classResults',
	'classAttempts',
	'userDecks',
	'userCards',
	'flags',
	'suspended',
	'media'
] as const satisfies readonly (keyof BackupTables)[];
export type TableName = (typeof TABLE_NAMES)[number];

/** A chunk of rows as the file holds them: a media file's bytes as base64 text. */
const inFile = (name: TableName, chunk: unknown[]) =>
	name === 'media' ? (chunk as MediaRow[]).map(mediaToBackup) : chunk;

const tablesOf = (db: StudyDatabase): Table[] => TABLE_NAMES.map((name) => db[name] as Table);
/**
 * What an export reads and an import or a reset writes: the backed-up tables, the packed part of the review
 * log (in the file's `reviews` with the rest) and the review tallies made from the log (not backed up).
 */
const writtenBy = (db: StudyDatabase) => [...tablesOf(db), db.reviewArchive, db.reviewHours];

/** Rows written, or read and serialised, between two progress reports (and, when exporting, two turns of the page). */
export const WRITE_CHUNK = 10_000;
/** Rows read and serialised in one task of the page: a few thousand reviews take about 100 ms on a busy phone. */
export const READ_CHUNK = 2_500;

/** A backup file, with the number of rows of each table in it. */
export interface ExportedBackup {
	file: Blob;
	rows: Record<TableName, number>;
}

/** The primary key of a table's row (compound keys as arrays). */
function primaryKeyOf(table: Table, row: object): IndexableType {
	const keyPath = table.schema.primKey.keyPath!;
	return Array.isArray(keyPath)
		? (keyPath.map((path) => Dexie.getByKeyPath(row, path)) as IndexableType)
		: (Dexie.getByKeyPath(row, keyPath) as IndexableType);
}

/**
 * The backup file, the text of `JSON.stringify` of a `Backup`, written as it is read: each table a chunk
 * of rows at a time in key order, each chunk read in a transaction of its own, serialised and handed to
 * the Blob, with a turn for the page between chunks. So a long history never blocks the page for long,
 * nor is held whole in memory. A review saved in another tab while the file is written may be left out
 * of it; no row is ever half in it. Progress counts rows.
 */
export async function exportBackup(
	db: StudyDatabase,
	now: number,
	{ onProgress, signal, pause = nextTurn }: ChunkOptions = {}
): Promise<ExportedBackup> {
	// The export itself counts as the last backup, and is part of the file.
	const counts = await db.transaction('rw', writtenBy(db), async () => {
		await db.meta.put({ key: 'lastBackupAt', value: now });
		return Promise.all(TABLE_NAMES.map((name) => (name === 'reviews' ? countLoggedReviews(db) : db[name].count())));
	});
	const total = counts.reduce((a, b) => a + b, 0);
	const head = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now };
	const parts: BlobPart[] = [`${JSON.stringify(head).slice(0, -1)},"tables":{`];
	const rows = {} as Record<TableName, number>;
	let done = 0;
	for (const [i, name] of TABLE_NAMES.entries()) {
		parts.push(`${i ? ',' : ''}${JSON.stringify(name)}:[`);
		rows[name] = 0;
		for await (const chunk of rowsOf(db, name, pause)) {
			if (signal?.aborted) throw new Cancelled();
			if (chunk.length === 0) continue;
			// Handed to a Blob at once, so the text leaves the page's memory.
			parts.push(new Blob([(rows[name] ? ',' : '') + JSON.stringify(inFile(name, chunk)).slice(1, -1)]));
			rows[name] += chunk.length;
			done += chunk.length;
			onProgress?.({ done, total: Math.max(total, done) });
		}
		parts.push(']');
	}
	parts.push('}}');
	return { file: new Blob(parts, { type: 'application/json' }), rows };
}

/**
 * A table's rows as the file holds them, `READ_CHUNK` at a time in key order, each read in a transaction of
 * its own, with a turn for the page before each read after the first; the reviews are the rows of `reviews`,
 * then the archived ones.
 */
async function* rowsOf(db: StudyDatabase, name: TableName, pause: () => Promise<void>): AsyncGenerator<unknown[]> {
	const table = db[name] as Table;
	let after: IndexableType | undefined;
	for (let first = true; ; first = false) {
		if (!first) await pause();
		const from = after === undefined ? table.toCollection() : table.where(':id').above(after);
		const chunk = await from.limit(READ_CHUNK).toArray();
		yield chunk;
		if (chunk.length < READ_CHUNK) break;
		after = primaryKeyOf(table, chunk.at(-1) as object);
	}
	if (name !== 'reviews') return;
	let chunkAfter: number | undefined;
	for (;;) {
		await pause();
		const chunks = await archivedChunksAfter(db, chunkAfter, READ_CHUNK / CHUNK_SIZE);
		yield chunks.flatMap((chunk) => chunk.reviews);
		if (chunks.length < READ_CHUNK / CHUNK_SIZE) break;
		chunkAfter = chunks.at(-1)!.id;
	}
}

const chunksOf = <T>(rows: readonly T[]): T[][] =>
	Array.from({ length: Math.ceil(rows.length / WRITE_CHUNK) }, (_, i) =>
		rows.slice(i * WRITE_CHUNK, (i + 1) * WRITE_CHUNK)
	);

export function backupFileName(now: number): string {
	return `steppe-cards-backup-${new Date(now).toISOString().slice(0, 10)}.json`;
}

export type ImportMode = 'replace' | 'merge';

export interface ImportCounts {
	factStates: number;
	reviews: number;
	quizAttempts: number;
	quizAnswers: number;
}

const reviewIdentity = (r: { factKey: string; time: number; rating: number; source: string }) =>
	`${r.factKey}|${r.time}|${r.rating}|${r.source}`;

/**
 * Writes a checked backup. `replace` makes the device hold exactly the backup;
 * `merge` keeps both: per fact the state reviewed last wins, and logs already
 * present are not added twice. Returns what the database holds afterwards.
 */
export async function importBackup(
	db: StudyDatabase,
	backup: Backup,
	mode: ImportMode,
	{ onProgress, signal }: Omit<ChunkOptions, 'pause'> = {}
): Promise<ImportCounts> {
	const t: BackupTables = backup.tables;
	// The large tables are written a chunk at a time, each a bulk operation of the one transaction, so
	// progress shows between them; a cancel throws, which aborts the transaction and leaves the database as it was.
	const total = t.factStates.length + t.reviews.length;
	let done = 0;
	function written(count: number) {
		if (signal?.aborted) throw new Cancelled();
		done += count;
		onProgress?.({ done, total });
	}
	async function inChunks<T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>) {
		for (const chunk of chunksOf(rows)) {
			if (signal?.aborted) throw new Cancelled();
			await write(chunk);
			written(chunk.length);
		}
	}
	return db.transaction('rw', writtenBy(db), async () => {
		if (mode === 'replace') {
			await Promise.all(writtenBy(db).map((table) => table.clear()));
			if (signal?.aborted) throw new Cancelled();
			await inChunks(t.factStates, (chunk) => db.factStates.bulkAdd(chunk));
			// Cleared above with the rest; the file's reviews are written packed, ids kept.
			await archiveReviews(db, t.reviews, written);
			await countReviews(db, t.reviews);
			await db.settings.bulkAdd(t.settings);
			await db.quizAttempts.bulkAdd(t.quizAttempts);
			await db.quizAnswers.bulkAdd(t.quizAnswers);
			await db.meta.bulkAdd(t.meta);
			await db.classQuizzes.bulkAdd(t.classQuizzes);
			await db.classResults.bulkAdd(t.classResults);
			await db.classAttempts.bulkAdd(t.classAttempts);
			await db.userDecks.bulkAdd(t.userDecks);
			await db.userCards.bulkAdd(t.userCards);
			await db.flags.bulkAdd(t.flags);
			await db.suspended.bulkAdd(t.suspended);
			await db.media.bulkAdd(t.media.map(mediaFromBackup));
		} else {
			const current = new Map((await db.factStates.toArray()).map((s) => [s.key, s]));
			const newer = t.factStates.filter((s) => {
				const mine = current.get(s.key);
				return !mine || (s.last_review ?? 0) > (mine.last_review ?? 0);
			});
			await inChunks(newer, (chunk) => db.factStates.bulkPut(chunk));
			done = t.factStates.length;

			const known = new Set((await allReviews(db)).map(reviewIdentity));
			// Ids are local to a device: merged reviews get new ones.
			const added = await withNewIds(
				db,
				t.reviews.filter((r) => !known.has(reviewIdentity(r)))
			);
			await archiveReviews(db, added, written);
			await countReviews(db, added);
			onProgress?.({ done: total, total });

			const attempts = new Set(await db.quizAttempts.toCollection().primaryKeys());
			await db.quizAttempts.bulkAdd(t.quizAttempts.filter((a) => !attempts.has(a.id)));
			const answers = new Set((await db.quizAnswers.toArray()).map((a) => `${a.attemptId}|${a.questionKey}`));
			await db.quizAnswers.bulkAdd(
				t.quizAnswers.filter((a) => !answers.has(`${a.attemptId}|${a.questionKey}`)).map(({ id: _id, ...a }) => a)
			);
			// Classroom rows: the device's own are kept; the backup adds those it lacks.
			const classQuizzes = new Set(await db.classQuizzes.toCollection().primaryKeys());
			await db.classQuizzes.bulkAdd(t.classQuizzes.filter((q) => !classQuizzes.has(q.id)));
			const classResults = new Set((await db.classResults.toArray()).map((r) => `${r.quizId}|${r.student}`));
			await db.classResults.bulkAdd(t.classResults.filter((r) => !classResults.has(`${r.quizId}|${r.student}`)));
			const classAttempts = new Set(await db.classAttempts.toCollection().primaryKeys());
			await db.classAttempts.bulkAdd(t.classAttempts.filter((a) => !classAttempts.has(a.id)));
			// A deck the device lacks is added; of a deck both have, the one changed last wins, with its cards.
			const mine = new Map((await db.userDecks.toArray()).map((d) => [d.id, d]));
			const newerDecks = t.userDecks.filter((d) => d.updated > (mine.get(d.id)?.updated ?? -Infinity));
			const replaced = new Set(newerDecks.map((d) => d.id));
			for (const deckId of replaced) {
				await cardsOf(db, deckId).delete();
				await db.media.where('deckId').equals(deckId).delete();
			}
			await db.userDecks.bulkPut(newerDecks);
			await db.userCards.bulkPut(t.userCards.filter((c) => replaced.has(c.deckId)));
			await db.media.bulkPut(t.media.filter((m) => replaced.has(m.deckId)).map(mediaFromBackup));
			// A flag on either side stays; a card flagged on both keeps the device's.
			const flagged = new Set((await db.flags.toArray()).map((f) => `${f.deckId}/${f.factId}`));
			await db.flags.bulkAdd(t.flags.filter((f) => !flagged.has(`${f.deckId}/${f.factId}`)));
			// Likewise a suspension on either side stays.
			const suspended = new Set((await db.suspended.toArray()).map((s) => `${s.deckId}/${s.factId}`));
			await db.suspended.bulkAdd(t.suspended.filter((s) => !suspended.has(`${s.deckId}/${s.factId}`)));
			// The device's own settings are kept when merging.
			if ((await db.settings.count()) === 0) await db.settings.bulkAdd(t.settings);
		}
		if (signal?.aborted) throw new Cancelled();
		return countRows(db);
	});
}

/** The two halves of an import: checking the file, then writing it. */
export type ImportStage = 'check' | 'write';

export interface ImportOptions {
	onProgress?: (stage: ImportStage, progress: Progress) => void;
	signal?: AbortSignal;
}

export type ImportOutcome = { ok: true; counts: ImportCounts } | { ok: false; message: string };

/**
 * Reads, checks and imports a backup file: what the database holds afterwards, or why nothing was
 * imported (a refused file, or a write that failed and was undone). A cancel throws `Cancelled`.
 */
export async function importFile(
	db: StudyDatabase,
	file: Blob,
	mode: ImportMode,
	{ onProgress, signal }: ImportOptions = {}
): Promise<ImportOutcome> {
	// Refused before reading, so a huge file never fills the phone's memory.
	const text = file.size > MAX_BACKUP_BYTES ? '' : await file.text();
	const checked = await checkBackupInChunks(text, file.size, {
		signal,
		onProgress: (p) => onProgress?.('check', p)
	});
	if (!checked.ok) return checked;
	try {
		const counts = await importBackup(db, checked.backup, mode, {
			signal,
			onProgress: (p) => onProgress?.('write', p)
		});
		return { ok: true, counts };
	} catch (error) {
		if (error instanceof Cancelled) throw error;
		// Worded as the settings page words an import that fails otherwise: "could not be saved" is the export's.
		return { ok: false, message: `The backup could not be imported, so nothing was changed: ${messageOf(error)}` };
	}
}

export async function countRows(db: StudyDatabase): Promise<ImportCounts> {
	const [factStates, reviews, quizAttempts, quizAnswers] = await Promise.all([
		db.factStates.count(),
		countLoggedReviews(db),
		db.quizAttempts.count(),
		db.quizAnswers.count()
	]);
	return { factStates, reviews, quizAttempts, quizAnswers };
}

/**
 * Forgets all progress (states, reviews, quiz history, classroom attempts, suspended cards) and the user's
 * own decks; keeps the settings, the flags and the teacher's class quizzes and results.
 */
export async function resetProgress(db: StudyDatabase): Promise<void> {
	await db.transaction('rw', writtenBy(db), async () => {
		await Promise.all([
			db.factStates.clear(),
			clearReviewLog(db),
			db.reviewHours.clear(),
			db.quizAttempts.clear(),
			db.quizAnswers.clear(),
			db.classAttempts.clear(),
			db.userDecks.clear(),
			db.userCards.clear(),
			db.media.clear(),
			db.suspended.clear()
		]);
		await db.meta.delete('lastBackupAt');
	});
}
