/**
 * The rows of the app's IndexedDB tables, as stored: the types every layer reads and writes through
 * `StudyDatabase` (db.ts), apart from Dexie so a module that only names a row loads no database code;
 * and the one rule of their ids a page needs before it reads anything, which kind of deck an id names.
 */
import type { State } from 'ts-fsrs';
import type { Country, Question, QuestionType, Theme } from '$lib/content/schema';

/** A ts-fsrs card as stored: dates as epoch milliseconds, so rows index and back up as plain numbers. */
export interface StoredCard {
	due: number;
	stability: number;
	difficulty: number;
	elapsed_days: number;
	scheduled_days: number;
	learning_steps: number;
	reps: number;
	lapses: number;
	state: State;
	last_review?: number;
}

/** The memory of one fact: one FSRS card per fact, whatever card or question reviewed it. */
export interface FactState extends StoredCard {
	/** `<deck id>/<fact id>`: `factKey` */
	key: string;
	deckId: string;
	factId: string;
}

/** A fact's key among the fact states (and in the review log). */
export const factKey = (deckId: string, factId: string) => `${deckId}/${factId}`;

export type ReviewSource = 'flashcard' | 'quiz';

/** The kinds of review Anki's log records: its `type` 0 to 3. */
export const ANKI_REVIEW_KINDS = ['learn', 'review', 'relearn', 'filtered'] as const;
export type AnkiReviewKind = (typeof ANKI_REVIEW_KINDS)[number];

/** One rating, with the card before and after it: enough to undo it, replay history or fit FSRS. */
export interface ReviewRow {
	id?: number;
	factKey: string;
	deckId: string;
	factId: string;
	/** When the rating was given (epoch ms). */
	time: number;
	/** ts-fsrs Grade: 1 Again, 2 Hard, 3 Good, 4 Easy. */
	rating: 1 | 2 | 3 | 4;
	/** Days since the fact's previous review (0 for a first review). */
	elapsedDays: number;
	/** Time spent on the card before rating, in ms (capped). */
	durationMs: number;
	source: ReviewSource;
	/** Anki's kind of review, for a review imported from an Anki package (absent for this app's own). */
	kind?: AnkiReviewKind;
	/** Null when this was the fact's first review. */
	before: StoredCard | null;
	after: StoredCard;
}

/**
 * Reviews that came in bulk (a backup, an Anki package's history) or are older than yesterday, kept packed:
 * IndexedDB's cost is per request, so a long history is written and cleared in a few hundred rows instead of
 * one row per review (review-log.ts). The reviews of one deck, oldest first, each with every field of a
 * `ReviewRow`, its id included.
 */
export interface ReviewChunkRow {
	id?: number;
	deckId: string;
	/** The time of the first and the last review in the chunk (epoch ms). */
	firstTime: number;
	lastTime: number;
	/** How many reviews the chunk holds (indexed, so the log is counted without reading the reviews). */
	count: number;
	reviews: ReviewRow[];
}

export interface StudySettings {
	newPerDay: number;
	maxReviewsPerDay: number;
	/** Desired retention, 0.7 to 0.99. */
	retention: number;
	/** Local hour at which a new study day starts (Anki's default: 4 am). */
	rolloverHour: number;
	/** FSRS-6's 21 parameters fitted to this device's reviews (Settings, "Fit my schedule"); absent: FSRS's defaults. */
	parameters?: number[];
}

export interface SettingsRow extends StudySettings {
	id: 'study';
	/** The parameters in use before the last fit was applied, for "Back to the previous parameters"; [] for FSRS's defaults. */
	previousParameters?: number[];
}

export type QuizOrder = 'shuffled' | 'source';
export type QuizFeedback = 'each' | 'end';

/** What the quiz builder chose; with the seed it determines the quiz exactly. */
export interface QuizConfig {
	deckId: string;
	/** A number, or 'all'. */
	count: number | 'all';
	countries: Country[];
	themes: Theme[];
	types: QuestionType[];
	order: QuizOrder;
	feedback: QuizFeedback;
	seed: string;
}

/** One attempt at a quiz, saved when it starts and updated with every answer. */
export interface QuizAttempt {
	id: string;
	deckId: string;
	config: QuizConfig;
	/** The questions, in the order asked (`<fact id>/<question id>`). */
	questionKeys: string[];
	startedAt: number;
	finishedAt?: number;
	/** Where the student is: the index of the next question to answer. */
	position: number;
	correctCount: number;
	/** Set when the attempt retries the misses of another one. */
	retryOf?: string;
}

/** The answer given to one question of an attempt. */
export interface QuizAnswer {
	id?: number;
	attemptId: string;
	deckId: string;
	questionKey: string;
	factId: string;
	/** What the student gave, as the question type shapes it (a string, a boolean, an order, pairs). */
	given: unknown;
	correct: boolean;
	timeMs: number;
	answeredAt: number;
}

