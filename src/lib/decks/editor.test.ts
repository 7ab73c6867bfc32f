import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StudyDatabase } from '$lib/db/db';
import { openTestDatabase } from '$lib/db/test-database';
import { createDeckWithCards } from '$lib/db/user-deck-edits';
import { DeckEditor } from './editor.svelte';

let db: StudyDatabase;
let editor: DeckEditor;

beforeEach(async () => {
	db = await openTestDatabase();
	const { deck, cards } = await createDeckWithCards(
		db,
		{ title: 'Capitals' },
		[
			{ front: 'Kazakhstan', back: 'Astana' },
			{ front: 'Kyrgyzstan', back: 'Bishkek' },
			{ front: 'Tajikistan', back: 'Dushanbe' }
		],
		1
	);
	const first = cards[0]!;
	await db.factStates.put({ key: `${deck.id}/${first.id}`, deckId: deck.id, factId: first.id, due: 5 } as never);
	await db.reviews.add({
		factKey: `${deck.id}/${first.id}`,
		deckId: deck.id,
		factId: first.id,
		time: 2,
		rating: 3
	} as never);
	editor = new DeckEditor(db, deck.id, () => 10);
	await editor.load();
});
afterEach(() => db.delete());

const fronts = () => editor.cards.map((c) => c.front);

describe('DeckEditor', () => {
	it('adds a card at the end and remembers it as added here; a refused one is not', async () => {
		expect(await editor.addCard({ front: 'Uzbekistan', back: 'Tashkent' })).toBe(true);
		expect(fronts()).toEqual(['Kazakhstan', 'Kyrgyzstan', 'Tajikistan', 'Uzbekistan']);
		expect(editor.added).toEqual([editor.cards[3]!.id]);
		expect(await editor.addCard({ front: 'Turkmenistan', back: ' ' })).toBe(false);
		expect(editor.added).toHaveLength(1);
	});

	it('edits a card and keeps its state and reviews', async () => {
		const card = editor.cards[0]!;
		expect(await editor.saveCard(card.id, { front: 'Capital of Kazakhstan', back: 'Astana', tags: ['asia'] })).toBe(
			true
		);
		expect(editor.cards[0]).toMatchObject({ id: card.id, front: 'Capital of Kazakhstan', tags: ['asia'] });
		expect(editor.reviewCounts[card.id]).toBe(1);
		expect(await db.factStates.get(`${editor.deckId}/${card.id}`)).toBeDefined();
	});

	it('refuses an empty side with the reason and changes nothing', async () => {
		expect(await editor.saveCard(editor.cards[0]!.id, { front: ' ', back: 'Astana' })).toBe(false);
		expect(editor.error).toMatch(/the front is empty/);
		expect(fronts()[0]).toBe('Kazakhstan');
	});

	it('adds and reorders cards', async () => {
		await editor.addCard({ front: 'Uzbekistan', back: 'Tashkent' });
		await editor.move(editor.cards[3]!.id, -1);
		expect(fronts()).toEqual(['Kazakhstan', 'Kyrgyzstan', 'Uzbekistan', 'Tajikistan']);
		expect(await editor.move(editor.cards[0]!.id, -1)).toBe(false);
	});

	it('undoes a deleted card with its progress, and a deleted deck', async () => {
		const card = editor.cards[0]!;
		await editor.deleteCard(card);
		expect(fronts()).toEqual(['Kyrgyzstan', 'Tajikistan']);
		expect(editor.undoable.map((u) => u.label)).toEqual(['the card “Kazakhstan”']);
		await editor.undo();
		expect(fronts()).toEqual(['Kazakhstan', 'Kyrgyzstan', 'Tajikistan']);
		expect(await db.factStates.get(`${editor.deckId}/${card.id}`)).toBeDefined();

		await editor.deleteDeck();
		expect(editor.deck).toBeUndefined();
		await editor.undo();
		expect(editor.deck?.title).toBe('Capitals');
		expect(fronts()).toHaveLength(3);
	});
});
