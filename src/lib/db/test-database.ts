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

/** A quiz attempt of one question, answered right, as the quiz stores it. */
export async function addQuizAttempt(db: StudyDatabase, startedAt: number): Promise<void> {
	await db.quizAttempts.add({
		id: 'q1',
		deckId: 'd',
		config: {
			deckId: 'd',
			count: 5,
			countries: [],
			themes: [],
			types: [],
			order: 'shuffled',
			feedback: 'each',
			seed: 's'
		},
		questionKeys: ['a/mc'],
		startedAt,
		position: 1,
		correctCount: 1
	});
	await db.quizAnswers.add({
		attemptId: 'q1',
		deckId: 'd',
		questionKey: 'a/mc',
		factId: 'a',
		given: 'X',
		correct: true,
		timeMs: 900,
		answeredAt: startedAt
	});
}
