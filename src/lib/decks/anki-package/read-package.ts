/**
 * An Anki package (.apkg or .colpkg) read into a preview: its cards rendered, the media they name,
 * each card's review history with its FSRS state rebuilt, and every problem by note. Pure apart from
 * SQLite, which is passed in (sql.js, loaded from the worker in the browser and from the package in tests).
 */
import type { SqlJsStatic } from 'sql.js';
import type { StoredCard } from '$lib/db/rows';
import { createScheduler } from '$lib/srs/scheduler';
import { htmlToPlainText } from '../import/html-text';
import { MAX_FIELD_CHARS, type ImportedCard } from '../import/result';
import { openCollection, readCollection, type AnkiCollection, type AnkiNoteType } from './collection';
import { openPackage, type CollectionFile } from './container';
import { AnkiPackageError } from './errors';
import { answersOf, replayReviews, type ReplayedReview } from './history';
import { mediaNames, mimeType, soundTagsAsAudio } from './media';
import { renderFromFields, renderFromTemplates, unsupportedTag, type RenderedCard } from './render';

export interface AnkiPackageCard extends ImportedCard {
	noteId: number;
	cardId: number;
	/** The deck's full name, levels joined by `::`. */
	deck: string;
	/** Suspended or buried in Anki. */
	suspended: boolean;
	/** The answer a typed question expects (note types with {{type:Field}}), as plain text. */
	typeAnswer?: string;
	/** The media files the card names (images, sounds), by file name. */
	media: string[];
	/** The card's answers in Anki, oldest first, replayed; empty when the history is not kept. */
	reviews: ReplayedReview[];
	/** The FSRS state those answers lead to; absent for a card never answered, or when the history is not kept. */
	state?: StoredCard;
}

export interface AnkiMediaFile {
	name: string;
	mime: string;
	bytes: Uint8Array;
}

export interface AnkiNoteTypeSummary {
	name: string;
	notes: number;
	/** `templates`: rendered from its card templates; `fields`: its first field is the front, the rest the back. */
	renderedFrom: 'templates' | 'fields';
	/** Why its templates could not be used, when rendered from its fields. */
	reason?: string;
}

/** A problem with one note (noteId), or with the package as a whole (noteId 0). */
export interface AnkiPackageProblem {
	noteId: number;
	message: string;
}

export interface AnkiPackagePreview {
	collectionFile: CollectionFile;
	schema: number;
	counts: { notes: number; cards: number; media: number; reviews: number; decks: number };
	/** The decks that hold cards, by full name. */
	decks: string[];
	noteTypes: AnkiNoteTypeSummary[];
	cards: AnkiPackageCard[];
	/** The media the cards name that the package holds. */
	media: AnkiMediaFile[];
	/** Media the cards name that the package lacks, with the notes naming them. */
	missingMedia: { name: string; noteIds: number[] }[];
	problems: AnkiPackageProblem[];
}

export type ReadStage = 'unpacking' | 'cards';
export interface ReadProgress {
	stage: ReadStage;
	done: number;
	total: number;
}

export interface ReadOptions {
	sql: SqlJsStatic;
	/** Keep each card's reviews and rebuild its state (true), or bring every card in as new. */
	keepHistory?: boolean;
	/** The retention the rebuilt states are scheduled for. */
	retention?: number;
	/**
	 * Cleans each side's HTML, keeping the images and sounds whose files the package holds (`media`, the
	 * files stored with the deck): sanitizeCardHtml where there is a DOM. A worker has none, so it passes
	 * the HTML through and the page cleans the cards it receives (client.ts).
	 */
	sanitize: (html: string, media: ReadonlySet<string>) => string;
	onProgress?: (progress: ReadProgress) => void;
}

const PROGRESS_EVERY = 2000;
// The note Anki 2.1.50+ puts in the collection.anki2 of its packages for older versions to import.
const DUMMY_NOTE = /update to the latest Anki version/i;
const NOT_RUN = /<(script|style)\b[\s\S]*?<\/\1\s*>/gi;

function isDummyCollection(collection: AnkiCollection): boolean {
	return collection.notes.length === 1 && DUMMY_NOTE.test(collection.notes[0]?.fields.join(' ') ?? '');
}

/** How each note type is rendered: from its templates when they use only what the renderer handles. */
function renderingOf(noteType: AnkiNoteType): AnkiNoteTypeSummary {
	const tag = unsupportedTag(noteType);
	if (tag === undefined && noteType.templates.length > 0)
		return { name: noteType.name, notes: 0, renderedFrom: 'templates' };
	return {
		name: noteType.name,
		notes: 0,
		renderedFrom: 'fields',
		reason: tag === undefined ? 'it has no card template' : `its templates use ${tag}, which this app does not render`
	};
}

const isBlank = (html: string) => htmlToPlainText(html) === '';

