declare module 'virtual:decks' {
	import type { Deck, DeckOutline, QuizIndex } from '$lib/content/schema';
	export const ids: string[];
	export const loaders: Record<string, () => Promise<Deck>>;
	export const outlineLoaders: Record<string, () => Promise<DeckOutline>>;
	export const factIdLoaders: Record<string, () => Promise<string[]>>;
	export const quizIndexLoaders: Record<string, () => Promise<QuizIndex>>;
}

declare module 'virtual:deck-summaries' {
	import type { DeckSummary } from '$lib/content/schema';
	export const summaries: DeckSummary[];
}
