/**
 * A study session's state for the study screen. Every rating is written to
 * IndexedDB before the next card is shown; the queue itself is rebuilt from the
 * database on start, so a reload resumes exactly where the student was.
 */
/* eslint-disable svelte/prefer-svelte-reactivity -- the session's dates go to the scheduler and its map of facts is built once: none of them is watched */
import type { Grade } from 'ts-fsrs';
import { State } from '$lib/db/card-state';
import { databaseExists, type StudyDatabase } from '$lib/db/db';
import { factKey, type StudySettings } from '$lib/db/rows';
import { DEFAULT_SETTINGS, readSettings } from '$lib/db/settings';
import { reviewsSince } from '$lib/db/review-log';
import { nextTask } from '$lib/db/next-task';
import type { DeckOutline, FactOutline } from '$lib/content/schema';
import { nextStudyDayStart, studyDayStart } from './queue/day';
import { loadQueue, loadQueueStart, nextDue, unstudiedQueue, type DeckFacts } from './queue/reads';
import { afterRating, pickNext } from './pick';
import type { DeckQueue, QueueItem } from './queue/build';
import { assertNotReplaced } from '$lib/db/changes';
import { byGrade, createScheduler, intervalLabels, newCard, toCard } from './scheduler';
import { messageOf } from '$lib/message-of';

export type Phase = 'loading' | 'front' | 'back' | 'waiting' | 'done';

export interface SessionSummary {
	byRating: Record<Grade, number>;
	total: number;
	timeMs: number;
	nextDue?: number;
}

/**
 * Loads the queue of a custom study session (custom.ts, loaded only for one) instead of the day's queue;
 * `sessionStart` tells the facts already rated in this session.
 */
export type QueueLoader = (settings: StudySettings, sessionStart: number, now: number) => Promise<DeckQueue>;

/**
 * Strings kept across reloads and restarts of the browser (localStorage on the page): the session's
 * start survives both, so its summary counts every rating of the session from the review log.
 */
export interface SessionMemory {
	get(key: string): string | null;
	set(key: string, value: string): void;
}

export class StudySession {
	phase: Phase = $state('loading');
	// Raw: the queue is replaced, never mutated, and can hold thousands of cards,
	// which a deep reactive proxy would make slow to read.
	items: QueueItem[] = $state.raw([]);
	current: QueueItem | undefined = $state.raw();
	labels: Record<Grade, string> | undefined = $state();
	summary: SessionSummary | undefined = $state();
	canUndo = $state(false);
	/** When nothing is due yet but a learning card comes back later today. */
	waitUntil: number | undefined = $state();
	/** False while only the first cards are known and the whole queue is still loading. */
	wholeQueue = $state(false);
	/** What went wrong with the last thing asked (a rating, an undo, loading the cards); empty when it went well. */
	error = $state('');
	/** The card this session last suspended, until the next rating: its suspension can be undone. */
	suspended: QueueItem | undefined = $state.raw();

	private settings: StudySettings | undefined;
	/**
	 * A rating is being saved. Not reactive on purpose: marking the screen busy would render a frame
	 * before the write even starts, and the write takes a few ms; a second rating meanwhile is ignored.
	 */
	private saving = false;
	private shownAt = 0;
	private sessionStart = 0;
	private readonly facts = new Map<string, FactOutline>();
	private readonly deckIds: string[];
	private readonly deckFacts: DeckFacts[];
	/** Ids of the reviews this tab wrote in this session, oldest first: undo takes back only these. */
	private ownReviews: number[] = [];
	/** Counts this tab's writes, so a queue read that a rating overtook is read again. */
	private writes = 0;
	/** Settles when the whole queue has replaced the first cards; ratings wait for it, so they apply to the whole queue. */
	private whole: Promise<unknown> = Promise.resolve();

	constructor(
		private readonly db: StudyDatabase,
		private readonly decks: DeckOutline[],
		/** Identifies the session across reloads (the route's deck parameter). */
		private readonly name: string,
		private readonly memory: SessionMemory,
		private readonly now: () => number = Date.now,
		private readonly customQueue?: QueueLoader,
		/** This tab's own strings (sessionStorage on the page): another tab cannot undo its ratings. */
		private readonly tab: SessionMemory = memory
	) {
		this.deckIds = decks.map((d) => d.id);
		this.deckFacts = decks.map((d) => ({ deckId: d.id, factIds: d.facts.map((f) => f.id) }));
		for (const deck of decks) for (const fact of deck.facts) this.facts.set(factKey(deck.id, fact.id), fact);
	}

