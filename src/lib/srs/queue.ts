/**
 * The day's queue of one deck, as a pure function of what the database holds
 * and the time, so tests can build any situation and move the clock.
 */
import { State } from '$lib/srs/states';
import type { FactState, ReviewRow, StudySettings } from '$lib/db/db';

/** Learning cards due this soon are shown now rather than making the student wait (Anki's default). */
export const LEARN_AHEAD_MS = 20 * 60_000;

export type QueueKind = 'new' | 'learning' | 'review';

export interface QueueItem {
	deckId: string;
	factId: string;
	kind: QueueKind;
	/** The stored state; undefined for a new fact. */
	state?: FactState;
}

export interface QueueCounts {
	new: number;
	learning: number;
	review: number;
}

export interface DeckQueue {
	/** In the order to study them. */
	items: QueueItem[];
	counts: QueueCounts;
	/** The next learning card due later today, when nothing is due now. */
	nextLearningDue?: number;
}

export interface QueueInput {
	deckId: string;
	/** The deck's fact ids in source order: new facts are introduced in this order. */
	factIds: string[];
	/** Ids of the deck's facts that have a stored state (reviewed at least once). */
	seenFactIds: Set<string>;
	/** The deck's stored states due before the end of the study day. */
	dueStates: FactState[];
	/** The deck's reviews since the start of the study day. */
	reviewsToday: ReviewRow[];
	settings: StudySettings;
	now: number;
}

const isLearning = (s: FactState) => s.state === State.Learning || s.state === State.Relearning;

export function buildDeckQueue(input: QueueInput): DeckQueue {
	const { deckId, settings, now } = input;
	const inBank = new Set(input.factIds);
	// A fact removed from the bank keeps its history but leaves the queue.
	const due = input.dueStates.filter((s) => inBank.has(s.factId)).sort((a, b) => a.due - b.due);

	const newDoneToday = input.reviewsToday.filter((r) => r.before === null).length;
	const reviewsDoneToday = input.reviewsToday.filter((r) => r.before?.state === State.Review).length;
	const newLeft = Math.max(0, settings.newPerDay - newDoneToday);
	const reviewsLeft = Math.max(0, settings.maxReviewsPerDay - reviewsDoneToday);

	const learning = due.filter(isLearning);
	const learningNow = learning.filter((s) => s.due <= now);
	const learningAhead = learning.filter((s) => s.due > now && s.due <= now + LEARN_AHEAD_MS);
	const reviews = due.filter((s) => s.state === State.Review).slice(0, reviewsLeft);
	const fresh = input.factIds.filter((id) => !input.seenFactIds.has(id)).slice(0, newLeft);

	const item = (kind: QueueKind) => (state: FactState): QueueItem => ({ deckId, factId: state.factId, kind, state });
	const items: QueueItem[] = [
		...learningNow.map(item('learning')),
		...reviews.map(item('review')),
		...fresh.map((factId): QueueItem => ({ deckId, factId, kind: 'new' })),
		...learningAhead.map(item('learning'))
	];
	const later = learning.find((s) => s.due > now + LEARN_AHEAD_MS);
	return {
		items,
		counts: { new: fresh.length, learning: learning.length, review: reviews.length },
		nextLearningDue: items.length === 0 ? later?.due : undefined
	};
}

/** Several decks studied together: each keeps its own limits; learning due now, reviews, new, then learning ahead. */
export function mergeQueues(queues: DeckQueue[], now: number): DeckQueue {
	const rank = (i: QueueItem) =>
		i.kind === 'learning' ? (i.state!.due <= now ? 0 : 3) : i.kind === 'review' ? 1 : 2;
	const items = queues
		.flatMap((q) => q.items)
		.map((item, index) => ({ item, index }))
		.sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index)
		.map((x) => x.item);
	const sum = (kind: QueueKind) => queues.reduce((n, q) => n + q.counts[kind], 0);
	const laters = queues.flatMap((q) => (q.nextLearningDue === undefined ? [] : [q.nextLearningDue]));
	return {
		items,
		counts: { new: sum('new'), learning: sum('learning'), review: sum('review') },
		nextLearningDue: items.length === 0 && laters.length > 0 ? Math.min(...laters) : undefined
	};
}
