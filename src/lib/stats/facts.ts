/** The bank's facts as the statistics see them, and what the database holds of their states. */
import type { Country, Theme } from '$lib/content/schema';
import { isMature, State } from '$lib/db/card-state';
import type { StateDigest } from '$lib/db/state-digests';

/** What the statistics need of a fact of the bank. */
export interface StatsFact {
	deckId: string;
	factId: string;
	countries: readonly Country[];
	themes: readonly Theme[];
}

/**
 * The fact states the statistics read: the digests of each deck's stored states (its FSRS state, interval
 * and due date), by deck id and then fact id, packed in the database so that a long history, with a state
 * for every fact, reads in a few rows (`$lib/db/state-digests.ts`).
 */
export type StoredStates = ReadonlyMap<string, ReadonlyMap<string, StateDigest>>;

export const NO_STATES: StoredStates = new Map();

/** Where a fact of the bank stands: never studied, or the state of its stored card (review split into young and mature). */
export const Progress = { Unseen: 0, New: 1, Learning: 2, Relearning: 3, Young: 4, Mature: 5 } as const;
export type Progress = (typeof Progress)[keyof typeof Progress];

/** A stored state's progress. */
export function progressOf([state, scheduledDays]: StateDigest): Progress {
	if (state === State.Learning) return Progress.Learning;
	if (state === State.Relearning) return Progress.Relearning;
	if (state === State.Review)
		return isMature({ state, scheduled_days: scheduledDays }) ? Progress.Mature : Progress.Young;
	return Progress.New;
}

/**
 * Each fact's progress, in the order of `facts`, worked out once for all the figures (one look-up per fact);
 * states of facts no longer in the bank are left out.
 */
export function factProgress(facts: readonly StatsFact[], stored: StoredStates): Progress[] {
	return facts.map((fact) => {
		const digest = stored.get(fact.deckId)?.get(fact.factId);
		return digest ? progressOf(digest) : Progress.Unseen;
	});
}
