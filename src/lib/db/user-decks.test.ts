import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StudyDatabase } from './db';
import {
	addCards,
	createDeck,
	createDeckWithCards,
	deleteCards,
	deleteDeck,
	reorderCards,
	restoreDeleted,
	updateCard,
	updateDeck,
	UserDeckError
} from './user-deck-edits';
import { isUserDeckId } from './rows';
import { listUserDecks, readUserDeck, userCardIds } from './user-decks';

let db: StudyDatabase;
let n = 0;
beforeEach(async () => {
	db = new StudyDatabase(`user-decks-${++n}`);
	await db.open();
});
afterEach(() => db.delete());

const T0 = new Date(2026, 10, 1, 9).getTime();
const CARDS = [
	{ front: 'Capital of Mongolia', back: 'Ulaanbaatar', tags: ['capitals', ' asia ', 'capitals'] },
	{ front: 'Longest river of Asia', back: 'Yangtze', explanation: 'About 6,300 km.' },
	{ front: 'Highest mountain', back: 'Everest' }
];

/** A first rating of a card, as a study session stores it: its state and its review. */
async function review(deckId: string, factId: string, at: number) {
	const after = {
		due: at + 600_000,
		stability: 2,
		difficulty: 5,
		elapsed_days: 0,
		scheduled_days: 0,
		learning_steps: 1,
		reps: 1,
		lapses: 0,
		state: 1,
		last_review: at
	};
	const factKey = `${deckId}/${factId}`;
	await db.factStates.put({ key: factKey, deckId, factId, ...after });
	await db.reviews.add({
		factKey,
		deckId,
		factId,
		time: at,
		rating: 3,
		elapsedDays: 0,
		durationMs: 1000,
		source: 'flashcard',
		before: null,
		after
	});
}

/** Every row of the tables a user deck lives in, to compare before and after. */
const everything = async () => ({
	decks: await db.userDecks.toArray(),
	cards: await db.userCards.toArray(),
	states: await db.factStates.toArray(),
	reviews: await db.reviews.toArray()
});

