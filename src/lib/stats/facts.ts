/** The bank's facts as the statistics see them, and what the database holds of their states. */
import type { Country, Theme } from '$lib/content/schema';

/** What the statistics need of a fact of the bank. */
export interface StatsFact {
	deckId: string;
	factId: string;
	countries: readonly Country[];
	themes: readonly Theme[];
}

export const keyOf = (f: { deckId: string; factId: string }) => `${f.deckId}/${f.factId}`;

/**
 * The fact states the statistics read, as keys and counts from the indexes rather than rows (a long
 * history has a state for every fact): which facts have a state, which are in each state but review
 * (few), which are mature, and how many fall due on each coming study day.
 */
export interface StoredStates {
	/** Keys of the facts with a stored state. */
	studied: readonly string[];
	/** Keys of the stored states still new, learning and relearning; the other studied facts are in review. */
	new: readonly string[];
	learning: readonly string[];
	relearning: readonly string[];
	/** Keys of the mature facts: in review with an interval of 21 days or more. */
	mature: readonly string[];
	/** Stored states falling due on each of the next study days (see `future-due.ts`), overdue ones on the first. */
	dueByDay: readonly number[];
}

export const NO_STATES: StoredStates = { studied: [], new: [], learning: [], relearning: [], mature: [], dueByDay: [] };
