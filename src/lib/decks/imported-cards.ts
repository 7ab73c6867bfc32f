/** Cards of an import as storage keeps them. */
import type { NewUserCard } from '$lib/db/user-deck-edits';
import { htmlToPlainText } from './import/html-text';
import type { ImportedCard } from './import/result';
import type { YamlImportResult } from './import/yaml';
import type { AnkiPackagePreview } from './anki-package/read-package';
import type { ImportPreview } from './import-session.svelte';

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

/**
 * An Anki package's preview: its cards as plain text, with their rebuilt FSRS state when the history is
 * kept, and its problems by note id. Media are not stored yet: the preview says so.
 */
export function packagePreview(read: AnkiPackagePreview, keepHistory: boolean): ImportPreview {
	const problems = read.problems.map((p) => ({
		line: 0,
		message: p.noteId ? `note ${p.noteId}: ${p.message}` : p.message
	}));
	if (read.counts.media > 0)
		problems.unshift({
			line: 0,
			message: `${read.counts.media} images and sounds are not imported yet: the cards come without them`
		});
	return {
		cards: read.cards.map((card) => ({
			...storedCard(card),
			...(keepHistory && card.state ? { state: card.state } : {})
		})),
		problems,
		counts: read.counts
	};
}
