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
		if (!Number.isInteger(value) || value < 0 || value >= 2 ** width) throw new RangeError(`${value} does not fit in ${width} bits`);
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
 * A code as typed or pasted, made canonical: upper case, without spaces or hyphens,
 * I and L read as 1, O as 0. Returns the characters that are not base32 when there are any.
 */
export function normalizeBase32(text: string): { ok: true; code: string } | { ok: false; bad: string[] } {
	const code = text
		.toUpperCase()
		.replace(/[\s-]+/g, '')
		.replace(/[IL]/g, '1')
		.replace(/O/g, '0');
	const bad = [...new Set([...code].filter((c) => !CROCKFORD.includes(c)))];
	return bad.length > 0 ? { ok: false, bad } : { ok: true, code };
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

/** A string's UTF-8 bytes, cut at a character boundary to at most `max` bytes. */
export function utf8Capped(text: string, max: number): Uint8Array {
	const encoder = new TextEncoder();
	let out = new Uint8Array(0);
	let used = 0;
	const parts: Uint8Array[] = [];
	for (const ch of text) {
		const b = encoder.encode(ch);
		if (used + b.length > max) break;
		parts.push(b);
		used += b.length;
	}
	out = new Uint8Array(used);
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

/** Groups a code for reading aloud or typing: XXXX-XXXX-… */
export function grouped(code: string, size = 4): string {
	return code.match(new RegExp(`.{1,${size}}`, 'g'))?.join('-') ?? '';
}
