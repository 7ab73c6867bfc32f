declare module 'virtual:decks' {
	import type { BundledDeck, BundledDeckOutline, QuizIndex } from '$lib/content/schema';
	export const ids: string[];
	export const loaders: Record<string, () => Promise<BundledDeck>>;
	export const outlineLoaders: Record<string, () => Promise<BundledDeckOutline>>;
	export const factIdLoaders: Record<string, () => Promise<string[]>>;
	export const quizIndexLoaders: Record<string, () => Promise<QuizIndex>>;
}

declare module 'virtual:deck-summaries' {
	import type { DeckSummary } from '$lib/content/schema';
	export const summaries: DeckSummary[];
}

declare module 'virtual:region-map' {
	import type { RegionMap } from '$lib/content/map/region-map';
	const map: RegionMap;
	export default map;
}

declare module 'virtual:deck-places' {
	import type { Place } from '$lib/content/map/places';
	/** Each bundled deck's places, by deck id: what a card's locator map resolves a fact's `places` with. */
	const places: Record<string, Place[]>;
	export default places;
}
