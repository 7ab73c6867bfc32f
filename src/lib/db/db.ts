/**
 * The one IndexedDB database of the app, through Dexie. It owns the schema and
 * its versions; everything else goes through the functions of `src/lib/*`.
 * A new schema version is added below the last one, never edited in place.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type {
	ClassAttemptRow,
	ClassQuizRow,
	ClassResultRow,
	FactState,
	FlagRow,
	MediaRow,
	MetaRow,
	NewLimitExtensionRow,
	QuizAnswer,
	QuizAttempt,
	ReviewHourRow,
	ReviewChunkRow,
	ReviewRow,
	SettingsRow,
	SuspendedRow,
	UserCardRow,
	UserDeckRow
} from './rows';
import { tallyReviews } from './review-hours';
import { foldHours, reviewDaysMiddleware, type ReviewDayRow } from './review-days';
import { digestRows, stateDigestsMiddleware, type StateDigestRow } from './state-digests';

const APP_DATABASE = 'steppe-cards';

export class StudyDatabase extends Dexie {
	factStates!: EntityTable<FactState, 'key'>;
	reviews!: EntityTable<ReviewRow, 'id'>;
	reviewArchive!: EntityTable<ReviewChunkRow, 'id'>;
	settings!: EntityTable<SettingsRow, 'id'>;
	quizAttempts!: EntityTable<QuizAttempt, 'id'>;
	quizAnswers!: EntityTable<QuizAnswer, 'id'>;
	meta!: EntityTable<MetaRow, 'key'>;
	classQuizzes!: EntityTable<ClassQuizRow, 'id'>;
	classResults!: Table<ClassResultRow, [string, string]>;
	classAttempts!: EntityTable<ClassAttemptRow, 'id'>;
	reviewHours!: EntityTable<ReviewHourRow, 'hour'>;
	reviewDays!: EntityTable<ReviewDayRow, 'day'>;
	userDecks!: EntityTable<UserDeckRow, 'id'>;
	userCards!: EntityTable<UserCardRow, 'id'>;
	flags!: Table<FlagRow, [string, string]>;
	newLimitExtensions!: EntityTable<NewLimitExtensionRow, 'deckId'>;
	media!: Table<MediaRow, [string, string]>;
	suspended!: Table<SuspendedRow, [string, string]>;
	stateDigests!: Table<StateDigestRow, [string, number]>;

	constructor(name = APP_DATABASE) {
		super(name, { cache: 'disabled' });
		// The schema as it is now. Only a version with an upgrade function or new tables is declared: Dexie works out
		// added tables and indexes from the database a device already has, and every declared version
		// is read each time the app starts (db.test.ts opens a version-1 database with this code).
		// [deckId+state+due] lets a study session read just the first learning cards and reviews due,
		// so the first card shows before the whole day's queue is read; reviewHours tallies the review
		// log per hour for the statistics, kept with every review and made here from the log once.
		this.version(4)
			.stores({
				// [deckId+due] serves the day's queue of a deck; its prefix serves "every state of a deck".
				factStates: 'key, [deckId+due], due, [deckId+state+due]',
				// [deckId+time] serves "today's reviews of a deck" and the history charts.
				reviews: '++id, factKey, time, [deckId+time]',
				settings: 'id',
				quizAttempts: 'id, [deckId+startedAt], startedAt',
				quizAnswers: '++id, &[attemptId+questionKey], attemptId, answeredAt',
				meta: 'key',
				classQuizzes: 'id, createdAt',
				classResults: '[quizId+student], quizId',
				classAttempts: 'id, quizId, startedAt',
				reviewHours: 'hour'
			})
			.upgrade(async (tx) => {
				await tx.table('reviewHours').bulkPut(tallyReviews(await tx.table('reviews').toArray()));
			});
		// The user's own decks and their cards (user-decks.ts). New tables need no upgrade, but a
		// version number above the last one, so a device's version-4 database gains them.
		// [deckId+position] reads a deck's cards in order (its prefix, all of a deck's cards).
		this.version(5).stores({ userDecks: 'id', userCards: 'id, [deckId+position]' });
		// [deckId+state+scheduled_days] lets the statistics read the keys of the mature facts (in review, an
		// interval of 21 days or more) instead of every state: the other figures come from counts and keys of
		// the indexes above.
		this.version(6).stores({ factStates: 'key, [deckId+due], due, [deckId+state+due], [deckId+state+scheduled_days]' });
		// The images and sounds of imported Anki decks, one row per file of a deck; the deckId index deletes a
		// deck's media with it.
		this.version(7).stores({ media: '[deckId+name], deckId' });
		// Cards a student flagged while studying (flags.ts), newest first through flaggedAt; and the extra new
		// cards a deck was given for one study day (custom study), which home counts as the study page does.
		this.version(8).stores({ flags: '[deckId+factId], flaggedAt', newLimitExtensions: 'deckId' });
		// The review log's packed part (review-log.ts): [deckId+lastTime] finds a deck's chunks that reach into a
		// day (today's reviews) or its whole history; [firstTime+lastTime] the chunks that overlap a span of time
		// and the first review; count counts the log from the index alone.
		this.version(9).stores({ reviewArchive: '++id, [deckId+lastTime], [firstTime+lastTime], count' });
		// The review tallies folded into days for the statistics (review-days.ts), made here from the hours once and
		// kept by the middleware with every write to the hours.
		this.version(10)
			.stores({ reviewDays: 'day' })
			.upgrade(async (tx) => {
				await tx.table('reviewDays').bulkPut(foldHours(await tx.table('reviewHours').toArray()));
			});
		this.use(reviewDaysMiddleware);
		// Suspended cards (suspended.ts): a deck's are the range of its id in the primary key, which the day's queue reads.
		this.version(11).stores({ suspended: '[deckId+factId]' });
		// The fact states' digests for the statistics (state-digests.ts), a deck's the range of its id in the primary
		// key; made here from the states once and kept by the middleware with every write to the states. The
		// statistics no longer read [deckId+state+scheduled_days], so it goes: one index less on every rating.
		this.version(12)
			.stores({
				factStates: 'key, [deckId+due], due, [deckId+state+due]',
				stateDigests: '[deckId+shard]'
			})
			.upgrade(async (tx) => {
				await tx.table('stateDigests').bulkPut(digestRows(await tx.table('factStates').toArray()));
			});
		this.use(stateDigestsMiddleware);
	}
}

let shared: StudyDatabase | undefined;

/**
 * Whether this device has the database (the app's, unless named) yet, found without opening it:
 * opening creates it, the costliest step of a first visit, which a page
 * that only reads has no use for. Browsers without `indexedDB.databases()` are taken to have it.
 */
export async function databaseExists(name = APP_DATABASE): Promise<boolean> {
	if (typeof indexedDB.databases !== 'function') return true;
	return (await indexedDB.databases()).some((d) => d.name === name);
}

/** The app's database, opened on first use (in the browser only). */
export function appDatabase(): StudyDatabase {
	shared ??= new StudyDatabase();
	return shared;
}
