/**
 * The day's queue of one deck, as a pure function of what the database holds
 * and the time, so tests can build any situation and move the clock.
 */
import { State } from '$lib/db/card-state';
import type { FactState, ReviewRow, StudySettings } from '$lib/db/rows';

/** Learning cards due this soon are shown now rather than making the student wait (Anki's default). */
export const LEARN_AHEAD_MS = 20 * 60_000;

/** A fact never reviewed: it has no stored state yet. */
export interface NewItem {
	kind: 'new';
	deckId: string;
	factId: string;
}

/** A fact reviewed before, with its stored state. */
export interface SeenItem {
	kind: 'learning' | 'review';
	deckId: string;
	factId: string;
	state: FactState;
}

export type QueueItem = NewItem | SeenItem;

export type QueueKind = QueueItem['kind'];

export interface QueueCounts {
	new: number;
	learning: number;
	review: number;
	/** Facts first met in a quiz today (reviewed there, outside the new-card limit), for the home tile. */
	metInQuiz?: number;
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
const queueItem =
	(deckId: string) =>
	(kind: SeenItem['kind']) =>
	(state: FactState): SeenItem => ({ deckId, factId: state.factId, kind, state });

/** A fact first met in a quiz today: it is reviewed, but does not use up the day's new flashcards. */
const metInQuiz = (r: ReviewRow) => r.before === null && r.source === 'quiz';

/** How many new facts and reviews the day's limits still allow, given today's reviews of the deck. */
export function dayAllowance(reviewsToday: ReviewRow[], settings: StudySettings) {
	const newDoneToday = reviewsToday.filter((r) => r.before === null && r.source === 'flashcard').length;
	const reviewsDoneToday = reviewsToday.filter((r) => r.before?.state === State.Review).length;
	return {
		newLeft: Math.max(0, settings.newPerDay - newDoneToday),
		reviewsLeft: Math.max(0, settings.maxReviewsPerDay - reviewsDoneToday)
	};
}

const byDue = (a: FactState, b: FactState) => a.due - b.due;

export function buildDeckQueue(input: QueueInput): DeckQueue {
	const { deckId, settings, now } = input;
	const inBank = new Set(input.factIds);
	// A fact removed from the bank keeps its history but leaves the queue.
	const due = input.dueStates.filter((s) => inBank.has(s.factId)).sort(byDue);
	const { newLeft, reviewsLeft } = dayAllowance(input.reviewsToday, settings);

	const learning = due.filter(isLearning);
	const learningNow = learning.filter((s) => s.due <= now);
	const learningAhead = learning.filter((s) => s.due > now && s.due <= now + LEARN_AHEAD_MS);
	const reviews = due.filter((s) => s.state === State.Review).slice(0, reviewsLeft);
	const fresh = input.factIds.filter((id) => !input.seenFactIds.has(id)).slice(0, newLeft);

	const item = queueItem(deckId);
	const items: QueueItem[] = [
		...learningNow.map(item('learning')),
		...reviews.map(item('review')),
		...fresh.map((factId): NewItem => ({ deckId, factId, kind: 'new' })),
		...learningAhead.map(item('learning'))
	];
	const later = learning.find((s) => s.due > now + LEARN_AHEAD_MS);
	return {
		items,
		counts: {
			new: fresh.length,
			learning: learning.length,
			review: reviews.length,
			metInQuiz: input.reviewsToday.filter(metInQuiz).length
		},
		nextLearningDue: items.length === 0 ? later?.due : undefined
	};
}

/** What the first reads of the day's queue found (see `loadQueueStart`). */
export interface QueueStartInput {
	deckId: string;
	/** The deck's fact ids, as a set. */
	inBank: Set<string>;
	/** The deck's first learning and relearning states due by `now`, in order of due time. */
	learningDue: FactState[];
	/** The deck's first review states due by the end of the study day, in order of due time. */
	reviewsDue: FactState[];
	reviewsToday: ReviewRow[];
	settings: StudySettings;
}

/**
 * The first cards of the day's queue, in the order `buildDeckQueue` gives them:
 * learning cards due now, then reviews. It is read from a few dozen rows, so the
 * first card shows at once; the whole queue (with new facts and the counts) follows.
 */
export function buildQueueStart(input: QueueStartInput): QueueItem[] {
	const { reviewsLeft } = dayAllowance(input.reviewsToday, input.settings);
	const inBank = (s: FactState) => input.inBank.has(s.factId);
	const item = queueItem(input.deckId);
	return [
		...input.learningDue.filter(inBank).sort(byDue).map(item('learning')),
		...input.reviewsDue.filter(inBank).slice(0, reviewsLeft).map(item('review'))
	];
}

/** Several decks' items in one study order: learning due now, reviews, new, then learning ahead; each deck's order kept. */
export function mergeItems(lists: QueueItem[][], now: number): QueueItem[] {
	const rank = (i: QueueItem) => (i.kind === 'learning' ? (i.state.due <= now ? 0 : 3) : i.kind === 'review' ? 1 : 2);
	return lists
		.flat()
		.map((item, index) => ({ item, index }))
		.sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index)
		.map((x) => x.item);
}

/** Several decks studied together: each keeps its own limits. */
export function mergeQueues(queues: DeckQueue[], now: number): DeckQueue {
	const items = mergeItems(
		queues.map((q) => q.items),
		now
	);
	const sum = (kind: QueueKind) => queues.reduce((n, q) => n + q.counts[kind], 0);
	const laters = queues.flatMap((q) => (q.nextLearningDue === undefined ? [] : [q.nextLearningDue]));
	return {
		items,
		counts: { new: sum('new'), learning: sum('learning'), review: sum('review') },
		nextLearningDue: items.length === 0 && laters.length > 0 ? Math.min(...laters) : undefined
	};
}