	get fact(): FactOutline | undefined {
		return this.current && this.facts.get(factKey(this.current.deckId, this.current.factId));
	}

	/** What is left in this session, counted once per change of the queue; unknown until the whole queue is in. */
	counts = $derived.by(() => {
		if (!this.wholeQueue) return undefined;
		const counts = { new: 0, learning: 0, review: 0 };
		for (const item of this.items) counts[item.kind]++;
		return counts;
	});

	/** The flashcard side shown for the current fact: its cards take turns, one per review. */
	get card() {
		const item = this.current;
		const fact = this.fact;
		if (item && fact) return fact.cards[(item.kind === 'new' ? 0 : item.state.reps) % fact.cards.length];
	}

	/** Loads the day's queue and shows the first card; a failure is shown in `error`. */
	async start(): Promise<void> {
		await this.attempt('load your cards', () => this.load());
	}

	/**
	 * Takes a step (`what`, as in "Could not save your rating") and gives what it gives; when it
	 * fails, gives undefined and `error` says why. It never throws, so that what the page calls
	 * from its events (start, rate, undo, poll) never rejects.
	 */
	private async attempt<T>(what: string, step: () => Promise<T>): Promise<T | undefined> {
		this.error = '';
		try {
			return await step();
		} catch (error) {
			this.error = `Could not ${what}: ${messageOf(error)}`;
		}
	}

	private async load(): Promise<void> {
		const now = this.now();
		// On a first visit there is no database yet: the session starts from what an empty one holds,
		// and the first rating creates it (creating it costs a first visit more than anything else).
		// User Timing entries on the way to the first card (`npm run bench` prints them with a cold start):
		// whether the database exists, its open, the settings read.
		let step = performance.now();
		const measured = <T>(name: string, value: T) => {
			performance.measure(name, { start: step });
			step = performance.now();
			return value;
		};
		const hasDatabase = measured('study:database-found', await databaseExists(this.db.name));
		if (hasDatabase) measured('study:database-open', await this.db.open());
		const settings = hasDatabase ? measured('study:settings', await readSettings(this.db)) : { ...DEFAULT_SETTINGS };
		this.settings = settings;
		// A session lasts until the study day ends; its start survives a reload.
		const key = `study-session:${this.name}`;
		const stored = Number(this.memory.get(key));
		const continued = stored >= studyDayStart(now, settings.rolloverHour);
		this.sessionStart = continued ? stored : now;
		this.memory.set(key, String(this.sessionStart));
		// Only this session's ratings can be undone: yesterday's belong to yesterday's session.
		const own = JSON.parse(this.tab.get(this.ownKey) ?? '[]') as unknown;
		this.ownReviews =
			continued && hasDatabase && Array.isArray(own) ? own.filter((id) => Number.isSafeInteger(id)) : [];
		// User Timing entries (`npm run bench` reads them): study:queue until the first card can
		// show, study:queue-whole until the whole day's queue is in.
		const started = performance.now();
		if (!hasDatabase && !this.customQueue) {
			this.items = unstudiedQueue(this.deckFacts, settings, now).items;
			this.wholeQueue = true;
			performance.measure('study:queue', { start: started });
			await this.showNext();
			return;
		}
		const first = this.customQueue ? [] : await loadQueueStart(this.db, this.deckFacts, settings, now);
		if (first.length > 0) {
			performance.measure('study:queue', { start: started });
			this.items = first;
			// Until the rest loads, or if it never does, the student answers the first cards. The rest is read once
			// the first card is painted: with a long history its reads and their results would hold that paint back.
			this.whole = this.attempt("load the rest of today's cards", async () => {
				await afterNextPaint();
				await this.loadWholeQueue(settings, now, started);
			});
			await this.showNext();
			return;
		}
		// Nothing due now: new facts (or a wait) need the whole queue.
		await this.loadWholeQueue(settings, now, started);
		performance.measure('study:queue', { start: started });
		await this.showNext();
	}

