/**
 * The result code a student shows the teacher: which quiz, who, when, and every
 * answer, checksummed. Only the quiz's own plan can read the answers (an answer is
 * stored as a position among the options the plan showed), so a code is read
 * against the quiz it claims to belong to.
 *
 * Text: "R" + version (one base32 character, 1) + base32 of the bytes
 *   [FNV-1a-32 of (version byte + payload), 4 bytes][payload]
 * Payload bits: 32 quiz id · 16 plan hash (the question keys, so two app versions with
 * different banks cannot be mixed up) · 32 finished at (minutes since 1970) ·
 * 6 name length in bytes + the name (UTF-8) · 10 question count · each answer:
 *   multiple choice 3 bits (0 none, 1 + option shown) · true/false 2 (0 none, 1 true, 2 false)
 *   typed 7 bits length + UTF-8 · matching 3 bits per left item (0 none, 1 + right shown)
 *   ordering 1 bit answered + 3 bits per position (the item shown at that index)
 *   map 4 bits (0 none, 1 + the index of the country or place tapped, in the question's own order).
 */
import type { PlannedQuestion, QuizPlan } from '$lib/quiz/build';
import type { Given, MatchingGiven } from '$lib/quiz/answers';
import {
	BitReader,
	BitWriter,
	OutOfBits,
	bitsToBytes,
	bytesToBits,
	cleanLine,
	fnv1a,
	fromBase32,
	normalizeBase32,
	toBase32,
	utf8Capped,
	withoutInvisible
} from './bits';
import { QUIZ_CODE_LENGTH, type Decoded } from './quizcode';

export const RESULT_CODE_VERSION = 1;
/** The most a code can carry of a name (its length field is 6 bits). */
export const MAX_NAME_BYTES = 63;
/** The longest name, in graphemes (user-perceived characters: "é" or "👩‍👩‍👧" is one). */
export const MAX_NAME_LENGTH = 40;
export const MAX_TYPED_BYTES = 127;

export interface StudentResult {
	/** The quiz id (7 characters, from the quiz code). */
	quizId: string;
	name: string;
	/** Epoch ms, to the minute. */
	finishedAt: number;
	/** What was given to each question of the plan, in its order; null when nothing was. */
	given: (Given | null)[];
}

/**
 * A name as kept and shown: one clean line (see cleanLine) of at most 40 graphemes and at
 * most the 63 UTF-8 bytes a code carries, so the student sees the name the teacher will read.
 */
export function cleanName(name: string): string {
	return cleanLine(name, MAX_NAME_LENGTH, MAX_NAME_BYTES);
}

/** Two results are from the same student when their names match this key. */
export const studentKey = (name: string) => cleanName(name).toLocaleLowerCase();

const idNumber = (quizId: string) => new BitReader(fromBase32(quizId)).read(32);

export function planHash(plan: QuizPlan): number {
	return fnv1a(plan.questions.map((q) => q.key).join('\n')) & 0xffff;
}

function writeAnswer(w: BitWriter, planned: PlannedQuestion, given: Given | null) {
	const q = planned.question;
	switch (q.type) {
		case 'multiple-choice': {
			const i = typeof given === 'string' ? planned.shown.indexOf(given) : -1;
			w.write(i + 1, 3);
			break;
		}
		case 'true-false':
			w.write(given === true ? 1 : given === false ? 2 : 0, 2);
			break;
		case 'typed': {
			const bytes = utf8Capped(typeof given === 'string' ? given.trim() : '', MAX_TYPED_BYTES);
			w.write(bytes.length, 7).writeBytes(bytes);
			break;
		}
		case 'matching': {
			const pairs = new Map(Array.isArray(given) ? (given as MatchingGiven) : []);
			for (const [left] of q.pairs) {
				const right = pairs.get(left);
				w.write(right === undefined ? 0 : planned.shown.indexOf(right) + 1, 3);
			}
			break;
		}
		case 'ordering': {
			const order = Array.isArray(given) && given.length === q.items.length ? (given as string[]) : undefined;
			const indices = order?.map((item) => planned.shown.indexOf(item));
			if (!indices || indices.some((i) => i < 0)) w.write(0, 1);
			else {
				w.write(1, 1);
				for (const i of indices) w.write(i, 3);
			}
			break;
		}
		case 'map':
			w.write(typeof given === 'number' ? given + 1 : 0, 4);
			break;
	}
}

