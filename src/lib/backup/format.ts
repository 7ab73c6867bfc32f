/**
 * The backup file: every table of the device's database, with a format name
 * and version. The whole file is checked with valibot before anything is written.
 */
import * as v from 'valibot';
import { QuestionSchema } from '$lib/content/schema';
import { COUNTRIES, QUESTION_TYPES, THEMES } from '$lib/content/vocabulary';
import { ANKI_REVIEW_KINDS, type MediaRow } from '$lib/db/rows';
import { messageOf } from '$lib/message-of';

export const BACKUP_FORMAT = 'steppe-cards-backup';
/** 2 added the user's own decks; a version 1 file, which has none, still imports. */
export const BACKUP_VERSION = 2;
/**
 * Larger files are refused before they are parsed. The app must restore what it exports, so the
 * limit sits well above the backup of a long history (`npm run bench` exports and imports one).
 */
export const MAX_BACKUP_BYTES = 256 * 1024 * 1024;

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const time = v.pipe(v.number(), v.finite());
const text = v.pipe(v.string(), v.minLength(1));

const StoredCard = v.object({
	due: time,
	stability: v.pipe(v.number(), v.finite()),
	difficulty: v.pipe(v.number(), v.finite()),
	elapsed_days: v.number(),
	scheduled_days: v.number(),
	learning_steps: count,
	reps: count,
	lapses: count,
	state: v.picklist([0, 1, 2, 3], 'state must be 0 (new), 1 (learning), 2 (review) or 3 (relearning)'),
	last_review: v.optional(time)
});

const FactState = v.object({ ...StoredCard.entries, key: text, deckId: text, factId: text });

const Review = v.object({
	id: v.optional(count),
	factKey: text,
	deckId: text,
	factId: text,
	time,
	rating: v.picklist([1, 2, 3, 4], 'rating must be 1, 2, 3 or 4'),
	elapsedDays: v.number(),
	durationMs: count,
	source: v.picklist(['flashcard', 'quiz']),
	kind: v.optional(v.picklist(ANKI_REVIEW_KINDS)),
	before: v.nullable(StoredCard),
	after: StoredCard
});

/** FSRS-6's 21 parameters, as the optimiser fits them. */
const fsrsParameters = v.pipe(
	v.array(v.pipe(v.number(), v.finite())),
	v.length(21, 'FSRS parameters must be 21 numbers')
);

const Settings = v.object({
	id: v.literal('study'),
	newPerDay: count,
	maxReviewsPerDay: count,
	retention: v.pipe(v.number(), v.minValue(0.7), v.maxValue(0.99)),
	rolloverHour: v.pipe(count, v.maxValue(23)),
	// Added with "Fit my schedule": backups made before it have neither.
	parameters: v.optional(fsrsParameters),
	previousParameters: v.optional(v.union([fsrsParameters, v.pipe(v.array(v.number()), v.length(0))]))
});

/** One of a list of names, refused with the list it must come from. */
const oneOf = <T extends string>(what: string, names: readonly T[]) =>
	v.picklist(names, (issue) => `unknown ${what} ${JSON.stringify(issue.input)} (expected one of ${names.join(', ')})`);

const QuizConfig = v.object({
	deckId: text,
	count: v.union([count, v.literal('all')]),
	countries: v.array(oneOf('country', COUNTRIES)),
	themes: v.array(oneOf('theme', THEMES)),
	types: v.array(oneOf('question type', QUESTION_TYPES)),
	order: v.picklist(['shuffled', 'source']),
	feedback: v.picklist(['each', 'end']),
	seed: v.string()
});

const QuizAttempt = v.object({
	id: text,
	deckId: text,
	config: QuizConfig,
	questionKeys: v.array(text),
	startedAt: time,
	finishedAt: v.optional(time),
	position: count,
	correctCount: count,
	retryOf: v.optional(text)
});

const QuizAnswer = v.object({
	id: v.optional(count),
	attemptId: text,
	deckId: text,
	questionKey: text,
	factId: text,
	given: v.unknown(),
	correct: v.boolean(),
	timeMs: count,
	answeredAt: time
});

const ClassQuiz = v.object({ id: text, code: text, title: v.string(), createdAt: time, carried: v.optional(text) });

const ClassResult = v.object({
	quizId: text,
	student: text,
	name: text,
	finishedAt: time,
	given: v.array(v.unknown()),
	code: text,
	addedAt: time
});

const ClassAttempt = v.object({
	id: text,
	quizId: text,
	code: text,
	title: v.string(),
	name: text,
	startedAt: time,
	finishedAt: v.optional(time),
	answers: v.array(
		v.object({ given: v.unknown(), correct: v.boolean(), timeMs: count, timedOut: v.optional(v.boolean()) })
	),
	resultCode: v.optional(text)
});

const UserDeck = v.object({
	id: v.pipe(v.string(), v.startsWith('u-', 'a user deck id starts with "u-"')),
	title: text,
	description: v.string(),
	created: time,
	updated: time
});