export function readAnkiPackage(bytes: Uint8Array, options: ReadOptions): AnkiPackagePreview {
	const { sql, keepHistory = true, retention = 0.9, sanitize, onProgress } = options;
	onProgress?.({ stage: 'unpacking', done: 0, total: 1 });
	const contents = openPackage(bytes);
	let collection: AnkiCollection;
	const db = openCollection(sql, contents.collection);
	try {
		collection = readCollection(db);
	} finally {
		db.close();
	}
	if (contents.collectionFile === 'collection.anki2' && isDummyCollection(collection))
		throw new AnkiPackageError(
			'this package holds only the note Anki writes for old versions ("Please update to the latest Anki version"): its real collection is missing; export it again'
		);
	onProgress?.({ stage: 'unpacking', done: 1, total: 1 });

	const problems: AnkiPackageProblem[] = [];
	const renderings = new Map([...collection.noteTypes].map(([id, noteType]) => [id, renderingOf(noteType)]));
	const notes = new Map(collection.notes.map((note) => [note.id, note]));
	for (const note of collection.notes) {
		const rendering = renderings.get(note.noteTypeId);
		if (rendering) rendering.notes++;
		else
			problems.push({
				noteId: note.id,
				message: `its note type (id ${note.noteTypeId}) is not in the package: the note is left out`
			});
	}
	const revlog = new Map<number, typeof collection.revlog>();
	for (const row of collection.revlog) {
		const list = revlog.get(row.cardId);
		if (list) list.push(row);
		else revlog.set(row.cardId, [row]);
	}

	const scheduler = createScheduler(retention);
	const stored = new Set(contents.media.keys());
	const cards: AnkiPackageCard[] = [];
	const namedBy = new Map<string, Set<number>>();
	let reviews = 0;
	collection.cards.forEach((row, index) => {
		if (index % PROGRESS_EVERY === 0) onProgress?.({ stage: 'cards', done: index, total: collection.cards.length });
		const note = notes.get(row.noteId);
		const noteType = note && collection.noteTypes.get(note.noteTypeId);
		// A note whose note type is missing is reported once, above.
		if (!noteType) {
			if (!note)
				problems.push({
					noteId: row.noteId,
					message: `card ${row.ord + 1} (id ${row.id}) belongs to a note that is not in the package: left out`
				});
			return;
		}
		const rendering = renderings.get(noteType.id) as AnkiNoteTypeSummary;
		const rendered: RenderedCard | { problem: string } =
			rendering.renderedFrom === 'templates'
				? renderFromTemplates(noteType, note.fields, row.ord)
				: renderFromFields(note.fields);
		if ('problem' in rendered) {
			problems.push({ noteId: note.id, message: `card ${row.ord + 1}: ${rendered.problem}` });
			return;
		}
		const front = rendered.front.replace(NOT_RUN, '').trim();
		const back = rendered.back.replace(NOT_RUN, '').trim();
		const media = mediaNames(front + back);
		for (const name of media) {
			const notesNaming = namedBy.get(name) ?? new Set();
			namedBy.set(name, notesNaming.add(note.id));
		}
		for (const [side, html] of [
			['front', front],
			['back', back]
		] as const) {
			if (html.length > MAX_FIELD_CHARS) {
				problems.push({
					noteId: note.id,
					message: `card ${row.ord + 1}: its ${side} is over ${MAX_FIELD_CHARS.toLocaleString('en-US')} characters: left out`
				});
				return;
			}
		}
		if (isBlank(front) && mediaNames(front).length === 0) {
			problems.push({ noteId: note.id, message: `card ${row.ord + 1}: its front is empty: left out` });
			return;
		}
		const answers = keepHistory ? replayReviews(scheduler, answersOf(revlog.get(row.id) ?? [])) : [];
		reviews += answers.length;
		const state = answers.at(-1)?.after;
		cards.push({
			front: sanitize(soundTagsAsAudio(front), stored),
			back: sanitize(soundTagsAsAudio(back), stored),
			html: true,
			tags: note.tags,
			noteId: note.id,
			cardId: row.id,
			deck: collection.decks.get(row.deckId) ?? 'Default',
			suspended: row.queue < 0,
			media,
			reviews: answers,
			...(state && { state }),
			...(rendered.typeAnswer !== undefined && { typeAnswer: rendered.typeAnswer }),
			...(rendered.cloze && { cloze: rendered.cloze })
		});
	});
	onProgress?.({ stage: 'cards', done: collection.cards.length, total: collection.cards.length });

	const media: AnkiMediaFile[] = [];
	const missingMedia: { name: string; noteIds: number[] }[] = [];
	for (const [name, noteIds] of namedBy) {
		const file = contents.media.get(name);
		if (file) media.push({ name, mime: mimeType(name), bytes: file });
		else missingMedia.push({ name, noteIds: [...noteIds] });
	}
	const decks = [...new Set(cards.map((card) => card.deck))].sort();
	problems.sort((a, b) => a.noteId - b.noteId);
	return {
		collectionFile: contents.collectionFile,
		schema: collection.schema,
		counts: {
			notes: new Set(cards.map((card) => card.noteId)).size,
			cards: cards.length,
			media: media.length,
			reviews,
			decks: decks.length
		},
		decks,
		noteTypes: [...renderings.values()].filter((summary) => summary.notes > 0),
		cards,
		media,
		missingMedia,
		problems
	};
}