/** The most bits writeAnswer can write for a question. */
function maxAnswerBits(planned: PlannedQuestion): number {
	const q = planned.question;
	switch (q.type) {
		case 'multiple-choice':
			return 3;
		case 'true-false':
			return 2;
		case 'typed':
			return 7 + MAX_TYPED_BYTES * 8;
		case 'matching':
			return 3 * q.pairs.length;
		case 'ordering':
			return 1 + 3 * q.items.length;
		case 'map':
			return 4;
	}
}

function readAnswer(r: BitReader, planned: PlannedQuestion): Given | null {
	const q = planned.question;
	switch (q.type) {
		case 'multiple-choice': {
			const i = r.read(3);
			if (i > planned.shown.length) throw new RangeError('option');
			return i === 0 ? null : planned.shown[i - 1]!;
		}
		case 'true-false': {
			const v = r.read(2);
			if (v > 2) throw new RangeError('truth');
			return v === 0 ? null : v === 1;
		}
		case 'typed': {
			const n = r.read(7);
			if (n === 0) return null;
			return new TextDecoder('utf-8', { fatal: true }).decode(r.readBytes(n));
		}
		case 'matching': {
			const pairs: MatchingGiven = [];
			for (const [left] of q.pairs) {
				const i = r.read(3);
				if (i > planned.shown.length) throw new RangeError('pair');
				if (i > 0) pairs.push([left, planned.shown[i - 1]!]);
			}
			return pairs.length > 0 ? pairs : null;
		}
		case 'ordering': {
			if (r.read(1) === 0) return null;
			return q.items.map(() => {
				const i = r.read(3);
				if (i >= planned.shown.length) throw new RangeError('item');
				return planned.shown[i]!;
			});
		}
		case 'map': {
			const i = r.read(4);
			if (i > (q.choicesOnMap?.length ?? 0)) throw new RangeError('map choice');
			return i === 0 ? null : i - 1;
		}
	}
}

/** FNV-1a of the version byte and the payload (not spread into arguments: a pasted code can be any length). */
function checksumOf(version: number, payload: Uint8Array): number {
	const bytes = new Uint8Array(payload.length + 1);
	bytes[0] = version;
	bytes.set(payload, 1);
	return fnv1a(bytes);
}

/** The code for a student's answers to a plan (given in the plan's order). */
export function encodeResultCode(
	quizId: string,
	plan: QuizPlan,
	name: string,
	given: readonly (Given | null)[],
	finishedAt: number,
	version = RESULT_CODE_VERSION
): string {
	const nameBytes = utf8Capped(cleanName(name), MAX_NAME_BYTES);
	const w = new BitWriter()
		.write(idNumber(quizId), 32)
		.write(planHash(plan), 16)
		.write(Math.floor(finishedAt / 60_000), 32)
		.write(nameBytes.length, 6)
		.writeBytes(nameBytes)
		.write(plan.questions.length, 10);
	plan.questions.forEach((planned, i) => writeAnswer(w, planned, given[i] ?? null));
	const payload = w.bytes();
	const check = checksumOf(version, payload);
	const bytes = Uint8Array.of(check >>> 24, (check >>> 16) & 0xff, (check >>> 8) & 0xff, check & 0xff, ...payload);
	const bits = bytesToBits(bytes);
	while (bits.length % 5 !== 0) bits.push(0);
	return `R${toBase32(new BitWriter().write(version, 5).padded(5))}${toBase32(bits)}`;
}

/**
 * Splits pasted text into candidate codes: one per line, or separated by spaces, commas or
 * semicolons. Invisible characters are dropped, so a code shown back is never reordered by one.
 */
export function splitCodes(text: string): string[] {
	return withoutInvisible(text)
		.split(/[\s,;]+/)
		.map((s) => s.trim())
		.filter(Boolean);
}

const HEADER_BITS = 32 + 16 + 32 + 6;
const CUT_SHORT = 'This result code is cut short: part of it is missing. Copy or scan it again.';

/**
 * Reads a result code against the quiz it should belong to. Each refusal says why:
 * not a result code, from a newer app, cut short, damaged, or for another quiz.
 */
