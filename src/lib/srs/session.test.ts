import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Rating, State, type Grade } from 'ts-fsrs';
import { databaseExists, StudyDatabase } from '$lib/db/db';
import { DEFAULT_SETTINGS, saveSettings } from '$lib/db/settings';
import type { DeckOutline } from '$lib/content/schema';
import { StudySession, type SessionMemory } from './session.svelte';
import { at, DECK, FACTS, rateFact } from './test-fixtures';
import { useTestDatabase } from '$lib/db/test-database';

const db = useTestDatabase();

const outline: DeckOutline = {
	id: DECK,
	title: 'Demo deck',
	description: 'Thirty facts to study.',
	source: {
		title: 'A source',
		publisher: 'A publisher',
		publisherShort: 'AP',
		keywords: [],
		paragraphs: [{ n: 1, topic: 'Everything' }]
	},
	facts: FACTS.map((id) => ({
		id,
		statement: `The statement of ${id}.`,
		paragraphs: [1],
		countries: ['regional'],
		themes: ['history'],
		cards: [
			{ front: `First front of ${id}`, back: `First back of ${id}` },
			{ front: `Second front of ${id}`, back: `Second back of ${id}` }
		]
	}))
};

/** Session storage as a browser tab keeps it: it survives a reload, not a new tab. */
function tabStorage(): SessionMemory {
	const values = new Map<string, string>();
	return { get: (key) => values.get(key) ?? null, set: (key, value) => void values.set(key, value) };
}

/** The session's clock, which the test moves. */
let time = 0;
const setTime = (date: Date) => (time = date.getTime());
const wait = (ms: number) => (time += ms);

/** Opens the study screen of the deck, as a visit or a reload of the page does, and waits until the whole day's queue is in. */
async function openSession(store: SessionMemory, database: StudyDatabase = db()) {
	const session = new StudySession(database, [outline], DECK, store, () => time);
	await session.start();
	await vi.waitFor(() => expect(session.wholeQueue || session.error !== '').toBe(true));
	return session;
}

/** Shows the answer and rates the card, as the student does. */
async function answer(session: StudySession, grade: Grade) {
	session.reveal();
	await session.rate(grade);
}

/** What the student sees: the card's fact and kind, and the counts left. */
const onScreen = (session: StudySession) => ({
	phase: session.phase,
	fact: session.current?.factId,
	kind: session.current?.kind,
	counts: session.counts
});

const failure = () => new DOMException('The disk is full', 'QuotaExceededError');

afterEach(() => {
	vi.restoreAllMocks();
});

