import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadDecks } from '$lib/content/load';
import { StudyDatabase } from '$lib/db/db';
import { openTestDatabase } from '$lib/db/test-database';
import type { QuizAttempt } from '$lib/db/rows';
import { DEFAULT_SETTINGS, saveSettings } from '$lib/db/settings';
import { createScheduler, newCard, toStored } from '$lib/srs/scheduler';
import { checkAnswer, correctAnswerText, type Given } from './answers';
import { bestOf, bestScores } from './best';
import { QUICK_CHOICE, buildQuiz, type PlannedQuestion } from './build';
import { formatDuration, scoreQuiz } from './score';
import { QuizSession } from './session.svelte';
import { deckAttempts } from './history';
import { attemptAnswers, openAttempt, planOf, recordAnswer, startPractice, startRetry } from './attempts';

const deck = loadDecks('questions').decks[0]!;
const T0 = new Date(2026, 2, 10, 9, 0).getTime();

let db: StudyDatabase;
beforeEach(async () => {
	db = await openTestDatabase();
});
afterEach(async () => {
	vi.restoreAllMocks();
	await db.delete();
});

/** A right answer to a planned question, as the screen would give it. */
function rightAnswer(p: PlannedQuestion): Given {
	const q = p.question;
	switch (q.type) {
		case 'multiple-choice':
		case 'typed':
			return q.answer;
		case 'true-false':
			return q.answer;
		case 'matching':
			return q.pairs.map(([l, r]): [string, string] => [l, r]);
		case 'ordering':
			return [...q.items];
		case 'map':
			return q.choicesOnMap!.findIndex((c) => c.id === q.answer);
	}
}
function wrongAnswer(p: PlannedQuestion): Given {
	const q = p.question;
	switch (q.type) {
		case 'true-false':
			return !q.answer;
		case 'typed':
			return 'no idea';
		case 'multiple-choice':
			return q.options.find((o) => o !== q.answer)!;
		case 'matching':
			// The sides as first shown, never all right.
			return q.pairs.map(([left], i): [string, string] => [left, p.shown[i]!]);
		case 'ordering':
			return p.shown;
		case 'map':
			return q.choicesOnMap!.findIndex((c) => c.id !== q.answer);
	}
}

async function answer(attempt: QuizAttempt, index: number, right: boolean, now: number, timeMs = 5000) {
	const planned = planOf(deck, attempt).questions[index]!;
	const given = right ? rightAnswer(planned) : wrongAnswer(planned);
	const { correct } = checkAnswer(planned.question, given);
	expect(correct).toBe(right);
	return recordAnswer(db, {
		attemptId: attempt.id,
		questionKey: planned.key,
		factId: planned.fact.id,
		given,
		correct,
		timeMs,
		now
	});
}

describe('starting an attempt', () => {
	it('saves it at position 0 with the questions of its plan', async () => {
		const attempt = await startPractice(db, deck, QUICK_CHOICE, T0);
		const stored = await db.quizAttempts.get(attempt.id);
		expect(stored).toEqual(attempt);
		expect(stored).toMatchObject({ deckId: deck.id, position: 0, correctCount: 0, startedAt: T0 });
		expect(stored!.finishedAt).toBeUndefined();
		expect(stored!.questionKeys).toEqual(buildQuiz(deck, stored!.config).questions.map((q) => q.key));
		expect(await openAttempt(db, deck.id)).toEqual(attempt);
	});

	it('closes the quiz left in progress when a new one starts', async () => {
		const first = await startPractice(db, deck, QUICK_CHOICE, T0);
		await answer(first, 0, true, T0 + 10_000);
		const second = await startPractice(db, deck, QUICK_CHOICE, T0 + 60_000);
		expect(await openAttempt(db, deck.id)).toEqual(second);
		expect(await db.quizAttempts.get(first.id)).toMatchObject({ position: 1, finishedAt: T0 + 60_000 });
		expect((await deckAttempts(db, deck.id)).map((a) => a.id)).toEqual([second.id, first.id]);
	});
});

