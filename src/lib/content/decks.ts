/**
 * The bundled decks, as the app sees them (no fetch: they are part of the build).
 * Their titles and counts are in 'virtual:deck-summaries', for the pages that list decks.
 */
import { factIdLoaders, ids, loaders, outlineLoaders, quizIndexLoaders } from 'virtual:decks';
import type { BundledDeck, BundledDeckOutline, QuizIndex } from './schema';

/** The route parameter that studies every deck together; no deck may take it as its id. */
export const ALL_DECKS = 'all';

export function deckIds(): string[] {
	return [...ids];
}

/** What a bundled deck's loader gives, or undefined when no bundled deck has that id. */
async function loadFrom<T>(deckLoaders: Record<string, () => Promise<T>>, id: string): Promise<T | undefined> {
	const load = (deckLoaders as Record<string, (() => Promise<T>) | undefined>)[id];
	return load ? load() : undefined;
}

/** The whole deck, or undefined when no bundled deck has that id. */
export const loadDeck = (id: string): Promise<BundledDeck | undefined> => loadFrom(loaders, id);

/** The deck without its quiz questions or its facts about the source: for studying and the stats. */
export const loadDeckOutline = (id: string): Promise<BundledDeckOutline | undefined> => loadFrom(outlineLoaders, id);

/** The deck's fact ids in source order (a small chunk of their own). */
export const loadFactIds = (id: string): Promise<string[] | undefined> => loadFrom(factIdLoaders, id);

/** What the quiz builder needs of the deck (a small chunk of its own). */
export const loadQuizIndex = (id: string): Promise<QuizIndex | undefined> => loadFrom(quizIndexLoaders, id);
