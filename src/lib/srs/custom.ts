/**
 * Custom study, as in Anki: what a student can still study once the day's limits are reached.
 * More new cards raise the deck's limit for the study day (stored, so home counts them as the
 * study page does, until the day ends). The other choices travel in the session's address
 * (`?ahead=3`, `?facts=a,b`, `?countries=…&themes=…`), read in the browser, so a reload resumes
 * the same session. Every rating is an ordinary FSRS review at the time it is given: a card
 * reviewed ahead of its due date is scheduled from the days that really passed since its last review.
 * This module loads only for custom study, off the first card's path.
 */
import type { StudyDatabase } from '$lib/db/db';
import { State } from '$lib/db/card-state';
import { factKey, type FactState, type StudySettings } from '$lib/db/rows';
import type { DeckOutline, FactOutline } from '$lib/content/schema';
import { nextStudyDayStart, studyDayStart } from './queue/day';
import { LEARN_AHEAD_MS, mergeQueues, type DeckQueue, type QueueItem } from './queue/build';
import { loadDeckQueue } from './queue/reads';
import { suspendedFactIds } from '$lib/db/suspended-ids';
import type { QueueLoader } from './session.svelte';

export type CustomStudy =
	/** The day's queue and the reviews due in the next `days` study days. */
	| { kind: 'ahead'; days: number }
	/** Only these facts, each shown now (the facts missed in a quiz, or a topic's). */
	| { kind: 'facts'; factIds: Set<string> };

export const MORE_NEW_CHOICES = [10, 20] as const;
export const AHEAD_CHOICES = [1, 7, 30] as const;

/**
 * Gives each deck `extra` more new facts for the study day of `now`, on top of any it was already given
 * that day; an extension from an earlier day is replaced.
 */
export async function extendNewToday(
	db: StudyDatabase,
	deckIds: string[],
	extra: number,
	now: number,
	rolloverHour: number
): Promise<void> {
	const dayStart = studyDayStart(now, rolloverHour);
	await db.transaction('rw', db.newLimitExtensions, async () => {
		const current = await db.newLimitExtensions.bulkGet(deckIds);
		await db.newLimitExtensions.bulkPut(
			deckIds.map((deckId, i) => {
				const today = current[i]?.dayStart === dayStart ? current[i]!.extra : 0;
				return { deckId, dayStart, extra: today + extra };
			})
		);
	});
}

const positiveInteger = (text: string, max: number) => {
	const n = Number(text);
	return Number.isInteger(n) && n >= 1 && n <= max ? n : undefined;
};
/** A list given as `a,b`, as repeated `k=a&k=b` (a form's checkboxes) or both. */
const list = (search: URLSearchParams, key: string) =>
	search
		.getAll(key)
		.flatMap((v) => v.split(','))
		.filter((s) => s !== '');

/**
 * Reads the custom study an address asks for: undefined for an ordinary session, or a message
 * saying what is wrong with it. A topic (countries and themes, as the quiz builder chooses them)
 * becomes the facts that have one of the countries and one of the themes asked.
 */
export function parseCustomStudy(search: URLSearchParams, decks: DeckOutline[]): CustomStudy | string | undefined {
	const ahead = search.get('ahead');
	if (ahead !== null) {
		const days = positiveInteger(ahead, 365);
		return days ? { kind: 'ahead', days } : `"ahead=${ahead}" is not a number of days between 1 and 365.`;
	}
	const all = decks.flatMap((d) => d.facts);
	if (search.has('facts')) {
		const asked = list(search, 'facts');
		const known = new Set(all.map((f) => f.id));
		const unknown = asked.filter((id) => !known.has(id));
		if (asked.length === 0) return 'The address names no fact to study.';
		if (unknown.length > 0) return `This deck has no fact called ${unknown.map((id) => `"${id}"`).join(', ')}.`;
		return { kind: 'facts', factIds: new Set(asked) };
	}
	if (search.has('countries') || search.has('themes')) {
		const countries = list(search, 'countries');
		const themes = list(search, 'themes');
		const chosen = topicFacts(all, countries, themes);
		if (chosen.length === 0) return 'No fact of this deck has these countries and themes.';
		return { kind: 'facts', factIds: new Set(chosen.map((f) => f.id)) };
	}
}

