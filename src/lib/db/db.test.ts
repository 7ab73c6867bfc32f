import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { hourStart } from '$lib/db/review-hours';
import { foldHours } from '$lib/db/review-days';
import { digestRows, type StateDigestRow } from '$lib/db/state-digests';
import { StudyDatabase } from './db';

describe('schema versions', () => {
	it('opens a database written by schema version 1 and finds every row', async () => {
		const name = 'written-by-v1';
		// The version 1 schema exactly as it shipped: the fixture is built by the old schema code.
		const v1 = new Dexie(name);
		v1.version(1).stores({
			factStates: 'key, [deckId+due], due',
			reviews: '++id, factKey, time, [deckId+time]',
			settings: 'id'
		});
		const card = {
			due: 1,
			stability: 2,
			difficulty: 5,
			elapsed_days: 0,
			scheduled_days: 1,
			learning_steps: 0,
			reps: 1,
			lapses: 0,
			state: 2
		};
		await v1.table('factStates').bulkAdd([
			{ key: 'd/a', deckId: 'd', factId: 'a', ...card },
			{ key: 'd/b', deckId: 'd', factId: 'b', ...card }
		]);
		await v1.table('reviews').add({
			factKey: 'd/a',
			deckId: 'd',
			factId: 'a',
			time: 5,
			rating: 3,
			elapsedDays: 0,
			durationMs: 1,
			source: 'flashcard',
			before: null,
			after: card
		});
		await v1
			.table('settings')
			.add({ id: 'study', newPerDay: 7, maxReviewsPerDay: 100, retention: 0.9, rolloverHour: 4 });
		v1.close();

		const db = new StudyDatabase(name);
		await db.open();
		expect(db.verno).toBe(12);
		expect((await db.factStates.toArray()).map((s) => s.key)).toEqual(['d/a', 'd/b']);
		// Version 4's index covers the rows written before it existed.
		expect(await db.factStates.where('[deckId+state+due]').equals(['d', 2, 1]).primaryKeys()).toEqual(['d/a', 'd/b']);
		expect(await db.reviews.count()).toBe(1);
		// Version 4 tallied the reviews already logged for the statistics.
		expect(await db.reviewHours.toArray()).toEqual([{ hour: hourStart(5), reviews: 1, mature: 0, maturePassed: 0 }]);
		// Version 10 folded the tallies into days.
		expect(await db.reviewDays.toArray()).toEqual(foldHours(await db.reviewHours.toArray()));
		expect(await db.reviewDays.count()).toBe(1);
		expect((await db.settings.get('study'))?.newPerDay).toBe(7);
		expect(await db.quizAttempts.count()).toBe(0);
		expect(await db.classResults.count()).toBe(0);
		// Version 5 added the tables of the user's decks, empty.
		expect(await db.userDecks.count()).toBe(0);
		expect(await db.userCards.count()).toBe(0);
		// Version 7 added the media of the user's decks, and version 8 the flags and the day's extra new
		// cards, all empty.
		expect(await db.media.count()).toBe(0);
		expect(await db.flags.count()).toBe(0);
		expect(await db.newLimitExtensions.count()).toBe(0);
		// Version 11 added the suspended cards, none yet.
		expect(await db.suspended.count()).toBe(0);
		// Version 9 added the packed part of the review log, empty: the rows stay where they are.
		expect(await db.reviewArchive.count()).toBe(0);
		// Version 12 made the digests of the states already stored, and dropped the index the statistics read before.
		const byShard = (rows: StateDigestRow[]) => rows.sort((a, b) => a.shard - b.shard);
		expect(await db.stateDigests.toArray()).toEqual(byShard(digestRows(await db.factStates.toArray())));
		expect(db.factStates.schema.indexes.map((i) => i.name)).not.toContain('[deckId+state+scheduled_days]');
		await db.delete();
	});
});
