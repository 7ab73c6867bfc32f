import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadDecks } from '../content/load';
import { StudyDatabase } from '$lib/db/db';
import { openTestDatabase } from '$lib/db/test-database';
import type { PlannedQuestion } from '$lib/quiz/build';
import { ClassAttempt } from './attempt.svelte';
import { Countdown, secondsLeft, type Clock } from './countdown.svelte';
import { followFragment, type AddressSource, type QuizFragment } from './fragment';
import { encodeQuizCode, quizFragment, type ClassQuiz } from './quizcode';
import { decodeResultCode } from './resultcode';
import { latestClassAttempt } from './records';

const deck = loadDecks('questions').decks[0]!;
const T0 = new Date(2026, 2, 10, 9, 0).getTime();

/** A clock that only moves when the test moves it, running each timer due on the way. */
function manualClock(start = T0): Clock & { advance(ms: number): void } {
	let now = start;
	const timers = new Set<{ ms: number; tick: () => void; next: number }>();
	return {
		now: () => now,
		every(ms, tick) {
			const timer = { ms, tick, next: now + ms };
			timers.add(timer);
			return () => timers.delete(timer);
		},
		advance(ms) {
			const end = now + ms;
			for (;;) {
				const due = [...timers].filter((t) => t.next <= end).sort((a, b) => a.next - b.next)[0];
				if (!due) break;
				now = due.next;
				due.next += due.ms;
				due.tick();
			}
			now = end;
		}
	};
}

describe('the countdown', () => {
	it('counts whole seconds up, and ends once, on time', () => {
		const clock = manualClock();
		const countdown = new Countdown(clock);
		const ends: number[] = [];
		countdown.start(10, () => ends.push(clock.now()));
		expect(countdown.remaining).toBe(10);
		clock.advance(200);
		expect(countdown.remaining).toBe(10);
		clock.advance(8_900);
		expect(countdown.remaining).toBe(1);
		clock.advance(900);
		expect(ends).toEqual([T0 + 10_000]);
		expect(countdown.remaining).toBe(0);
		clock.advance(60_000);
		expect(ends).toHaveLength(1);
	});

	it('forgets the count before when started again or stopped', () => {
		const clock = manualClock();
		const countdown = new Countdown(clock);
		const ends: string[] = [];
		countdown.start(10, () => ends.push('first'));
		clock.advance(5_000);
		countdown.start(10, () => ends.push('second'));
		clock.advance(9_000);
		expect(ends).toEqual([]);
		expect(countdown.remaining).toBe(1);
		countdown.stop();
		clock.advance(60_000);
		expect(ends).toEqual([]);
	});

	it('reads seconds left from the deadline, so a late tick shows the right time', () => {
		expect(secondsLeft(T0 + 10_000, T0)).toBe(10);
		expect(secondsLeft(T0 + 10_000, T0 + 1)).toBe(10);
		expect(secondsLeft(T0 + 10_000, T0 + 9_001)).toBe(1);
		expect(secondsLeft(T0 + 10_000, T0 + 10_000)).toBe(0);
		expect(secondsLeft(T0 + 10_000, T0 + 99_000)).toBe(0);
	});
});

describe('the fragment reader', () => {
	/** An address bar the test types into. */
	function address(hash: string) {
		const events = new EventTarget();
		const location = { hash };
		const source: AddressSource & { go(hash: string): void } = {
			location,
			addEventListener: (type, listener) => events.addEventListener(type, listener),
			removeEventListener: (type, listener) => events.removeEventListener(type, listener),
			go(next) {
				location.hash = next;
				events.dispatchEvent(new Event('hashchange'));
			}
		};
		return source;
	}

	it('reads the quiz of the address at once and at each change, until stopped', () => {
		const code = encodeQuizCode({
			deckId: deck.id,
			count: 5,
			countries: [],
			themes: [],
			types: [],
			order: 'shuffled',
			timer: 0,
			seed: 1
		});
		const bar = address('');
		const read: QuizFragment[] = [];
		const stop = followFragment((f) => read.push(f), bar);
		bar.go(`#${quizFragment(code, 'Unit 3')}`);
		stop();
		bar.go('#q=AAAA');
		expect(read).toEqual([
			{ title: '' },
			{ code: expect.stringMatching(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/), title: 'Unit 3' }
		]);
	});
});

