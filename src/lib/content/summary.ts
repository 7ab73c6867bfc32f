import type { Deck, DeckSummary, QuizIndex } from './schema';

export function summarise(deck: Deck): DeckSummary {
	return {
		id: deck.id,
		title: deck.title,
		description: deck.description,
		factCount: deck.facts.length,
		questionCount: deck.facts.reduce((n, f) => n + f.questions.length, 0),
		cardCount: deck.facts.reduce((n, f) => n + f.cards.length, 0)
	};
}

export function quizIndex(deck: Deck): QuizIndex {
	return {
		id: deck.id,
		title: deck.title,
		facts: deck.facts.map((f) => ({ countries: f.countries, themes: f.themes, types: f.questions.map((q) => q.type) }))
	};
}
