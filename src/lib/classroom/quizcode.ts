/**
 * The quiz code: everything that makes a classroom quiz, in 100 bits written as
 * 20 Crockford base32 characters (shown XXXX-XXXX-XXXX-XXXX-XXXX), so it can be
 * typed from the board as well as opened from a link or a QR code.
 *
 * Bits, most significant first:
 *   5 version (1) · 12 deck (FNV-1a of its id, checked against the bundled decks)
 *   7 count (0 = all) · 5 types · 6 countries · 8 themes (bitmasks, in schema order)
 *   1 order (0 shuffled, 1 source) · 4 time per question (index into TIMER_CHOICES)
 *   32 seed · 20 checksum (FNV-1a of the 80 bits before it, as 10 bytes)
 * Every version starts with its 5-bit version, ends with this checksum of all the bits
 * before it (zero-padded to whole bytes), and has at most 60 characters.
 *
 * The quiz itself is `buildQuiz(deck, config)` with the seed from the code, so every
 * phone shows the same questions, in the same order, with the same options.
 */
import { COUNTRIES, QUESTION_TYPES, THEMES } from '$lib/content/vocabulary';
import type { Country, QuestionType, Theme } from '$lib/content/schema';
import type { QuizConfig } from '$lib/db/rows';
import {
	BitReader,
	BitWriter,
	bitsToBytes,
	cleanLine,
	fnv1a,
	fromBase32,
	grouped,
	normalizeBase32,
	toBase32
} from './bits';

export const QUIZ_CODE_VERSION = 1;
export const QUIZ_CODE_LENGTH = 20;
/** No version's code is longer: it must still be typed from the board. Longer text is not read further. */
const MAX_ANY_QUIZ_CODE = 60;
/** Seconds per question; 0 is no time limit. */
export const TIMER_CHOICES = [0, 10, 15, 20, 30, 45, 60, 90, 120] as const;
export const MAX_COUNT = 127;
/** The longest title, in graphemes. */
export const MAX_TITLE = 80;

export interface ClassQuiz {
	deckId: string;
	/** A number of questions (1–127) or every matching question. */
	count: number | 'all';
	countries: Country[];
	themes: Theme[];
	types: QuestionType[];
	order: 'shuffled' | 'source';
	/** Seconds per question, one of TIMER_CHOICES; 0 for none. */
	timer: number;
	/** A 32-bit whole number. */
	seed: number;
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; message: string };

const deckHash = (deckId: string) => fnv1a(deckId) & 0xfff;

/**
 * The types the code's 5-bit mask names. Map questions, a later type, are asked for by the multiple-choice
 * bit (both pick one answer among a few), so codes keep their length and codes made before still read.
 */
const CODED_TYPES = QUESTION_TYPES.filter((t) => t !== 'map');
/** The types a teacher chooses among, one per bit of the code; multiple choice brings map questions with it. */
export const CLASS_TYPE_CHOICES: readonly QuestionType[] = CODED_TYPES;
const typesOf = (m: number) => {
	const coded = unmask(m, CODED_TYPES);
	return QUESTION_TYPES.filter((t) => coded.includes(t === 'map' ? 'multiple-choice' : t));
};
const codedMask = (types: readonly string[]) =>
	mask(
		types.map((t) => (t === 'map' ? 'multiple-choice' : t)),
		CODED_TYPES
	);

/** The types a class quiz asks, as its code carries them: choosing map or multiple choice asks both. */
export const classTypes = (types: readonly string[]): QuestionType[] => typesOf(codedMask(types));

function mask(chosen: readonly string[], all: readonly string[]): number {
	return all.reduce((m, id, i) => (chosen.includes(id) ? m | (1 << i) : m), 0);
}
const unmask = <T extends string>(m: number, all: readonly T[]): T[] => all.filter((_, i) => (m >> i) & 1);

function payloadBits(quiz: ClassQuiz, version = QUIZ_CODE_VERSION): BitWriter {
	const timer = TIMER_CHOICES.indexOf(quiz.timer as (typeof TIMER_CHOICES)[number]);
	if (timer < 0) throw new RangeError(`${quiz.timer} s is not a time the code can carry`);
	return new BitWriter()
		.write(version, 5)
		.write(deckHash(quiz.deckId), 12)
		.write(quiz.count === 'all' ? 0 : quiz.count, 7)
		.write(codedMask(quiz.types), 5)
		.write(mask(quiz.countries, COUNTRIES), 6)
		.write(mask(quiz.themes, THEMES), 8)
		.write(quiz.order === 'source' ? 1 : 0, 1)
		.write(timer, 4)
		.write(quiz.seed >>> 0, 32);
}

/** The widths of the fields before the checksum, in order. */
const FIELD_BITS = [5, 12, 7, 5, 6, 8, 1, 4, 32];
const CHECK_BITS = 20;
/** The checksum of the bits before it: FNV-1a of them as (zero-padded) bytes, cut to 20 bits. */
function checksumOf(bits: readonly number[]): number {
	const padded = [...bits];
	while (padded.length % 8 !== 0) padded.push(0);
	return fnv1a(bitsToBytes(padded)) & 0xfffff;
}

/** The canonical code (20 characters, no hyphens). `version` is for tests of newer codes. */
export function encodeQuizCode(quiz: ClassQuiz, version = QUIZ_CODE_VERSION): string {
	const w = payloadBits(quiz, version);
	w.write(checksumOf(w.padded(1)), CHECK_BITS);
	return toBase32(w.padded(5));
}

export const formatQuizCode = (code: string) => grouped(code, 4);