describe('a study session', () => {
	it('shows new facts in source order and saves each rating before the next card shows', async () => {
		setTime(at(10, 9));
		const session = await openSession(tabStorage());
		expect(onScreen(session)).toEqual({
			phase: 'front',
			fact: 'fact-00',
			kind: 'new',
			counts: { new: 20, learning: 0, review: 0 }
		});
		expect(session.card?.front).toBe('First front of fact-00');
		expect(session.labels).toMatchObject({ [Rating.Again]: '1m', [Rating.Good]: '10m' });
		expect(session.canUndo).toBe(false);

		// No rating before the answer is shown.
		await session.rate(Rating.Good);
		expect(await db().reviews.count()).toBe(0);

		wait(5000);
		await answer(session, Rating.Good);
		expect(await db().factStates.get(`${DECK}/fact-00`)).toMatchObject({ state: State.Learning, reps: 1 });
		expect(await db().reviews.toArray()).toMatchObject([
			{ factId: 'fact-00', rating: Rating.Good, source: 'flashcard', durationMs: 5000 }
		]);
		expect(onScreen(session)).toEqual({
			phase: 'front',
			fact: 'fact-01',
			kind: 'new',
			counts: { new: 19, learning: 1, review: 0 }
		});
		expect(session.canUndo).toBe(true);
	});

	it('brings a card rated Again back the same day, with its next card side', async () => {
		setTime(at(10, 9));
		await saveSettings(db(), { ...DEFAULT_SETTINGS, newPerDay: 1 });
		const session = await openSession(tabStorage());
		await answer(session, Rating.Again);
		// Due in a minute: with nothing else left, it shows at once rather than making the student wait.
		expect(onScreen(session)).toEqual({
			phase: 'front',
			fact: 'fact-00',
			kind: 'learning',
			counts: { new: 0, learning: 1, review: 0 }
		});
		expect(session.card?.front).toBe('Second front of fact-00');
	});

	it('undoes ratings one by one, each card coming back as it was before', async () => {
		setTime(at(10, 9));
		const session = await openSession(tabStorage());
		await answer(session, Rating.Again);
		wait(120_000);
		await answer(session, Rating.Easy);
		// fact-00, rated Again two minutes ago, is due again.
		expect(onScreen(session)).toMatchObject({ fact: 'fact-00', kind: 'learning' });
		const learning = await db().factStates.get(`${DECK}/fact-00`);
		await answer(session, Rating.Good);
		expect(onScreen(session)).toEqual({
			phase: 'front',
			fact: 'fact-02',
			kind: 'new',
			counts: { new: 18, learning: 1, review: 0 }
		});

		await session.undo();
		expect(onScreen(session)).toEqual({
			phase: 'front',
			fact: 'fact-00',
			kind: 'learning',
			counts: { new: 18, learning: 1, review: 0 }
		});
		expect(session.current).toMatchObject({ state: learning });
		expect(await db().factStates.get(`${DECK}/fact-00`)).toEqual(learning);
		await session.undo();
		expect(onScreen(session)).toEqual({
			phase: 'front',
			fact: 'fact-01',
			kind: 'new',
			counts: { new: 19, learning: 1, review: 0 }
		});
		expect(await db().factStates.get(`${DECK}/fact-01`)).toBeUndefined();
		await session.undo();
		expect(onScreen(session)).toEqual({
			phase: 'front',
			fact: 'fact-00',
			kind: 'new',
			counts: { new: 20, learning: 0, review: 0 }
		});
		expect(await db().reviews.count()).toBe(0);
		expect(session.canUndo).toBe(false);
	});

	it('resumes after a reload with the same queue, and can still undo what was rated before it', async () => {
		setTime(at(10, 9));
		const tab = tabStorage();
		const before = await openSession(tab);
		for (let i = 0; i < 3; i++) await answer(before, Rating.Good);

		wait(60_000);
		const reloaded = await openSession(tab);
		expect(onScreen(reloaded)).toEqual({
			phase: 'front',
			fact: 'fact-03',
			kind: 'new',
			counts: { new: 17, learning: 3, review: 0 }
		});
		expect(reloaded.canUndo).toBe(true);
		await reloaded.undo();
		expect(onScreen(reloaded)).toMatchObject({
			fact: 'fact-02',
			kind: 'new',
			counts: { new: 18, learning: 2, review: 0 }
		});

		// Another tab is another session: the same queue, nothing of this session to undo.
		const otherTab = await openSession(tabStorage());
		expect(onScreen(otherTab)).toMatchObject({ fact: 'fact-02', counts: { new: 18, learning: 2, review: 0 } });
		expect(otherTab.canUndo).toBe(false);
	});

	it('stops at the daily limit of new facts and sums up the session', async () => {
		setTime(at(10, 9));
		await saveSettings(db(), { ...DEFAULT_SETTINGS, newPerDay: 2 });
		const tab = tabStorage();
		const session = await openSession(tab);
		wait(3000);
		await answer(session, Rating.Easy);
		wait(4000);
		await answer(session, Rating.Easy);
		expect(session.phase).toBe('done');
		const firstDue = Math.min(...(await db().factStates.toArray()).map((s) => s.due));
		expect(session.summary).toEqual({
			byRating: { [Rating.Again]: 0, [Rating.Hard]: 0, [Rating.Good]: 0, [Rating.Easy]: 2 },
			total: 2,
			timeMs: 7000,
			nextDue: firstDue
		});

		// Coming back later the same day: nothing more to study, the same summary.
		setTime(at(10, 20));
		expect((await openSession(tab)).summary).toMatchObject({ total: 2 });
	});

	it('keeps to the daily limit of reviews, counting those already done today', async () => {
		for (const id of FACTS.slice(0, 6)) await rateFact(db(), id, Rating.Easy, at(1, 9));
		await saveSettings(db(), { ...DEFAULT_SETTINGS, newPerDay: 0, maxReviewsPerDay: 4 });
		setTime(at(25, 9));
		const tab = tabStorage();
		const session = await openSession(tab);
		expect(onScreen(session)).toEqual({
			phase: 'front',
			fact: 'fact-00',
			kind: 'review',
			counts: { new: 0, learning: 0, review: 4 }
		});
		await answer(session, Rating.Good);
		await answer(session, Rating.Good);

		wait(60_000);
		const reloaded = await openSession(tab);
		expect(onScreen(reloaded)).toEqual({
			phase: 'front',
			fact: 'fact-02',
			kind: 'review',
			counts: { new: 0, learning: 0, review: 2 }
		});
		await answer(reloaded, Rating.Good);
		await answer(reloaded, Rating.Good);
		expect(reloaded.phase).toBe('done');
		expect(reloaded.summary?.total).toBe(4);
	});

	it('starts a new session with new facts at the rollover hour, not at midnight', async () => {
		await saveSettings(db(), { ...DEFAULT_SETTINGS, newPerDay: 2 });
		const tab = tabStorage();
		setTime(at(10, 23));
		const evening = await openSession(tab);
		await answer(evening, Rating.Easy);
		await answer(evening, Rating.Easy);
		expect(evening.phase).toBe('done');

		// After midnight but before 4 am it is still the same study day, and the same session.
		setTime(at(11, 3, 59));
		const night = await openSession(tab);
		expect(night.phase).toBe('done');
		expect(night.summary?.total).toBe(2);
		expect(night.canUndo).toBe(true);

		setTime(at(11, 4));
		const morning = await openSession(tab);
		expect(onScreen(morning)).toEqual({
			phase: 'front',
			fact: 'fact-02',
			kind: 'new',
			counts: { new: 2, learning: 0, review: 0 }
		});
		// Yesterday's ratings belong to yesterday's session.
		expect(morning.canUndo).toBe(false);
		await answer(morning, Rating.Good);
		await morning.undo();
		await morning.undo();
		expect(await db().reviews.count()).toBe(2);
	});

	it('on a first visit starts without creating the database, which the first rating creates', async () => {
		setTime(at(10, 9));
		const fresh = new StudyDatabase('study-session-first-visit');
		try {
			const session = await openSession(tabStorage(), fresh);
			expect(onScreen(session)).toEqual({
				phase: 'front',
				fact: 'fact-00',
				kind: 'new',
				counts: { new: 20, learning: 0, review: 0 }
			});
			expect(await databaseExists(fresh.name)).toBe(false);
			await answer(session, Rating.Good);
			expect(await databaseExists(fresh.name)).toBe(true);
			expect(await fresh.reviews.count()).toBe(1);
		} finally {
			await fresh.delete();
		}
	});
});

