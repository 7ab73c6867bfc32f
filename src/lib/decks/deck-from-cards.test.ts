import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { validateUserDeck } from '$lib/content/validate';
import { loadDeck } from '$lib/content/decks';
import type { UserCardRow, UserDeckRow } from '$lib/db/rows';
import { openTestDatabase } from '$lib/db/test-database';
import { createDeckWithCards } from '$lib/db/user-deck-edits';
import { readUserDeck } from '$lib/db/user-decks';
import { deckFromCards, outlineFromCards } from './deck-from-cards';
import { copiedCards } from './copy-deck';

const DECK: UserDeckRow = { id: 'u-test', title: 'Capitals', description: '', created: 0, updated: 0 };
const CAPITALS: [string, string][] = [
	['Mongolia', 'Ulaanbaatar'],
	['Kazakhstan', 'Astana'],
	['Kyrgyzstan', 'Bishkek'],
	['Tajikistan', 'Dushanbe'],
	['Uzbekistan', 'Tashkent'],
	['Turkmenistan', 'Ashgabat']
];
const cards: UserCardRow[] = CAPITALS.map(([country, city], position) => ({
	id: `card-${position}`,
	deckId: DECK.id,
	position,
	front: `Capital of ${country}`,
	back: city,
	tags: ['capitals']
}));
cards[0] = {
	...cards[0]!,
	explanation: 'Also written Ulan Bator.',
	questions: [
		{
			id: 'mine',
			type: 'true-false',
			prompt: 'Ulaanbaatar is the coldest capital.',
			explanation: 'It is.',
			answer: true
		}
	]
};

describe("a user deck as the app's Deck", () => {
	it('makes each card a fact with one flashcard, its tags, and no country, theme or paragraph', () => {
		const outline = outlineFromCards(DECK, cards);
		expect(outline).toMatchObject({ id: 'u-test', title: 'Capitals' });
		expect(outline.facts[1]).toEqual({
			id: 'card-1',
			statement: 'Capital of Kazakhstan — Astana',
			paragraphs: [],
			countries: [],
			themes: [],
			tags: ['capitals'],
			cards: [{ front: 'Capital of Kazakhstan', back: 'Astana' }]
		});
		expect(outline.facts[0]?.statement).toBe('Also written Ulan Bator.');
	});

	it('reads a card whose front is only an image by its back alone', () => {
		const flag = { ...cards[2]!, front: '', back: 'Kyrgyzstan', media: { front: ['kg.png'], back: [] } };
		expect(outlineFromCards(DECK, [flag]).facts[0]?.statement).toBe('Kyrgyzstan');
		expect(deckFromCards(DECK, [...cards.slice(3), flag]).facts.at(-1)?.questions).toEqual([]);
	});

	it("asks the card's own questions first, then automatic ones, with deck-wide keys, and passes the validator", () => {
		const deck = deckFromCards(DECK, cards);
		const first = deck.facts[0]!.questions;
		expect(first[0]).toMatchObject({ id: 'mine', key: 'card-0/mine', factId: 'card-0' });
		expect(first.length).toBeGreaterThan(1);
		expect(new Set(deck.facts.flatMap((f) => f.questions.map((q) => q.type))).size).toBeGreaterThan(1);
		expect(validateUserDeck(deck, 'Capitals')).toEqual([]);
		// Seeded by the deck: the same cards give the same quiz on every device.
		expect(deckFromCards(DECK, cards)).toEqual(deck);
	});

	it('the validator names a broken question of a user deck', () => {
		const deck = deckFromCards(DECK, cards);
		const broken = {
			...deck,
			facts: [{ ...deck.facts[0]!, questions: [{ ...deck.facts[0]!.questions[0]!, id: 'Not Kebab' }] }]
		};
		expect(validateUserDeck(broken, 'Capitals')).toEqual([
			{
				file: 'Capitals',
				factId: 'card-0',
				message: 'questions.0.id: must be kebab-case: lower-case letters, digits and hyphens'
			}
		]);
	});
});

describe('an editable copy of a bundled deck', () => {
	it("copies every flashcard under new ids, with the fact's questions and tags, and no progress", async () => {
		const bundled = (await loadDeck('central-asia-taliban'))!;
		const copy = copiedCards(bundled);
		expect(copy.length).toBe(bundled.facts.reduce((n, f) => n + f.cards.length, 0));
		const db = await openTestDatabase();
		const made = await createDeckWithCards(db, { title: `${bundled.title} (my copy)` }, copy, 0);
		const read = (await readUserDeck(db, made.deck.id))!;
		expect(read.cards.some((c) => bundled.facts.some((f) => f.id === c.id))).toBe(false);
		expect(read.cards[0]).toMatchObject({
			front: bundled.facts[0]!.cards[0]!.front,
			explanation: bundled.facts[0]!.statement
		});
		expect(read.cards[0]!.questions?.length).toBe(bundled.facts[0]!.questions.length);
		expect(read.cards[0]!.tags.length).toBeGreaterThan(0);
		expect(read.cards.flatMap((c) => c.questions ?? []).some((q) => q.type === 'map')).toBe(false);
		expect(validateUserDeck(deckFromCards(made.deck, read.cards), made.deck.title)).toEqual([]);
		expect(await db.factStates.count()).toBe(0);
		await db.delete();
	});
});
