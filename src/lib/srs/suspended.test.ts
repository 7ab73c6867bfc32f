import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { Rating } from 'ts-fsrs';
import type { DeckOutline } from '$lib/content/schema';
import { DEFAULT_SETTINGS } from '$lib/db/settings';
import { suspendCard, unsuspendCard } from '$lib/db/suspended';
import { useTestDatabase } from '$lib/db/test-database';
import { loadCustomQueue } from './custom';
import { loadDeckCounts, loadDeckQueue, loadQueueStart, nextDue } from './queue/reads';
import { StudySession, type SessionMemory } from './session.svelte';
import { at, DECK, deck, FACTS, rateFact } from './test-fixtures';

const db = useTestDatabase();

const settings = { ...DEFAULT_SETTINGS, newPerDay: 50 };
const tile = { deckId: DECK, factCount: FACTS.length, factIds: async () => FACTS };
const suspend = (factId: string) => suspendCard(db(), { deckId: DECK, factId, front: factId }, at(10, 8).getTime());

const outline: DeckOutline = {
	id: DECK,
	title: 'Demo deck',
	description: '',
	facts: FACTS.map((id) => ({
		id,
		statement: id,
		paragraphs: [1],
		countries: ['regional'],
		themes: ['history'],
		cards: [{ front: `Front of ${id}`, back: `Back of ${id}` }]
	}))
} as DeckOutline;

describe('suspended facts and the day queue', () => {
	it('leave the queue and every count, keep their state, and come back where their schedule says', async () => {
		await rateFact(db(), 'fact-00', Rating.Easy, at(1, 9), settings); // a review, due by day 25
		await rateFact(db(), 'fact-01', Rating.Again, at(25, 9), settings); // a learning card, due a minute later
		await Promise.all(['fact-00', 'fact-01', 'fact-02'].map(suspend));
		const states = await db().factStates.toArray();
		const now = at(25, 10).getTime();

		const queue = await loadDeckQueue(db(), deck, settings, now);
		expect(queue.items.map((i) => i.factId)).toEqual(FACTS.slice(3));
		expect(queue.counts).toEqual({ new: 27, learning: 0, review: 0, metInQuiz: 0 });
		expect(await loadQueueStart(db(), [deck], settings, now)).toEqual([]);
		// Home's tile counts as the study page does.
		expect(await loadDeckCounts(db(), tile, settings, now)).toEqual(queue.counts);
		expect(await db().factStates.toArray()).toEqual(states);

		await Promise.all(['fact-00', 'fact-01', 'fact-02'].map((id) => unsuspendCard(db(), DECK, id)));
		const back = await loadDeckQueue(db(), deck, settings, now);
		expect(back.items.slice(0, 3).map((i) => [i.factId, i.kind])).toEqual([
			['fact-01', 'learning'],
			['fact-00', 'review'],
			['fact-02', 'new']
		]);
		expect(back.counts).toEqual({ new: 28, learning: 1, review: 1, metInQuiz: 0 });
		expect((await loadQueueStart(db(), [deck], settings, now)).map((i) => i.factId)).toEqual(['fact-01', 'fact-00']);
	});

	it('are not the next card due at the end of a session', async () => {
		await rateFact(db(), 'fact-00', Rating.Easy, at(1, 9), settings);
		await rateFact(db(), 'fact-01', Rating.Easy, at(2, 9), settings);
		const [first, second] = await db().factStates.orderBy('due').toArray();
		await suspend(first!.factId);
		expect(await nextDue(db(), [DECK], at(3, 9).getTime())).toBe(second!.due);
	});

	it("leave a deck never studied out of home's count, as its study page counts it", async () => {
		await suspend('fact-05');
		const now = at(10, 9).getTime();
		const counts = await loadDeckCounts(db(), tile, settings, now);
		expect(counts).toEqual({ new: 29, learning: 0, review: 0, metInQuiz: 0 });
		expect((await loadDeckQueue(db(), deck, settings, now)).counts).toEqual(counts);
	});

	it('stay out of custom study, even when the address names them', async () => {
		await rateFact(db(), 'fact-00', Rating.Easy, at(1, 9), settings);
		await rateFact(db(), 'fact-01', Rating.Easy, at(1, 9), settings);
		await suspend('fact-00');
		await suspend('fact-02');
		const now = at(2, 9).getTime();
		const chosen = await loadCustomQueue(
			db(),
			[outline],
			{ kind: 'facts', factIds: new Set(['fact-00', 'fact-01', 'fact-02', 'fact-03']) },
			settings,
			now,
			now
		);
		expect(chosen.items.map((i) => i.factId)).toEqual(['fact-01', 'fact-03']);
		expect(chosen.counts).toEqual({ new: 1, learning: 0, review: 1 });
		const ahead = await loadCustomQueue(db(), [outline], { kind: 'ahead', days: 30 }, settings, now, now);
		expect(ahead.items.filter((i) => i.kind === 'review').map((i) => i.factId)).toEqual(['fact-01']);
	});
});

/** Session storage as a browser tab keeps it. */
function tabStorage(): SessionMemory {
	const values = new Map<string, string>();
	return { get: (key) => values.get(key) ?? null, set: (key, value) => void values.set(key, value) };
}

describe('suspending the card on screen', () => {
	it('takes it out of the session at once, keeps it out after a reload, and the undo shows it again', async () => {
		const now = at(10, 9).getTime();
		const store = tabStorage();
		const open = async () => {
			const session = new StudySession(db(), [outline], DECK, store, () => now);
			await session.start();
			await vi.waitFor(() => expect(session.wholeQueue).toBe(true));
			return session;
		};
		const session = await open();
		expect([session.current?.factId, session.counts]).toEqual(['fact-00', { new: 20, learning: 0, review: 0 }]);
		await session.suspend();
		expect(session.error).toBe('');
		expect(session.suspended?.factId).toBe('fact-00');
		expect([session.current?.factId, session.phase, session.counts]).toEqual([
			'fact-01',
			'front',
			{ new: 19, learning: 0, review: 0 }
		]);
		expect(await db().suspended.get([DECK, 'fact-00'])).toMatchObject({ front: 'Front of fact-00', suspendedAt: now });
		expect(await db().factStates.count()).toBe(0);

		// Reloaded, the day's queue leaves it out (another new fact takes its place within the limit).
		const reloaded = await open();
		expect(reloaded.current?.factId).toBe('fact-01');
		expect(reloaded.items.some((i) => i.factId === 'fact-00')).toBe(false);

		await session.unsuspend();
		expect([session.current?.factId, session.phase, session.suspended]).toEqual(['fact-00', 'front', undefined]);
		expect(await db().suspended.count()).toBe(0);
	});
});
