/** The bank's facts by FSRS state: new, learning, review, relearning. */
import { keyOf, type StatsFact, type StoredStates } from './facts';

export interface StateCounts {
	new: number;
	learning: number;
	review: number;
	relearning: number;
	total: number;
}

/** The bank's facts by FSRS state; a fact with no stored state is new, a studied one in none of the other lists is in review. */
export function factsByState(facts: readonly StatsFact[], stored: StoredStates): StateCounts {
	const [studied, fresh, learning, relearning] = [stored.studied, stored.new, stored.learning, stored.relearning].map(
		(keys) => new Set(keys)
	);
	const counts: StateCounts = { new: 0, learning: 0, review: 0, relearning: 0, total: 0 };
	for (const fact of facts) {
		const key = keyOf(fact);
		counts.total++;
		if (!studied!.has(key) || fresh!.has(key)) counts.new++;
		else if (learning!.has(key)) counts.learning++;
		else if (relearning!.has(key)) counts.relearning++;
		else counts.review++;
	}
	return counts;
}
