import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StudyDatabase } from '$lib/db/db';
import { openTestDatabase } from '$lib/db/test-database';
import { card, review, stateOf } from '$lib/stats/fixtures';
import { State } from '$lib/db/card-state';
import { allReviews } from '$lib/db/review-archive';
import { countRows, exportBackup, importBackup, importFile, READ_CHUNK, WRITE_CHUNK } from './backup';
import {
	BACKUP_FORMAT,
	BACKUP_VERSION,
	Cancelled,
	CHECK_CHUNK,
	checkBackup,
	checkBackupInChunks,
	type Backup,
	type Progress
} from './format';

let db: StudyDatabase;
beforeEach(async () => {
	db = await openTestDatabase();
});
afterEach(() => db.delete());

const T0 = new Date(2026, 10, 1, 9).getTime();
const HOUR = 3_600_000;
/** Tests run the chunks back to back. */
const noPause = async () => {};

/** A backup of `facts` fact states and `reviews` reviews, larger than one chunk when asked. */
function backupOf(facts: number, reviews: number): Backup {
	const c = card(State.Review, 30, T0);
	return {
		format: BACKUP_FORMAT,
		version: BACKUP_VERSION,
		exportedAt: T0,
		tables: {
			factStates: Array.from({ length: facts }, (_, i) => stateOf(`f${i}`, c)),
			reviews: Array.from({ length: reviews }, (_, i) => ({
				...review(T0 + (i % 500) * HOUR, 3, c),
				factKey: `deck/f${i % facts}`,
				factId: `f${i % facts}`,
				id: i + 1
			})),
			settings: [],
			quizAttempts: [],
			quizAnswers: [],
			meta: [],
			classQuizzes: [],
			classResults: [],
			classAttempts: [],
			userDecks: [],
			userCards: [],
			flags: [],
			suspended: [],
			media: []
		}
	} as Backup;
}

async function contents(target: StudyDatabase) {
	return {
		states: await target.factStates.toArray(),
		reviews: await allReviews(target),
		hours: await target.reviewHours.toArray()
	};
}

describe('a long history, exported and checked in chunks', () => {
	it('the file written a chunk at a time is the backup as JSON, with progress up to every row', async () => {
		const backup = backupOf(100, READ_CHUNK * 2 + 1);
		await importBackup(db, backup, 'replace');
		const seen: Progress[] = [];
		const { file, rows } = await exportBackup(db, T0 + HOUR, { onProgress: (p) => seen.push(p), pause: noPause });
		const lastBackup = { key: 'lastBackupAt', value: T0 + HOUR };
		const written = JSON.parse(await file.text()) as Backup;
		// Imported reviews are kept packed in order of time: the file lists each once, in that order.
		expect(written.tables.reviews.map((r) => r.time)).toEqual(
			written.tables.reviews.map((r) => r.time).sort((a, b) => a - b)
		);
		written.tables.reviews.sort((a, b) => a.id! - b.id!);
		expect(written).toEqual({
			...backup,
			exportedAt: T0 + HOUR,
			// In key order, as the database holds them.
			tables: {
				...backup.tables,
				factStates: backup.tables.factStates.toSorted((a, b) => (a.key < b.key ? -1 : 1)),
				meta: [lastBackup]
			}
		});
		expect(rows).toMatchObject({ factStates: 100, reviews: READ_CHUNK * 2 + 1, meta: 1, userCards: 0 });
		const total = 100 + READ_CHUNK * 2 + 1 + 1;
		expect(seen.at(-1)).toEqual({ done: total, total });
		expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((a, b) => a - b));
	}, 60_000);

	it('a cancelled export stops with Cancelled', async () => {
		await importBackup(db, backupOf(10, READ_CHUNK * 2), 'replace');
		const controller = new AbortController();
		const exporting = exportBackup(db, T0, {
			signal: controller.signal,
			onProgress: () => controller.abort(),
			pause: noPause
		});
		await expect(exporting).rejects.toBeInstanceOf(Cancelled);
	}, 60_000);

	it('checking in chunks gives what checking at once gives, and reports its progress', async () => {
		const text = JSON.stringify(backupOf(10, CHECK_CHUNK * 2 + 3));
		const seen: Progress[] = [];
		const result = await checkBackupInChunks(text, text.length, { onProgress: (p) => seen.push(p), pause: noPause });
		expect(result).toEqual(checkBackup(text));
		expect(result.ok).toBe(true);
		expect(seen.map((p) => p.done)).toEqual([10, 10 + CHECK_CHUNK, 10 + 2 * CHECK_CHUNK, 10 + 2 * CHECK_CHUNK + 3]);
	});

	it('a damaged row deep in a later chunk is named by its place in the file', async () => {
		const backup = backupOf(10, CHECK_CHUNK + 50);
		(backup.tables.reviews[CHECK_CHUNK + 7] as { rating: number }).rating = 9;
		const text = JSON.stringify(backup);
		const result = await checkBackupInChunks(text, text.length, { pause: noPause });
		expect(result).toEqual({
			ok: false,
			message: `This backup is damaged: tables.reviews.${CHECK_CHUNK + 7}.rating: rating must be 1, 2, 3 or 4. Nothing was imported.`
		});
		expect(checkBackup(text)).toEqual(result);
	});

	it('a cancelled check stops with Cancelled', async () => {
		const text = JSON.stringify(backupOf(10, CHECK_CHUNK * 2));
		const controller = new AbortController();
		const checking = checkBackupInChunks(text, text.length, {
			signal: controller.signal,
			onProgress: () => controller.abort(),
			pause: noPause
		});
		await expect(checking).rejects.toBeInstanceOf(Cancelled);
	});
});

