import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Rating } from 'ts-fsrs';
import { DEFAULT_SETTINGS } from '$lib/db/settings';
import type { DeckOutline } from '$lib/content/schema';
import { recordReview } from './review';
import { loadDeckQueue } from './queue/reads';
import { loadCustomQueue, parseCustomStudy, type CustomStudy } from './custom';
import { at, DECK, deck, FACTS, rateFact, useTestDatabase } from './test-fixtures';

const db = useTestDatabase();

const outline: DeckOutline = {
	id: DECK,
	title: 'Demo deck',
	description: '',
	facts: FACTS.map((id, i) => ({
		id,
		statement: id,
		paragraphs: [1],
		countries: [i % 2 === 0 ? 'kazakhstan' : 'uzbekistan'],
		themes: [i % 3 === 0 ? 'security' : 'trade'],
		cards: [{ front: id, back: id }]
	}))
} as DeckOutline;

const parse = (search: string) => parseCustomStudy(new URLSearchParams(search), [outline]);
const load = (custom: CustomStudy, sessionStart: number, now: number, settings = DEFAULT_SETTINGS) =>
	loadCustomQueue(db(), [outline], custom, settings, sessionStart, now);

describe('custom study', () => {
	it('reads what the address asks, and says what is wrong with a bad one', () => {
		expect(parse('')).toBeUndefined();
		expect(parse('?new=10')).toEqual({ kind: 'more-new', extra: 10 });
		expect(parse('?ahead=3')).toEqual({ kind: 'ahead', days: 3 });
		expect(parse('?facts=fact-03,fact-01')).toEqual({ kind: 'facts', factIds: new Set(['fact-03', 'fact-01']) });
		expect(parse('?new=lots')).toBe('"new=lots" is not a number of new facts between 1 and 1000.');
		expect(parse('?facts=fact-01,nope')).toBe('This deck has no fact called "nope".');
		expect(parse('?facts=')).toBe('The address names no fact to study.');
		expect(parse('?countries=nowhere')).toBe('No fact of this deck has these countries and themes.');
	});

	it('studies a topic: the facts with one of its countries and one of its themes', () => {
		const topic = parse('?countries=kazakhstan&themes=security');
		// Even indexes (Kazakhstan) that are multiples of three (security).
		expect(topic).toEqual({ kind: 'facts', factIds: new Set(FACTS.filter((_, i) => i % 6 === 0)) });
		expect(parse('?countries=kazakhstan,uzbekistan&themes=security')).toEqual(parse('?themes=security'));
	});

	it('adds more new facts once the daily limit is used up', async () => {
		const settings = { ...DEFAULT_SETTINGS, newPerDay: 5 };
		for (const id of FACTS.slice(0, 5)) await rateFact(db(), id, Rating.Easy, at(10, 9), settings);
		const now = at(10, 10).getTime();
		expect((await loadDeckQueue(db(), deck, settings, now)).counts.new).toBe(0);
		const more = await load({ kind: 'more-new', extra: 10 }, now, now, settings);
		expect(more.items.filter((i) => i.kind === 'new').map((i) => i.factId)).toEqual(FACTS.slice(5, 15));
	});

	it('reviews ahead the cards due in the next days, scheduled from the days that really passed', async () => {
		await rateFact(db(), 'fact-00', Rating.Easy, at(1, 9)); // Easy: a review due days later
		const due = (await db().factStates.get(`${DECK}/fact-00`))!.due;
		const now = due - 2 * 86_400_000; // two days before it is due
		expect((await loadDeckQueue(db(), deck, { ...DEFAULT_SETTINGS, newPerDay: 0 }, now)).items).toEqual([]);
		const ahead = await load({ kind: 'ahead', days: 3 }, now, now, { ...DEFAULT_SETTINGS, newPerDay: 0 });
		expect(ahead.items.map((i) => [i.factId, i.kind])).toEqual([['fact-00', 'review']]);
		const row = await recordReview(db(), {
			deckId: DECK,
			factId: 'fact-00',
			rating: Rating.Good,
			now: new Date(now),
			retention: 0.9,
			source: 'flashcard',
			durationMs: 1000
		});
		expect(row.elapsedDays).toBe(Math.floor((now - at(1, 9).getTime()) / 86_400_000));
	});

	it('studies exactly the chosen facts, now, and leaves those rated in the session', async () => {
		// Missed in a quiz: rated Again, due in minutes.
		for (const id of ['fact-02', 'fact-07'])
			await recordReview(db(), {
				deckId: DECK,
				factId: id,
				rating: Rating.Again,
				now: at(10, 9),
				retention: 0.9,
				source: 'quiz',
				durationMs: 1000
			});
		await rateFact(db(), 'fact-09', Rating.Easy, at(1, 9)); // due in days: shown now, ahead
		const start = at(10, 9, 1).getTime();
		const chosen: CustomStudy = { kind: 'facts', factIds: new Set(['fact-02', 'fact-07', 'fact-09', 'fact-20']) };
		const queue = await load(chosen, start, start);
		expect(queue.items.map((i) => [i.factId, i.kind]).sort()).toEqual([
			['fact-02', 'learning'],
			['fact-07', 'learning'],
			['fact-09', 'review'],
			['fact-20', 'new']
		]);
		// Rated Easy in the session: fact-09 leaves it; fact-20 rated Again comes back as learning.
		await rateFact(db(), 'fact-09', Rating.Easy, new Date(start + 60_000));
		await rateFact(db(), 'fact-20', Rating.Again, new Date(start + 60_000));
		const later = await load(chosen, start, start + 120_000);
		expect(later.items.map((i) => [i.factId, i.kind]).sort()).toEqual([
			['fact-02', 'learning'],
			['fact-07', 'learning'],
			['fact-20', 'learning']
		]);
	});

	it('does not count facts first met in a quiz against the new-card limit, and counts them for home', async () => {
		const settings = { ...DEFAULT_SETTINGS, newPerDay: 5 };
		for (const id of FACTS.slice(10, 13))
			await recordReview(db(), {
				deckId: DECK,
				factId: id,
				rating: Rating.Good,
				now: at(10, 9),
				retention: 0.9,
				source: 'quiz',
				durationMs: 1000
			});
		const counts = (await loadDeckQueue(db(), deck, settings, at(10, 10).getTime())).counts;
		expect(counts.new).toBe(5);
		expect(counts.metInQuiz).toBe(3);
	});
});