	private async loadWholeQueue(settings: StudySettings, now: number, started: number): Promise<void> {
		const queue = await (this.customQueue?.(settings, this.sessionStart, now) ??
			loadQueue(this.db, this.deckFacts, settings, now));
		performance.measure('study:queue-whole', { start: started });
		// Nothing was rated meanwhile (ratings wait for this), so the whole queue replaces the first cards as it is.
		this.items = queue.items;
		this.wholeQueue = true;
		// A review this tab wrote may have gone since (another tab undid it, or replaced everything).
		const stored = await this.db.reviews.bulkGet(this.ownReviews);
		this.keepOwn(this.ownReviews.filter((_, i) => stored[i]));
	}

	private get ownKey() {
		return `study-own-reviews:${this.name}`;
	}

	private keepOwn(ids: number[]) {
		this.ownReviews = ids;
		this.tab.set(this.ownKey, JSON.stringify(ids));
		this.canUndo = ids.length > 0;
	}

	/**
	 * Reads the queue again after another tab (or a quiz) has rated cards of these decks, so a card
	 * rated there never shows here as if it were still new, and the counts agree. The card on screen
	 * stays while it is still due as it was shown; otherwise the next card shows.
	 */
	async refresh(): Promise<void> {
		const settings = this.settings;
		if (!settings || !this.wholeQueue || !['front', 'back', 'waiting'].includes(this.phase)) return;
		const read = async () => {
			for (;;) {
				const writes = this.writes;
				const now = this.now();
				const queue = await (this.customQueue?.(settings, this.sessionStart, now) ??
					loadQueue(this.db, this.deckFacts, settings, now));
				if (writes !== this.writes) continue;
				this.items = queue.items;
				const current = this.current;
				if (!current || !queue.items.some((i) => sameCard(i, current))) await this.showNext();
				return;
			}
		};
		this.whole = this.whole.then(() => this.attempt("load today's cards again", read));
		await this.whole;
	}

	reveal(): void {
		if (this.phase === 'front') this.phase = 'back';
	}

	/**
	 * Saves the rating of the card on screen, then shows the next card. When it cannot be saved
	 * the card stays, answerable again, and `error` says why.
	 */
	async rate(grade: Grade): Promise<void> {
		const item = this.current;
		const settings = this.settings;
		if (this.phase !== 'back' || this.saving || !item || !settings) return;
		this.saving = true;
		const saved = await this.attempt('save your rating', async () => {
			await this.whole;
			const review = await reviewWrites();
			assertNotReplaced();
			this.writes++;
			const now = this.now();
			const row = await review.recordReview(this.db, {
				deckId: item.deckId,
				factId: item.factId,
				rating: grade,
				now: new Date(now),
				retention: settings.retention,
				parameters: settings.parameters,
				source: 'flashcard',
				durationMs: now - this.shownAt
			});
			const state = { key: row.factKey, deckId: row.deckId, factId: row.factId, ...row.after };
			this.items = afterRating(this.items, item, state, nextStudyDayStart(now, settings.rolloverHour));
			this.keepOwn([...this.ownReviews, row.id!]);
			this.suspended = undefined;
			void import('$lib/db/storage').then((storage) => storage.requestPersistenceOnce(this.db, now));
			return true;
		});
		this.saving = false;
		if (saved) await this.showNext();
	}

	/**
	 * Takes back the session's last rating and shows that card again. When it cannot be undone
	 * the screen stays as it was, and `error` says why.
	 */
	async undo(): Promise<void> {
		const phase = this.phase;
		if (!this.canUndo || this.saving || phase === 'loading') return;
		this.phase = 'loading';
		const back = await this.attempt('undo your last rating', async () => {
			const review = await reviewWrites();
			assertNotReplaced();
			this.writes++;
			const id = this.ownReviews.at(-1)!;
			const others = this.ownReviews.slice(0, -1);
			let undone;
			try {
				undone = await review.undoReview(this.db, id);
			} catch (error) {
				// Taken back elsewhere or rated since: it can never be undone here, the rating before it may.
				if (error instanceof Error && error.message === review.RATED_SINCE) this.keepOwn(others);
				throw error;
			}
			this.keepOwn(others);
			if (!undone) throw new Error('it is no longer stored (another tab undid it, or replaced your progress)');
			const back: QueueItem = undone.before
				? {
						deckId: undone.deckId,
						factId: undone.factId,
						kind: undone.before.state === State.Review ? 'review' : 'learning',
						state: { key: undone.factKey, deckId: undone.deckId, factId: undone.factId, ...undone.before }
					}
				: { deckId: undone.deckId, factId: undone.factId, kind: 'new' };
			const rest = this.items.filter((i) => !(i.deckId === undone.deckId && i.factId === undone.factId));
			this.items = [back, ...rest];
			return back;
		});
		if (back) this.show(back);
		else this.phase = phase;
	}

