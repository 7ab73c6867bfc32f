/**
 * A deck as Anki's "Notes in Plain Text" (File › Import in Anki, or this app's own Anki import):
 *
 *   #separator:tab
 *   #html:false
 *   #notetype:Basic
 *   #deck:<title>
 *   #columns:Front	Back	Explanation	Tags
 *   #tags column:4
 *   <front>	<back>	<explanation>	<tags, space-separated>
 *
 * Fields are quoted as Anki's own exporter quotes them (rslib/src/import_export/text/csv/export.rs: the
 * `csv` crate with a tab delimiter, comment character `#` and its "quote when necessary" style): a
 * field is put in double quotes, its quotes doubled, when it holds a tab, a double quote, a line break
 * (`\n` or `\r`) or a `#` anywhere, since Anki's reader skips a line starting with `#` as a comment.
 *
 * `#separator:` comes first because Anki reads the `#columns:` labels with the separator known at that
 * line. The labels let Anki map Front and Back by name onto its Basic note type; the Explanation
 * column has no field there and Anki's import dialog leaves it unmapped (the user may map it to a
 * field of their own), while this app's Anki import reads it back as the explanation.
 *
 * What Anki's format cannot hold: the deck's description; a tag's inner whitespace (Anki splits tags
 * at whitespace, so `world war` is written `world_war`); a line break in the title (written as a
 * space, the header being one line). Anki itself files the notes in the `#deck:` deck only when the
 * collection has a deck of that name (otherwise in the deck its import dialog shows), and takes a
 * title of digits alone for a deck id; this app's import reads the title back either way.
 *
 * A card one of whose sides is only an image or a sound is left out (export-left-out.ts), as the YAML
 * export leaves it out, and a `#` line after the headers says how many: Anki's reader and this app's
 * skip it, its words having no `key:` for either to read.
 */
import type { DraftCard } from './card';
import { hasTextSides, leftOutOfExport } from './export-left-out';

export interface AnkiExportDeck {
	title: string;
	cards: readonly Pick<DraftCard, 'front' | 'back' | 'tags' | 'explanation'>[];
}

export interface AnkiExportOptions {
	/**
	 * Whether the cards' text is HTML (cards imported with HTML): `#html:true` has Anki keep the markup;
	 * with `#html:false` (the default) Anki shows the text as written, `<` and all.
	 */
	html?: boolean;
}

/** The columns of the export, in order; `#tags column:` is the position of Tags, counted from 1. */
const ANKI_EXPORT_COLUMNS = ['Front', 'Back', 'Explanation', 'Tags'] as const;

/** A field as Anki's exporter writes it: quoted, with its quotes doubled, only when it must be. */
export function quoteAnkiField(field: string): string {
	return /[\t"\r\n#]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** A tag as one Anki tag: Anki separates tags by whitespace, so whitespace inside a tag becomes `_`. */
const ankiTag = (tag: string): string => tag.trim().replace(/\s+/g, '_');

/** What the export leaves out, in words, or '' when it writes every card. */
export const leftOutOfAnkiText = (cards: AnkiExportDeck['cards']): string => leftOutOfExport(cards, 'a text file');

/**
 * The deck as the text of an Anki "Notes in Plain Text" file, one note per card it can write, ending in a
 * line break.
 */
export function exportAnkiText(deck: AnkiExportDeck, options: AnkiExportOptions = {}): string {
	const title = deck.title.replace(/[\r\n]+/g, ' ').trim();
	const leftOut = leftOutOfAnkiText(deck.cards);
	const header = [
		'#separator:tab',
		`#html:${options.html === true}`,
		'#notetype:Basic',
		...(title ? [`#deck:${title}`] : []),
		`#columns:${ANKI_EXPORT_COLUMNS.join('\t')}`,
		`#tags column:${ANKI_EXPORT_COLUMNS.indexOf('Tags') + 1}`,
		...(leftOut ? [`# ${leftOut}`] : [])
	];
	const notes = deck.cards.filter(hasTextSides).map((card) => {
		const tags = card.tags.map(ankiTag).filter((tag) => tag !== '');
		return [card.front, card.back, card.explanation ?? '', tags.join(' ')].map(quoteAnkiField).join('\t');
	});
	return [...header, ...notes].map((line) => `${line}\n`).join('');
}
