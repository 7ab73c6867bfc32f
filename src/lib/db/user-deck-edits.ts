/**
 * Every change to the user's own decks: the storage API the deck screens (create, edit, import, share)
 * are built on. Reads are in user-decks.ts; a deck becomes the app's `Deck` in
 * `$lib/decks/deck-from-cards.ts`, and `$lib/decks/library.ts` lists and loads both kinds of deck.
 *
 * - Ids: a deck's is `u-` + a random UUID, a card's a random UUID, made here and never derived from
 *   the text. A card is one fact of its deck, so its FSRS state and review log are keyed
 *   `<deck id>/<card id>` like a bundled fact's: `updateCard` changes the text and keeps both.
 * - Each call is one IndexedDB transaction: it is written whole or not at all. A refused card (an empty
 *   side, a broken question) or a failed write (storage full, database closed) throws a
 *   `UserDeckError` whose message says what happened and that nothing was saved.
 * - `createDeckWithCards` and `addCards` write any number of cards at once (an import: thousands).
 *   Cards are kept in order by `position`; new cards go after the last.
 * - Delete and undo: `deleteDeck` and `deleteCards` remove the rows, the fact states and the
 *   suspensions of what they delete, and return a `Deleted` that `restoreDeleted` writes back in one call, states included, so
 *   an undo brings the progress back too. Keep it for as long as "Undo" is offered (until the page is
 *   left): after that the deletion is final. The review log is kept, as Anki keeps the log of a
 *   deleted card: the statistics still count the reviews that were made.
 * - Media: an imported Anki deck's images and sounds are `MediaRow`s of the deck, written with it by
 *   `createDeckWithCards`, named by its cards' `media`, and deleted (and restored) with the deck.
 * - The clock (`now`, epoch ms) is passed in; it stamps `created` and `updated`.
 */
import * as v from 'valibot';
import { QuestionSchema } from '$lib/content/schema';
import { questionProblems } from '$lib/content/validate';
import type { StudyDatabase } from './db';
import {
	USER_DECK_PREFIX,
	isUserDeckId,
	type CardMedia,
	type FactState,
	type MediaRow,
	type ReviewRow,
	type StoredCard,
	type SuspendedRow,
	type UserCardRow,
	type UserDeckRow
} from './rows';
import { countReviews } from './review-hours';
import { reviewLogTables } from './review-log';
import { archiveReviews, loggedTimesBetween, withNewIds } from './review-archive';
import { cardsOf } from './user-decks';
import { removeDeckSuspensions } from './suspended';

/** A card to add: its text and, if its author wrote them, its own questions. */
export interface NewUserCard {
	/** The id it had when its deck was exported: kept by `createDeckWithCards` when free. */
	id?: string;
	front: string;
	back: string;
	tags?: string[];
	explanation?: string;
	questions?: UserCardRow['questions'];
	/**
	 * Progress brought with the card (an Anki package's, rebuilt from its review history): written as
	 * the card's fact state by `createDeckWithCards`, in the same transaction.
	 */
	state?: StoredCard;
	/** The stored media each side shows (an Anki package's), by name: files passed to `createDeckWithCards`. */
	media?: CardMedia;
	/** The review history that led to `state` (an Anki package's), written to the review log with the card. */
	reviews?: ImportedReview[];
	/** Suspended or buried in the Anki package it comes from: written suspended by `createDeckWithCards`. */
	suspended?: boolean;
}

/** A review brought with a card: a review-log row without the keys of the card it belongs to. */
export type ImportedReview = Omit<ReviewRow, 'id' | 'factKey' | 'deckId' | 'factId' | 'source'>;

/** A media file to store with a new deck. */
export type NewMediaFile = Omit<MediaRow, 'deckId'>;

export type CardChanges = Partial<Omit<NewUserCard, 'state' | 'reviews' | 'suspended'>>;

export interface NewUserDeck {
	title: string;
	description?: string;
	/** The id it had when it was exported: kept by `createDeckWithCards` when free. */
	id?: string;
}

/** What a deletion removed, for `restoreDeleted`. */
export interface Deleted {
	/** Set when the whole deck was deleted. */
	deck?: UserDeckRow;
	cards: UserCardRow[];
	states: FactState[];
	/** The deck's media, when the whole deck was deleted. */
	media?: MediaRow[];
	/** The suspensions of what was deleted. */
	suspended?: SuspendedRow[];
}

