import { describe, expect, it } from 'vitest';
import { CARD_PAGE, listCards } from './card-list';

const deck = Array.from({ length: 300 }, (_, i) => ({
	id: `c${i}`,
	front: `Country ${i + 1}`,
	back: `Capital ${i + 1}`
}));

describe('listCards', () => {
	it('lists the first page of a big deck in deck order and counts them all', () => {
		const { listed, matching } = listCards(deck, '', CARD_PAGE);
		expect(matching).toBe(300);
		expect(listed.map((l) => l.card.id)).toEqual(deck.slice(0, CARD_PAGE).map((c) => c.id));
		expect(listed.map((l) => l.position)).toEqual([...Array(CARD_PAGE).keys()]);
	});

	it('lists more as asked, never past the end', () => {
		expect(listCards(deck, '', 2 * CARD_PAGE).listed).toHaveLength(2 * CARD_PAGE);
		expect(listCards(deck, '', 10_000).listed).toHaveLength(300);
	});

	it('finds a card beyond the first page by its front or back, keeping its place in the deck', () => {
		expect(listCards(deck, 'country 250', CARD_PAGE)).toEqual({
			listed: [{ card: deck[249], position: 249 }],
			matching: 1
		});
		expect(listCards(deck, 'CAPITAL 299', CARD_PAGE).listed.map((l) => l.position)).toEqual([298]);
	});

	it('needs every word of the search, in either side, ignoring case and accents', () => {
		const cards = [
			{ id: 'a', front: 'Capital of Kazakhstan', back: 'Astana' },
			{ id: 'b', front: 'Largest city of Kazakhstan', back: 'Almatý' },
			{ id: 'c', front: 'Capital of Kyrgyzstan', back: 'Bishkek' }
		];
		expect(listCards(cards, '  kazakhstan   capital ', 50).listed.map((l) => l.card.back)).toEqual(['Astana']);
		expect(listCards(cards, 'almaty', 50).listed.map((l) => l.card.back)).toEqual(['Almatý']);
		expect(listCards(cards, 'Tashkent', 50)).toEqual({ listed: [], matching: 0 });
	});

	it('counts every match while listing only the page', () => {
		const { listed, matching } = listCards(deck, 'country 1', 5);
		// Words match inside words: every number from 1 to 300 with a 1 in it, 138 of them.
		expect(matching).toBe(138);
		expect(listed.map((l) => l.card.front)).toEqual([
			'Country 1',
			'Country 10',
			'Country 11',
			'Country 12',
			'Country 13'
		]);
	});

	it('lists cards added on the page at their place past the first page, after the cards not shown', () => {
		const { listed, matching } = listCards(deck, '', CARD_PAGE, new Set(['c299', 'c120']));
		expect(matching).toBe(300);
		expect(listed.map((l) => l.position)).toEqual([...Array(CARD_PAGE).keys(), 120, 299]);
		// Listed once, in deck order, when the page reaches it; and not when a search leaves it out.
		expect(listCards(deck, '', 150, new Set(['c120'])).listed).toHaveLength(150);
		expect(listCards(deck, 'country 7', 5, new Set(['c120'])).listed.map((l) => l.card.id)).not.toContain('c120');
	});
});
