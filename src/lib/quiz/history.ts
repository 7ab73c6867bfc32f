/**
 * A deck's quiz history, read apart from the code that saves answers: the quiz builder lists it
 * without loading the scheduler (ts-fsrs) that saving an answer needs.
 */
import Dexie from 'dexie';
import type { StudyDatabase } from '$lib/db/db';
import type { QuizAttempt } from '$lib/db/rows';

/** The deck's attempts, newest first. */
export function deckAttempts(db: StudyDatabase, deckId: string): Promise<QuizAttempt[]> {
	return db.quizAttempts
		.where('[deckId+startedAt]')
		.between([deckId, Dexie.minKey], [deckId, Dexie.maxKey])
		.reverse()
		.toArray();
}