describe('recordAnswer', () => {
	it('writes the answer, the attempt, the fact state and the review log together', async () => {
		await saveSettings(db, { ...DEFAULT_SETTINGS, retention: 0.8 });
		const attempt = await startPractice(db, deck, QUICK_CHOICE, T0);
		const plan = planOf(deck, attempt);
		const now = T0 + 12_000;
		const saved = await answer(attempt, 0, true, now, 12_000);

		const answers = await db.quizAnswers.toArray();
		expect(answers).toEqual([
			{
				id: saved.answer.id,
				attemptId: attempt.id,
				deckId: deck.id,
				questionKey: plan.questions[0]!.key,
				factId: plan.questions[0]!.fact.id,
				given: rightAnswer(plan.questions[0]!),
				correct: true,
				timeMs: 12_000,
				answeredAt: now
			}
		]);
		expect(await db.quizAttempts.get(attempt.id)).toMatchObject({ position: 1, correctCount: 1 });

		// Good for a right answer, scheduled at the retention of the settings.
		const expected = toStored(createScheduler(0.8).next(newCard(new Date(now)), new Date(now), 3).card);
		const factKey = `${deck.id}/${plan.questions[0]!.fact.id}`;
		expect(await db.factStates.get(factKey)).toEqual({
			key: factKey,
			deckId: deck.id,
			factId: plan.questions[0]!.fact.id,
			...expected
		});
		const reviews = await db.reviews.toArray();
		expect(reviews).toHaveLength(1);
		expect(reviews[0]).toMatchObject({
			factKey,
			rating: 3,
			source: 'quiz',
			time: now,
			durationMs: 12_000,
			before: null,
			after: expected
		});
	});

	it('rates a wrong answer Again, and finishes the attempt with its last answer', async () => {
		const attempt = await startPractice(db, deck, { ...QUICK_CHOICE, count: 5 }, T0);
		for (let i = 0; i < 5; i++) {
			const saved = await answer(attempt, i, i % 2 === 0, T0 + (i + 1) * 10_000);
			expect(saved.review.rating).toBe(i % 2 === 0 ? 3 : 1);
			expect(saved.attempt.finishedAt).toBe(i === 4 ? T0 + 50_000 : undefined);
		}
		expect(await db.quizAttempts.get(attempt.id)).toMatchObject({
			position: 5,
			correctCount: 3,
			finishedAt: T0 + 50_000
		});
		expect(await db.quizAnswers.count()).toBe(5);
		expect(await db.reviews.where('factKey').startsWith(`${deck.id}/`).count()).toBe(5);
		expect(await openAttempt(db, deck.id)).toBeUndefined();
		await expect(answer(attempt, 4, true, T0 + 60_000)).rejects.toThrow('already over');
	});

	it('writes nothing at all when any part fails', async () => {
		const attempt = await startPractice(db, deck, QUICK_CHOICE, T0);
		await answer(attempt, 0, true, T0 + 5000);
		const before = {
			attempt: await db.quizAttempts.get(attempt.id),
			answers: await db.quizAnswers.count(),
			states: await db.factStates.toArray(),
			reviews: await db.reviews.count()
		};
		// The review log fails after the answer and the attempt were written…
		vi.spyOn(db.reviews, 'add').mockRejectedValueOnce(new Error('disk full'));
		await expect(answer(attempt, 1, true, T0 + 10_000)).rejects.toThrow('disk full');
		// …and a second answer to a question already answered is refused.
		await expect(answer(attempt, 0, false, T0 + 15_000)).rejects.toThrow();
		expect(await db.quizAttempts.get(attempt.id)).toEqual(before.attempt);
		expect(await db.quizAnswers.count()).toBe(before.answers);
		expect(await db.factStates.toArray()).toEqual(before.states);
		expect(await db.reviews.count()).toBe(before.reviews);
	});
});

describe('a quiz session', () => {
	it('resumes after a reload at the first unanswered question of the same plan', async () => {
		let clock = T0;
		const now = () => clock;
		await startPractice(db, deck, QUICK_CHOICE, clock);
		const first = new QuizSession(db, deck, now);
		await first.resume();
		expect(first.phase).toBe('question');
		for (let i = 0; i < 3; i++) {
			clock += 7000;
			await first.submit(rightAnswer(first.current!));
			expect(first.phase).toBe('feedback');
			expect(first.verdict?.correct).toBe(true);
			await first.next();
		}
		const shownBeforeReload = first.current;

		const second = new QuizSession(db, deck, now);
		await second.resume();
		expect(second.index).toBe(3);
		expect(second.current).toEqual(shownBeforeReload);
		expect(second.plan).toEqual(first.plan);
		expect(second.attempt).toMatchObject({ position: 3, correctCount: 3 });
	});

	it('goes straight on when feedback waits for the end, and ends done', async () => {
		let clock = T0;
		await startPractice(db, deck, { ...QUICK_CHOICE, count: 5, feedback: 'end' }, clock);
		const session = new QuizSession(db, deck, () => clock);
		await session.resume();
		for (let i = 0; i < 5; i++) {
			expect(session.index).toBe(i);
			clock += 3000;
			await session.submit(wrongAnswer(session.current!));
		}
		expect(session.phase).toBe('done');
		expect(session.attempt).toMatchObject({ position: 5, correctCount: 0, finishedAt: clock });
	});

	it('has nothing to resume when no quiz is in progress', async () => {
		const session = new QuizSession(db, deck);
		await session.resume();
		expect(session.phase).toBe('none');
	});
});