/** A refused change or a failed write; the database is as it was. */
export class UserDeckError extends Error {
	override name = 'UserDeckError';
}

export const newUserDeckId = (): string => `${USER_DECK_PREFIX}${crypto.randomUUID()}`;

function deckRow(meta: NewUserDeck, now: number, id = newUserDeckId()): UserDeckRow {
	const title = meta.title.trim();
	if (!title) throw new UserDeckError('A deck needs a title; nothing was saved.');
	return { id, title, description: meta.description?.trim() ?? '', created: now, updated: now };
}

/** The card's problems, each a sentence; empty when it can be saved. */
export function cardProblems(card: NewUserCard): string[] {
	const problems: string[] = [];
	// A side may be only an image or a sound.
	if (!card.front.trim() && !card.media?.front.length) problems.push('the front is empty');
	if (!card.back.trim() && !card.media?.back.length) problems.push('the back is empty');
	for (const [i, raw] of (card.questions ?? []).entries()) {
		const parsed = v.safeParse(QuestionSchema, raw);
		if (!parsed.success) problems.push(`question ${i + 1}: ${parsed.issues.map((issue) => issue.message).join('; ')}`);
		else if (parsed.output.type === 'map') problems.push(`question ${i + 1}: a map question needs a bank deck's map`);
	}
	if (problems.length === 0) problems.push(...questionProblems(card.questions ?? []));
	return problems;
}

/** The card as stored: text trimmed, no empty optional field. */
function cardFields(card: NewUserCard): Omit<UserCardRow, 'id' | 'deckId' | 'position'> {
	const explanation = card.explanation?.trim();
	return {
		front: card.front.trim(),
		back: card.back.trim(),
		tags: [...new Set((card.tags ?? []).map((t) => t.trim()).filter(Boolean))],
		...(explanation ? { explanation } : {}),
		...(card.questions?.length ? { questions: card.questions } : {}),
		...(card.media && (card.media.front.length || card.media.back.length) ? { media: card.media } : {})
	};
}

/** Throws, naming the first few problems, unless every card can be saved. */
function checkCards(cards: readonly NewUserCard[]): void {
	const refused = cards.flatMap((card, i) => cardProblems(card).map((p) => `card ${i + 1}: ${p}`));
	if (refused.length === 0) return;
	const more = refused.length > 5 ? ` (and ${refused.length - 5} more)` : '';
	throw new UserDeckError(`Nothing was saved: ${refused.slice(0, 5).join('; ')}${more}.`);
}

function cardRows(
	deckId: string,
	cards: readonly NewUserCard[],
	firstPosition: number,
	keepIds = false
): UserCardRow[] {
	return cards.map((card, i) => ({
		id: (keepIds && card.id) || crypto.randomUUID(),
		deckId,
		position: firstPosition + i,
		...cardFields(card)
	}));
}

/** Runs one read-write transaction; a failure is a `UserDeckError` that says nothing was saved. */
async function writeAll<T>(db: StudyDatabase, what: string, work: () => Promise<T>): Promise<T> {
	try {
		return await db.transaction(
			'rw',
			[db.userDecks, db.userCards, db.factStates, db.media, ...reviewLogTables(db), db.reviewHours, db.suspended],
			work
		);
	} catch (e) {
		if (e instanceof UserDeckError) throw e;
		const name = (e as { name?: string }).name ?? '';
		const inner = (e as { inner?: { name?: string } }).inner?.name ?? '';
		const reason = [name, inner].includes('QuotaExceededError')
			? 'this device has no storage space left'
			: (e as Error).message || String(e);
		throw new UserDeckError(`Could not save ${what}: ${reason}. Nothing was saved.`, { cause: e });
	}
}

async function existingDeck(db: StudyDatabase, deckId: string): Promise<UserDeckRow> {
	const deck = await db.userDecks.get(deckId);
	if (!deck) throw new UserDeckError(`There is no deck "${deckId}" on this device; nothing was saved.`);
	return deck;
}

/** A new empty deck. */
export async function createDeck(db: StudyDatabase, meta: NewUserDeck, now: number): Promise<UserDeckRow> {
	const deck = deckRow(meta, now);
	return writeAll(db, 'the deck', async () => {
		await db.userDecks.add(deck);
		return deck;
	});
}

/**
 * The reviews not yet in the log. An imported review is known by its time (an Anki review's id is its
 * time in ms, unique in its collection): importing the same package again adds no review twice.
 */
