import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StudyDatabase } from '$lib/db/db';
import { openTestDatabase } from '$lib/db/test-database';
import { flagCard, listFlags } from '$lib/db/flags';
import { exportBackup, importBackup } from './backup';
import { checkBackup } from './format';
import { throughFile } from './test-backup';

let db: StudyDatabase;
let other: StudyDatabase;
beforeEach(async () => {
	[db, other] = await Promise.all([openTestDatabase(), openTestDatabase()]);
});
afterEach(() => Promise.all([db.delete(), other.delete()]));

const bundled = { deckId: 'central-asia-taliban', factId: 'kz-delisting', front: 'What did Kazakhstan do?' };
const mine = { deckId: 'u-1', factId: 'card-1', front: 'Capital of Mongolia' };

describe('flagged cards in backups', () => {
	it('exports the flags of bundled and user decks, and a replacing import restores them', async () => {
		await flagCard(db, bundled, 1_000);
		await flagCard(db, mine, 2_000);
		const backup = await throughFile(await exportBackup(db, 3_000));
		expect(backup.tables.flags).toHaveLength(2);
		await flagCard(other, { deckId: 'd', factId: 'gone', front: 'Replaced' }, 500);
		await importBackup(other, backup, 'replace');
		expect(await listFlags(other)).toEqual([
			{ ...mine, flaggedAt: 2_000 },
			{ ...bundled, flaggedAt: 1_000 }
		]);
	});

	it('a merge adds the flags the device lacks and keeps its own', async () => {
		await flagCard(db, bundled, 1_000);
		await flagCard(db, mine, 2_000);
		const backup = await throughFile(await exportBackup(db, 3_000));
		await flagCard(other, { ...mine, front: 'Flagged here first' }, 1_500);
		await importBackup(other, backup, 'merge');
		expect(await listFlags(other)).toEqual([
			{ ...mine, front: 'Flagged here first', flaggedAt: 1_500 },
			{ ...bundled, flaggedAt: 1_000 }
		]);
	});

	it('imports a backup made before flags, and refuses one that flags a card twice', async () => {
		const backup = await throughFile(await exportBackup(db, 3_000));
		const { flags: _flags, ...older } = backup.tables;
		expect(checkBackup(JSON.stringify({ ...backup, tables: older }))).toMatchObject({ ok: true });
		const twice = {
			...backup,
			tables: {
				...backup.tables,
				flags: [
					{ ...mine, flaggedAt: 1 },
					{ ...mine, flaggedAt: 2 }
				]
			}
		};
		expect(checkBackup(JSON.stringify(twice))).toEqual({
			ok: false,
			message: 'This backup is damaged: the flag of the card "Capital of Mongolia" appears twice. Nothing was imported.'
		});
	});
});
