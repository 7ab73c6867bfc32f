/** Reads what the day's queue needs from the database. */
import Dexie from 'dexie';
import type { StudyDatabase } from '$lib/db/db';
import type { StudySettings } from '$lib/db/rows';
import { nextStudyDayStart, studyDayStart } from './day';
import { State } from '$lib/db/card-state';
import { suspendedFactIds } from '$lib/db/suspended-ids';
import { deckReviewsSince, reviewLogTables } from '$lib/db/review-log';
import {
	buildDeckQueue,
	buildQueueStart,
	mergeItems,
	mergeQueues,
	type DeckQueue,
	type QueueCounts,
	type QueueItem
} from './build';

export interface DeckFacts {
	deckId: string;
	factIds: string[];
}

/** The deck's facts to study: a suspended fact is left out, as a fact removed from the bank is. */
function notSuspended(factIds: string[], suspended: string[]): string[] {
	if (suspended.length === 0) return factIds;
	const left = new Set(suspended);
	return factIds.filter((id) => !left.has(id));
}

export async function loadDeckQueue(
	db: StudyDatabase,
	deck: DeckFacts,
	settings: StudySettings,
	now: number,
	/** Reviews due before this are in the queue: the end of the study day, or later to review ahead. */
	dueBy = nextStudyDayStart(now, settings.rolloverHour)
): Promise<DeckQueue> {
	const dayStart = studyDayStart(now, settings.rolloverHour);
	return db.transaction('r', [db.factStates, ...reviewLogTables(db), db.newLimitExtensions, db.suspended], async () => {
		const [seenKeys, dueStates, reviewsToday, extraNewToday, suspended] = await Promise.all([
			// These reads grow with the deck and its history: `loadQueueStart` shows the first card before them.
			// The primary key (`<deck>/<fact>`) answers this faster than the [deckId+due] index.
			db.factStates.where('key').startsWith(`${deck.deckId}/`).primaryKeys(),
			db.factStates.where('[deckId+due]').between([deck.deckId, Dexie.minKey], [deck.deckId, dueBy]).toArray(),
			deckReviewsSince(db, deck.deckId, dayStart),
			extraNewOn(db, deck.deckId, dayStart),
			suspendedFactIds(db, deck.deckId)
		]);
		const prefix = deck.deckId.length + 1;
		return buildDeckQueue({
			deckId: deck.deckId,
			factIds: notSuspended(deck.factIds, suspended),
			seenFactIds: new Set(seenKeys.map((k) => k.slice(prefix))),
			dueStates,
			reviewsToday,
			settings,
			extraNewToday,
			now
		});
	});
}

/** The new facts a deck was given beyond the daily limit for the study day starting at `dayStart`. */
async function extraNewOn(db: StudyDatabase, deckId: string, dayStart: number): Promise<number> {
	const extension = await db.newLimitExtensions.get(deckId);
	return extension?.dayStart === dayStart ? extension.extra : 0;
}

/** A deck as its home tile knows it: the fact ids are a chunk of their own, loaded only when needed. */
export interface DeckToCount {
	deckId: string;
	factCount: number;
	factIds: () => Promise<string[]>;
}

/** The day's counts of a deck never studied: new facts only, up to the day's limit (and any extra given today). */
export const unstudiedCounts = (
	deck: Pick<DeckToCount, 'factCount'>,
	settings: StudySettings,
	extraNewToday = 0
): QueueCounts => ({
	new: Math.min(settings.newPerDay + extraNewToday, deck.factCount),
	learning: 0,
	review: 0
});

/**
 * The day's counts of a deck, for its home tile. A deck never studied and with no card suspended has
 * only new facts, so its fact ids are not loaded: a first visit's home page stays small.
 */
