import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StudyDatabase } from '$lib/db/db';
import { createDeckWithCards } from '$lib/db/user-deck-edits';
import { readUserDeck } from '$lib/db/user-decks';
import { recordReview } from '$lib/srs/review';
import { exportBackup, importBackup, resetProgress } from './backup';
import { checkBackup, type Backup } from './format';

let db: StudyDatabase;
let n = 0;
beforeEach(async () => {
	db = new StudyDatabase(`user-decks-backup-${++n}`);
	await db.open();
});
afterEach(() => db.delete());

const T0 = new Date(2026, 10, 1, 9).getTime();
const CARDS = [
	{ front: 'Capital of Mongolia', back: 'Ulaanbaatar', tags: ['capitals'] },
	{ front: 'Longest river of Asia', back: 'Yangtze', explanation: 'About 6,300 km.' }
];

async function deckWithProgress(target: StudyDatabase) {
	const made = await createDeckWithCards(target, { title: 'Geography' }, CARDS, T0);
	await recordReview(target, {
		deckId: made.deck.id,
		factId: made.cards[0]!.id,
		rating: 3,
		now: new Date(T0 + 60_000),
		retention: 0.9,
		source: 'flashcard',
		durationMs: 1000
	});
	return made;
}

function checked(text: string): Backup {
	const result = checkBackup(text);
	if (!result.ok) throw new Error(result.message);
	return result.backup;
}

describe('backup format 2: the user decks', () => {
	it('export → reset → import gives back the decks, their cards and their progress', async () => {
		const made = await deckWithProgress(db);
		const text = JSON.stringify(await exportBackup(db, T0 + 120_000));
		expect(JSON.parse(text)).toMatchObject({ version: 2 });
		const before = await readUserDeck(db, made.deck.id);
		const states = await db.factStates.toArray();

		await resetProgress(db);
		expect(await db.userDecks.count()).toBe(0);
		expect(await db.userCards.count()).toBe(0);

		await importBackup(db, checked(text), 'replace');
		expect(await readUserDeck(db, made.deck.id)).toEqual(before);
		expect(await db.factStates.toArray()).toEqual(states);
	});

	it('still imports a version 1 file, which has no user decks', async () => {
		const made = await deckWithProgress(db);
		const v2 = await exportBackup(db, T0 + 120_000);
		const { userDecks: _d, userCards: _c, ...tables } = v2.tables;
		const v1 = JSON.stringify({ ...v2, version: 1, tables });

		await importBackup(db, checked(v1), 'replace');
		expect(await db.userDecks.count()).toBe(0);
		expect((await db.factStates.toArray()).map((s) => s.factId)).toEqual([made.cards[0]!.id]);
	});

	it('merge adds the decks the device lacks and keeps, of a deck on both, the one changed last', async () => {
		const made = await deckWithProgress(db);
		const file = checked(JSON.stringify(await exportBackup(db, T0 + 120_000)));
		const other = new StudyDatabase(`user-decks-backup-other-${n}`);
		const theirs = await createDeckWithCards(
			other,
			{ title: 'History' },
			[{ front: 'Year of the Battle of Talas', back: '751' }],
			T0
		);
		const otherFile = checked(JSON.stringify(await exportBackup(other, T0)));
		await other.delete();

		await importBackup(db, otherFile, 'merge');
		expect((await db.userDecks.toArray()).map((d) => d.title).sort()).toEqual(['Geography', 'History']);
		expect((await readUserDeck(db, theirs.deck.id))?.cards.map((c) => c.back)).toEqual(['751']);

		// The device's deck was changed after the backup: merging the older file keeps the device's.
		await db.userCards.update(made.cards[1]!.id, { back: 'Yangtze (Chang Jiang)' });
		await db.userDecks.update(made.deck.id, { updated: T0 + 200_000 });
		await importBackup(db, file, 'merge');
		expect((await readUserDeck(db, made.deck.id))?.cards.map((c) => c.back)).toEqual([
			'Ulaanbaatar',
			'Yangtze (Chang Jiang)'
		]);
	});

	it('refuses a file whose card belongs to no deck', async () => {
		await deckWithProgress(db);
		const backup = await exportBackup(db, T0 + 120_000);
		const broken = { ...backup, tables: { ...backup.tables, userDecks: [] } };
		const result = checkBackup(JSON.stringify(broken));
		expect(result.ok).toBe(false);
		if (!result.ok)
			expect(result.message).toMatch(
				/^This backup is damaged: the card "[^"]+" belongs to no deck in it\. Nothing was imported\.$/
			);
	});
});
