/**
 * Quiz history in IndexedDB. An attempt is saved when it starts; each answer is
 * saved as it is given, in ONE transaction with the attempt's progress and the
 * FSRS review of the question's fact, so a closed tab never keeps one without
 * the others.
 */
import { Rating } from 'ts-fsrs';
import type { StudyDatabase } from '$lib/db/db';
import type { QuizAnswer, QuizAttempt, QuizConfig, ReviewRow } from '$lib/db/rows';
import { readSettings } from '$lib/db/settings';
import { recordReview } from '$lib/srs/review';
import type { Deck } from '$lib/content/schema';
import type { Given } from './answers';
import { chooseQuestions, practiceConfig, presentQuiz, type QuizChoice, type QuizPlan } from './build';
import { deckAttempts } from './history';
import { seedFromTime } from './random';

export const attemptId = (config: QuizConfig) => `${config.deckId}@${config.seed}`;

/** Whether every question of the attempt was answered (an attempt left for a newer one was not). */
export const answeredAll = (a: QuizAttempt) => a.finishedAt !== undefined && a.position >= a.questionKeys.length;

/** The plan of a stored attempt: its questions and their shuffles, rebuilt from its keys and seed. */
export function planOf(deck: Deck, attempt: QuizAttempt): QuizPlan {
	return presentQuiz(deck, attempt.questionKeys, attempt.config.seed);
}

/**
 * Saves a new attempt, position 0. An unfinished attempt of the same deck is
 * closed (finishedAt set, position kept): only one quiz per deck is in progress.
 */
export async function startAttempt(
	db: StudyDatabase,
	input: { config: QuizConfig; questionKeys: string[]; now: number; retryOf?: string }
): Promise<QuizAttempt> {
	const attempt: QuizAttempt = {
		id: attemptId(input.config),
		deckId: input.config.deckId,
		config: input.config,
		questionKeys: input.questionKeys,
		startedAt: input.now,
		position: 0,
		correctCount: 0,
		...(input.retryOf ? { retryOf: input.retryOf } : {})
	};
	await db.transaction('rw', db.quizAttempts, async () => {
		const open = await openAttempts(db, attempt.deckId);
		for (const old of open) await db.quizAttempts.update(old.id, { finishedAt: input.now });
		await db.quizAttempts.add(attempt);
	});
	return attempt;
}

/** Starts a practice quiz from the builder's choices; its seed comes from the time. */
export async function startPractice(
	db: StudyDatabase,
	deck: Deck,
	choice: QuizChoice,
	now: number
): Promise<QuizAttempt> {
	const config = practiceConfig(deck.id, choice, now);
	return startAttempt(db, { config, questionKeys: chooseQuestions(deck, config), now });
}

/** A new attempt with only the questions the given one missed, in a fresh shuffle. */
export async function startRetry(
	db: StudyDatabase,
	attempt: QuizAttempt,
	answers: QuizAnswer[],
	now: number
): Promise<QuizAttempt> {
	const missed = new Set(answers.filter((a) => !a.correct).map((a) => a.questionKey));
	const keys = attempt.questionKeys.filter((k) => missed.has(k));
	if (keys.length === 0) throw new Error('This attempt has no missed question to retry.');
	const config: QuizConfig = { ...attempt.config, count: keys.length, seed: seedFromTime(now) };
	return startAttempt(db, { config, questionKeys: keys, now, retryOf: attempt.id });
}

export interface AnswerInput {
	attemptId: string;
	questionKey: string;
	factId: string;
	given: Given;
	correct: boolean;
	/** From the question being shown to the answer. */
	timeMs: number;
	now: number;
}

export interface SavedAnswer {
	attempt: QuizAttempt;
	answer: QuizAnswer;
	review: ReviewRow;
}

/**
 * Saves an answer, moves the attempt on (finishing it after its last question)
 * and reviews the fact with FSRS: Good when right, Again when wrong, at the
 * retention of the settings. One transaction; a second answer to the same
 * question of an attempt is refused (and nothing of it is written).
 */
export async function recordAnswer(db: StudyDatabase, input: AnswerInput): Promise<SavedAnswer> {
	return db.transaction(
		'rw',
		[db.quizAttempts, db.quizAnswers, db.factStates, db.reviews, db.reviewHours, db.settings],
		async () => {
			const attempt = await db.quizAttempts.get(input.attemptId);
			if (!attempt) throw new Error(`No quiz attempt ${input.attemptId}.`);
			if (attempt.finishedAt !== undefined) throw new Error('This quiz is already over.');
			const index = attempt.questionKeys.indexOf(input.questionKey);
			if (index < 0) throw new Error(`${input.questionKey} is not a question of this quiz.`);

			const answer: QuizAnswer = {
				attemptId: attempt.id,
				deckId: attempt.deckId,
				questionKey: input.questionKey,
				factId: input.factId,
				given: input.given,
				correct: input.correct,
				timeMs: Math.max(0, Math.round(input.timeMs)),
				answeredAt: input.now
			};
			answer.id = await db.quizAnswers.add(answer);

			const position = Math.max(attempt.position, index + 1);
			const updated: QuizAttempt = {
				...attempt,
				position,
				correctCount: attempt.correctCount + (input.correct ? 1 : 0),
				...(position >= attempt.questionKeys.length ? { finishedAt: input.now } : {})
			};
			await db.quizAttempts.put(updated);

			const { retention, parameters } = await readSettings(db);
			const review = await recordReview(db, {
				deckId: attempt.deckId,
				factId: input.factId,
				rating: input.correct ? Rating.Good : Rating.Again,
				now: new Date(input.now),
				retention,
				parameters,
				source: 'quiz',
				durationMs: input.timeMs
			});
			return { attempt: updated, answer, review };
		}
	);
}

async function openAttempts(db: StudyDatabase, deckId: string): Promise<QuizAttempt[]> {
	return (await deckAttempts(db, deckId)).filter((a) => a.finishedAt === undefined);
}

/** The deck's quiz in progress, if any (the newest unfinished attempt). */
export async function openAttempt(db: StudyDatabase, deckId: string): Promise<QuizAttempt | undefined> {
	return (await openAttempts(db, deckId))[0];
}

/** The answers of an attempt, in the order of its questions. */
export async function attemptAnswers(db: StudyDatabase, attempt: QuizAttempt): Promise<QuizAnswer[]> {
	const answers = await db.quizAnswers.where('attemptId').equals(attempt.id).toArray();
	const order = new Map(attempt.questionKeys.map((k, i) => [k, i]));
	return answers.sort((a, b) => (order.get(a.questionKey) ?? 0) - (order.get(b.questionKey) ?? 0));
}

/** Closes an attempt as it stands (used when its remaining questions have left the bank). */
export async function finishAttempt(db: StudyDatabase, id: string, now: number): Promise<QuizAttempt | undefined> {
	return db.transaction('rw', db.quizAttempts, async () => {
		const attempt = await db.quizAttempts.get(id);
		if (!attempt || attempt.finishedAt !== undefined) return attempt;
		const finished = { ...attempt, finishedAt: now };
		await db.quizAttempts.put(finished);
		return finished;
	});
}
