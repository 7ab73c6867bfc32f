import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StudyDatabase } from '$lib/db/db';
import { addQuizAttempt, openTestDatabase } from '$lib/db/test-database';
import { saveSettings, DEFAULT_SETTINGS } from '$lib/db/settings';
import { saveParameters } from '$lib/srs/optimiser/parameters';
import { default_w } from 'ts-fsrs';
import { recordReview } from '$lib/srs/review';
import { allReviews, archiveStep } from '$lib/db/review-archive';
import { countRows, exportBackup, importBackup, resetProgress } from './backup';
import { backupIsDue } from './reminder';
import { checkBackup, MAX_BACKUP_BYTES, type Backup } from './format';

let db: StudyDatabase;
beforeEach(async () => {
	db = await openTestDatabase();
});
afterEach(() => db.delete());

const DAY = 86_400_000;
const T0 = new Date(2026, 10, 1, 9).getTime();

async function study(target: StudyDatabase, factIds: string[], start = T0) {
	let t = start;
	for (const factId of factIds) {
		await recordReview(target, {
			deckId: 'd',
			factId,
			rating: 3,
			now: new Date((t += 60_000)),
			retention: 0.9,
			source: 'flashcard',
			durationMs: 1000
		});
	}
}

async function exported(): Promise<string> {
	return (await exportBackup(db, T0 + DAY)).file.text();
}

async function snapshot(target: StudyDatabase) {
	return {
		states: await target.factStates.toArray(),
		reviews: await allReviews(target),
		settings: await target.settings.toArray(),
		attempts: await target.quizAttempts.toArray()
	};
}

