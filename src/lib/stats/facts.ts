/** The bank's facts as the statistics see them, and their stored states. */
import type { FactState } from '$lib/db/rows';
import type { Country, Theme } from '$lib/content/schema';

/** What the statistics need of a fact of the bank. */
export interface StatsFact {
	deckId: string;
	factId: string;
	countries: readonly Country[];
	themes: readonly Theme[];
}

export type StateOfFact = Pick<FactState, 'deckId' | 'factId' | 'state' | 'scheduled_days' | 'due'>;

export const keyOf = (f: { deckId: string; factId: string }) => `${f.deckId}/${f.factId}`;

/** The stored state of each fact of the bank; states of facts no longer in the bank are left out. */
export function statesInBank<S extends StateOfFact>(facts: readonly StatsFact[], states: readonly S[]): Map<string, S> {
	const bank = new Set(facts.map(keyOf));
	const byKey = new Map<string, S>();
	for (const s of states) if (bank.has(keyOf(s))) byKey.set(keyOf(s), s);
	return byKey;
}
