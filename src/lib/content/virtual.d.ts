declare module 'virtual:decks' {
	import type { Deck, DeckOutline, DeckSummary } from '$lib/content/schema';
	export const summaries: DeckSummary[];
	export const loaders: Record<string, () => Promise<Deck>>;
	export const outlineLoaders: Record<string, () => Promise<DeckOutline>>;
}
