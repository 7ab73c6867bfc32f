/** Cards of an import as storage keeps them. */
import type { NewUserCard } from '$lib/db/user-deck-edits';
import { mediaNames } from './anki-package/media';
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

/**
 * The cards of a YAML deck file, each fact's own questions on its first card (as an editable copy keeps
 * them); a user deck file's cards as exported, ids included.
 */
export function yamlCards(result: YamlImportResult): NewUserCard[] {
	if (result.deck) return result.cards.map((card) => ({ ...storedCard(card, card.questions), id: card.id }));
	const questions = new Map(result.facts.map((f) => [f.id, f.questions]));
	const asked = new Set<string>();
	return result.cards.map((card) => {
		const first = card.factId !== undefined && !asked.has(card.factId);
		if (card.factId !== undefined) asked.add(card.factId);
		return storedCard(card, first ? questions.get(card.factId!) : undefined);
	});
}

/**
 * An Anki package's preview: its cards as plain text, each with the images and sounds its sanitized HTML
 * still names (the package's own files, stored with the deck), its rebuilt FSRS state and review history
 * when the history is kept, whether it comes in suspended, and its problems by note id, media the package lacks included.
 */
export function packagePreview(read: AnkiPackagePreview, keepHistory: boolean): ImportPreview {
	const problems = read.problems.map((p) => ({
		line: 0,
		message: p.noteId ? `note ${p.noteId}: ${p.message}` : p.message
	}));
	for (const { name, noteIds } of read.missingMedia)
		problems.push({
			line: 0,
			message: `"${name}" is not in the package: ${noteIds.length === 1 ? `note ${noteIds[0]} comes` : `notes ${noteIds.join(', ')} come`} without it`
		});
	return {
		cards: read.cards.map((card) => {
			const media = { front: mediaNames(card.front), back: mediaNames(card.back) };
			return {
				...storedCard(card),
				...(media.front.length || media.back.length ? { media } : {}),
				...(keepHistory && card.state ? { state: card.state, reviews: card.reviews } : {}),
				// Suspended or buried in Anki: suspended here, whether its history is kept or not.
				...(card.suspended ? { suspended: true } : {})
			};
		}),
		problems,
		counts: read.counts,
		suspended: read.cards.filter((card) => card.suspended).length,
		media: read.media.map(({ name, mime, bytes }) => ({ name, type: mime, bytes })),
		mediaBytes: read.media.reduce((n, file) => n + file.bytes.byteLength, 0)
	};
}
