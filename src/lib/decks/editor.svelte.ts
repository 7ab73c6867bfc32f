/**
 * The state of a user's deck page: the deck, its cards in order with how often each was reviewed, and
 * the deletions that can still be undone (kept until the page is left; then they are final). Every
 * change goes through the storage API (user-deck-edits.ts), one transaction each; a refused or failed
 * change leaves `error` saying why, and the page as it was.
 */
import type { StudyDatabase } from '$lib/db/db';
import type { UserCardRow, UserDeckRow } from '$lib/db/rows';
import {
	addCards,
	deleteCards,
	deleteDeck,
	restoreDeleted,
	reorderCards,
	updateCard,
	updateDeck,
	type Deleted,
	type NewUserCard,
	type NewUserDeck
} from '$lib/db/user-deck-edits';
import { readUserDeck } from '$lib/db/user-decks';
import { unsuspendCard } from '$lib/db/suspended';
import { suspendedFactIds } from '$lib/db/suspended-ids';
import { deckReviews } from '$lib/db/review-archive';

export interface Undoable {
	/** What was deleted, in words: "the card “…”", "the deck “…”". */
	label: string;
	deleted: Deleted;
}

export class DeckEditor {
	deck = $state.raw<UserDeckRow | undefined>(undefined);
	cards = $state.raw<UserCardRow[]>([]);
	/** Reviews per card id: editing a card keeps them. */
	reviewCounts = $state.raw<Record<string, number>>({});
	/** The ids of the deck's suspended cards: the list marks them. */
	suspended = $state.raw<Record<string, true>>({});
	error = $state('');
	// Raw: the rows go back to IndexedDB as they are, which cannot store a proxy.
	undoable = $state.raw<Undoable[]>([]);
	/** The ids of the cards added on this page, in the order they were added. */
	added = $state.raw<string[]>([]);

	constructor(
		private readonly db: StudyDatabase,
		readonly deckId: string,
		private readonly clock: () => number
	) {}

	async load(): Promise<void> {
		const found = await readUserDeck(this.db, this.deckId);
		this.deck = found?.deck;
		this.cards = found?.cards ?? [];
		const reviews = await deckReviews(this.db, this.deckId);
		const counts: Record<string, number> = {};
		for (const review of reviews) counts[review.factId] = (counts[review.factId] ?? 0) + 1;
		this.reviewCounts = counts;
		this.suspended = Object.fromEntries((await suspendedFactIds(this.db, this.deckId)).map((id) => [id, true]));
	}

	/** Runs a change and reloads; false, with `error` set, when it was refused or failed. */
	private async change(work: () => Promise<unknown>): Promise<boolean> {
		this.error = '';
		try {
			await work();
			await this.load();
			return true;
		} catch (e) {
			this.error = (e as Error).message;
			return false;
		}
	}

	saveDeck = (meta: NewUserDeck) => this.change(() => updateDeck(this.db, this.deckId, meta, this.clock()));
	addCard = (card: NewUserCard) =>
		this.change(async () => {
			const rows = await addCards(this.db, this.deckId, [card], this.clock());
			this.added = [...this.added, ...rows.map((row) => row.id)];
		});
	saveCard = (id: string, card: NewUserCard) => this.change(() => updateCard(this.db, id, card, this.clock()));
	unsuspend = (id: string) => this.change(() => unsuspendCard(this.db, this.deckId, id));

	/** Moves a card `by` places (−1 up, +1 down); nothing at either end. */
	move(id: string, by: number): Promise<boolean> {
		const ids = this.cards.map((c) => c.id);
		const from = ids.indexOf(id);
		const to = from + by;
		if (from < 0 || to < 0 || to >= ids.length) return Promise.resolve(false);
		ids.splice(to, 0, ...ids.splice(from, 1));
		return this.change(() => reorderCards(this.db, this.deckId, ids, this.clock()));
	}

	deleteCard = (card: UserCardRow) =>
		this.change(async () => {
			const deleted = await deleteCards(this.db, [card.id], this.clock());
			this.undoable = [...this.undoable, { label: `the card “${card.front}”`, deleted }];
		});

	deleteDeck = () =>
		this.change(async () => {
			const deleted = await deleteDeck(this.db, this.deckId);
			this.undoable = [...this.undoable, { label: `the deck “${deleted.deck!.title}”`, deleted }];
		});

	/** Puts back the last deletion, progress included. */
	undo(): Promise<boolean> {
		const last = this.undoable.at(-1);
		if (!last) return Promise.resolve(false);
		return this.change(async () => {
			await restoreDeleted(this.db, last.deleted);
			this.undoable = this.undoable.slice(0, -1);
		});
	}
}
