import { deckSummaries } from '$lib/content/decks';

export const load = () => ({ decks: deckSummaries });