async function reviewsNotLogged(db: StudyDatabase, reviews: ReviewRow[]): Promise<ReviewRow[]> {
	if (reviews.length === 0) return reviews;
	const [first, last] = reviews.reduce(([lo, hi], r) => [Math.min(lo, r.time), Math.max(hi, r.time)], [Infinity, 0]);
	const logged = await loggedTimesBetween(db, first, last);
	return reviews.filter((r) => !logged.has(r.time));
}

/**
 * A new deck and all its cards, with the states, review histories and media files they bring, in one
 * transaction (an import). The ids of an exported deck (`meta.id`, every card's `id`) are kept, all of
 * them, when none is in use on this device (`idsKept`); otherwise the deck is a copy under new ids, as it
 * is beside the deck it was exported from.
 */
export async function createDeckWithCards(
	db: StudyDatabase,
	meta: NewUserDeck,
	cards: readonly NewUserCard[],
	now: number,
	media: readonly NewMediaFile[] = []
): Promise<{ deck: UserDeckRow; cards: UserCardRow[]; idsKept: boolean }> {
	checkCards(cards);
	const oldIds = cards.map((card) => card.id);
	const hasIds = meta.id !== undefined && isUserDeckId(meta.id) && oldIds.every((id) => id !== undefined);
	return writeAll(db, `the deck and its ${cards.length} cards`, async () => {
		const idsKept =
			hasIds &&
			new Set(oldIds).size === oldIds.length &&
			!(await db.userDecks.get(meta.id!)) &&
			(await db.userCards.bulkGet(oldIds as string[])).every((row) => row === undefined);
		const deck = deckRow(meta, now, idsKept ? meta.id : undefined);
		const rows = cardRows(deck.id, cards, 0, idsKept);
		const keys = (i: number) => ({ key: `${deck.id}/${rows[i]!.id}`, deckId: deck.id, factId: rows[i]!.id });
		const reviews = cards.flatMap((card, i) =>
			(card.reviews ?? []).map((r): ReviewRow => {
				const { key, deckId, factId } = keys(i);
				return { ...r, factKey: key, deckId, factId, source: 'flashcard' };
			})
		);
		await db.userDecks.add(deck);
		await db.userCards.bulkAdd(rows);
		await db.factStates.bulkAdd(
			cards.flatMap((card, i): FactState[] => (card.state ? [{ ...card.state, ...keys(i) }] : []))
		);
		await db.media.bulkAdd(media.map((file) => ({ ...file, deckId: deck.id })));
		await db.suspended.bulkAdd(
			cards.flatMap((card, i) =>
				card.suspended ? [{ deckId: deck.id, factId: rows[i]!.id, front: rows[i]!.front, suspendedAt: now }] : []
			)
		);
		// A package's history arrives in bulk: written packed, a request per few hundred reviews.
		const added = await reviewsNotLogged(db, reviews);
		await archiveReviews(db, await withNewIds(db, added));
		await countReviews(db, added);
		return { deck, cards: rows, idsKept };
	});
}

/** Cards added after the deck's last card, in one transaction. */
export async function addCards(
	db: StudyDatabase,
	deckId: string,
	cards: readonly NewUserCard[],
	now: number
): Promise<UserCardRow[]> {
	checkCards(cards);
	return writeAll(db, `${cards.length} cards`, async () => {
		const deck = await existingDeck(db, deckId);
		const last = await cardsOf(db, deckId).last();
		const rows = cardRows(deckId, cards, (last?.position ?? -1) + 1);
		await db.userCards.bulkAdd(rows);
		await db.userDecks.put({ ...deck, updated: now });
		return rows;
	});
}

/** A new title or description. */
export async function updateDeck(
	db: StudyDatabase,
	deckId: string,
	changes: Partial<NewUserDeck>,
	now: number
): Promise<UserDeckRow> {
	return writeAll(db, 'the deck', async () => {
		const deck = await existingDeck(db, deckId);
		const title = (changes.title ?? deck.title).trim();
		if (!title) throw new UserDeckError('A deck needs a title; nothing was saved.');
		const updated = { ...deck, title, description: (changes.description ?? deck.description).trim(), updated: now };
		await db.userDecks.put(updated);
		return updated;
	});
}