describe('user decks: storage', () => {
	it('creates a deck with its cards in order, with a prefixed id and trimmed, de-duplicated tags', async () => {
		const { deck, cards } = await createDeckWithCards(db, { title: '  Geography ', description: 'Asia' }, CARDS, T0);
		expect(isUserDeckId(deck.id)).toBe(true);
		expect(deck).toMatchObject({ title: 'Geography', description: 'Asia', created: T0, updated: T0 });
		const read = await readUserDeck(db, deck.id);
		expect(read?.cards.map((c) => c.front)).toEqual(CARDS.map((c) => c.front));
		expect(read?.cards[0]?.tags).toEqual(['capitals', 'asia']);
		expect(read?.cards[1]?.explanation).toBe('About 6,300 km.');
		expect(await userCardIds(db, deck.id)).toEqual(cards.map((c) => c.id));
		expect(await listUserDecks(db)).toEqual([{ ...deck, cardCount: 3 }]);
	});

	it('writes the states an import brings with its cards, in the same transaction', async () => {
		const state = {
			due: T0 + 86_400_000,
			stability: 3,
			difficulty: 5,
			elapsed_days: 1,
			scheduled_days: 1,
			learning_steps: 0,
			reps: 2,
			lapses: 0,
			state: 2,
			last_review: T0
		};
		const { deck, cards } = await createDeckWithCards(
			db,
			{ title: 'From Anki' },
			[{ ...CARDS[0]!, state }, CARDS[1]!],
			T0
		);
		expect(await db.factStates.toArray()).toEqual([
			{ ...state, key: `${deck.id}/${cards[0]!.id}`, deckId: deck.id, factId: cards[0]!.id }
		]);
		expect(cards[0]).not.toHaveProperty('state');
	});

	it('adds cards after the last one and reorders them', async () => {
		const deck = await createDeck(db, { title: 'Empty' }, T0);
		const first = await addCards(db, deck.id, CARDS.slice(0, 2), T0 + 1);
		const more = await addCards(db, deck.id, CARDS.slice(2), T0 + 2);
		expect(more[0]?.position).toBe(2);
		expect((await db.userDecks.get(deck.id))?.updated).toBe(T0 + 2);
		await reorderCards(db, deck.id, [more[0]!.id, first[1]!.id, first[0]!.id], T0 + 3);
		expect((await readUserDeck(db, deck.id))?.cards.map((c) => c.back)).toEqual(['Everest', 'Yangtze', 'Ulaanbaatar']);
		await expect(reorderCards(db, deck.id, [first[0]!.id], T0 + 4)).rejects.toThrow('each card of the deck once');
	});

	it('editing a card keeps its id, its FSRS state and its review history', async () => {
		const { deck, cards } = await createDeckWithCards(db, { title: 'Geography' }, CARDS, T0);
		await review(deck.id, cards[0]!.id, T0 + 60_000);
		const stateBefore = await db.factStates.get(`${deck.id}/${cards[0]!.id}`);

		const edited = await updateCard(db, cards[0]!.id, { back: 'Ulan Bator', tags: ['capitals'] }, T0 + 120_000);
		expect(edited).toMatchObject({ id: cards[0]!.id, back: 'Ulan Bator', front: 'Capital of Mongolia', position: 0 });
		expect(await db.factStates.get(`${deck.id}/${cards[0]!.id}`)).toEqual(stateBefore);
		expect(await db.reviews.where('factKey').equals(`${deck.id}/${cards[0]!.id}`).count()).toBe(1);
		await updateDeck(db, deck.id, { title: 'Asia' }, T0 + 180_000);
		expect(await db.userDecks.get(deck.id)).toMatchObject({ title: 'Asia', updated: T0 + 180_000 });
	});

	it('deleting a card removes it and its state; restoring the deletion brings both back', async () => {
		const { deck, cards } = await createDeckWithCards(db, { title: 'Geography' }, CARDS, T0);
		await review(deck.id, cards[1]!.id, T0 + 60_000);
		const before = await everything();

		const deleted = await deleteCards(db, [cards[1]!.id], T0 + 120_000);
		expect(await userCardIds(db, deck.id)).toEqual([cards[0]!.id, cards[2]!.id]);
		expect(await db.factStates.count()).toBe(0);
		// The review log stays, as Anki keeps the log of a deleted card.
		expect(await db.reviews.count()).toBe(1);

		await restoreDeleted(db, deleted);
		const after = await everything();
		expect(after.cards).toEqual(before.cards);
		expect(after.states).toEqual(before.states);
		expect(after.reviews).toEqual(before.reviews);
	});

	it('deleting a deck removes it, its cards and their states; one call restores them all', async () => {
		const { deck, cards } = await createDeckWithCards(db, { title: 'Geography' }, CARDS, T0);
		await createDeckWithCards(db, { title: 'Kept' }, CARDS.slice(0, 1), T0);
		await review(deck.id, cards[0]!.id, T0 + 60_000);
		const before = await everything();

		const deleted = await deleteDeck(db, deck.id);
		expect((await listUserDecks(db)).map((d) => d.title)).toEqual(['Kept']);
		expect(await readUserDeck(db, deck.id)).toBeUndefined();
		expect(await db.userCards.count()).toBe(1);

		await restoreDeleted(db, deleted);
		expect(await everything()).toEqual(before);
	});

	it('refuses a card with an empty side or a broken question, saying which, and saves nothing', async () => {
		const deck = await createDeck(db, { title: 'Geography' }, T0);
		const before = await everything();
		const bad = [
			...CARDS,
			{ front: '  ', back: 'x' },
			{
				front: 'Q',
				back: 'A',
				questions: [
					{
						id: 'q1',
						type: 'multiple-choice',
						prompt: 'Which?',
						explanation: 'Because.',
						options: ['a', 'b', 'c'],
						answer: 'd'
					}
				]
			}
		] as Parameters<typeof addCards>[2];
		await expect(addCards(db, deck.id, bad, T0)).rejects.toThrow(
			'Nothing was saved: card 4: the front is empty; card 5: question "q1": the answer "d" is not among its options.'
		);
		await expect(createDeck(db, { title: ' ' }, T0)).rejects.toThrow('A deck needs a title');
		await expect(addCards(db, 'u-missing', CARDS, T0)).rejects.toThrow('There is no deck "u-missing"');
		expect(await everything()).toEqual(before);
	});

	it('a write that fails half-way leaves the database as it was and says so', async () => {
		await createDeckWithCards(db, { title: 'Kept' }, CARDS, T0);
		const before = await everything();
		const full = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
		// The deck row is written first; the cards then fail, as on a full disk.
		const spy = vi.spyOn(db.userCards, 'bulkAdd').mockRejectedValueOnce(full);
		const attempt = createDeckWithCards(db, { title: 'Too big' }, CARDS, T0);
		await expect(attempt).rejects.toThrow(UserDeckError);
		await expect(attempt).rejects.toThrow(
			'Could not save the deck and its 3 cards: this device has no storage space left. Nothing was saved.'
		);
		spy.mockRestore();
		expect(await everything()).toEqual(before);
	});

	it('writes an import of 5,000 cards in one transaction', async () => {
		const cards = Array.from({ length: 5000 }, (_, i) => ({
			front: `Question ${i}`,
			back: `Answer ${i}`,
			tags: ['bulk']
		}));
		const transactions = vi.spyOn(db, 'transaction');
		const started = performance.now();
		const { deck } = await createDeckWithCards(db, { title: 'Big import' }, cards, T0);
		const ms = performance.now() - started;
		expect(transactions).toHaveBeenCalledTimes(1);
		transactions.mockRestore();
		// fake-indexeddb is no browser: the figure is a sanity print, `npm run bench` measures Chromium.
		console.log(`5,000 cards written in ${ms.toFixed(0)} ms (fake-indexeddb)`);
		expect((await listUserDecks(db))[0]).toMatchObject({ id: deck.id, cardCount: 5000 });
		expect((await userCardIds(db, deck.id)).length).toBe(5000);
	});
});
