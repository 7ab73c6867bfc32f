/**
 * The building blocks of the classroom codes: a bit writer and reader, Crockford
 * base32 (no I, L, O or U; read case-insensitively, with I and L taken as 1 and O as 0),
 * and the FNV-1a hash used for checksums and ids.
 */

export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Thrown by the reader when the data ends before a field does. */
export class OutOfBits extends Error {
	constructor() {
		super('The code ends too early.');
	}
}

export class BitWriter {
	private readonly bits: number[] = [];

	/** Writes `width` bits (at most 32) of a whole number, most significant first. */
	write(value: number, width: number): this {
		if (!Number.isInteger(value) || value < 0 || value >= 2 ** width)
			throw new RangeError(`${value} does not fit in ${width} bits`);
		for (let i = width - 1; i >= 0; i--) this.bits.push(Math.floor(value / 2 ** i) % 2);
		return this;
	}

	writeBytes(bytes: Uint8Array): this {
		for (const b of bytes) this.write(b, 8);
		return this;
	}

	get length(): number {
		return this.bits.length;
	}

	/** The bits, padded with zeros to a whole number of `unit`-bit groups. */
	padded(unit: number): number[] {
		const out = [...this.bits];
		while (out.length % unit !== 0) out.push(0);
		return out;
	}

	/** The bits as bytes (zero-padded). */
	bytes(): Uint8Array {
		return bitsToBytes(this.padded(8));
	}
}

export class BitReader {
	private at = 0;
	constructor(private readonly bits: readonly number[]) {}

	read(width: number): number {
		if (this.at + width > this.bits.length) throw new OutOfBits();
		let value = 0;
		for (let i = 0; i < width; i++) value = value * 2 + this.bits[this.at++]!;
		return value;
	}

	readBytes(n: number): Uint8Array {
		const out = new Uint8Array(n);
		for (let i = 0; i < n; i++) out[i] = this.read(8);
		return out;
	}

	get remaining(): number {
		return this.bits.length - this.at;
	}
}

export function bitsToBytes(bits: readonly number[]): Uint8Array {
	const out = new Uint8Array(Math.floor(bits.length / 8));
	for (let i = 0; i < out.length; i++) {
		let b = 0;
		for (let j = 0; j < 8; j++) b = b * 2 + bits[i * 8 + j]!;
		out[i] = b;
	}
	return out;
}

export function bytesToBits(bytes: Uint8Array): number[] {
	const bits: number[] = [];
	for (const b of bytes) for (let i = 7; i >= 0; i--) bits.push((b >> i) & 1);
	return bits;
}

/** Bits (a multiple of 5) as Crockford base32. */
export function toBase32(bits: readonly number[]): string {
	let out = '';
	for (let i = 0; i + 5 <= bits.length; i += 5) {
		let v = 0;
		for (let j = 0; j < 5; j++) v = v * 2 + bits[i + j]!;
		out += CROCKFORD[v];
	}
	return out;
}

/**
 * Invisible characters that come along when a code is copied out of a chat or a document:
 * format characters (zero-width spaces, bidirectional marks, soft hyphens) and controls
 * other than white space.
 */
const INVISIBLE = /\p{Cf}|(?!\s)\p{Cc}/gu;
export const withoutInvisible = (text: string) => text.replace(INVISIBLE, '');

/** A character as a message quotes it: itself in quotes, or its U+ number when it would not show (a mark, a space, a control, half a pair). */
function quoted(c: string): string {
	return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(c)
		? `"${c}"`
		: `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
const MAX_QUOTED = 5;

/**
 * A code as typed or pasted, made canonical: upper case, without spaces, hyphens or invisible
 * characters, I and L read as 1, O as 0. When some characters are not base32, returns them
 * (the first few, quoted for a message).
 */
export function normalizeBase32(text: string): { ok: true; code: string } | { ok: false; bad: string } {
	const code = withoutInvisible(text)
		.replace(/[a-z]/g, (c) => c.toUpperCase())
		.replace(/[\s-]+/g, '')
		.replace(/[IL]/g, '1')
		.replace(/O/g, '0');
	const bad = [...new Set([...code].filter((c) => !CROCKFORD.includes(c)))];
	if (bad.length === 0) return { ok: true, code };
	return { ok: false, bad: bad.slice(0, MAX_QUOTED).map(quoted).join(', ') + (bad.length > MAX_QUOTED ? ', …' : '') };
}

/** The bits of a canonical base32 string (every character valid). */
export function fromBase32(code: string): number[] {
	const bits: number[] = [];
	for (const c of code) {
		const v = CROCKFORD.indexOf(c);
		for (let i = 4; i >= 0; i--) bits.push((v >> i) & 1);
	}
	return bits;
}

/** 32-bit FNV-1a of bytes (or of a string's UTF-8 bytes). */
export function fnv1a(data: Uint8Array | string): number {
	const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
	let h = 0x811c9dc5;
	for (const b of bytes) {
		h ^= b;
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

const segmenter =
	typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : undefined;

/**
 * A text's user-perceived characters (grapheme clusters: a letter with its accents, an emoji
 * with its skin tone or its joined family), one after the other. Browsers without
 * Intl.Segmenter (Firefox before 125) get code points.
 */
function* graphemes(text: string): Generator<string> {
	if (!segmenter) yield* text;
	else for (const s of segmenter.segment(text)) yield s.segment;
}

/** The longest start of `text` made of whole graphemes, at most `maxGraphemes` of them and at most `maxBytes` UTF-8 bytes. */
export function capText(text: string, maxBytes: number, maxGraphemes = Infinity): string {
	const encoder = new TextEncoder();
	let out = '';
	let bytes = 0;
	let count = 0;
	for (const g of graphemes(text)) {
		bytes += encoder.encode(g).length;
		if (count === maxGraphemes || bytes > maxBytes) break;
		out += g;
		count++;
	}
	return out;
}

/** A string's UTF-8 bytes, cut at a grapheme boundary to at most `max` bytes. */
export function utf8Capped(text: string, max: number): Uint8Array {
	return new TextEncoder().encode(capText(text, max));
}

/**
 * Bidirectional controls (marks, embeddings, overrides, isolates): in a name they would
 * reorder the text shown after it, so "Aida" could read as someone else's score.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Control characters other than white space, and unpaired surrogates. */
const CONTROLS = /[\p{Cc}\p{Cs}]/gu;
/** More than this many accents on one letter ("Zalgo" text) spill over the lines above and below. */
const MAX_MARKS = 4;
const PILED_MARKS = new RegExp(`(\\p{M}{${MAX_MARKS}})\\p{M}+`, 'gu');

/**
 * Text typed by someone else, made safe to show as one line: any white space a single space,
 * no control or bidirectional characters, NFC, at most MAX_MARKS accents on a letter, trimmed,
 * and cut at a grapheme boundary to `maxGraphemes` and `maxBytes` (UTF-8).
 */
export function cleanLine(text: string, maxGraphemes: number, maxBytes = Infinity): string {
	const line = text
		.replace(/\s/g, ' ')
		.replace(CONTROLS, '')
		.replace(BIDI_CONTROLS, '')
		.normalize('NFC')
		.replace(PILED_MARKS, '$1')
		.replace(/ {2,}/g, ' ')
		.trim();
	return capText(line, maxBytes, maxGraphemes).trimEnd();
}

/** Groups a code for reading aloud or typing: XXXX-XXXX-… */
export function grouped(code: string, size = 4): string {
	return code.match(new RegExp(`.{1,${size}}`, 'g'))?.join('-') ?? '';
}
