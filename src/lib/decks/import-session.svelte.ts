/**
 * The import screen's state: the text (pasted or read from a file), the format and its options, and
 * the preview that follows them at once. Nothing is written until `confirm`, which stores the deck and
 * every card in one transaction (createDeckWithCards).
 */
import type { StudyDatabase } from '$lib/db/db';
import { createDeckWithCards, type NewMediaFile, type NewUserCard } from '$lib/db/user-deck-edits';
import type { UserDeckRow } from '$lib/db/rows';
import { parseAnkiText, type AnkiSeparator } from './import/anki';
import { parseCsv, type ColumnMapping } from './import/csv';
import { detectFormat, type ImportFormat } from './import/detect';
import { guessQuizletSeparators, parseQuizlet } from './import/quizlet';
import type { ImportProblem } from './import/result';
import { packagePreview, storedCard, yamlCards } from './imported-cards';
import type { AnkiPackagePreview } from './anki-package/read-package';
import { decodeImportFile } from './import/text';
import { parseYamlDeck, type YamlDeckMeta } from './import/yaml';

export const FORMAT_NAMES: Record<ImportFormat, string> = {
	'anki-text': 'Anki notes in plain text',
	quizlet: 'Quizlet export',
	csv: 'CSV or TSV with a header row',
	yaml: "The app's YAML deck format"
};

/** The preview: what would be imported and every problem, in line order. */
export interface ImportPreview {
	cards: NewUserCard[];
	problems: ImportProblem[];
	columns?: string[];
	mapping?: ColumnMapping;
	/** Why the format was chosen, when it was guessed. */
	reason?: string;
	/** The separator an Anki text file is read with: its header's, the user's, or guessed. */
	ankiSeparator?: AnkiSeparator;
	/** An Anki package's counts. */
	counts?: AnkiPackagePreview['counts'];
	/** How many of an Anki package's cards were suspended or buried there: they come in suspended. */
	suspended?: number;
	/** A user deck file's id, title and description, which the import keeps. */
	deck?: YamlDeckMeta;
	/** An Anki package's media files that its cards show, stored with the deck, and their total size in bytes. */
	media?: NewMediaFile[];
	mediaBytes?: number;
}

export class ImportSession {
	text = $state('');
	fileName = $state<string | undefined>(undefined);
	/** A file that could not be read as text: shown instead of a preview. */
	fileProblem = $state<ImportProblem | undefined>(undefined);
	/** The format the user chose; undefined while it is guessed. */
	chosenFormat = $state<ImportFormat | undefined>(undefined);
	termSeparator = $state<string | undefined>(undefined);
	rowSeparator = $state<string | undefined>(undefined);
	ankiSeparator = $state<AnkiSeparator | undefined>(undefined);
	mapping = $state<ColumnMapping | undefined>(undefined);
	title = $state('');
	/** An Anki package as the worker read it: its cards replace any text's. Raw: it holds media bytes. */
	ankiPackage = $state.raw<AnkiPackagePreview | undefined>(undefined);
	/** Bring each package card's progress (its FSRS state rebuilt from Anki's history), or start all as new. */
	keepHistory = $state(true);

	readonly detected = $derived(detectFormat(this.text, this.fileName));
	readonly format = $derived(this.chosenFormat ?? this.detected.format);
	readonly quizletGuess = $derived(guessQuizletSeparators(this.text));
	/** The separators a Quizlet export is read with: the user's where chosen, else the guess. */
	readonly quizletSeparators = $derived({
		term: this.termSeparator ?? this.quizletGuess.term,
		row: this.rowSeparator ?? this.quizletGuess.row
	});
	readonly preview: ImportPreview = $derived(this.parse());

	/** Text typed or pasted: it replaces any file's. */
	paste(text: string): void {
		this.ankiPackage = undefined;
		this.text = text;
		this.fileName = undefined;
		this.fileProblem = undefined;
		this.titleFromDeck();
	}

	/** A user deck file names its deck: its title replaces a title made from the file's name, or none. */
	private titleFromDeck(fileTitle = ''): void {
		const title = this.format === 'yaml' ? this.preview.deck?.title : undefined;
		if (title && (!this.title.trim() || this.title === fileTitle)) this.title = title;
	}

	/** The text of a picked file, or the reason it cannot be imported. */
	readFile(name: string, bytes: Uint8Array): void {
		const decoded = decodeImportFile(bytes);
		this.ankiPackage = undefined;
		this.fileName = name;
		this.chosenFormat = undefined;
		this.mapping = undefined;
		const fileTitle = name.replace(/\.[^.]+$/, '');
		if (!this.title.trim()) this.title = fileTitle;
		if ('problem' in decoded) {
			this.fileProblem = decoded.problem;
			this.text = '';
		} else {
			this.fileProblem = undefined;
			this.text = decoded.text;
			this.titleFromDeck(fileTitle);
		}
	}

	/** A package read by the worker, or the reason it was refused. */
	readPackage(name: string, read: AnkiPackagePreview | { refused: string }): void {
		this.fileName = name;
		this.text = '';
		if ('refused' in read) {
			this.ankiPackage = undefined;
			this.fileProblem = { line: 0, message: read.refused };
			return;
		}
		this.fileProblem = undefined;
		this.ankiPackage = read;
		if (!this.title.trim())
			this.title = read.decks.length === 1 ? read.decks[0]!.split('::').at(-1)! : name.replace(/\.[^.]+$/, '');
	}

	private parse(): ImportPreview {
		if (this.ankiPackage) return packagePreview(this.ankiPackage, this.keepHistory);
		if (this.fileProblem) return { cards: [], problems: [this.fileProblem] };
		const reason = this.chosenFormat ? undefined : this.detected.reason;
		switch (this.format) {
			case 'quizlet': {
				const result = parseQuizlet(this.text, this.quizletSeparators);
				return { cards: result.cards.map((c) => storedCard(c)), problems: result.problems, reason };
			}
			case 'anki-text': {
				const result = parseAnkiText(this.text, this.ankiSeparator ? { separator: this.ankiSeparator } : {});
				return {
					cards: result.cards.map((c) => storedCard(c)),
					problems: result.problems,
					ankiSeparator: result.detected.separator,
					reason
				};
			}
			case 'csv': {
				const result = parseCsv(this.text, this.mapping ? { mapping: this.mapping } : {});
				return {
					cards: result.cards.map((c) => storedCard(c)),
					problems: result.problems,
					columns: result.columns,
					mapping: result.detected.mapping,
					reason
				};
			}
			case 'yaml': {
				const result = parseYamlDeck(this.text);
				const cards = yamlCards(result);
				return { cards, problems: result.problems, reason, ...(result.deck ? { deck: result.deck } : {}) };
			}
		}
	}

	/** Whether there is a preview to show: text, a package or a file's problem. */
	readonly started = $derived(this.text !== '' || this.ankiPackage !== undefined || this.fileProblem !== undefined);

	/** Whether there is something to write: a title and at least one card. */
	readonly canImport = $derived(this.title.trim() !== '' && this.preview.cards.length > 0);

	/** Writes the deck and all the previewed cards (with a package's media and history) in one transaction. */
	confirm(db: StudyDatabase, now: number): Promise<{ deck: UserDeckRow; idsKept: boolean }> {
		const { deck, cards, media } = this.preview;
		return createDeckWithCards(db, { ...deck, title: this.title }, cards, now, media);
	}
}