describe('an import in chunks is still all or nothing', () => {
	async function studied() {
		const small = backupOf(3, 5);
		await importBackup(db, small, 'replace');
		return contents(db);
	}

	it('writes every row, reports its progress to the end, and tallies the hours', async () => {
		const backup = backupOf(WRITE_CHUNK, WRITE_CHUNK + 10);
		const seen: Progress[] = [];
		expect(await importBackup(db, backup, 'replace', { onProgress: (p) => seen.push(p) })).toEqual({
			factStates: WRITE_CHUNK,
			reviews: WRITE_CHUNK + 10,
			quizAttempts: 0,
			quizAnswers: 0
		});
		expect(seen.map((p) => p.done)).toEqual([WRITE_CHUNK, 2 * WRITE_CHUNK, 2 * WRITE_CHUNK + 10]);
		expect((await db.reviewHours.toArray()).reduce((sum, h) => sum + h.reviews, 0)).toBe(WRITE_CHUNK + 10);
	}, 60_000);

	it('exports every review of a log longer than a chunk, once', async () => {
		await importBackup(db, backupOf(10, WRITE_CHUNK + 5), 'replace');
		const { reviews } = (JSON.parse(await (await exportBackup(db, T0, { pause: noPause })).file.text()) as Backup)
			.tables;
		expect(reviews.map((r) => r.id).sort((a, b) => a! - b!)).toEqual(
			Array.from({ length: WRITE_CHUNK + 5 }, (_, i) => i + 1)
		);
	}, 60_000);

	it('a cancel after the first chunk leaves the database exactly as it was', async () => {
		const before = await studied();
		const controller = new AbortController();
		const importing = importBackup(db, backupOf(WRITE_CHUNK, WRITE_CHUNK), 'replace', {
			signal: controller.signal,
			onProgress: () => controller.abort()
		});
		await expect(importing).rejects.toBeInstanceOf(Cancelled);
		expect(await contents(db)).toEqual(before);
	}, 60_000);

	it('a failure mid-way (a review id twice, in two chunks) leaves the database exactly as it was', async () => {
		const before = await studied();
		const backup = backupOf(10, WRITE_CHUNK + 5);
		backup.tables.reviews[WRITE_CHUNK + 2]!.id = 1;
		await expect(importBackup(db, backup, 'replace')).rejects.toThrow();
		expect(await contents(db)).toEqual(before);
		expect(await countRows(db)).toEqual({ factStates: 3, reviews: 5, quizAttempts: 0, quizAnswers: 0 });
	}, 60_000);

	it('a file, read, checked and written: a damaged one says why and changes nothing', async () => {
		const before = await studied();
		const damaged = backupOf(10, 20);
		(damaged.tables.reviews[3] as { rating: number }).rating = 0;
		expect(await importFile(db, new Blob([JSON.stringify(damaged)]), 'replace')).toEqual({
			ok: false,
			message: 'This backup is damaged: tables.reviews.3.rating: rating must be 1, 2, 3 or 4. Nothing was imported.'
		});
		const twice = backupOf(10, 20);
		twice.tables.reviews[7]!.id = 1;
		expect(await importFile(db, new Blob([JSON.stringify(twice)]), 'replace')).toEqual({
			ok: false,
			message: 'This backup is damaged: the review "1" appears twice. Nothing was imported.'
		});
		expect(await contents(db)).toEqual(before);
		const stages = new Set<string>();
		expect(
			await importFile(db, new Blob([JSON.stringify(backupOf(10, 20))]), 'replace', {
				onProgress: (stage) => stages.add(stage)
			})
		).toEqual({ ok: true, counts: { factStates: 10, reviews: 20, quizAttempts: 0, quizAnswers: 0 } });
		expect([...stages]).toEqual(['check', 'write']);
	}, 60_000);
});