describe('export and import', () => {
	it('export → reset → import gives back the same states, logs and settings', async () => {
		await study(db, ['a', 'b', 'c']);
		await saveSettings(db, { ...DEFAULT_SETTINGS, newPerDay: 9 });
		await addQuizAttempt(db, T0);
		const file = await exported();
		const before = await snapshot(db);

		await resetProgress(db);
		expect(await countRows(db)).toEqual({ factStates: 0, reviews: 0, quizAttempts: 0, quizAnswers: 0 });

		const checked = checkBackup(file);
		expect(checked.ok).toBe(true);
		if (!checked.ok) return;
		expect(await importBackup(db, checked.backup, 'replace')).toEqual({
			factStates: 3,
			reviews: 3,
			quizAttempts: 1,
			quizAnswers: 1
		});
		expect(await snapshot(db)).toEqual(before);
	});

	it('a log held partly packed round-trips whole, ids kept, and later ratings get ids above them', async () => {
		await study(db, ['a', 'b', 'c']);
		await archiveStep(db, T0 + DAY);
		await study(db, ['d', 'a'], T0 + DAY);
		expect([await db.reviews.count(), await db.reviewArchive.count()]).toEqual([2, 1]);
		const file = await exported();
		const log = await allReviews(db);

		const target = await openTestDatabase();
		try {
			const checked = checkBackup(file);
			if (!checked.ok) throw new Error(checked.message);
			expect((await importBackup(target, checked.backup, 'replace')).reviews).toBe(5);
			expect(await allReviews(target)).toEqual(log);
			// Merging the same file again adds no review twice.
			expect((await importBackup(target, checked.backup, 'merge')).reviews).toBe(5);
			await study(target, ['e'], T0 + 2 * DAY);
			const ids = (await allReviews(target)).map((r) => r.id!);
			expect(ids.at(-1)).toBeGreaterThan(Math.max(...log.map((r) => r.id!)));
			expect(new Set(ids).size).toBe(6);
		} finally {
			await target.delete();
		}
	});

	it('carries the fitted FSRS parameters and the ones they replaced', async () => {
		const fitted = default_w.map((w, i) => (i === 20 ? 0.35 : w));
		await saveParameters(db, fitted);
		const file = await exported();
		await db.settings.clear();
		const checked = checkBackup(file);
		expect(checked.ok).toBe(true);
		if (!checked.ok) return;
		await importBackup(db, checked.backup, 'replace');
		expect(await db.settings.get('study')).toEqual({
			id: 'study',
			...DEFAULT_SETTINGS,
			parameters: fitted,
			previousParameters: []
		});
	});

	it('refuses parameters that are not FSRS-6 parameters', async () => {
		await saveParameters(db, [...default_w]);
		const backup = JSON.parse(await exported()) as Backup;
		backup.tables.settings[0]!.parameters = [1, 2, 3];
		const checked = checkBackup(JSON.stringify(backup));
		expect(checked).toEqual({
			ok: false,
			message:
				'This backup is damaged: tables.settings.0.parameters: FSRS parameters must be 21 numbers. Nothing was imported.'
		});
	});

	it('carries the classroom tables, and still imports a backup made before them', async () => {
		await db.classQuizzes.add({ id: 'ABCDEFG', code: '1'.repeat(20), title: 'Unit 3', createdAt: T0 });
		await db.classResults.add({
			quizId: 'ABCDEFG',
			student: 'aida',
			name: 'Aida',
			finishedAt: T0,
			given: ['X', null, true],
			code: 'R1XYZ',
			addedAt: T0
		});
		await db.classAttempts.add({
			id: 'ABCDEFG@1',
			quizId: 'ABCDEFG',
			code: '1'.repeat(20),
			title: '',
			name: 'Aida',
			startedAt: T0,
			answers: [{ given: 'X', correct: true, timeMs: 5 }]
		});
		const file = await exported();
		const checked = checkBackup(file);
		expect(checked.ok).toBe(true);
		if (!checked.ok) return;
		await db.classQuizzes.clear();
		await db.classResults.clear();
		await db.classAttempts.clear();
		await importBackup(db, checked.backup, 'replace');
		expect((await db.classResults.toArray()).map((r) => r.name)).toEqual(['Aida']);
		expect(await db.classQuizzes.count()).toBe(1);
		expect(await db.classAttempts.count()).toBe(1);
		// Merging the same file again adds nothing.
		await importBackup(db, checked.backup, 'merge');
		expect(await db.classResults.count()).toBe(1);

		const old = JSON.parse(file) as Backup;
		const { classQuizzes: _q, classResults: _r, classAttempts: _a, ...olderTables } = old.tables;
		const older = checkBackup(JSON.stringify({ ...old, tables: olderTables }));
		expect(older.ok).toBe(true);
		if (older.ok) expect(older.backup.tables.classResults).toEqual([]);
	});

	it('merges: the state reviewed last wins per fact, and logs are not duplicated', async () => {
		await study(db, ['a', 'b']);
		const file = await exported(); // a, b reviewed once

		// Another device: b reviewed again later, and c studied.
		const other = await openTestDatabase();
		const checked = checkBackup(file);
		if (!checked.ok) throw new Error(checked.message);
		await importBackup(other, checked.backup, 'replace');
		await study(other, ['b', 'c'], T0 + 2 * DAY);
		const otherFile = checkBackup(await (await exportBackup(other, T0 + 3 * DAY)).file.text());
		if (!otherFile.ok) throw new Error(otherFile.message);
		const otherStateB = await other.factStates.get('d/b');
		await other.delete();

		expect(await importBackup(db, otherFile.backup, 'merge')).toMatchObject({ factStates: 3, reviews: 4 });
		expect(await db.factStates.get('d/b')).toEqual(otherStateB);
		// Merging the same file again changes nothing.
		expect(await importBackup(db, otherFile.backup, 'merge')).toMatchObject({ factStates: 3, reviews: 4 });
	});

	it('reminds to back up 30 days after the last backup, not before', async () => {
		expect(await backupIsDue(db, T0)).toBe(false); // nothing to lose yet
		await study(db, ['a']);
		expect(await backupIsDue(db, T0 + 29 * DAY)).toBe(false);
		expect(await backupIsDue(db, T0 + 31 * DAY)).toBe(true);
		await exportBackup(db, T0 + 31 * DAY);
		expect(await backupIsDue(db, T0 + 32 * DAY)).toBe(false);
	});
});

