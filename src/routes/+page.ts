import { summaries } from 'virtual:deck-summaries';

export const load = () => ({ decks: summaries });
