/** The bank's facts by FSRS state: new, learning, review, relearning. */
import { Progress } from './facts';

export interface StateCounts {
	new: number;
	learning: number;
	review: number;
	relearning: number;
	total: number;
}

/** The bank's facts by FSRS state, from each fact's progress (`factProgress`); a fact never studied is new. */
export function factsByState(progress: readonly Progress[]): StateCounts {
	const counts: StateCounts = { new: 0, learning: 0, review: 0, relearning: 0, total: progress.length };
	for (const p of progress) {
		if (p === Progress.Unseen || p === Progress.New) counts.new++;
		else if (p === Progress.Learning) counts.learning++;
		else if (p === Progress.Relearning) counts.relearning++;
		else counts.review++;
	}
	return counts;
}
