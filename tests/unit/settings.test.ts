import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Rating } from 'ts-fsrs';
import { recordReview } from '$lib/srs/review';
import { StudyDatabase } from '$lib/db/db';
import { DEFAULT_SETTINGS, readSettings, saveSettings } from '$lib/db/settings';

let db: StudyDatabase;
let created = 0;
beforeEach(async () => {
	db = new StudyDatabase(`settings-test-${++created}`);
	await db.open();
});
afterEach(async () => {
	await db.delete();
});

describe('storage', () => {
	it('keeps states, log and settings when the database is closed and opened again', async () => {
		await recordReview(db, {
			deckId: 'demo',
			factId: 'fact-00',
			rating: Rating.Good,
			now: new Date(2026, 10, 10, 9),
			retention: 0.9,
			source: 'flashcard',
			durationMs: 4000
		});
		await saveSettings(db, { ...DEFAULT_SETTINGS, newPerDay: 7 });
		const dbName = db.name;
		db.close();
		db = new StudyDatabase(dbName);
		await db.open();
		expect(await db.factStates.count()).toBe(1);
		expect(await db.reviews.count()).toBe(1);
		expect((await readSettings(db)).newPerDay).toBe(7);
	});

	it('refuses settings out of range and keeps the old ones', async () => {
		await expect(saveSettings(db, { ...DEFAULT_SETTINGS, retention: 1.5 })).rejects.toThrow(
			'retention must be between 0.7 and 0.99'
		);
		expect(await readSettings(db)).toEqual(DEFAULT_SETTINGS);
	});
});
