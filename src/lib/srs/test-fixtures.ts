/**
 * What the unit tests of the study modules share: a deck of thirty facts, times on the local clock
 * (so the rollover hour means what it means on the user's phone), and a fresh database per test.
 * Each test file imports fake-indexeddb/auto first, before Dexie looks for IndexedDB.
 */
import { afterEach, beforeEach } from 'vitest';
import type { Grade } from 'ts-fsrs';
import { StudyDatabase } from '$lib/db/db';
import type { StudySettings } from '$lib/db/rows';
import { DEFAULT_SETTINGS } from '$lib/db/settings';
import { recordReview } from './review';

export const DECK = 'demo';
export const FACTS = Array.from({ length: 30 }, (_, i) => `fact-${String(i).padStart(2, '0')}`);
export const deck = { deckId: DECK, factIds: FACTS };

/** A local time in November 2026. */
export const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute);

let created = 0;

/** Opens a database of its own for each test of the file and deletes it afterwards; call it at the top of the file. */
export function useTestDatabase(): () => StudyDatabase {
	let db: StudyDatabase | undefined;
	beforeEach(async () => {
		db = new StudyDatabase(`srs-test-${++created}`);
		await db.open();
	});
	afterEach(async () => {
		await db?.delete();
	});
	return () => {
		if (!db) throw new Error('useTestDatabase gives a database inside a test only');
		return db;
	};
}

/** Rates a fact of the deck as a flashcard review. */
export const rateFact = (
	db: StudyDatabase,
	factId: string,
	rating: Grade,
	now: Date,
	settings: StudySettings = DEFAULT_SETTINGS
) =>
	recordReview(db, {
		deckId: DECK,
		factId,
		rating,
		now,
		retention: settings.retention,
		source: 'flashcard',
		durationMs: 4000
	});