describe('a class quiz on the student’s phone', () => {
	const timed: ClassQuiz = {
		deckId: deck.id,
		count: 4,
		countries: ['kazakhstan'],
		themes: ['economy', 'diplomacy', 'security', 'history'],
		types: ['multiple-choice', 'true-false'],
		order: 'shuffled',
		timer: 10,
		seed: 99
	};
	const code = encodeQuizCode(timed);
	const untimed = encodeQuizCode({ ...timed, timer: 0 });
	const right = (p: PlannedQuestion) => {
		const q = p.question;
		if (q.type === 'multiple-choice' || q.type === 'true-false') return q.answer;
		return q.type === 'map' ? q.choicesOnMap!.findIndex((c) => c.id === q.answer) : null;
	};

	let db: StudyDatabase;
	let clock: ReturnType<typeof manualClock>;
	beforeEach(async () => {
		db = await openTestDatabase();
		clock = manualClock();
	});
	afterEach(async () => {
		await db.delete();
	});

	/** The attempt on the screen after opening the code, as a fresh page would. */
	async function opened(quizCode = code, title = 'Unit 3') {
		const attempt = new ClassAttempt(db, clock);
		expect(await attempt.openCode(quizCode, title)).toBe(true);
		return attempt;
	}

	it('asks for a code without one, and says why a code cannot be opened', async () => {
		const attempt = new ClassAttempt(db, clock);
		expect(attempt.phase).toBe('loading');
		expect(await attempt.openCode(undefined, '')).toBe(false);
		expect(attempt.phase).toBe('code');
		expect(attempt.problem).toBe('');
		expect(await attempt.openCode(code.slice(0, 12), '')).toBe(false);
		expect(attempt.phase).toBe('code');
		expect(attempt.problem).toMatch(/cut short/);
	});

	it('starts under a name, saves each answer with its time, and ends with a result code the teacher can read', async () => {
		const attempt = await opened();
		expect(attempt.phase).toBe('name');
		expect(attempt.total).toBe(4);
		attempt.name = '   ';
		await attempt.start();
		expect(attempt.phase).toBe('name');
		attempt.name = '  Aida  ';
		await attempt.start();
		expect([attempt.phase, attempt.index, attempt.countdown.remaining]).toEqual(['question', 0, 10]);

		const plan = attempt.quiz!.plan;
		clock.advance(3_000);
		await attempt.answer(right(plan.questions[0]!));
		expect([attempt.phase, attempt.index, attempt.countdown.remaining]).toEqual(['question', 1, 10]);
		expect(attempt.row!.answers).toEqual([{ given: right(plan.questions[0]!), correct: true, timeMs: 3_000 }]);
		await attempt.answer(right(plan.questions[1]!));
		await attempt.answer(right(plan.questions[2]!));
		expect(attempt.isLast).toBe(true);
		clock.advance(60_000);
		await vi.waitFor(() => expect(attempt.phase).toBe('time-up'));
		await attempt.next();

		expect(attempt.phase).toBe('done');
		expect(attempt.correct).toBe(3);
		const read = decodeResultCode(attempt.row!.resultCode!, attempt.quiz!.id, plan);
		// Finished 63 s after the start; the code keeps the minute.
		expect(read).toEqual({
			ok: true,
			value: {
				quizId: attempt.quiz!.id,
				name: 'Aida',
				finishedAt: T0 + 60_000,
				given: [...plan.questions.slice(0, 3).map(right), null]
			}
		});
	});

	it('when time runs out, saves no answer and shows the right one until the student goes on', async () => {
		const attempt = await opened();
		attempt.name = 'Bolat';
		await attempt.start();
		clock.advance(9_999);
		expect(attempt.phase).toBe('question');
		clock.advance(1);
		await vi.waitFor(() => expect(attempt.phase).toBe('time-up'));
		expect(attempt.index).toBe(0);
		expect(attempt.current).toBe(attempt.quiz!.plan.questions[0]);
		expect(attempt.row!.answers).toEqual([{ given: null, correct: false, timeMs: 10_000, timedOut: true }]);
		// An answer tapped after the time ran out is not taken, and "Time's up" waits as long as it is read.
		await attempt.answer(right(attempt.quiz!.plan.questions[0]!));
		clock.advance(60_000);
		expect(attempt.row!.answers).toHaveLength(1);
		expect(attempt.phase).toBe('time-up');
		await attempt.next();
		expect([attempt.phase, attempt.index, attempt.countdown.remaining]).toEqual(['question', 1, 10]);
	});

	it('keeps the question, and says why, when an answer cannot be saved', async () => {
		const attempt = await opened();
		attempt.name = 'Farida';
		await attempt.start();
		await db.classAttempts.delete(attempt.row!.id);
		await attempt.answer(right(attempt.quiz!.plan.questions[0]!));
		expect([attempt.phase, attempt.index, attempt.saving]).toEqual(['question', 0, false]);
		expect(attempt.problem).toBe('Your answer could not be saved: This attempt is not on this device.');
	});

	it('resumes at the question after the last answer saved, and a finished quiz at its result', async () => {
		const first = await opened();
		first.name = 'Chingiz';
		await first.start();
		await first.answer(right(first.quiz!.plan.questions[0]!));
		first.close();

		const again = await opened(code, '');
		expect([again.phase, again.index, again.name, again.title]).toEqual(['question', 1, 'Chingiz', 'Unit 3']);
		for (const p of again.quiz!.plan.questions.slice(1)) await again.answer(right(p));
		expect(again.phase).toBe('done');

		const later = await opened();
		expect(later.phase).toBe('done');
		expect(later.row!.resultCode).toBe(again.row!.resultCode);
	});

	it('finishes a quiz closed between its last answer and its result', async () => {
		const attempt = await opened(untimed);
		attempt.name = 'Dana';
		await attempt.start();
		const plan = attempt.quiz!.plan;
		const id = attempt.row!.id;
		await db.classAttempts.update(id, {
			answers: plan.questions.map((p) => ({ given: right(p), correct: true, timeMs: 1000 }))
		});
		const reopened = await opened(untimed);
		expect(reopened.phase).toBe('done');
		expect(reopened.correct).toBe(4);
		expect(decodeResultCode(reopened.row!.resultCode!, reopened.quiz!.id, plan).ok).toBe(true);
	});

	it('takes it again as a new attempt, keeping the finished one and its code', async () => {
		const attempt = await opened(untimed);
		attempt.name = 'Erlan';
		await attempt.start();
		expect(attempt.countdown.remaining).toBe(0);
		for (const p of attempt.quiz!.plan.questions) await attempt.answer(right(p));
		const finished = attempt.row!;
		attempt.again();
		expect([attempt.phase, attempt.name]).toEqual(['name', 'Erlan']);
		clock.advance(60_000);
		await attempt.start();
		expect(attempt.phase).toBe('question');
		expect(attempt.row!.id).not.toBe(finished.id);
		expect(await db.classAttempts.get(finished.id)).toEqual(finished);
		expect((await latestClassAttempt(db, attempt.quiz!.id))!.id).toBe(attempt.row!.id);
	});
});
