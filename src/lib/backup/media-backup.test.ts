import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { StudyDatabase } from '$lib/db/db';
import { openTestDatabase } from '$lib/db/test-database';
import { createDeckWithCards } from '$lib/db/user-deck-edits';
import { readUserDeck } from '$lib/db/user-decks';
import { exportBackup, importBackup, resetProgress } from './backup';
import { checkBackup } from './format';

let db: StudyDatabase;
beforeEach(async () => {
	db = await openTestDatabase();
});
afterEach(() => db.delete());

const T0 = new Date(2026, 10, 1, 9).getTime();
// Every byte value, so base64 and back must keep each one.
const PICTURE = Uint8Array.from({ length: 256 }, (_, i) => i);

test("a backup holds the decks' images and sounds: export, reset and import give them back", async () => {
	const { deck } = await createDeckWithCards(
		db,
		{ title: 'Flags' },
		[{ front: '', back: 'Mongolia', media: { front: ['mongolia.png'], back: [] } }],
		T0,
		[{ name: 'mongolia.png', type: 'image/png', bytes: PICTURE }]
	);
	const text = await (await exportBackup(db, T0)).file.text();
	await resetProgress(db);
	expect(await db.media.count()).toBe(0);
	const checked = checkBackup(text);
	if (!checked.ok) throw new Error(checked.message);
	await importBackup(db, checked.backup, 'replace');
	const stored = await db.media.toArray();
	expect(stored.map((m) => ({ ...m, bytes: [...m.bytes] }))).toEqual([
		{ deckId: deck.id, name: 'mongolia.png', type: 'image/png', bytes: [...PICTURE] }
	]);
	expect((await readUserDeck(db, deck.id))?.cards[0]).toMatchObject({
		front: '',
		media: { front: ['mongolia.png'], back: [] }
	});
});

test('merging a backup brings the media of the decks it adds', async () => {
	await createDeckWithCards(
		db,
		{ title: 'Flags' },
		[{ front: 'Flag', back: '', media: { front: [], back: ['f.png'] } }],
		T0,
		[{ name: 'f.png', type: 'image/png', bytes: PICTURE }]
	);
	const checked = checkBackup(await (await exportBackup(db, T0)).file.text());
	if (!checked.ok) throw new Error(checked.message);
	await resetProgress(db);
	await importBackup(db, checked.backup, 'merge');
	expect(await db.media.count()).toBe(1);
});
