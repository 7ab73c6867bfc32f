/**
 * A quiz in progress, for the quiz screen. Each answer is saved (with its FSRS
 * review) before the next question shows; the attempt and its plan are rebuilt
 * from the database on start, so a reload resumes at the same question.
 */
import type { StudyDatabase } from '$lib/db/db';
import type { QuizAttempt } from '$lib/db/rows';
import type { Deck } from '$lib/content/schema';
import { checkAnswer, type Given, type Verdict } from './answers';
import type { PlannedQuestion, QuizPlan } from './build';
import { attemptAnswers, finishAttempt, openAttempt, planOf, recordAnswer } from './attempts';
import { requestPersistenceOnce } from '$lib/db/storage';
import { messageOf } from '$lib/message-of';

export type QuizPhase = 'loading' | 'none' | 'question' | 'saving' | 'feedback' | 'done';

export class QuizSession {
	phase: QuizPhase = $state('loading');
	attempt: QuizAttempt | undefined = $state.raw();
	plan: QuizPlan | undefined = $state.raw();
	/** The index in the plan of the question shown. */
	index = $state(0);
	/** The verdict on the last answer, while its feedback shows. */
	verdict: Verdict | undefined = $state.raw();
	/** Set when an answer could not be saved; the question stays to be answered again. */
	error = $state('');

	private shownAt = 0;

	constructor(
		private readonly db: StudyDatabase,
		private readonly deck: Deck,
		private readonly now: () => number = Date.now
	) {}

	get current(): PlannedQuestion | undefined {
		return this.plan?.questions[this.index];
	}

	get total(): number {
		return this.plan?.questions.length ?? 0;
	}

	get feedbackEach(): boolean {
		return this.attempt?.config.feedback === 'each';
	}

	get isLast(): boolean {
		return this.index + 1 >= this.total;
	}

	/** Finds the deck's quiz in progress and shows its first unanswered question. */
	async resume(): Promise<void> {
		const attempt = await openAttempt(this.db, this.deck.id);
		if (!attempt) {
			this.phase = 'none';
			return;
		}
		const plan = planOf(this.deck, attempt);
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once here, never watched
		const answered = new Set((await attemptAnswers(this.db, attempt)).map((a) => a.questionKey));
		this.attempt = attempt;
		this.plan = plan;
		const index = plan.questions.findIndex((q) => !answered.has(q.key));
		if (index < 0) await this.finish();
		else this.show(index);
	}

	/** Checks and saves an answer; then shows its feedback, or the next question when feedback waits for the end. */
	async submit(given: Given): Promise<void> {
		const planned = this.current;
		const attempt = this.attempt;
		if (this.phase !== 'question' || !planned || !attempt) return;
		const verdict = checkAnswer(planned.question, given);
		const now = this.now();
		this.phase = 'saving';
		this.error = '';
		try {
			const saved = await recordAnswer(this.db, {
				attemptId: attempt.id,
				questionKey: planned.key,
				factId: planned.fact.id,
				given: $state.snapshot(given),
				correct: verdict.correct,
				timeMs: now - this.shownAt,
				now
			});
			this.attempt = saved.attempt;
			void requestPersistenceOnce(this.db, now);
		} catch (error) {
			this.error = `Your answer could not be saved: ${messageOf(error)}`;
			this.phase = 'question';
			return;
		}
		this.verdict = verdict;
		if (this.feedbackEach) this.phase = 'feedback';
		else await this.advance();
	}

	/** From a question's feedback to the next question (or the end). */
	async next(): Promise<void> {
		if (this.phase === 'feedback') await this.advance();
	}

	private async advance(): Promise<void> {
		if (this.index + 1 < this.total) this.show(this.index + 1);
		else await this.finish();
	}

	private async finish(): Promise<void> {
		// Normally the last answer finished the attempt; not when questions left the bank meanwhile.
		if (this.attempt && this.attempt.finishedAt === undefined)
			this.attempt = await finishAttempt(this.db, this.attempt.id, this.now());
		this.phase = 'done';
	}

	private show(index: number) {
		this.index = index;
		this.verdict = undefined;
		this.shownAt = this.now();
		this.phase = 'question';
	}
}
