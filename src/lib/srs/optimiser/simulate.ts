/**
 * A simulated student, for the optimiser's tests: a history whose true memory parameters are known.
 * The student's memory follows FSRS with `truth`; the app schedules with its own scheduler (FSRS's
 * defaults). Each day brings a few new facts, then every fact due is reviewed, recalled with the
 * probability the true model gives.
 */
import { FSRSAlgorithm, default_w, generatorParameters, type FSRSState, type Grade } from 'ts-fsrs';
import type { FactState, ReviewRow } from '$lib/db/rows';
import { createScheduler, newCard, toStored } from '../scheduler';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A seeded random number generator (mulberry32), so a simulated history is the same on every run. */
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** FSRS-6 with a longer first memory and a steeper forgetting curve than FSRS's defaults. */
export const SIMULATED_TRUTH: readonly number[] = default_w.map(
	(w, i) => ({ 0: 0.6, 1: 2.5, 2: 7, 3: 16, 20: 0.35 })[i] ?? w
);

export interface SimulatedStudent {
	truth: readonly number[];
	deckId: string;
	/** Midnight (local) of the first day, epoch ms. */
	start: number;
	days: number;
	newPerDay: number;
	seed: number;
}

/** The review log and the final fact states of the simulated student. */
export function simulateHistory(student: SimulatedStudent): { reviews: ReviewRow[]; factStates: FactState[] } {
	const draw = random(student.seed);
	const memory = new FSRSAlgorithm(generatorParameters({ w: student.truth, enable_short_term: true }));
	const scheduler = createScheduler(0.9);
	const facts: {
		factId: string;
		card: ReturnType<typeof newCard>;
		memory: FSRSState | null;
		lastDay: number;
		seen: boolean;
	}[] = [];
	const reviews: ReviewRow[] = [];
	for (let day = 0; day < student.days; day++) {
		const morning = student.start + day * DAY + 9 * HOUR;
		for (let i = 0; i < student.newPerDay; i++)
			facts.push({
				factId: `f${facts.length}`,
				card: newCard(new Date(morning)),
				memory: null,
				lastDay: day,
				seen: false
			});
		let now = morning;
		for (const fact of facts) {
			while (fact.card.due.getTime() < student.start + (day + 1) * DAY) {
				now = Math.max(now + 60_000, fact.card.due.getTime());
				const elapsed = fact.memory ? day - fact.lastDay : 0;
				const recall = fact.memory ? memory.forgetting_curve(elapsed, fact.memory.stability) : 0.5;
				const roll = draw();
				const rating: Grade = draw() >= recall ? 1 : roll < 0.1 ? 2 : roll < 0.9 ? 3 : 4;
				fact.memory = memory.next_state(fact.memory, elapsed, rating);
				fact.lastDay = day;
				const before = fact.seen ? toStored(fact.card) : null;
				const { card, log } = scheduler.next(fact.card, new Date(now), rating);
				fact.card = card;
				fact.seen = true;
				reviews.push({
					id: reviews.length + 1,
					factKey: `${student.deckId}/${fact.factId}`,
					deckId: student.deckId,
					factId: fact.factId,
					time: now,
					rating,
					elapsedDays: log.elapsed_days,
					durationMs: 5000,
					source: 'flashcard',
					before,
					after: toStored(card)
				});
			}
		}
	}
	const factStates = facts.map((f) => ({
		key: `${student.deckId}/${f.factId}`,
		deckId: student.deckId,
		factId: f.factId,
		...toStored(f.card)
	}));
	return { reviews, factStates };
}
