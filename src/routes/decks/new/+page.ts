import { summaries } from 'virtual:deck-summaries';

// The bundled decks, for "Make an editable copy".
export const load = () => ({ decks: summaries.map(({ id, title }) => ({ id, title })) });