describe('a study session that cannot write', () => {
	it.each([
		[
			'a rating',
			'saves it',
			{
				rated: 0,
				failing: 'add',
				act: (session: StudySession) => session.rate(Rating.Good),
				message: 'Could not save your rating: The disk is full',
				kept: { fact: 'fact-00', counts: { new: 20, learning: 0, review: 0 }, stored: 0, canUndo: false },
				then: { fact: 'fact-01', reviews: 1 }
			}
		],
		[
			'an undo',
			'undoes',
			{
				rated: 1,
				failing: 'delete',
				act: (session: StudySession) => session.undo(),
				message: 'Could not undo your last rating: The disk is full',
				kept: { fact: 'fact-01', counts: { new: 19, learning: 1, review: 0 }, stored: 1, canUndo: true },
				then: { fact: 'fact-00', reviews: 0 }
			}
		]
	] as const)(
		'keeps the card on screen when %s cannot be saved, says why, and %s when tried again',
		async (_failed, _retried, { rated, failing, act, message, kept, then }) => {
			setTime(at(10, 9));
			const session = await openSession(tabStorage());
			for (let i = 0; i < rated; i++) await answer(session, Rating.Good);
			session.reveal();
			vi.spyOn(db().reviews, failing).mockRejectedValueOnce(failure());
			await act(session);
			expect(session.error).toBe(message);
			expect(onScreen(session)).toEqual({ phase: 'back', fact: kept.fact, kind: 'new', counts: kept.counts });
			// One transaction: neither the state nor the review was written (or deleted) without the other.
			expect(await db().reviews.count()).toBe(kept.stored);
			expect(await db().factStates.count()).toBe(kept.stored);
			expect(session.canUndo).toBe(kept.canUndo);

			await act(session);
			expect(session.error).toBe('');
			expect(onScreen(session)).toMatchObject({ phase: 'front', fact: then.fact });
			expect(await db().reviews.count()).toBe(then.reviews);
		}
	);

	it('lets the student answer the first cards when the rest of the day cannot be loaded, and says so', async () => {
		for (const id of FACTS.slice(0, 3)) await rateFact(db(), id, Rating.Easy, at(1, 9));
		setTime(at(25, 9));
		// Only the whole queue reads the deck's fact states by key.
		const states = db().factStates;
		const where = states.where.bind(states);
		vi.spyOn(states, 'where').mockImplementation(((index: string) => {
			if (index === 'key') throw failure();
			return where(index);
		}) as typeof states.where);
		const session = await openSession(tabStorage());
		expect(session.error).toBe("Could not load the rest of today's cards: The disk is full");
		expect(onScreen(session)).toEqual({ phase: 'front', fact: 'fact-00', kind: 'review', counts: undefined });
		await answer(session, Rating.Good);
		expect(onScreen(session)).toEqual({ phase: 'front', fact: 'fact-01', kind: 'review', counts: undefined });
		expect(await db().reviews.count()).toBe(4);
	});

	it('ends the session with the reason when its summary cannot be read, the last rating saved', async () => {
		setTime(at(10, 9));
		await saveSettings(db(), { ...DEFAULT_SETTINGS, newPerDay: 1 });
		const session = await openSession(tabStorage());
		// Only the summary reads the log by time once the session has started.
		vi.spyOn(db().reviews, 'where').mockImplementationOnce(() => {
			throw failure();
		});
		await answer(session, Rating.Easy);
		expect(session.error).toBe("Could not load your session's summary: The disk is full");
		expect(session.phase).toBe('done');
		expect(session.summary).toBeUndefined();
		expect(await db().reviews.count()).toBe(1);
	});

	it('says so when the cards cannot be loaded', async () => {
		setTime(at(10, 9));
		vi.spyOn(db().settings, 'get').mockRejectedValueOnce(failure());
		const session = await openSession(tabStorage());
		expect(session.error).toBe('Could not load your cards: The disk is full');
		expect(session.current).toBeUndefined();
	});
});

