declare module 'virtual:decks' {
	import type { Deck, DeckSummary } from '$lib/content/schema';
	export const summaries: DeckSummary[];
	export const loaders: Record<string, () => Promise<Deck>>;
}
