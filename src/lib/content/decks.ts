/**
 * The bundled decks, as the app sees them (no fetch: they are part of the build).
 * Their titles and counts are in 'virtual:deck-summaries', for the pages that list decks.
 */
import { factIdLoaders, ids, loaders, outlineLoaders, quizIndexLoaders } from 'virtual:decks';
import type { Deck, DeckOutline, QuizIndex } from './schema';

/** The route parameter that studies every deck together; no deck may take it as its id. */
export const ALL_DECKS = 'all';

export function deckIds(): string[] {
	return [...ids];
}

/** The whole deck, or undefined when no bundled deck has that id. */
export async function loadDeck(id: string): Promise<Deck | undefined> {
	const load = (loaders as Record<string, (() => Promise<Deck>) | undefined>)[id];
	return load ? load() : undefined;
}

/** The deck without its quiz questions: for studying, the guide and the stats. */
export async function loadDeckOutline(id: string): Promise<DeckOutline | undefined> {
	const load = (outlineLoaders as Record<string, (() => Promise<DeckOutline>) | undefined>)[id];
	return load ? load() : undefined;
}

/** The deck's fact ids in source order (a small chunk of their own), or undefined when no bundled deck has that id. */
export async function loadFactIds(id: string): Promise<string[] | undefined> {
	const load = (factIdLoaders as Record<string, (() => Promise<string[]>) | undefined>)[id];
	return load ? load() : undefined;
}

/** What the quiz builder needs of the deck (a small chunk of its own), or undefined when no bundled deck has that id. */
export async function loadQuizIndex(id: string): Promise<QuizIndex | undefined> {
	const load = (quizIndexLoaders as Record<string, (() => Promise<QuizIndex>) | undefined>)[id];
	return load ? load() : undefined;
}
