/**
 * Export, import (replace or merge) and reset: each import is one transaction, all or nothing, its
 * large tables written in chunks with its progress.
 */
import type { StudyDatabase } from '$lib/db/db';
import type { ReviewRow } from '$lib/db/rows';
import { cardsOf } from '$lib/db/user-decks';
import { countReviews } from '$lib/db/review-hours';
import {
	BACKUP_FORMAT,
	BACKUP_VERSION,
	Cancelled,
	nextTurn,
	type Backup,
	type BackupTables,
	type ChunkOptions
} from './format';

/** The tables a backup holds. */
const tablesOf = (db: StudyDatabase) => [
	db.factStates,
	db.reviews,
	db.settings,
	db.quizAttempts,
	db.quizAnswers,
	db.meta,
	db.classQuizzes,
	db.classResults,
	db.classAttempts,
	db.userDecks,
	db.userCards
];
/** What an import or a reset writes: the backed-up tables and the review tallies made from the log (not backed up). */
const writtenBy = (db: StudyDatabase) => [...tablesOf(db), db.reviewHours];

/**
 * The whole review log, read a chunk at a time in key order (inside the caller's transaction), so no
 * single read hands the page hundreds of thousands of rows to unpack at once.
 */
async function reviewsInChunks(db: StudyDatabase) {
	const rows: ReviewRow[] = [];
	for (;;) {
		const last = rows.at(-1)?.id ?? -Infinity;
		const chunk = await db.reviews.where('id').above(last).limit(WRITE_CHUNK).toArray();
		rows.push(...chunk);
		if (chunk.length < WRITE_CHUNK) return rows;
	}
}

export async function exportBackup(db: StudyDatabase, now: number): Promise<Backup> {
	return db.transaction('rw', tablesOf(db), async () => {
		// The export itself counts as the last backup, and is part of the file.
		await db.meta.put({ key: 'lastBackupAt', value: now });
		const [
			factStates,
			reviews,
			settings,
			quizAttempts,
			quizAnswers,
			meta,
			classQuizzes,
			classResults,
			classAttempts,
			userDecks,
			userCards
		] = await Promise.all([
			db.factStates.toArray(),
			reviewsInChunks(db),
			db.settings.toArray(),
			db.quizAttempts.toArray(),
			db.quizAnswers.toArray(),
			db.meta.toArray(),
			db.classQuizzes.toArray(),
			db.classResults.toArray(),
			db.classAttempts.toArray(),
			db.userDecks.toArray(),
			db.userCards.toArray()
		]);
		return {
			format: BACKUP_FORMAT,
			version: BACKUP_VERSION,
			exportedAt: now,
			tables: {
				factStates,
				reviews,
				settings,
				quizAttempts,
				quizAnswers,
				meta,
				classQuizzes,
				classResults,
				classAttempts,
				userDecks,
				userCards
			}
		} as Backup;
	});
}

/** Rows written or serialised between two progress reports (and, when serialising, two turns of the page). */
export const WRITE_CHUNK = 10_000;

/**
 * The backup as the JSON text of `JSON.stringify(backup)`, in parts: the rows of each table are
 * serialised a chunk at a time with a turn for the page between chunks, so a long history never
 * blocks the page for long. Progress counts rows.
 */
export async function backupParts(
	backup: Backup,
	{ onProgress, signal, pause = nextTurn }: ChunkOptions = {}
): Promise<string[]> {
	const tables = Object.entries(backup.tables) as [string, unknown[]][];
	const total = tables.reduce((n, [, rows]) => n + rows.length, 0);
	// The file's fields in their order, the tables last and opened here; the rows follow.
	const parts = [`${JSON.stringify({ ...backup, tables: undefined }).slice(0, -1)},"tables":{`];
	let done = 0;
	for (const [i, [name, rows]] of tables.entries()) {
		parts.push(`${i ? ',' : ''}${JSON.stringify(name)}:[`);
		for (const [c, chunk] of chunksOf(rows).entries()) {
			if (signal?.aborted) throw new Cancelled();
			parts.push((c ? ',' : '') + chunk.map((row) => JSON.stringify(row)).join(','));
			done += chunk.length;
			onProgress?.({ done, total });
			await pause();
		}
		parts.push(']');
	}
	parts.push('}}');
	return parts;
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
	async function inChunks<T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>) {
		for (const chunk of chunksOf(rows)) {
			if (signal?.aborted) throw new Cancelled();
			await write(chunk);
			done += chunk.length;
			onProgress?.({ done, total });
		}
	}
	return db.transaction('rw', writtenBy(db), async () => {
		if (mode === 'replace') {
			await Promise.all(writtenBy(db).map((table) => table.clear()));
			await inChunks(t.factStates, (chunk) => db.factStates.bulkAdd(chunk));
			await inChunks(t.reviews, (chunk) => db.reviews.bulkAdd(chunk));
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
		} else {
			const current = new Map((await db.factStates.toArray()).map((s) => [s.key, s]));
			const newer = t.factStates.filter((s) => {
				const mine = current.get(s.key);
				return !mine || (s.last_review ?? 0) > (mine.last_review ?? 0);
			});
			await inChunks(newer, (chunk) => db.factStates.bulkPut(chunk));
			done = t.factStates.length;

			const known = new Set((await db.reviews.toArray()).map(reviewIdentity));
			// Ids are local to a device: merged rows get new ones.
			const added = t.reviews.filter((r) => !known.has(reviewIdentity(r))).map(({ id: _id, ...r }) => r);
			await inChunks(added, (chunk) => db.reviews.bulkAdd(chunk));
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
			for (const deckId of replaced) await cardsOf(db, deckId).delete();
			await db.userDecks.bulkPut(newerDecks);
			await db.userCards.bulkPut(t.userCards.filter((c) => replaced.has(c.deckId)));
			// The device's own settings are kept when merging.
			if ((await db.settings.count()) === 0) await db.settings.bulkAdd(t.settings);
		}
		if (signal?.aborted) throw new Cancelled();
		return countRows(db);
	});
}

export async function countRows(db: StudyDatabase): Promise<ImportCounts> {
	const [factStates, reviews, quizAttempts, quizAnswers] = await Promise.all([
		db.factStates.count(),
		db.reviews.count(),
		db.quizAttempts.count(),
		db.quizAnswers.count()
	]);
	return { factStates, reviews, quizAttempts, quizAnswers };
}

/**
 * Forgets all progress (states, reviews, quiz history, classroom attempts) and the user's own decks;
 * keeps the settings and the teacher's class quizzes and results.
 */
export async function resetProgress(db: StudyDatabase): Promise<void> {
	await db.transaction('rw', writtenBy(db), async () => {
		await Promise.all([
			db.factStates.clear(),
			db.reviews.clear(),
			db.reviewHours.clear(),
			db.quizAttempts.clear(),
			db.quizAnswers.clear(),
			db.classAttempts.clear(),
			db.userDecks.clear(),
			db.userCards.clear()
		]);
		await db.meta.delete('lastBackupAt');
	});
}