/** New text, tags or questions for a card; its id, and so its state and history, stay. */
export async function updateCard(
	db: StudyDatabase,
	cardId: string,
	changes: CardChanges,
	now: number
): Promise<UserCardRow> {
	return writeAll(db, 'the card', async () => {
		const card = await db.userCards.get(cardId);
		if (!card) throw new UserDeckError(`There is no card "${cardId}"; nothing was saved.`);
		const merged: NewUserCard = { ...card, ...changes };
		const problems = cardProblems(merged);
		if (problems.length > 0) throw new UserDeckError(`Nothing was saved: ${problems.join('; ')}.`);
		const { id, deckId, position } = card;
		const updated: UserCardRow = { id, deckId, position, ...cardFields(merged) };
		await db.userCards.put(updated);
		await db.userDecks.put({ ...(await existingDeck(db, deckId)), updated: now });
		return updated;
	});
}

/** Puts the deck's cards in the order of `cardIds`, which must name each of its cards once. */
export async function reorderCards(
	db: StudyDatabase,
	deckId: string,
	cardIds: readonly string[],
	now: number
): Promise<void> {
	return writeAll(db, 'the order of the cards', async () => {
		const deck = await existingDeck(db, deckId);
		const cards = await cardsOf(db, deckId).toArray();
		const byId = new Map(cards.map((c) => [c.id, c]));
		if (
			cardIds.length !== cards.length ||
			new Set(cardIds).size !== cards.length ||
			!cardIds.every((id) => byId.has(id))
		)
			throw new UserDeckError('The new order must name each card of the deck once; nothing was saved.');
		await db.userCards.bulkPut(cardIds.map((id, position) => ({ ...byId.get(id)!, position })));
		await db.userDecks.put({ ...deck, updated: now });
	});
}

const stateKeys = (cards: readonly UserCardRow[]) => cards.map((c) => `${c.deckId}/${c.id}`);

/** Removes cards and their states; returns them for `restoreDeleted`. */
export async function deleteCards(db: StudyDatabase, cardIds: readonly string[], now: number): Promise<Deleted> {
	return writeAll(db, 'the deletion', async () => {
		const cards = (await db.userCards.bulkGet([...cardIds])).filter((c): c is UserCardRow => c !== undefined);
		const states = (await db.factStates.bulkGet(stateKeys(cards))).filter((s): s is FactState => s !== undefined);
		const suspensionKeys = cards.map((c): [string, string] => [c.deckId, c.id]);
		const suspended = (await db.suspended.bulkGet(suspensionKeys)).filter((s): s is SuspendedRow => s !== undefined);
		await db.userCards.bulkDelete(cards.map((c) => c.id));
		await db.factStates.bulkDelete(states.map((s) => s.key));
		await db.suspended.bulkDelete(suspensionKeys);
		for (const deckId of new Set(cards.map((c) => c.deckId))) {
			const deck = await db.userDecks.get(deckId);
			if (deck) await db.userDecks.put({ ...deck, updated: now });
		}
		return { cards, states, suspended };
	});
}

/** Removes a deck, its cards and their states; returns them for `restoreDeleted`. */
export async function deleteDeck(db: StudyDatabase, deckId: string): Promise<Deleted> {
	return writeAll(db, 'the deletion', async () => {
		const deck = await existingDeck(db, deckId);
		const cards = await cardsOf(db, deckId).toArray();
		const states = await db.factStates.where('key').startsWith(`${deckId}/`).toArray();
		const media = await db.media.where('deckId').equals(deckId).toArray();
		await db.userCards.bulkDelete(cards.map((c) => c.id));
		await db.factStates.bulkDelete(states.map((s) => s.key));
		await db.media.where('deckId').equals(deckId).delete();
		const suspended = await removeDeckSuspensions(db, deckId);
		await db.userDecks.delete(deckId);
		return { deck, cards, states, media, suspended };
	});
}

/** Undoes a deletion: puts back exactly what `deleteDeck` or `deleteCards` removed. */
export async function restoreDeleted(db: StudyDatabase, deleted: Deleted): Promise<void> {
	return writeAll(db, 'the undo', async () => {
		if (deleted.deck) await db.userDecks.put(deleted.deck);
		else if (deleted.cards.length > 0) {
			for (const deckId of new Set(deleted.cards.map((c) => c.deckId))) await existingDeck(db, deckId);
		}
		await db.userCards.bulkPut(deleted.cards);
		await db.factStates.bulkPut(deleted.states);
		await db.media.bulkPut(deleted.media ?? []);
		await db.suspended.bulkPut(deleted.suspended ?? []);
	});
}
