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
 * The fact states the statistics read, as keys and counts rather than rows (a long history has a state
 * for every fact): which facts have a state (the states' primary keys, the cheapest read there is),
 * which are in each state but mature review (in a long history, few), and how many fall due on each
 * coming study day. A studied fact in none of the lists is mature.
 */
export interface StoredStates {
	/** Keys of the facts with a stored state. */
	studied: readonly string[];
	/** Keys of the stored states still new, learning and relearning. */
	new: readonly string[];
	learning: readonly string[];
	relearning: readonly string[];
	/** Keys of the young facts: in review with an interval under 21 days. */
	young: readonly string[];
	/** Stored states falling due on each of the next study days (see `future-due.ts`), overdue ones on the first. */
	dueByDay: readonly number[];
}

export const NO_STATES: StoredStates = { studied: [], new: [], learning: [], relearning: [], young: [], dueByDay: [] };

/** Where a fact of the bank stands: never studied, or the state of its stored card (review split into young and mature). */
export const Progress = { Unseen: 0, New: 1, Learning: 2, Relearning: 3, Young: 4, Mature: 5 } as const;
export type Progress = (typeof Progress)[keyof typeof Progress];

/**
 * Each fact's progress, in the order of `facts`, worked out once for all the figures (one look-up per fact);
 * states of facts no longer in the bank are left out.
 */
export function factProgress(facts: readonly StatsFact[], stored: StoredStates): Progress[] {
	const studied = new Set(stored.studied);
	const unripe = new Map<string, Progress>();
	const lists = [
		[stored.new, Progress.New],
		[stored.learning, Progress.Learning],
		[stored.relearning, Progress.Relearning],
		[stored.young, Progress.Young]
	] as const;
	for (const [keys, progress] of lists) for (const key of keys) unripe.set(key, progress);
	return facts.map((fact) => {
		const key = keyOf(fact);
		return studied.has(key) ? (unripe.get(key) ?? Progress.Mature) : Progress.Unseen;
	});
}