export async function loadDeckCounts(
	db: StudyDatabase,
	deck: DeckToCount,
	settings: StudySettings,
	now: number
): Promise<QueueCounts> {
	const [studied, suspended] = await Promise.all([
		db.factStates.where('key').startsWith(`${deck.deckId}/`).limit(1).primaryKeys(),
		suspendedFactIds(db, deck.deckId)
	]);
	// No state means no review either (a review always writes its fact's state), so no limit is used up yet.
	if (studied.length === 0 && suspended.length === 0)
		return unstudiedCounts(
			deck,
			settings,
			await extraNewOn(db, deck.deckId, studyDayStart(now, settings.rolloverHour))
		);
	// Wrapped in Promise.resolve, as Dexie asks of a non-Dexie promise awaited inside a live query.
	const factIds = await Promise.resolve(deck.factIds());
	return (await loadDeckQueue(db, { deckId: deck.deckId, factIds }, settings, now)).counts;
}

export async function loadQueue(
	db: StudyDatabase,
	decks: DeckFacts[],
	settings: StudySettings,
	now: number
): Promise<DeckQueue> {
	return merged(await Promise.all(decks.map((d) => loadDeckQueue(db, d, settings, now))), now);
}

/**
 * What `loadQueue` finds in a database with nothing in it: the first new facts of each deck.
 * A study session on a device with no database yet starts from this, and its first rating creates the database.
 */
export function unstudiedQueue(decks: DeckFacts[], settings: StudySettings, now: number): DeckQueue {
	const empty = { seenFactIds: new Set<string>(), dueStates: [], reviewsToday: [], settings, now };
	return merged(
		decks.map((d) => buildDeckQueue({ deckId: d.deckId, factIds: d.factIds, ...empty })),
		now
	);
}

const merged = (queues: DeckQueue[], now: number) => (queues.length === 1 ? queues[0]! : mergeQueues(queues, now));

/** How many learning cards and reviews of each deck `loadQueueStart` reads: more than a student answers while the rest loads. */
export const QUEUE_START_SIZE = 50;

/**
 * The first cards of the day's queue (learning cards due now, then reviews, in
 * the order of `loadQueue`), read through the [deckId+state+due] index a few
 * dozen rows at a time: the study screen shows its first card from these while
 * the whole queue loads. Empty when nothing is due now but new facts may be,
 * which only the whole queue can tell.
 */
export async function loadQueueStart(
	db: StudyDatabase,
	decks: DeckFacts[],
	settings: StudySettings,
	now: number
): Promise<QueueItem[]> {
	const dayStart = studyDayStart(now, settings.rolloverHour);
	const dayEnd = nextStudyDayStart(now, settings.rolloverHour);
	const lists = await db.transaction('r', [db.factStates, ...reviewLogTables(db), db.suspended], () =>
		Promise.all(
			decks.map(async (deck) => {
				// Learning cards due by `now` included, reviews due before the next study day (as in `loadDeckQueue`).
				const byState = (state: number, until: number, includeUntil: boolean) =>
					db.factStates
						.where('[deckId+state+due]')
						.between([deck.deckId, state, Dexie.minKey], [deck.deckId, state, until], true, includeUntil)
						.limit(QUEUE_START_SIZE)
						.toArray();
				const [learning, relearning, reviewsDue, reviewsToday, suspended] = await Promise.all([
					byState(State.Learning, now, true),
					byState(State.Relearning, now, true),
					byState(State.Review, dayEnd, false),
					deckReviewsSince(db, deck.deckId, dayStart),
					suspendedFactIds(db, deck.deckId)
				]);
				return buildQueueStart({
					deckId: deck.deckId,
					inBank: new Set(notSuspended(deck.factIds, suspended)),
					learningDue: [...learning, ...relearning],
					reviewsDue,
					reviewsToday,
					settings
				});
			})
		)
	);
	return mergeItems(lists, now);
}

/** When the deck's next card, suspended ones aside, falls due after `now` (for the end-of-session screen). */
export async function nextDue(db: StudyDatabase, deckIds: string[], now: number): Promise<number | undefined> {
	const firsts = await Promise.all(
		deckIds.map(async (id) => {
			const suspended = new Set(await suspendedFactIds(db, id));
			return db.factStates
				.where('[deckId+due]')
				.between([id, now], [id, Dexie.maxKey], false, true)
				.filter((s) => !suspended.has(s.factId))
				.first();
		})
	);
	const dues = firsts.flatMap((s) => (s ? [s.due] : []));
	return dues.length > 0 ? Math.min(...dues) : undefined;
}