/** The reviews of one local clock hour, tallied for the statistics (see review-hours.ts). */
export interface ReviewHourRow {
	/** Start of the local clock hour, epoch ms. */
	hour: number;
	reviews: number;
	/** Reviews of facts that were mature before the rating, and how many of those were passed (Hard, Good or Easy). */
	mature: number;
	maturePassed: number;
}

/** Small facts about the device's data, e.g. when the last backup was made. */
export interface MetaRow {
	key: 'lastBackupAt' | 'persistRequested';
	value: number;
}

/** A quiz a teacher made or collected results for (classroom). */
export interface ClassQuizRow {
	/** The quiz id: 7 characters derived from the code. */
	id: string;
	/** The canonical quiz code (20 characters, no hyphens). */
	code: string;
	title: string;
	createdAt: number;
	/** The questions its link carries, for a quiz made from a user's deck (`$lib/classroom/carried.ts`). */
	carried?: string;
}

/** One student's result for a classroom quiz, as the teacher collected it. */
export interface ClassResultRow {
	quizId: string;
	/** The name's comparison key (lower case): one result per student and quiz, the latest kept. */
	student: string;
	name: string;
	finishedAt: number;
	/** In the quiz's order; null where nothing was given. */
	given: unknown[];
	/** The result code it was read from. */
	code: string;
	addedAt: number;
}

/** One answer of a student's classroom attempt. */
export interface ClassAnswer {
	given: unknown;
	correct: boolean;
	timeMs: number;
	/** Time ran out before an answer was given. */
	timedOut?: boolean;
}

/** A student's attempt at a classroom quiz, on the student's device. */
export interface ClassAttemptRow {
	id: string;
	quizId: string;
	code: string;
	title: string;
	name: string;
	startedAt: number;
	finishedAt?: number;
	/** The answers so far, in the quiz's order. */
	answers: ClassAnswer[];
	/** Set when the attempt is finished. */
	resultCode?: string;
}

/** A user's deck ids start with this, so none can be a bundled deck's id (kebab-case words) or `all`. */
export const USER_DECK_PREFIX = 'u-';

export const isUserDeckId = (id: string): boolean => id.startsWith(USER_DECK_PREFIX);

/** A deck the user made, imported or copied (see user-deck-edits.ts); its cards are `UserCardRow`s. */
export interface UserDeckRow {
	/** `USER_DECK_PREFIX` and a random UUID. */
	id: string;
	title: string;
	description: string;
	/** Epoch ms. */
	created: number;
	updated: number;
}

/**
 * A card of a user's deck: one fact of the deck, with one flashcard. Its id is random and never
 * changes, so editing its text keeps its FSRS state and review history (keyed `<deck id>/<card id>`).
 */
export interface UserCardRow {
	id: string;
	deckId: string;
	/** Order in the deck: the order new cards are studied in; gaps allowed. */
	position: number;
	front: string;
	back: string;
	/** Shown after the answer; the automatic questions explain with it. */
	explanation?: string;
	tags: string[];
	/** Questions the author wrote for this card (the bank's `Question` shapes); the quiz adds automatic ones. */
	questions?: Question[];
	/** The stored media files (`MediaRow`s of the card's deck) each side shows, by name: an imported Anki card's. */
	media?: CardMedia;
}

export interface CardMedia {
	front: string[];
	back: string[];
}

/** An image or sound of a user's deck (an Anki package's media), shown on its cards through an object URL. */
export interface MediaRow {
	deckId: string;
	/** The file name the cards name it by, unique within the deck. */
	name: string;
	/** Its MIME type, e.g. image/png. */
	type: string;
	bytes: Uint8Array;
}

/** A card a student flagged while studying (a doubt about its content, or to look at it again): one per fact. */
export interface FlagRow {
	deckId: string;
	factId: string;
	/** The front of the card as it was shown when flagged, so the list reads even if the deck changes or goes. */
	front: string;
	/** Epoch ms. */
	flaggedAt: number;
}

/**
 * A fact the student suspended (or an Anki package brought in suspended or buried): no study session shows it
 * and no count of cards to study counts it, until it is unsuspended. Its state and history stay as they were.
 */
export interface SuspendedRow {
	deckId: string;
	factId: string;
	/** The front of the card as it was shown when suspended, so the list of suspended cards reads without the deck. */
	front: string;
	/** Epoch ms. */
	suspendedAt: number;
}

/** New facts a deck may show beyond the daily limit for one study day ("Study 10 more new cards today"). */
export interface NewLimitExtensionRow {
	deckId: string;
	/** Start of the study day it applies to (epoch ms); on another day it counts for nothing. */
	dayStart: number;
	extra: number;
}
