/**
 * A user's deck as the app's `Deck`, the shape study, quizzes, statistics and backups work with: each
 * card is a fact (fact id = card id, so its state and history follow the card through edits) with
 * one flashcard, the card's free tags, and no country, theme or source paragraph. Its questions are
 * the card's own, then the automatic ones `generateQuestions` makes from the deck's cards, seeded by
 * the deck id, so the same deck gives the same quiz on every device.
 */
import type { Deck, DeckOutline, FactOutline } from '$lib/content/schema';
import type { UserCardRow, UserDeckRow } from '$lib/db/rows';
import { generateQuestions } from './generate';

/**
 * What the "Why?" of a card shows: its explanation, or the card read as one sentence, of the sides that
 * have text (a side may be only an image or a sound).
 */
const statementOf = (card: UserCardRow): string =>
	card.explanation ??
	[card.front, card.back]
		.map((side) => side.trim())
		.filter(Boolean)
		.join(' — ');

function factOutline(card: UserCardRow): FactOutline {
	return {
		id: card.id,
		statement: statementOf(card),
		paragraphs: [],
		countries: [],
		themes: [],
		tags: card.tags,
		cards: [{ front: card.front, back: card.back }]
	};
}

const meta = (deck: UserDeckRow) => ({ id: deck.id, title: deck.title, description: deck.description });

/** The deck without its questions: for studying and the statistics (no question is generated). */
export function outlineFromCards(deck: UserDeckRow, cards: readonly UserCardRow[]): DeckOutline {
	return { ...meta(deck), facts: cards.map(factOutline) };
}

/** The whole deck, with each card's own questions and the automatic ones. */
export function deckFromCards(deck: UserDeckRow, cards: readonly UserCardRow[]): Deck {
	const questions = generateQuestions([...cards], deck.id);
	return {
		...meta(deck),
		facts: cards.map((card) => ({
			...factOutline(card),
			questions: (questions.get(card.id) ?? []).map((q) => ({ ...q, key: `${card.id}/${q.id}`, factId: card.id }))
		}))
	};
}
