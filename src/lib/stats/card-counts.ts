/** The bank's facts by FSRS state: new, learning, review, relearning. */
import { State } from '$lib/db/card-state';
import { keyOf, statesInBank, type StateOfFact, type StatsFact } from './facts';

export interface StateCounts {
	new: number;
	learning: number;
	review: number;
	relearning: number;
	total: number;
}

/** The bank's facts by FSRS state; a fact with no stored state is new. */
export function factsByState(facts: readonly StatsFact[], states: readonly StateOfFact[]): StateCounts {
	const byKey = statesInBank(facts, states);
	const counts: StateCounts = { new: 0, learning: 0, review: 0, relearning: 0, total: 0 };
	for (const fact of facts) {
		const s = byKey.get(keyOf(fact));
		counts.total++;
		if (!s || s.state === State.New) counts.new++;
		else if (s.state === State.Learning) counts.learning++;
		else if (s.state === State.Review) counts.review++;
		else counts.relearning++;
	}
	return counts;
}
