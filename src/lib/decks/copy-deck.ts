/** "Make an editable copy" of a deck: a user's deck with the same cards, which can then be edited. */
import { COUNTRY_NAMES, THEME_NAMES } from '$lib/content/guide';
import type { Deck } from '$lib/content/schema';
import { appDatabase } from '$lib/db/db';
import type { UserDeckRow } from '$lib/db/rows';
import { createDeckWithCards, type NewUserCard } from '$lib/db/user-deck-edits';
import { loadAnyDeck } from './library';

/**
 * The cards of a copy: one card per flashcard; on a fact's first card its questions (but for map
 * questions, which need the bank deck's places) and its statement (as the explanation); its
 * countries and themes become free tags.
 */
export function copiedCards(deck: Deck): NewUserCard[] {
	return deck.facts.flatMap((fact) =>
		fact.cards.map((card, i): NewUserCard => ({
			front: card.front,
			back: card.back,
			tags: [
				...fact.countries.map((c) => COUNTRY_NAMES[c]),
				...fact.themes.map((t) => THEME_NAMES[t]),
				...(fact.tags ?? [])
			],
			...(i === 0
				? {
						explanation: fact.statement,
						questions: fact.questions.filter((q) => q.type !== 'map').map(({ key: _key, factId: _factId, ...q }) => q)
					}
				: {})
		}))
	);
}

/**
 * Copies a deck (bundled or the user's) into a new user's deck under new ids, in one transaction.
 * The copy starts with no progress: its facts are new ones, and the original keeps its state and
 * history, still there to study.
 */
export async function copyDeck(id: string, now: number): Promise<UserDeckRow> {
	const deck = await loadAnyDeck(id);
	if (!deck) throw new Error(`There is no deck called "${id}".`);
	const copy = await createDeckWithCards(
		appDatabase(),
		{ title: `${deck.title} (my copy)`, description: deck.description },
		copiedCards(deck),
		now
	);
	return copy.deck;
}