const UserCard = v.object({
	id: text,
	deckId: text,
	position: v.pipe(v.number(), v.finite()),
	// Empty where the side is only an image or a sound (`media`).
	front: v.string(),
	back: v.string(),
	explanation: v.optional(text),
	tags: v.array(text),
	questions: v.optional(v.array(QuestionSchema)),
	media: v.optional(v.object({ front: v.array(text), back: v.array(text) }))
});

const Flag = v.object({ deckId: text, factId: text, front: v.string(), flaggedAt: time });
const Suspended = v.object({ deckId: text, factId: text, front: v.string(), suspendedAt: time });

/** A stored media file (`MediaRow`), its bytes as base64 text. */
const Media = v.object({ deckId: text, name: text, type: text, base64: v.string() });
type BackupMedia = v.InferOutput<typeof Media>;

const BASE64_CHUNK = 0x8000;

export function mediaToBackup({ bytes, ...row }: MediaRow): BackupMedia {
	let binary = '';
	for (let i = 0; i < bytes.length; i += BASE64_CHUNK)
		binary += String.fromCharCode(...bytes.subarray(i, i + BASE64_CHUNK));
	return { ...row, base64: btoa(binary) };
}

export function mediaFromBackup({ base64, ...row }: BackupMedia): MediaRow {
	return { ...row, bytes: Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)) };
}

const Meta = v.object({ key: v.picklist(['lastBackupAt', 'persistRequested']), value: v.number() });

export const BackupSchema = v.object({
	format: v.literal(BACKUP_FORMAT),
	version: v.picklist([1, BACKUP_VERSION]),
	exportedAt: time,
	tables: v.object({
		factStates: v.array(FactState),
		reviews: v.array(Review),
		settings: v.array(Settings),
		quizAttempts: v.array(QuizAttempt),
		quizAnswers: v.array(QuizAnswer),
		meta: v.array(Meta),
		// Added with the classroom: backups made before it have none of these.
		classQuizzes: v.optional(v.array(ClassQuiz), []),
		classResults: v.optional(v.array(ClassResult), []),
		classAttempts: v.optional(v.array(ClassAttempt), []),
		// Version 2: the user's own decks.
		userDecks: v.optional(v.array(UserDeck), []),
		userCards: v.optional(v.array(UserCard), []),
		// Added with flagged cards: backups made before them have none.
		flags: v.optional(v.array(Flag), []),
		// Added with suspended cards: backups made before them have none.
		suspended: v.optional(v.array(Suspended), []),
		// The user's decks' images and sounds: backups made before them have none.
		media: v.optional(v.array(Media), [])
	})
});

export type Backup = v.InferOutput<typeof BackupSchema>;
export type BackupTables = Backup['tables'];

export type CheckResult = { ok: true; backup: Backup } | { ok: false; message: string };

function duplicate<T>(rows: T[], keyOf: (row: T) => unknown): T | undefined {
	const seen = new Set<string>();
	for (const row of rows) {
		const key = JSON.stringify(keyOf(row));
		if (seen.has(key)) return row;
		seen.add(key);
	}
	return undefined;
}

/** The large tables of a long history, checked a chunk of rows at a time so the page stays responsive. */
const CHUNKED = { factStates: v.array(FactState), reviews: v.array(Review) } as const;
/** Rows checked between two yields: a few tens of milliseconds of valibot on a phone. */
export const CHECK_CHUNK = 5_000;

/** How far a check or an import has got: `done` of `total` rows. */
export interface Progress {
	done: number;
	total: number;
}

const damaged = (issues: [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]], prefix = '') => {
	const issue = issues[0];
	const path = v.getDotPath(issue);
	return `This backup is damaged: ${path === null ? 'the file' : prefix + path}: ${issue.message}. Nothing was imported.`;
};

/**
 * The check of a parsed file, step by step: it yields its progress after each chunk of the large
 * tables and returns the result. `checkBackup` runs it at once; `checkBackupInChunks` gives the page
 * a turn between the steps.
 */