describe('two tabs studying the same deck', () => {
	/** A tab of the browser: the session's start is shared by the tabs (localStorage), undo is the tab's own (sessionStorage). */
	async function openTab(browser: SessionMemory) {
		const session = new StudySession(db(), [outline], DECK, browser, () => time, undefined, tabStorage());
		await session.start();
		await vi.waitFor(() => expect(session.wholeQueue).toBe(true));
		return session;
	}

	it('shows a card rated in the other tab as rated, not as new, once told', async () => {
		setTime(at(10, 9));
		const browser = tabStorage();
		const [first, second] = [await openTab(browser), await openTab(browser)];
		await answer(first, Rating.Good);
		await second.refresh();
		expect(onScreen(second)).toEqual({
			phase: 'front',
			fact: 'fact-01',
			kind: 'new',
			counts: { new: 19, learning: 1, review: 0 }
		});
		await answer(second, Rating.Good);
		await first.refresh();
		expect(onScreen(first)).toEqual(onScreen(second));
		expect(await db().reviews.count()).toBe(2);
	});

	it('moves on when the card on screen was rated in the other tab, and keeps it, answer shown, when another card was', async () => {
		setTime(at(10, 9));
		const browser = tabStorage();
		const [first, second] = [await openTab(browser), await openTab(browser)];
		await second.refresh();
		first.reveal();
		await answer(second, Rating.Good);
		await first.refresh();
		expect(onScreen(first)).toEqual({
			phase: 'front',
			fact: 'fact-01',
			kind: 'new',
			counts: { new: 19, learning: 1, review: 0 }
		});
		await answer(first, Rating.Good);
		await second.refresh();
		first.reveal();
		await first.refresh();
		// Nothing changed for the card on screen: it stays, answer shown.
		expect(first.phase).toBe('back');
		expect(first.current?.factId).toBe('fact-02');
	});

	it('records a card rated in both tabs before the word came as two reviews, the second from the first', async () => {
		setTime(at(10, 9));
		const browser = tabStorage();
		const [first, second] = [await openTab(browser), await openTab(browser)];
		await answer(first, Rating.Good);
		wait(30_000);
		await answer(second, Rating.Good);
		const [a, b] = await db().reviews.toArray();
		expect([a?.factId, b?.factId]).toEqual(['fact-00', 'fact-00']);
		expect(b?.before).toEqual(a?.after);
		expect(await db().factStates.get(`${DECK}/fact-00`)).toMatchObject({ reps: 2 });
		// The first tab's rating has been built on: taking it back would lose the second.
		await first.undo();
		expect(first.error).toBe('Could not undo your last rating: that card has been rated again since, in another tab');
		expect(await db().reviews.count()).toBe(2);
		expect(first.canUndo).toBe(false);
	});

	it("undoes only the tab's own ratings", async () => {
		setTime(at(10, 9));
		const browser = tabStorage();
		const [first, second] = [await openTab(browser), await openTab(browser)];
		await answer(first, Rating.Good);
		await second.refresh();
		await answer(second, Rating.Easy);
		await first.refresh();
		expect(first.canUndo).toBe(true);
		await first.undo();
		expect(first.error).toBe('');
		expect(onScreen(first)).toMatchObject({ fact: 'fact-00', kind: 'new' });
		expect((await db().reviews.toArray()).map((r) => [r.factId, r.rating])).toEqual([['fact-01', Rating.Easy]]);
		expect(first.canUndo).toBe(false);
		expect(second.canUndo).toBe(true);
	});
});