export function decodeResultCode(text: string, quizId: string, plan: QuizPlan): Decoded<StudentResult> {
	const norm = normalizeBase32(text);
	if (!norm.ok)
		return {
			ok: false,
			message: `This is not a result code: it has characters a result code never has (${norm.bad}).`
		};
	const code = norm.code;
	if (code === '') return { ok: false, message: 'The code is empty.' };
	if (!code.startsWith('R')) {
		return code.length === QUIZ_CODE_LENGTH
			? { ok: false, message: 'This is a quiz code, not a student’s result code.' }
			: { ok: false, message: 'This is not a result code: result codes start with R.' };
	}
	if (code.length < 2) return { ok: false, message: CUT_SHORT };
	const version = fromBase32(code[1]!).reduce((v, b) => v * 2 + b, 0);
	// Text longer than any result of this quiz is refused before it is read (a paste can be megabytes).
	const maxBits = 32 + HEADER_BITS + MAX_NAME_BYTES * 8 + 10 + plan.questions.reduce((n, p) => n + maxAnswerBits(p), 0);
	if (version === RESULT_CODE_VERSION && code.length > 2 + Math.ceil((Math.ceil(maxBits / 8) * 8) / 5))
		return { ok: false, message: 'This is not a result code of this quiz: it is longer than any result of it can be.' };
	const bits = fromBase32(code.slice(2));
	const bytes = bitsToBytes(bits);
	const payload = bytes.slice(4);
	const stored = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
	const pad = bits.slice(bytes.length * 8);
	// Every version keeps this frame (R, version, checksum of version and payload), so a
	// newer code is told from a damaged one by its checksum.
	const checksumOk = bytes.length >= 4 && stored === checksumOf(version, payload) && pad.every((b) => b === 0);
	if (version !== RESULT_CODE_VERSION) {
		if (!checksumOk)
			return {
				ok: false,
				message: 'This result code is damaged or cut short: it does not hold together. Copy or scan it again.'
			};
		return version > RESULT_CODE_VERSION
			? {
					ok: false,
					message: `This result code was made by a newer version of the app (version ${version}). Update the app here, then add it again.`
				}
			: { ok: false, message: 'This is not a result code this app can read.' };
	}
	if (bytes.length < 4 + Math.ceil(HEADER_BITS / 8)) return { ok: false, message: CUT_SHORT };
	const parsed = parsePayload(payload, plan);
	if (!checksumOk) {
		if (parsed === 'short') return { ok: false, message: CUT_SHORT };
		return {
			ok: false,
			message: 'This result code is damaged: a character was changed or mistyped. Copy or scan it again.'
		};
	}
	if (parsed === 'short' || parsed === 'bad')
		return { ok: false, message: 'This result code is damaged: its answers cannot be read.' };
	if (parsed.quizId !== quizId)
		return { ok: false, message: `This result is for another quiz (${parsed.quizId}), not this one (${quizId}).` };
	if (parsed.planHash !== planHash(plan) || parsed.count !== plan.questions.length)
		return {
			ok: false,
			message:
				'This result was made with a different version of the question bank. Ask everyone to update the app, then take the quiz again.'
		};
	if (parsed.name === '') return { ok: false, message: 'This result code has no student name.' };
	return {
		ok: true,
		value: { quizId: parsed.quizId, name: parsed.name, finishedAt: parsed.finishedAt, given: parsed.given }
	};
}

function parsePayload(payload: Uint8Array, plan: QuizPlan) {
	const r = new BitReader(bytesToBits(payload));
	try {
		const quizId = toBase32(new BitWriter().write(r.read(32), 32).write(0, 3).padded(5));
		const hash = r.read(16);
		const finishedAt = r.read(32) * 60_000;
		const name = cleanName(new TextDecoder('utf-8', { fatal: true }).decode(r.readBytes(r.read(6))));
		const count = r.read(10);
		// Another quiz's answers cannot be read with this plan: stop at the header.
		if (hash !== planHash(plan) || count !== plan.questions.length)
			return { quizId, planHash: hash, finishedAt, name, count, given: [] as (Given | null)[] };
		const given = plan.questions.map((planned) => readAnswer(r, planned));
		// Only the padding to a whole byte may be left.
		if (r.remaining >= 8) return 'bad' as const;
		return { quizId, planHash: hash, finishedAt, name, count, given };
	} catch (error) {
		return error instanceof OutOfBits ? ('short' as const) : ('bad' as const);
	}
}