/** The id results refer to: 7 characters, a hash of the canonical code. */
export function quizIdOf(code: string): string {
	return toBase32(new BitWriter().write(fnv1a(code), 32).write(0, 3).padded(5));
}

export interface ReadQuiz {
	code: string;
	id: string;
	quiz: ClassQuiz;
}

/**
 * Reads a quiz code as typed (any case, with or without hyphens and spaces).
 * `decks` are the bundled deck ids; the message says what is wrong in plain words.
 */
export function decodeQuizCode(text: string, decks: readonly string[]): Decoded<ReadQuiz> {
	const norm = normalizeBase32(text);
	if (!norm.ok)
		return { ok: false, message: `This is not a quiz code: it has characters a quiz code never has (${norm.bad}).` };
	const code = norm.code;
	if (code === '') return { ok: false, message: 'There is no quiz code: type the code shown by your teacher.' };
	if (/^R\d/.test(code) && code.length > QUIZ_CODE_LENGTH)
		return { ok: false, message: 'This is a student’s result code, not a quiz code.' };
	const tooLong = {
		ok: false as const,
		message: `This is not a quiz code: it has ${code.length} characters, and a quiz code has ${QUIZ_CODE_LENGTH}.`
	};
	if (code.length > MAX_ANY_QUIZ_CODE) return tooLong;
	const bits = fromBase32(code);
	const version = new BitReader(bits).read(5);
	// Every version ends with this checksum, so a code from a newer app is told from a cut or garbled one.
	const checksumOk =
		bits.length > CHECK_BITS &&
		checksumOf(bits.slice(0, -CHECK_BITS)) === new BitReader(bits.slice(-CHECK_BITS)).read(CHECK_BITS);
	if (checksumOk && version > QUIZ_CODE_VERSION)
		return {
			ok: false,
			message: `This quiz was made with a newer version of the app (code version ${version}). Update the app (reload it while online), then open the quiz again.`
		};
	if (code.length < QUIZ_CODE_LENGTH)
		return {
			ok: false,
			message: `This quiz code is cut short: it has ${code.length} of its ${QUIZ_CODE_LENGTH} characters. Check it against the code shown by your teacher.`
		};
	if (code.length > QUIZ_CODE_LENGTH) return tooLong;
	if (!checksumOk)
		return {
			ok: false,
			message:
				'This quiz code is not right: a character is mistyped or the link was changed. Check it against the code shown by your teacher.'
		};
	const r = new BitReader(bits);
	const [v, deck, count, types, countries, themes, order, timer, seed] = FIELD_BITS.map((width) => r.read(width)) as [
		number,
		number,
		number,
		number,
		number,
		number,
		number,
		number,
		number
	];
	if (v !== QUIZ_CODE_VERSION) return { ok: false, message: 'This quiz code is not one this app can read.' };
	const deckId = decks.find((id) => deckHash(id) === deck);
	if (!deckId)
		return {
			ok: false,
			message:
				"This quiz uses a deck this app does not have. If your teacher made it from their own deck, open it from the teacher's link or QR code: the code alone does not carry the questions. Otherwise update the app (reload it while online), then try again."
		};
	if (timer >= TIMER_CHOICES.length || types === 0 || countries === 0 || themes === 0)
		return { ok: false, message: 'This quiz code is not one this app can read.' };
	return {
		ok: true,
		value: {
			code,
			id: quizIdOf(code),
			quiz: {
				deckId,
				count: count === 0 ? 'all' : count,
				types: typesOf(types),
				countries: unmask(countries, COUNTRIES),
				themes: unmask(themes, THEMES),
				order: order === 1 ? 'source' : 'shuffled',
				timer: TIMER_CHOICES[timer]!,
				seed
			}
		}
	};
}

/** The practice-quiz config that builds the same quiz (feedback comes at the end in class). */
export function quizConfigOf(quiz: ClassQuiz): QuizConfig {
	return {
		deckId: quiz.deckId,
		count: quiz.count,
		countries: [...quiz.countries],
		themes: [...quiz.themes],
		types: classTypes(quiz.types),
		order: quiz.order,
		feedback: 'end',
		seed: `class-${quiz.seed.toString(36)}`
	};
}

/**
 * What goes after `#`: the code, the title when there is one (the link carries it; the typed code cannot),
 * and, for a quiz made from a user's deck, its questions (`d`, see carried.ts).
 */
export function quizFragment(code: string, title = '', carried?: string): string {
	const params = new URLSearchParams({ q: formatQuizCode(code) });
	const t = cleanLine(title, MAX_TITLE);
	if (t) params.set('t', t);
	if (carried) params.set('d', carried);
	return params.toString();
}

/**
 * The code, title and carried questions in a location hash (`#q=…&t=…&d=…`); the code is undefined when
 * the hash has none. Anyone can edit a link, so the title is cleaned like a student's name before any
 * page shows it (the questions are checked when they are unpacked).
 */
export function readFragment(hash: string): { code?: string; title: string; carried?: string } {
	const params = new URLSearchParams(hash.replace(/^#/, ''));
	const code = params.get('q') ?? undefined;
	const carried = params.get('d') ?? undefined;
	return {
		...(code !== undefined ? { code } : {}),
		title: cleanLine(params.get('t') ?? '', MAX_TITLE),
		...(carried !== undefined ? { carried } : {})
	};
}

/** A 32-bit seed from the time and a counter: the app has no unseeded randomness. */
export function seedFrom(now: number, salt = 0): number {
	return fnv1a(`${now}|${salt}`);
}
