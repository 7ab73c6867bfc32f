declare module 'virtual:decks' {
	import type { Deck, DeckOutline } from '$lib/content/schema';
	export const ids: string[];
	export const loaders: Record<string, () => Promise<Deck>>;
	export const outlineLoaders: Record<string, () => Promise<DeckOutline>>;
	export const factIdLoaders: Record<string, () => Promise<string[]>>;
}

declare module 'virtual:deck-summaries' {
	import type { DeckSummary } from '$lib/content/schema';
	export const summaries: DeckSummary[];
}
