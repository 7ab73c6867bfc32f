/**
 * A student's class quiz, for the take screen: the quiz a code opens, the name, one question at a
 * time against its countdown, and the result code at the end. Each answer is saved before the next
 * question shows, so a reload resumes at the same question, and a finished quiz shows its result again.
 */
import type { StudyDatabase } from '$lib/db/db';
import type { ClassAttemptRow } from '$lib/db/rows';
import { messageOf } from '$lib/message-of';
import { checkAnswer, readGiven, type Given } from '$lib/quiz/answers';
import type { PlannedQuestion } from '$lib/quiz/build';
import { Countdown, systemClock, type Clock } from './countdown.svelte';
import { openQuiz, type OpenQuiz } from './plan';
import type { Decoded } from './quizcode';
import { cleanName, encodeResultCode } from './resultcode';
import { finishClassAttempt, latestClassAttempt, saveClassAnswer, startClassAttempt } from './records';

/**
 * code: no quiz yet (or one that cannot be opened), a code is asked for · name: the quiz is open, not started ·
 * question: one is asked · time-up: its time ran out, the right answer shows until the student goes on ·
 * done: every question answered, the result code shows.
 */
export type AttemptPhase = 'loading' | 'code' | 'name' | 'question' | 'time-up' | 'done';

export class ClassAttempt {
	phase: AttemptPhase = $state('loading');
	quiz: OpenQuiz | undefined = $state.raw();
	title = $state('');
	/** The student's name, as typed; kept from the attempt on this device. */
	name = $state('');
	/** The attempt on this device: its answers so far, and once finished its result code. */
	row: ClassAttemptRow | undefined = $state.raw();
	/** The index in the plan of the question asked (or whose time ran out). */
	index = $state(0);
	/** Why the quiz cannot be opened, or why an answer could not be saved. */
	problem = $state('');
	saving = $state(false);
	readonly countdown: Countdown;

	private shownAt = 0;

	constructor(
		private readonly db: StudyDatabase,
		private readonly clock: Clock = systemClock,
		private readonly open: (code: string) => Promise<Decoded<OpenQuiz>> = openQuiz
	) {
		this.countdown = new Countdown(clock);
	}

	get total(): number {
		return this.quiz?.plan.questions.length ?? 0;
	}

	/** Seconds per question; 0 when there is no limit. */
	get timer(): number {
		return this.quiz?.quiz.timer ?? 0;
	}

	get current(): PlannedQuestion | undefined {
		return this.phase === 'question' || this.phase === 'time-up' ? this.quiz?.plan.questions[this.index] : undefined;
	}

	get correct(): number {
		return this.row?.answers.filter((a) => a.correct).length ?? 0;
	}

	get isLast(): boolean {
		return this.index + 1 >= this.total;
	}

	/**
	 * Opens the quiz of a code (none: asks for one) and resumes this device's latest attempt at it.
	 * Returns whether the quiz opened; when not, `problem` says why.
	 */
	async openCode(code: string | undefined, title: string): Promise<boolean> {
		this.countdown.stop();
		this.problem = '';
		if (code === undefined) {
			this.quiz = undefined;
			this.phase = 'code';
			return false;
		}
		const read = await this.open(code);
		if (!read.ok) {
			this.problem = read.message;
			this.quiz = undefined;
			this.phase = 'code';
			return false;
		}
		const quiz = read.value;
		const last = await latestClassAttempt(this.db, quiz.id);
		this.quiz = quiz;
		this.title = title || (last?.title ?? '');
		this.row = last;
		this.name = last?.name ?? this.name;
		if (!last) this.phase = 'name';
		else if (last.finishedAt !== undefined) this.phase = 'done';
		// Every answer saved but not finished: the quiz was closed between the last answer and its result.
		else if (last.answers.length >= this.total) await this.finish();
		else this.show(last.answers.length);
		return true;
	}

	/** Starts a new attempt under the name typed; nothing happens without a name. */
	async start(): Promise<void> {
		const name = cleanName(this.name);
		if (!this.quiz || name === '') return;
		const quiz = this.quiz;
		this.row = await startClassAttempt(this.db, {
			quizId: quiz.id,
			code: quiz.code,
			title: this.title,
			name,
			now: this.clock.now()
		});
		this.show(0);
	}

	/** Saves the answer to the question asked, then asks the next one or finishes. */
	async answer(given: Given | null): Promise<void> {
		if (await this.save(given, false)) await this.advance();
	}

	/** From "Time's up" to the next question, or to the result. */
	async next(): Promise<void> {
		if (this.phase === 'time-up') await this.advance();
	}

	/** Back to the name, for another attempt; the finished one stays on this device, and its code stays valid. */
	again(): void {
		this.countdown.stop();
		this.row = undefined;
		this.phase = 'name';
	}

	/** Stops the countdown, when the screen closes. */
	close(): void {
		this.countdown.stop();
	}

	private show(index: number) {
		this.index = index;
		this.phase = 'question';
		this.shownAt = this.clock.now();
		if (this.timer > 0) this.countdown.start(this.timer, () => void this.timeUp());
	}

	/** Time ran out: counts as no answer, and shows the right one before going on. */
	private async timeUp() {
		if (await this.save(null, true)) this.phase = 'time-up';
	}

	/** Whether the answer was saved; when not, the question stays and `problem` says why. */
	private async save(given: Given | null, timedOut: boolean): Promise<boolean> {
		const planned = this.current;
		const row = this.row;
		if (!planned || !row || this.saving || this.phase !== 'question' || row.answers.length !== this.index) return false;
		this.countdown.stop();
		this.saving = true;
		this.problem = '';
		try {
			this.row = await saveClassAnswer(this.db, row.id, {
				given,
				correct: given !== null && checkAnswer(planned.question, given).correct,
				timeMs: Math.max(0, this.clock.now() - this.shownAt),
				...(timedOut ? { timedOut: true } : {})
			});
			return true;
		} catch (error) {
			this.problem = `Your answer could not be saved: ${messageOf(error)}`;
			return false;
		} finally {
			this.saving = false;
		}
	}

	private async advance() {
		if (this.isLast) await this.finish();
		else this.show(this.index + 1);
	}

	private async finish() {
		const quiz = this.quiz;
		const row = this.row;
		if (!quiz || !row) return;
		const now = this.clock.now();
		const code = encodeResultCode(
			quiz.id,
			quiz.plan,
			row.name,
			quiz.plan.questions.map((p, i) => readGiven(p.question, row.answers[i]?.given)),
			now
		);
		this.row = await finishClassAttempt(this.db, row.id, code, now);
		this.phase = 'done';
	}
}