describe('results', () => {
	it('scores an attempt: total, time, topics and misses', async () => {
		const attempt = await startPractice(db, deck, QUICK_CHOICE, T0);
		const rights = [true, false, true, true, false, true, true, true, false, true];
		for (const [i, right] of rights.entries()) await answer(attempt, i, right, T0 + (i + 1) * 20_000, 4000 + i * 1000);
		const stored = (await db.quizAttempts.get(attempt.id))!;
		const plan = planOf(deck, stored);
		const result = scoreQuiz(plan, await attemptAnswers(db, stored));

		expect(result).toMatchObject({ total: 10, answered: 10, correct: 7, percent: 70, timeMs: 85_000 });
		expect(result.misses.map((m) => m.planned.key)).toEqual([1, 4, 8].map((i) => plan.questions[i]!.key));
		expect(result.misses[0]!.given).toEqual(wrongAnswer(plan.questions[1]!));
		// Every country and theme tag of the facts is tallied, a fact counting for each of its tags.
		for (const [tallies, tagsOf] of [
			[result.byCountry, (p: PlannedQuestion) => p.fact.countries as string[]],
			[result.byTheme, (p: PlannedQuestion) => p.fact.themes as string[]]
		] as const) {
			for (const t of tallies) {
				const mine = plan.questions
					.map((p, i) => ({ p, right: rights[i]! }))
					.filter(({ p }) => tagsOf(p).includes(t.id));
				expect(t.total, t.id).toBe(mine.length);
				expect(t.correct, t.id).toBe(mine.filter((m) => m.right).length);
			}
			expect(tallies.reduce((n, t) => n + t.total, 0)).toBe(plan.questions.reduce((n, p) => n + tagsOf(p).length, 0));
		}
		expect(correctAnswerText(result.misses[0]!.planned.question)).not.toBe('');
	});

	it('refuses a kept answer that no longer fits its question, naming the question', async () => {
		const attempt = await startPractice(db, deck, QUICK_CHOICE, T0);
		await answer(attempt, 0, false, T0 + 1000);
		const stored = (await db.quizAttempts.get(attempt.id))!;
		const plan = planOf(deck, stored);
		await db.quizAnswers
			.where('attemptId')
			.equals(attempt.id)
			.modify({ given: { kept: 'elsewhere' } });
		await expect(attemptAnswers(db, stored).then((answers) => scoreQuiz(plan, answers))).rejects.toThrow(
			`The answer kept for question ${plan.questions[0]!.key} (${plan.questions[0]!.question.type}) should be`
		);
	});

	it('retries the missed ones in a new attempt that points back', async () => {
		const attempt = await startPractice(db, deck, QUICK_CHOICE, T0);
		for (let i = 0; i < 10; i++) await answer(attempt, i, i !== 2 && i !== 7, T0 + (i + 1) * 1000);
		const done = (await db.quizAttempts.get(attempt.id))!;
		const retry = await startRetry(db, done, await attemptAnswers(db, done), T0 + 100_000);
		expect(retry.retryOf).toBe(attempt.id);
		expect(retry.questionKeys).toEqual([done.questionKeys[2], done.questionKeys[7]]);
		expect(retry.config).toEqual({ ...done.config, count: 2, seed: retry.config.seed });
		expect(retry.config.seed).not.toBe(done.config.seed);
		expect(await openAttempt(db, deck.id)).toEqual(retry);
	});

	it('keeps the best whole quiz of each deck, not retries or quizzes left unfinished', async () => {
		const a = (id: string, correct: number, total: number, more: Partial<QuizAttempt> = {}): QuizAttempt => ({
			id,
			deckId: 'd',
			config: { deckId: 'd', ...QUICK_CHOICE, seed: id },
			questionKeys: Array.from({ length: total }, (_, i) => `f${i}/q`),
			startedAt: 0,
			finishedAt: 1,
			position: total,
			correctCount: correct,
			...more
		});
		const best = bestOf([
			a('five', 4, 5),
			a('ten', 8, 10),
			a('retry', 2, 2, { retryOf: 'ten' }),
			a('left', 3, 3, { position: 3, questionKeys: Array.from({ length: 10 }, (_, i) => `f${i}/q`) }),
			a('open', 1, 1, { finishedAt: undefined })
		]);
		expect(best).toEqual({ d: { attemptId: 'ten', correct: 8, total: 10, percent: 80 } });
		expect(await bestScores(db)).toEqual({});
	});

	it('writes durations for people', () => {
		expect(formatDuration(45_400)).toBe('45 s');
		expect(formatDuration(185_000)).toBe('3 min 05 s');
		expect(formatDuration(3_720_000)).toBe('1 h 02 min');
	});
});
