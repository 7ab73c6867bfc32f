// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '$lib/db/settings';
import { listSuspended } from '$lib/db/suspended';
import { useTestDatabase } from '$lib/db/test-database';
import { readUserDeck } from '$lib/db/user-decks';
import { loadDeckQueue } from '$lib/srs/queue/reads';
import { ImportSession } from '../import-session.svelte';
import { sanitizeCardHtml } from '../sanitize';
import { STOCK, writePackage, type FixtureCollection } from './fixture-writer';
import { readAnkiPackage } from './read-package';

let sql: SqlJsStatic;
beforeAll(async () => {
	sql = await initSqlJs();
});
const db = useTestDatabase();

const DAY = 86_400_000;
const START = Date.UTC(2025, 0, 6, 9);
const NOW = START + 60 * DAY;

const note = (id: number, front: string, queue: number) => ({
	id,
	noteTypeId: STOCK.basic.id,
	fields: [front, `Back of ${front}`],
	cards: [{ id: id * 10, ord: 0, deckId: 1, queue }]
});

/** Four cards: one ordinary, one suspended (queue -1), one buried by the scheduler (-2) and one by the user (-3). */
const COLLECTION: FixtureCollection = {
	noteTypes: [STOCK.basic],
	decks: [{ id: 1, name: 'Capitals' }],
	notes: [note(1, 'Mongolia', 0), note(2, 'Kazakhstan', -1), note(3, 'Kyrgyzstan', -2), note(4, 'Tajikistan', -3)],
	// The suspended card has a history: it comes in with its progress, suspended.
	revlog: [{ time: START, cardId: 20, ease: 3, type: 0, durationMs: 5000 }]
};

function previewed(keepHistory = true) {
	const session = new ImportSession();
	session.readPackage(
		'capitals.apkg',
		readAnkiPackage(writePackage(sql, COLLECTION, 'latest'), { sql, sanitize: sanitizeCardHtml })
	);
	session.keepHistory = keepHistory;
	return session;
}

describe("an Anki package's suspended and buried cards", () => {
	test('the preview says how many come in suspended', () => {
		expect(previewed().preview.suspended).toBe(3);
	});

	test('come in suspended, in the import, with their progress, and no study session shows them', async () => {
		const { deck } = await previewed().confirm(db(), NOW);
		const cards = (await readUserDeck(db(), deck.id))!.cards;
		const idOf = (front: string) => cards.find((c) => c.front === front)!.id;
		const suspended = await listSuspended(db(), deck.id);
		expect(suspended.map((s) => s.front).sort()).toEqual(['Kazakhstan', 'Kyrgyzstan', 'Tajikistan']);
		expect(suspended.every((s) => s.suspendedAt === NOW && s.factId === idOf(s.front))).toBe(true);
		expect(await db().factStates.get(`${deck.id}/${idOf('Kazakhstan')}`)).toBeDefined();
		const queue = await loadDeckQueue(
			db(),
			{ deckId: deck.id, factIds: cards.map((c) => c.id) },
			DEFAULT_SETTINGS,
			NOW
		);
		expect(queue.items.map((i) => i.factId)).toEqual([idOf('Mongolia')]);
	});

	test('come in suspended when the cards start as new too', async () => {
		const { deck } = await previewed(false).confirm(db(), NOW);
		expect(await db().factStates.count()).toBe(0);
		expect(await listSuspended(db(), deck.id)).toHaveLength(3);
	});
});
