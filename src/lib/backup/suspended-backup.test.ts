import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StudyDatabase } from '$lib/db/db';
import { openTestDatabase } from '$lib/db/test-database';
import { listSuspended, suspendCard } from '$lib/db/suspended';
import { exportBackup, importBackup, resetProgress } from './backup';
import { checkBackup } from './format';
import { throughFile } from './test-backup';

let db: StudyDatabase;
let other: StudyDatabase;
beforeEach(async () => {
	[db, other] = await Promise.all([openTestDatabase(), openTestDatabase()]);
});
afterEach(() => Promise.all([db.delete(), other.delete()]));

const bundled = { deckId: 'central-asia-taliban', factId: 'kz-delisting', front: 'What did Kazakhstan do?' };
const alsoBundled = { deckId: 'central-asia-taliban', factId: 'uz-termez', front: 'What is at Termez?' };
const mine = { deckId: 'u-1', factId: 'card-1', front: 'Capital of Mongolia' };

describe('suspended cards in backups', () => {
	it('exports the suspensions of bundled and user decks, and a replacing import restores them', async () => {
		await suspendCard(db, bundled, 1_000);
		await suspendCard(db, mine, 2_000);
		const backup = await throughFile(await exportBackup(db, 3_000));
		expect(backup.tables.suspended).toHaveLength(2);
		await suspendCard(other, alsoBundled, 500);
		await importBackup(other, backup, 'replace');
		expect(await listSuspended(other, bundled.deckId)).toEqual([{ ...bundled, suspendedAt: 1_000 }]);
		expect(await listSuspended(other, mine.deckId)).toEqual([{ ...mine, suspendedAt: 2_000 }]);
	});

	it('a merge adds the suspensions the device lacks and keeps its own', async () => {
		await suspendCard(db, bundled, 1_000);
		await suspendCard(db, mine, 2_000);
		const backup = await throughFile(await exportBackup(db, 3_000));
		await suspendCard(other, alsoBundled, 500);
		await suspendCard(other, { ...mine, front: 'Suspended here first' }, 1_500);
		await importBackup(other, backup, 'merge');
		expect(await listSuspended(other, bundled.deckId)).toEqual([
			{ ...bundled, suspendedAt: 1_000 },
			{ ...alsoBundled, suspendedAt: 500 }
		]);
		expect(await listSuspended(other, mine.deckId)).toEqual([
			{ ...mine, front: 'Suspended here first', suspendedAt: 1_500 }
		]);
	});

	it('imports a backup made before suspended cards, and refuses one that suspends a card twice', async () => {
		const backup = await throughFile(await exportBackup(db, 3_000));
		const { suspended: _suspended, ...older } = backup.tables;
		const checked = checkBackup(JSON.stringify({ ...backup, tables: older }));
		expect(checked).toMatchObject({ ok: true, backup: { tables: { suspended: [] } } });
		const twice = {
			...backup,
			tables: {
				...backup.tables,
				suspended: [
					{ ...mine, suspendedAt: 1 },
					{ ...mine, suspendedAt: 2 }
				]
			}
		};
		expect(checkBackup(JSON.stringify(twice))).toEqual({
			ok: false,
			message:
				'This backup is damaged: the suspension of the card "Capital of Mongolia" appears twice. Nothing was imported.'
		});
	});

	it('resetting all progress removes every suspension', async () => {
		await suspendCard(db, bundled, 1_000);
		await resetProgress(db);
		expect(await db.suspended.count()).toBe(0);
	});
});
