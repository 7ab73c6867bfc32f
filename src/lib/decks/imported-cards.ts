/** Cards of an import as storage keeps them. */
import type { NewUserCard } from '$lib/db/user-deck-edits';
import { htmlToPlainText } from './import/html-text';
import type { ImportedCard } from './import/result';
import type { YamlImportResult } from './import/yaml';

/** A card as storage keeps it: plain text (HTML from an import is reduced to its text). */
export function storedCard(card: ImportedCard, questions?: NewUserCard['questions']): NewUserCard {
	const text = (s: string) => (card.html ? htmlToPlainText(s) : s);
	return {
		front: text(card.front),
		back: text(card.back),
		tags: card.tags,
		...(card.explanation ? { explanation: text(card.explanation) } : {}),
		...(questions?.length ? { questions } : {})
	};
}

/** The cards of a YAML deck file, each fact's own questions on its first card (as an editable copy keeps them). */
export function yamlCards(result: YamlImportResult): NewUserCard[] {
	const questions = new Map(result.facts.map((f) => [f.id, f.questions]));
	const asked = new Set<string>();
	return result.cards.map((card) => {
		const first = card.factId !== undefined && !asked.has(card.factId);
		if (card.factId !== undefined) asked.add(card.factId);
		return storedCard(card, first ? questions.get(card.factId!) : undefined);
	});
}
