/**
 * The one IndexedDB database of the app, through Dexie. It owns the schema and
 * its versions; everything else goes through the functions of `src/lib/*`.
 * A new schema version is added below the last one, never edited in place.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { State } from 'ts-fsrs';

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
	/** `<deck id>/<fact id>` */
	key: string;
	deckId: string;
	factId: string;
}

export type ReviewSource = 'flashcard' | 'quiz';

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
	/** Null when this was the fact's first review. */
	before: StoredCard | null;
	after: StoredCard;
}

export interface StudySettings {
	newPerDay: number;
	maxReviewsPerDay: number;
	/** Desired retention, 0.7 to 0.99. */
	retention: number;
	/** Local hour at which a new study day starts (Anki's default: 4 am). */
	rolloverHour: number;
}

export interface SettingsRow extends StudySettings {
	id: 'study';
}

export class StudyDatabase extends Dexie {
	factStates!: EntityTable<FactState, 'key'>;
	reviews!: EntityTable<ReviewRow, 'id'>;
	settings!: EntityTable<SettingsRow, 'id'>;

	constructor(name = 'steppe-cards') {
		super(name);
		this.version(1).stores({
			// [deckId+due] serves the day's queue of a deck; its prefix serves "every state of a deck".
			factStates: 'key, [deckId+due], due',
			// [deckId+time] serves "today's reviews of a deck" and the history charts.
			reviews: '++id, factKey, time, [deckId+time]',
			settings: 'id'
		});
	}
}

let shared: StudyDatabase | undefined;

/** The app's database, opened on first use (in the browser only). */
export function appDatabase(): StudyDatabase {
	shared ??= new StudyDatabase();
	return shared;
}
