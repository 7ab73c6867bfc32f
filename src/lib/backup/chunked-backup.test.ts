import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StudyDatabase } from '$lib/db/db';
import { card, review, stateOf } from '$lib/stats/fixtures';
import { State } from '$lib/db/card-state';
import { backupParts, countRows, exportBackup, importBackup, WRITE_CHUNK } from './backup';
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
let n = 0;
beforeEach(async () => {
	db = new StudyDatabase(`chunked-backup-${++n}`);
	await db.open();
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
			userCards: []
		}
	} as Backup;
}

async function contents(target: StudyDatabase) {
	return {
		states: await target.factStates.toArray(),
		reviews: await target.reviews.toArray(),
		hours: await target.reviewHours.toArray()
	};
}

describe('a long history, exported and checked in chunks', () => {
	it('the file written in parts is the backup as JSON, with progress up to every row', async () => {
		const backup = backupOf(100, WRITE_CHUNK + 1);
		const seen: Progress[] = [];
		const parts = await backupParts(backup, { onProgress: (p) => seen.push(p), pause: noPause });
		expect(JSON.parse(parts.join(''))).toEqual(JSON.parse(JSON.stringify(backup)));
		expect(seen.at(-1)).toEqual({ done: WRITE_CHUNK + 101, total: WRITE_CHUNK + 101 });
		expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((a, b) => a - b));
	});

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

	it('exports every review of a log longer than a chunk, in order', async () => {
		await importBackup(db, backupOf(10, WRITE_CHUNK + 5), 'replace');
		const { reviews } = (await exportBackup(db, T0)).tables;
		expect(reviews.map((r) => r.id)).toEqual(Array.from({ length: WRITE_CHUNK + 5 }, (_, i) => i + 1));
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
});
