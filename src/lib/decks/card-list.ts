/**
 * Which of a deck's cards its page lists: those whose front or back holds every word of the search, in
 * deck order, the first `shown` of them. A deck of thousands of cards then opens as fast as a small one,
 * and any card is one search away. Each listed card keeps its place in the whole deck, so its number and
 * its move buttons mean the same with or without a search. Cards added on the page are listed too, at
 * their place, even past the first `shown`: a card just added at the end of a long deck is on the list
 * at once, after the cards not shown.
 */

/** How many cards the page lists at first, and how many more each "Show more" adds. */
export const CARD_PAGE = 50;

export interface ListedCard<C> {
	card: C;
	/** Its place in the whole deck, from 0. */
	position: number;
}

export interface CardList<C> {
	listed: ListedCard<C>[];
	/** How many cards match the search (all of them when it is empty). */
	matching: number;
}

/** Lower case without accents, so "almaty" finds "Almaty" and "Almatý". */
const folded = (text: string) =>
	text
		.normalize('NFD')
		.replace(/\p{Mn}/gu, '')
		.toLocaleLowerCase();

export function listCards<C extends { id: string; front: string; back: string }>(
	cards: readonly C[],
	search: string,
	shown: number,
	added: ReadonlySet<string> = new Set()
): CardList<C> {
	const words = folded(search).split(/\s+/).filter(Boolean);
	const matches: ListedCard<C>[] = [];
	cards.forEach((card, position) => {
		if (words.length === 0) return matches.push({ card, position });
		const text = folded(`${card.front}\n${card.back}`);
		if (words.every((word) => text.includes(word))) matches.push({ card, position });
	});
	const first = Math.max(0, shown);
	const listed = matches.filter((match, i) => i < first || added.has(match.card.id));
	return { listed, matching: matches.length };
}
