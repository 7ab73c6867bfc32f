/**
 * The fresh database the unit tests build on: each gets a name no other test of its file uses, so no test
 * sees another's rows. Each test file imports fake-indexeddb/auto first, before Dexie looks for IndexedDB.
 */
import { afterEach, beforeEach } from 'vitest';
import { StudyDatabase } from './db';

let opened = 0;

/** Opens an empty database of its own; the caller deletes it. */
export async function openTestDatabase(): Promise<StudyDatabase> {
	const db = new StudyDatabase(`test-database-${++opened}`);
	await db.open();
	return db;
}

/** Opens a database of its own for each test of the file (or describe block) and deletes it afterwards. */
export function useTestDatabase(): () => StudyDatabase {
	let db: StudyDatabase | undefined;
	beforeEach(async () => {
		db = await openTestDatabase();
	});
	afterEach(async () => {
		await db?.delete();
	});
	return () => {
		if (!db) throw new Error('useTestDatabase gives a database inside a test only');
		return db;
	};
}
