/**
 * One library for both kinds of deck: the bundled decks of the question bank (part of the build,
 * read-only) and the user's decks (in the device's database, ids starting `u-`). The pages load a
 * deck by id through here without caring which kind it is. The user's decks are read in the browser
 * only, and only from a database that exists: a first visit creates none (see `databaseExists`).
 */
import { loadDeck, loadDeckOutline, loadQuizIndex } from '$lib/content/decks';
import { COUNTRY_NAMES, THEME_NAMES } from '$lib/content/guide';
import type { Deck, DeckOutline, QuizIndex } from '$lib/content/schema';
import { appDatabase, databaseExists } from '$lib/db/db';
import type { UserDeckRow } from '$lib/db/rows';
import type { NewUserCard } from '$lib/db/user-deck-edits';
import { isUserDeckId, listUserDecks, readUserDeck } from '$lib/db/user-decks';
import { summaries } from 'virtual:deck-summaries';

export type DeckKind = 'bundled' | 'user';

/** A deck as a list of decks shows it. */
export interface LibraryDeck {
	id: string;
	kind: DeckKind;
	title: string;
	description: string;
	factCount: number;
}

/** Whether the user's decks can be read here: in a browser, from a database that exists. */
const userDecksReadable = async (): Promise<boolean> => typeof indexedDB !== 'undefined' && (await databaseExists());

async function userDeck(id: string) {
	if (!isUserDeckId(id) || !(await userDecksReadable())) return undefined;
	return readUserDeck(appDatabase(), id);
}

/** Every deck: the bundled ones in the bank's order, then the user's, the newest first. */
export async function listDecks(): Promise<LibraryDeck[]> {
	const bundled = summaries.map((s): LibraryDeck => ({ ...s, kind: 'bundled' }));
	if (!(await userDecksReadable())) return bundled;
	const mine = (await listUserDecks(appDatabase())).map(
		(d): LibraryDeck => ({ id: d.id, kind: 'user', title: d.title, description: d.description, factCount: d.cardCount })
	);
	return [...bundled, ...mine];
}

/** The whole deck with its questions (a user's deck with its automatic ones); undefined for an unknown id. */
export async function loadAnyDeck(id: string): Promise<Deck | undefined> {
	if (!isUserDeckId(id)) return loadDeck(id);
	const found = await userDeck(id);
	if (!found) return undefined;
	const { deckFromCards } = await import('./deck-from-cards');
	return deckFromCards(found.deck, found.cards);
}

/** The deck without its questions, for studying and the statistics; undefined for an unknown id. */
export async function loadAnyDeckOutline(id: string): Promise<DeckOutline | undefined> {
	if (!isUserDeckId(id)) return loadDeckOutline(id);
	const found = await userDeck(id);
	if (!found) return undefined;
	const { outlineFromCards } = await import('./deck-from-cards');
	return outlineFromCards(found.deck, found.cards);
}

/** What the quiz builder needs of the deck; undefined for an unknown id. */
export async function loadAnyQuizIndex(id: string): Promise<QuizIndex | undefined> {
	if (!isUserDeckId(id)) return loadQuizIndex(id);
	const deck = await loadAnyDeck(id);
	if (!deck) return undefined;
	const { quizIndex } = await import('$lib/content/summary');
	return quizIndex(deck);
}

/** The outline of every deck, bundled and the user's: what "study all" and the statistics cover. */
export async function loadAllOutlines(): Promise<DeckOutline[]> {
	const ids = (await listDecks()).map((d) => d.id);
	const outlines = await Promise.all(ids.map(loadAnyDeckOutline));
	return outlines.filter((d): d is DeckOutline => d !== undefined);
}

/**
 * The cards of an editable copy of a deck: one card per flashcard, the fact's questions and its
 * statement (as the explanation) on its first card, its countries and themes as free tags.
 */
export function copiedCards(deck: Deck): NewUserCard[] {
	return deck.facts.flatMap((fact) =>
		fact.cards.map((card, i): NewUserCard => ({
			front: card.front,
			back: card.back,
			tags: [...fact.countries.map((c) => COUNTRY_NAMES[c]), ...fact.themes.map((t) => THEME_NAMES[t]), ...(fact.tags ?? [])],
			...(i === 0
				? { explanation: fact.statement, questions: fact.questions.map(({ key: _key, factId: _factId, ...q }) => q) }
				: {})
		}))
	);
}

/**
 * "Make an editable copy": a new user's deck with the deck's cards under new ids, in one transaction.
 * The copy starts with no progress: its facts are new ones (the original's state and history stay
 * with the original, which is still there to study).
 */
export async function copyDeck(id: string, now: number): Promise<UserDeckRow> {
	const deck = await loadAnyDeck(id);
	if (!deck) throw new Error(`There is no deck called "${id}".`);
	const { createDeckWithCards } = await import('$lib/db/user-deck-edits');
	const copy = await createDeckWithCards(
		appDatabase(),
		{ title: `${deck.title} (my copy)`, description: deck.description },
		copiedCards(deck),
		now
	);
	return copy.deck;
}
