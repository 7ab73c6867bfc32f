/**
 * A user's deck as one YAML file of the question bank's format, in its "user deck" variant
 * (questions/FORMAT.md, "A user's deck"): the bank's fact shape, one fact per card, plus a `deck:` with the
 * deck's id, title and description. The app's Import reads it back as the same deck, ids included (see
 * parseYamlDeck). It is not yet a bank deck: a user's card has no source paragraph, country or theme, and
 * may have no statement or fewer than two question types; FORMAT.md says what a maintainer adds. A card
 * one of whose sides is only an image or a sound is left out, and the file's comment says how many.
 *
 *   deck:
 *     id: u-…
 *     title: …
 *     description: …
 *   facts:
 *     - id: <card id>
 *       statement: <the card's explanation, when it has one>
 *       tags: [<the card's tags, when it has any>]
 *       cards:
 *         - front: …
 *           back: …
 *       questions: [<the card's own questions, when it has any>]
 */
import { stringify } from 'yaml';
import type { UserCardRow, UserDeckRow } from '$lib/db/rows';
import { hasTextSides, leftOutOfExport } from './export-left-out';

export const USER_DECK_YAML_HEADER =
	'# A deck made in Steppe Cards. The app\'s Import reads this file back as the same deck, and\n# `npm run validate -- <this file>` checks it as the Import does; questions/FORMAT.md ("A user\'s deck")\n# says what to add to make it a deck of the question bank.\n';

/** What the export leaves out, in words, or '' when it writes every card. */
export const leftOutOfYaml = (cards: readonly UserCardRow[]): string => leftOutOfExport(cards, 'YAML');

export function exportUserDeckYaml(
	deck: Pick<UserDeckRow, 'id' | 'title' | 'description'>,
	cards: readonly UserCardRow[]
) {
	const written = cards.filter(hasTextSides);
	const leftOut = leftOutOfYaml(cards);
	const facts = written.map((card) => ({
		id: card.id,
		...(card.explanation ? { statement: card.explanation } : {}),
		...(card.tags.length > 0 ? { tags: card.tags } : {}),
		cards: [{ front: card.front, back: card.back }],
		...(card.questions?.length ? { questions: card.questions } : {})
	}));
	const body = stringify(
		{ deck: { id: deck.id, title: deck.title, description: deck.description }, facts },
		// No line folding and no anchors: a long front stays on its line, a repeated list is written out.
		{ lineWidth: 0, aliasDuplicateObjects: false }
	);
	return USER_DECK_YAML_HEADER + (leftOut && `# ${leftOut}\n`) + body;
}
