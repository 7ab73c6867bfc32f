/** The classroom in IndexedDB: the teacher's quizzes and collected results, the student's attempts. */
import type { StudyDatabase } from '$lib/db/db';
import type { ClassAnswer, ClassAttemptRow, ClassQuizRow, ClassResultRow } from '$lib/db/rows';
import { cleanName, studentKey, type StudentResult } from './resultcode';

/** Keeps a quiz (made here, or opened to collect its results); a title given later fills an empty one. */
export async function saveClassQuiz(db: StudyDatabase, quiz: ClassQuizRow): Promise<ClassQuizRow> {
	return db.transaction('rw', db.classQuizzes, async () => {
		const known = await db.classQuizzes.get(quiz.id);
		if (known && (known.title || !quiz.title)) return known;
		const row = known ? { ...known, title: quiz.title } : quiz;
		await db.classQuizzes.put(row);
		return row;
	});
}

export function classQuizzes(db: StudyDatabase): Promise<ClassQuizRow[]> {
	return db.classQuizzes.orderBy('createdAt').reverse().toArray();
}

/** Forgets a quiz and every result collected for it. */
export async function deleteClassQuiz(db: StudyDatabase, id: string): Promise<void> {
	await db.transaction('rw', db.classQuizzes, db.classResults, async () => {
		await db.classResults.where('quizId').equals(id).delete();
		await db.classQuizzes.delete(id);
	});
}

export type AddOutcome = 'added' | 'replaced' | 'kept-newer' | 'already-collected';

/**
 * Adds results read from codes. One result per student (by name, ignoring case):
 * a later result replaces an earlier one, whichever order they come in; the same result again changes nothing.
 */
export async function addClassResults(
	db: StudyDatabase,
	results: readonly { result: StudentResult; code: string }[],
	now: number
): Promise<AddOutcome[]> {
	return db.transaction('rw', db.classResults, async () => {
		const outcomes: AddOutcome[] = [];
		for (const { result, code } of results) {
			const key: [string, string] = [result.quizId, studentKey(result.name)];
			const known = await db.classResults.get(key);
			if (
				known &&
				known.finishedAt === result.finishedAt &&
				JSON.stringify(known.given) === JSON.stringify(result.given)
			) {
				outcomes.push('already-collected');
				continue;
			}
			if (known && known.finishedAt > result.finishedAt) {
				outcomes.push('kept-newer');
				continue;
			}
			const row: ClassResultRow = {
				quizId: result.quizId,
				student: key[1],
				name: cleanName(result.name),
				finishedAt: result.finishedAt,
				given: result.given,
				code,
				addedAt: now
			};
			await db.classResults.put(row);
			outcomes.push(known ? 'replaced' : 'added');
		}
		return outcomes;
	});
}

/** A quiz's results, by name. */
export async function classResultsOf(db: StudyDatabase, quizId: string): Promise<ClassResultRow[]> {
	const rows = await db.classResults.where('quizId').equals(quizId).toArray();
	return rows.sort((a, b) => a.name.localeCompare(b.name));
}

export async function deleteClassResults(db: StudyDatabase, quizId: string): Promise<void> {
	await db.classResults.where('quizId').equals(quizId).delete();
}

// ————— The student's side —————

export async function startClassAttempt(
	db: StudyDatabase,
	input: { quizId: string; code: string; title: string; name: string; now: number }
): Promise<ClassAttemptRow> {
	const attempt: ClassAttemptRow = {
		id: `${input.quizId}@${input.now}`,
		quizId: input.quizId,
		code: input.code,
		title: input.title,
		name: input.name,
		startedAt: input.now,
		answers: []
	};
	await db.classAttempts.add(attempt);
	return attempt;
}

/** Adds the next answer; refuses once the attempt is finished. */
export async function saveClassAnswer(db: StudyDatabase, id: string, answer: ClassAnswer): Promise<ClassAttemptRow> {
	return db.transaction('rw', db.classAttempts, async () => {
		const attempt = await db.classAttempts.get(id);
		if (!attempt) throw new Error('This attempt is not on this device.');
		if (attempt.finishedAt !== undefined) throw new Error('This quiz is already over.');
		const updated = { ...attempt, answers: [...attempt.answers, answer] };
		await db.classAttempts.put(updated);
		return updated;
	});
}

export async function finishClassAttempt(
	db: StudyDatabase,
	id: string,
	resultCode: string,
	now: number
): Promise<ClassAttemptRow> {
	return db.transaction('rw', db.classAttempts, async () => {
		const attempt = await db.classAttempts.get(id);
		if (!attempt) throw new Error('This attempt is not on this device.');
		const updated = { ...attempt, finishedAt: attempt.finishedAt ?? now, resultCode: attempt.resultCode ?? resultCode };
		await db.classAttempts.put(updated);
		return updated;
	});
}

/** The newest attempt at a quiz on this device. */
export async function latestClassAttempt(db: StudyDatabase, quizId: string): Promise<ClassAttemptRow | undefined> {
	const all = await db.classAttempts.where('quizId').equals(quizId).sortBy('startedAt');
	return all.at(-1);
}