	/**
	 * Suspends the card on screen (its fact, whichever card of it shows): it leaves the session at once and
	 * the next card shows. Its state is left as it is.
	 */
	async suspend(): Promise<void> {
		const item = this.current;
		if (!item || this.saving || !['front', 'back'].includes(this.phase)) return;
		await this.attempt('suspend the card', async () => {
			await this.whole;
			assertNotReplaced();
			const { deckId, factId } = item;
			const writes = await suspensionWrites();
			await writes.suspendCard(this.db, { deckId, factId, front: this.card?.front ?? '' }, this.now());
			this.items = this.items.filter((i) => i.deckId !== item.deckId || i.factId !== item.factId);
			this.suspended = item;
			await this.showNext();
		});
	}

	/** Undoes the last suspension: the card is unsuspended and shows again, as it was. */
	async unsuspend(): Promise<void> {
		const item = this.suspended;
		if (!item) return;
		await this.attempt('unsuspend the card', async () => {
			await (await suspensionWrites()).unsuspendCard(this.db, item.deckId, item.factId);
			this.suspended = undefined;
			this.items = [item, ...this.items];
			this.show(item);
		});
	}

	/** Called by a timer while waiting for a learning card. */
	async poll(): Promise<void> {
		if (this.phase === 'waiting') await this.showNext();
	}

	private async showNext(): Promise<void> {
		const now = this.now();
		const index = pickNext(this.items, now);
		if (index >= 0) {
			this.show(this.items[index]);
			return;
		}
		const learning = this.items.flatMap((i) => (i.kind === 'learning' ? [i.state.due] : []));
		if (learning.length > 0) {
			this.current = undefined;
			this.waitUntil = Math.min(...learning);
			this.phase = 'waiting';
			return;
		}
		this.current = undefined;
		// The only step here that reads the database: without it, the end shows no summary but the error.
		this.summary = await this.attempt("load your session's summary", () => this.summarise(now));
		this.phase = 'done';
	}

	private show(item: QueueItem | undefined) {
		if (!item || !this.settings) return;
		const now = this.now();
		const card = item.kind === 'new' ? newCard(new Date(now)) : toCard(item.state);
		this.labels = intervalLabels(
			createScheduler(this.settings.retention, this.settings.parameters),
			card,
			new Date(now)
		);
		this.current = item;
		this.shownAt = now;
		this.waitUntil = undefined;
		this.phase = 'front';
	}

	private async summarise(now: number): Promise<SessionSummary> {
		const rows = (await reviewsSince(this.db, this.deckIds, this.sessionStart)).filter((r) => r.source === 'flashcard');
		const byRating = byGrade(() => 0);
		for (const r of rows) byRating[r.rating]++;
		return {
			byRating,
			total: rows.length,
			timeMs: rows.reduce((t, r) => t + r.durationMs, 0),
			nextDue: await nextDue(this.db, this.deckIds, now)
		};
	}
}

/** The rating's writes, loaded with the first rating or undo: they are not on the way to the first card. */
const reviewWrites = () => import('./review');
/** The suspensions' writes, loaded with the first Suspend: they are not on the way to the first card either. */
const suspensionWrites = () => import('$lib/db/suspended');

/** The same card in the same state: still due as it was shown. */
function sameCard(a: QueueItem, b: QueueItem): boolean {
	if (a.deckId !== b.deckId || a.factId !== b.factId || a.kind !== b.kind) return false;
	return a.kind === 'new' || (b.kind !== 'new' && a.state.reps === b.state.reps && a.state.due === b.state.due);
}

/** Resolves after the browser's next paint (a frame, then a task); at once where nothing paints (unit tests in Node). */
function afterNextPaint(): Promise<void> {
	if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
	return new Promise((resolve) => requestAnimationFrame(() => resolve(nextTask())));
}