/** The facts of a topic: those with one of the countries (if any is given) and one of the themes (if any). */
export const topicFacts = (facts: FactOutline[], countries: string[], themes: string[]): FactOutline[] =>
	facts.filter(
		(f) =>
			(countries.length === 0 || f.countries.some((c) => countries.includes(c))) &&
			(themes.length === 0 || f.themes.some((t) => themes.includes(t)))
	);

/** Days after a time on the local clock, keeping the wall-clock hour across daylight-saving changes. */
function addDays(time: number, days: number): number {
	const d = new Date(time);
	d.setDate(d.getDate() + days);
	return d.getTime();
}

/**
 * The queue of chosen facts, as a pure function of their stored states: every chosen fact is shown
 * now (a new one as new; one not yet due as a review ahead), except those already rated in this
 * session, which come back only as learning cards due before the day ends.
 */
export function buildChosenQueue(
	deckId: string,
	factIds: string[],
	states: Map<string, FactState>,
	sessionStart: number,
	now: number,
	dayEnd: number
): QueueItem[] {
	return factIds.flatMap((factId): QueueItem[] => {
		const state = states.get(factId);
		if (!state) return [{ deckId, factId, kind: 'new' }];
		const learning = state.state === State.Learning || state.state === State.Relearning;
		const kind = learning ? 'learning' : 'review';
		if (state.due <= now + LEARN_AHEAD_MS) return [{ deckId, factId, kind, state }];
		if ((state.last_review ?? 0) < sessionStart) return [{ deckId, factId, kind: 'review', state }];
		return learning && state.due < dayEnd ? [{ deckId, factId, kind: 'learning', state }] : [];
	});
}

const countsOf = (items: QueueItem[]) => ({
	new: items.filter((i) => i.kind === 'new').length,
	learning: items.filter((i) => i.kind === 'learning').length,
	review: items.filter((i) => i.kind === 'review').length
});

/** Loads the queue of a custom study session of these decks. */
export async function loadCustomQueue(
	db: StudyDatabase,
	decks: DeckOutline[],
	custom: CustomStudy,
	settings: StudySettings,
	sessionStart: number,
	now: number
): Promise<DeckQueue> {
	const dayEnd = nextStudyDayStart(now, settings.rolloverHour);
	const queues = await Promise.all(
		decks.map(async (deck): Promise<DeckQueue> => {
			const factIds = deck.facts.map((f) => f.id);
			if (custom.kind === 'ahead')
				return loadDeckQueue(db, { deckId: deck.id, factIds }, settings, now, addDays(dayEnd, custom.days));
			// A suspended fact stays out of custom study too, even when the address names it.
			const suspended = new Set(await suspendedFactIds(db, deck.id));
			const chosen = factIds.filter((id) => custom.factIds.has(id) && !suspended.has(id));
			const rows = await db.factStates.bulkGet(chosen.map((id) => factKey(deck.id, id)));
			const states = new Map(rows.flatMap((s) => (s ? [[s.factId, s] as const] : [])));
			const items = buildChosenQueue(deck.id, chosen, states, sessionStart, now, dayEnd);
			return { items, counts: countsOf(items) };
		})
	);
	return mergeQueues(queues, now);
}

/**
 * What the study page needs of an address's search: the custom study's queue loader, nothing for
 * an ordinary session, or a message saying what is wrong with the address.
 */
export function customQueueLoader(
	db: StudyDatabase,
	search: string,
	decks: DeckOutline[]
): QueueLoader | string | undefined {
	const custom = parseCustomStudy(new URLSearchParams(search), decks);
	if (typeof custom !== 'object') return custom;
	return (settings, sessionStart, now) => loadCustomQueue(db, decks, custom, settings, sessionStart, now);
}