function* checkSteps(text: string, byteSize: number): Generator<Progress, CheckResult> {
	if (byteSize > MAX_BACKUP_BYTES)
		return {
			ok: false,
			message: `This file is ${(byteSize / 1024 / 1024).toFixed(1)} MB; a backup can be at most ${MAX_BACKUP_BYTES / 1024 / 1024} MB.`
		};
	if (text.trim() === '')
		return { ok: false, message: 'This file is empty: there is no backup in it. Choose the file the app exported.' };
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		// A file that ends in the middle fails at its last character, whatever the engine calls it.
		const message = messageOf(error);
		const cut = /end of (JSON )?input|Unterminated/i.test(message) || message.includes(`position ${text.length}`);
		return {
			ok: false,
			message: cut
				? 'This backup is cut short: the file ends in the middle. Export it again from the device it came from.'
				: 'This file is not a backup: it is not JSON.'
		};
	}
	const format = (data as { format?: unknown } | null)?.format;
	if (typeof data !== 'object' || data === null || format !== BACKUP_FORMAT)
		return {
			ok: false,
			message: 'This file is not a Steppe Cards backup (it has no "steppe-cards-backup" format mark).'
		};
	const version = (data as { version?: unknown }).version;
	if (typeof version === 'number' && version > BACKUP_VERSION)
		return {
			ok: false,
			message: `This backup was made by a newer version of the app (format ${version}). Update the app, then import it.`
		};
	// Everything but the rows of the large tables first (they stand in as empty lists), then those rows a chunk at a time.
	const tables = (data as { tables?: unknown }).tables;
	const large = { factStates: [] as unknown[], reviews: [] as unknown[] };
	let outline = data;
	if (typeof tables === 'object' && tables !== null) {
		const { factStates, reviews } = tables as Record<string, unknown>;
		if (Array.isArray(factStates)) large.factStates = factStates;
		if (Array.isArray(reviews)) large.reviews = reviews;
		outline = {
			...data,
			tables: {
				...tables,
				...(Array.isArray(factStates) && { factStates: [] }),
				...(Array.isArray(reviews) && { reviews: [] })
			}
		};
	}
	const parsed = v.safeParse(BackupSchema, outline);
	if (!parsed.success) return { ok: false, message: damaged(parsed.issues) };
	const total = large.factStates.length + large.reviews.length;
	let done = 0;
	const t = parsed.output.tables;
	for (const name of ['factStates', 'reviews'] as const) {
		const rows = large[name];
		for (let start = 0; start < rows.length; start += CHECK_CHUNK) {
			const chunk = v.safeParse(CHUNKED[name], rows.slice(start, start + CHECK_CHUNK));
			if (!chunk.success) {
				const [first, ...rest] = chunk.issues;
				// The chunk's row numbers, made the file's.
				const path = first.path?.map((item, i) => (i === 0 ? { ...item, key: (item.key as number) + start } : item));
				return { ok: false, message: damaged([{ ...first, path } as typeof first, ...rest], `tables.${name}.`) };
			}
			(t[name] as unknown[]).push(...chunk.output);
			done += chunk.output.length;
			yield { done, total };
		}
	}
	const dupes: [string, unknown][] = [
		['fact state', duplicate(t.factStates, (r) => r.key)?.key],
		[
			'review',
			duplicate(
				t.reviews.filter((r) => r.id !== undefined),
				(r) => r.id
			)?.id
		],
		['quiz attempt', duplicate(t.quizAttempts, (r) => r.id)?.id],
		['quiz answer', duplicate(t.quizAnswers, (r) => [r.attemptId, r.questionKey])?.questionKey],
		['class quiz', duplicate(t.classQuizzes, (r) => r.id)?.id],
		['class result', duplicate(t.classResults, (r) => [r.quizId, r.student])?.name],
		['class attempt', duplicate(t.classAttempts, (r) => r.id)?.id],
		['settings entry', duplicate(t.settings, (r) => r.id)?.id],
		['app record', duplicate(t.meta, (r) => r.key)?.key],
		['deck', duplicate(t.userDecks, (r) => r.id)?.title],
		['card', duplicate(t.userCards, (r) => r.id)?.front],
		['flag of the card', duplicate(t.flags, (r) => [r.deckId, r.factId])?.front],
		['suspension of the card', duplicate(t.suspended, (r) => [r.deckId, r.factId])?.front]
	];
	const dupe = dupes.find(([, key]) => key !== undefined);
	if (dupe)
		return {
			ok: false,
			message: `This backup is damaged: the ${dupe[0]} "${String(dupe[1])}" appears twice. Nothing was imported.`
		};
	const deckIds = new Set(t.userDecks.map((d) => d.id));
	const stray = t.userCards.find((c) => !deckIds.has(c.deckId));
	if (stray)
		return {
			ok: false,
			message: `This backup is damaged: the card "${stray.front}" belongs to no deck in it. Nothing was imported.`
		};
	return { ok: true, backup: parsed.output };
}

/** Checks a whole backup file's text at once; the message says what is wrong in words a student understands. */
export function checkBackup(text: string, byteSize = new Blob([text]).size): CheckResult {
	const steps = checkSteps(text, byteSize);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

/** Thrown when the user cancels a check, an export or an import. */
export class Cancelled extends Error {
	constructor() {
		super('Cancelled');
		this.name = 'Cancelled';
	}
}

export interface ChunkOptions {
	onProgress?: (progress: Progress) => void;
	signal?: AbortSignal;
	/** Gives the page a turn between chunks; a task of its own unless a test passes another. */
	pause?: () => Promise<void>;
}

export const nextTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve));

/** As `checkBackup`, with a turn for the page after each chunk of rows, progress reported and a cancel honoured (it throws `Cancelled`). */
export async function checkBackupInChunks(
	text: string,
	byteSize: number,
	{ onProgress, signal, pause = nextTurn }: ChunkOptions = {}
): Promise<CheckResult> {
	const steps = checkSteps(text, byteSize);
	for (;;) {
		if (signal?.aborted) throw new Cancelled();
		const step = steps.next();
		if (step.done) return step.value;
		onProgress?.(step.value);
		await pause();
	}
}
