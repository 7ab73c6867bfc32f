// Codes no app made, written bit by bit from the documented formats, for the unit and browser
// tests of what the decoders do with them. Imports nothing but the bit helpers, so Playwright can load it.
import { BitWriter, bitsToBytes, bytesToBits, fnv1a, fromBase32, toBase32 } from '../src/lib/classroom/bits';

/** A quiz code as a newer app could make it: its version, some payload, and the checksum every version ends with. */
export function futureQuizCode(version: number, payloadBits: number): string {
	const w = new BitWriter().write(version, 5);
	for (let i = 0; i < payloadBits; i++) w.write(i % 3 === 0 ? 1 : 0, 1);
	w.write(fnv1a(w.bytes()) & 0xfffff, 20);
	return toBase32(w.padded(5));
}

/**
 * A version-1 result code with its name's bytes replaced by `raw` (exactly as many bytes as the
 * name it had), checksummed again: what a hand-edited code can carry past the student's app.
 */
export function withRawName(code: string, raw: Uint8Array): string {
	const bytes = bitsToBytes(fromBase32(code.slice(2)));
	const bits = bytesToBits(bytes.slice(4));
	const nameAt = 32 + 16 + 32 + 6;
	bits.splice(nameAt, raw.length * 8, ...bytesToBits(raw));
	const payload = bitsToBytes(bits);
	const check = fnv1a(Uint8Array.of(1, ...payload));
	const all = bytesToBits(
		Uint8Array.of(check >>> 24, (check >>> 16) & 0xff, (check >>> 8) & 0xff, check & 0xff, ...payload)
	);
	while (all.length % 5 !== 0) all.push(0);
	return `R1${toBase32(all)}`;
}
