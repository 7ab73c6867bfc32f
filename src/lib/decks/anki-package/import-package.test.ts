// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { StudyDatabase } from '$lib/db/db';
import { openTestDatabase } from '$lib/db/test-database';
import { deleteDeck, restoreDeleted } from '$lib/db/user-deck-edits';
import { readUserDeck } from '$lib/db/user-decks';
import { allReviews, countLoggedReviews } from '$lib/db/review-archive';
import { trainingItems } from '$lib/srs/optimiser/items';
import { ImportSession } from '../import-session.svelte';
import { sanitizeCardHtml } from '../sanitize';
import { STOCK, writePackage, type FixtureCollection } from './fixture-writer';
import { readAnkiPackage } from './read-package';

let sql: SqlJsStatic;
let db: StudyDatabase;
beforeAll(async () => {
	sql = await initSqlJs();
});
beforeEach(async () => {
	db = await openTestDatabase();
});
afterEach(() => db.delete());

const DAY = 86_400_000;
const START = Date.UTC(2025, 0, 6, 9);
const NOW = START + 60 * DAY;
const FLAG_PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const ANTHEM_MP3 = new Uint8Array([0x49, 0x44, 0x33, 3, 0, 0, 0]);

const COLLECTION: FixtureCollection = {
	noteTypes: [STOCK.basic],
	decks: [{ id: 1, name: 'Flags' }],
	notes: [
		{
			id: 1,
			noteTypeId: STOCK.basic.id,
			fields: ['<img src="mongolia.png" onerror="alert(1)">', 'Mongolia [sound:anthem.mp3]'],
			cards: [{ id: 11, ord: 0, deckId: 1 }]
		},
		{
			id: 2,
			noteTypeId: STOCK.basic.id,
			fields: ['Whose flag? <img src="lost.png"><img src="https://example.com/x.png">', 'Nobody knows'],
			cards: [{ id: 21, ord: 0, deckId: 1 }]
		}
	],
	revlog: [
		{ time: START, cardId: 11, ease: 3, type: 0, durationMs: 8000 },
		{ time: START + 1 * DAY, cardId: 11, ease: 1, type: 1, durationMs: 12000 },
		{ time: START + 1 * DAY + 600_000, cardId: 11, ease: 3, type: 2, durationMs: 5000 },
		{ time: START + 5 * DAY, cardId: 11, ease: 4, type: 3, durationMs: 3000 },
		// A manual reschedule: no answer, so no review.
		{ time: START + 6 * DAY, cardId: 11, ease: 0, type: 4 }
	]
};
const MEDIA = [
	{ name: 'mongolia.png', bytes: FLAG_PNG },
	{ name: 'anthem.mp3', bytes: ANTHEM_MP3 }
];
const PACKAGE = () => writePackage(sql, COLLECTION, 'latest', MEDIA);

/** What the import screen does: the package read (the worker's part and the page's sanitizing), then Import. */
async function importPackage(bytes: Uint8Array, keepHistory = true) {
	const session = new ImportSession();
	session.readPackage('flags.apkg', readAnkiPackage(bytes, { sql, sanitize: sanitizeCardHtml }));
	session.keepHistory = keepHistory;
	return { session, ...(await session.confirm(db, NOW)) };
}

describe('an Anki package with media and a review history', () => {
	test('the preview counts the media and their size, and names the media the package lacks', () => {
		const session = new ImportSession();
		session.readPackage('flags.apkg', readAnkiPackage(PACKAGE(), { sql, sanitize: sanitizeCardHtml }));
		expect(session.preview.mediaBytes).toBe(FLAG_PNG.length + ANTHEM_MP3.length);
		expect(session.preview.problems.map((p) => p.message)).toEqual([
			'"lost.png" is not in the package: note 2 comes without it'
		]);
		expect(session.preview.cards.map((c) => [c.front, c.media])).toEqual([
			['', { front: ['mongolia.png'], back: ['anthem.mp3'] }],
			['Whose flag?', undefined]
		]);
	});

	test('stores the images and sounds with the deck, and each card names the ones it shows', async () => {
		const { deck } = await importPackage(PACKAGE());
		const stored = await db.media.where('deckId').equals(deck.id).sortBy('name');
		expect(stored.map(({ name, type, bytes }) => ({ name, type, bytes: [...bytes] }))).toEqual([
			{ name: 'anthem.mp3', type: 'audio/mpeg', bytes: [...ANTHEM_MP3] },
			{ name: 'mongolia.png', type: 'image/png', bytes: [...FLAG_PNG] }
		]);
		const cards = (await readUserDeck(db, deck.id))?.cards ?? [];
		expect(cards.map((c) => [c.front, c.back, c.media])).toEqual([
			['', 'Mongolia', { front: ['mongolia.png'], back: ['anthem.mp3'] }],
			['Whose flag?', 'Nobody knows', undefined]
		]);
	});

	test("Anki's answers become the deck's review log: rating, time, duration and kind, tallied for the statistics", async () => {
		const { deck } = await importPackage(PACKAGE());
		const factId = (await readUserDeck(db, deck.id))!.cards[0]!.id;
		const reviews = await allReviews(db);
		expect(
			reviews.map(({ factKey, deckId, time, rating, durationMs, kind, source }) => ({
				factKey,
				deckId,
				time,
				rating,
				durationMs,
				kind,
				source
			}))
		).toEqual(
			[
				{ time: START, rating: 3, durationMs: 8000, kind: 'learn' },
				{ time: START + DAY, rating: 1, durationMs: 12000, kind: 'review' },
				{ time: START + DAY + 600_000, rating: 3, durationMs: 5000, kind: 'relearn' },
				{ time: START + 5 * DAY, rating: 4, durationMs: 3000, kind: 'filtered' }
			].map((r) => ({ ...r, factKey: `${deck.id}/${factId}`, deckId: deck.id, source: 'flashcard' }))
		);
		// The last review's state is the card's.
		expect(await db.factStates.get(`${deck.id}/${factId}`)).toMatchObject(reviews.at(-1)!.after);
		expect(reviews[0]!.before).toBeNull();
		expect((await db.reviewHours.toArray()).reduce((sum, h) => sum + h.reviews, 0)).toBe(4);
		// The optimiser fits on them: each review after the first is a training item.
		expect(trainingItems(reviews, 4)).toHaveLength(3);
	});

	test('importing the same package again adds no review twice', async () => {
		await importPackage(PACKAGE());
		await importPackage(PACKAGE());
		expect(await db.userDecks.count()).toBe(2);
		expect(await countLoggedReviews(db)).toBe(4);
		expect((await db.reviewHours.toArray()).reduce((sum, h) => sum + h.reviews, 0)).toBe(4);
	});

	test('without the history the cards come in new and the log stays empty', async () => {
		await importPackage(PACKAGE(), false);
		expect(await countLoggedReviews(db)).toBe(0);
		expect(await db.factStates.count()).toBe(0);
	});

	test('deleting the deck deletes its media; undo brings them back', async () => {
		const { deck } = await importPackage(PACKAGE());
		const deleted = await deleteDeck(db, deck.id);
		expect(await db.media.count()).toBe(0);
		await restoreDeleted(db, deleted);
		expect(await db.media.where('deckId').equals(deck.id).count()).toBe(2);
	});
});