describe('a broken backup is refused and the database is untouched', () => {
	const valid = async (): Promise<Backup> => JSON.parse(await exported());
	const cases: [string, (text: string, backup: Backup) => string, string][] = [
		['not JSON', () => 'hello, this is a text file', 'This file is not a backup: it is not JSON.'],
		["another app's JSON", () => JSON.stringify({ deck: 'anki', cards: [] }), 'not a Steppe Cards backup'],
		[
			'a future format version',
			(_t, b) => JSON.stringify({ ...b, version: 3 }),
			'made by a newer version of the app (format 3)'
		],
		[
			'wrong shapes',
			(_t, b) => JSON.stringify({ ...b, tables: { ...b.tables, reviews: [{ ...b.tables.reviews[0], rating: 7 }] } }),
			'tables.reviews.0.rating: rating must be 1, 2, 3 or 4'
		],
		[
			'a quiz of an unknown country',
			(_t, b) => {
				const config = {
					deckId: 'd',
					count: 5,
					countries: ['atlantis'],
					themes: ['economy'],
					types: ['typed'],
					order: 'source',
					feedback: 'end',
					seed: 's'
				};
				const attempt = {
					id: 'd@s',
					deckId: 'd',
					config,
					questionKeys: [],
					startedAt: T0,
					position: 0,
					correctCount: 0
				};
				return JSON.stringify({ ...b, tables: { ...b.tables, quizAttempts: [attempt] } });
			},
			'tables.quizAttempts.0.config.countries.0: unknown country "atlantis" (expected one of kazakhstan,'
		],
		[
			'a missing table',
			(_t, b) => JSON.stringify({ ...b, tables: { ...b.tables, factStates: undefined } }),
			'tables.factStates'
		],
		['truncated', (t) => t.slice(0, Math.floor(t.length / 2)), 'cut short: the file ends in the middle'],
		['an empty file (0 bytes)', () => '', 'This file is empty: there is no backup in it.'],
		['a file of blank lines', () => '\n \r\n\t', 'This file is empty: there is no backup in it.'],
		['an image', () => '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR', 'This file is not a backup: it is not JSON.'],
		['JSON null', () => 'null', 'not a Steppe Cards backup'],
		['a JSON list', () => '[1, 2, 3]', 'not a Steppe Cards backup'],
		[
			'duplicated ids',
			(_t, b) =>
				JSON.stringify({ ...b, tables: { ...b.tables, factStates: [...b.tables.factStates, b.tables.factStates[0]] } }),
			'the fact state "d/a" appears twice'
		],
		[
			'the settings twice',
			(_t, b) =>
				JSON.stringify({
					...b,
					tables: {
						...b.tables,
						settings: [
							{ id: 'study', ...DEFAULT_SETTINGS },
							{ id: 'study', ...DEFAULT_SETTINGS }
						]
					}
				}),
			'the settings entry "study" appears twice'
		],
		[
			'an app record twice',
			(_t, b) => JSON.stringify({ ...b, tables: { ...b.tables, meta: [...b.tables.meta, ...b.tables.meta] } }),
			'the app record "lastBackupAt" appears twice'
		]
	];

	it.each(cases)('%s', async (_name, breakIt, message) => {
		await study(db, ['a', 'b']);
		const text = await exported();
		const before = await snapshot(db);
		const result = checkBackup(breakIt(text, JSON.parse(text)));
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.message).toContain(message);
		expect(await snapshot(db)).toEqual(before);
	});

	it('over 256 MB, refused before parsing', () => {
		const result = checkBackup('{}', MAX_BACKUP_BYTES + 1);
		expect(result).toEqual({ ok: false, message: 'This file is 256.0 MB; a backup can be at most 256 MB.' });
	});

	it('a valid file still imports after the refusals', async () => {
		await study(db, ['a']);
		expect(checkBackup(JSON.stringify(await valid())).ok).toBe(true);
	});
});
