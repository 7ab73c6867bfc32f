/**
 * The best quiz score of each deck, for the home page. Kept apart from the rest
 * of the quiz code (and free of it) so the home page stays small.
 */
import type { StudyDatabase } from '$lib/db/db';
import type { QuizAttempt } from '$lib/db/rows';

export interface BestScore {
	attemptId: string;
	correct: number;
	total: number;
	percent: number;
}

export const percentOf = (correct: number, total: number) => (total > 0 ? Math.round((correct / total) * 100) : 0);

/**
 * Counts whole quizzes only: finished, every question answered, and not a retry
 * of missed questions (2 out of 2 on a retry is not a best score). Ties go to the longer quiz.
 */
export function bestOf(attempts: QuizAttempt[]): Record<string, BestScore> {
	const best: Record<string, BestScore> = {};
	for (const a of attempts) {
		const total = a.questionKeys.length;
		if (a.finishedAt === undefined || a.position < total || a.retryOf || total === 0) continue;
		const score: BestScore = {
			attemptId: a.id,
			correct: a.correctCount,
			total,
			percent: percentOf(a.correctCount, total)
		};
		const current = best[a.deckId];
		if (!current || score.percent > current.percent || (score.percent === current.percent && total > current.total))
			best[a.deckId] = score;
	}
	return best;
}

export async function bestScores(db: StudyDatabase): Promise<Record<string, BestScore>> {
	return bestOf(await db.quizAttempts.toArray());
}
