/**
 * A deck carried whole in a link: `<origin>/decks/open#d1.<data>`. It rides in the fragment, which a
 * browser never sends to a server, so sharing a deck needs no server and tells none what is in it.
 *
 * `d1.` is the format's version. `<data>` is base64url (no padding) of these bytes:
 *   - CRC-32 (big-endian) of all the bytes after it: a link edited by hand, or mangled on its way,
 *     is refused before anything is unpacked;
 *   - the length of the packed deck (an unsigned LEB128 number): a link cut short says so, and by how much;
 *   - the length of the deck's JSON in bytes (LEB128): a deck over the limit is refused unread, and
 *     unpacking stops as soon as the output passes the stated length;
 *   - the deck as UTF-8 JSON, compressed with CompressionStream('deflate-raw').
 * What comes out is checked with SharedDeckSchema (valibot) before the app sees it.
 *
 * Every refusal is a ShareLinkError whose `reason` names the cause and whose message says it in plain
 * words; nothing else is thrown.
 */
import * as v from 'valibot';
import { QuestionSchema } from '$lib/content/schema';

export const SHARE_FORMAT_VERSION = 1;

/**
 * The largest deck a link may carry, as JSON bytes once unpacked. Far above what a link can usefully
 * carry (a QR code holds a few thousand characters; messaging apps cut long links), it is there to bound
 * the memory an opened link can take.
 */
export const MAX_SHARED_DECK_BYTES = 1024 * 1024;

/** A fragment longer than this cannot hold a deck within the limit (deflate never grows data by more than 1%). */
const MAX_FRAGMENT_CHARS = Math.ceil(((MAX_SHARED_DECK_BYTES * 1.01 + 64) * 4) / 3);

/**
 * Compressed input goes to the decompressor in slices this small, each unpacked before the next is
 * given: deflate expands a byte to at most 1032, so output can overshoot the limit by about a MB at
 * most, however the browser schedules its stream (one big chunk would be unpacked whole at once).
 */
const INFLATE_SLICE_BYTES = 1024;

/**
 * The most bytes of a link that still fit in a QR code at error correction level M, the level the
 * app's QrCode component asks uqr for: version 40 (177 × 177 modules) holds 2,334 data codewords at M,
 * less the byte mode's 4-bit mode indicator and 16-bit length (uqr exports no such figure; the tests
 * check it against uqr's encoder). M, not L (2,953 bytes), because M's 15% recovery is what lets a
 * phone read a dense code off a glossy screen or a projector, and because that is the level the
 * component draws. A link is always in byte mode: base64url holds lower-case letters and `_`.
 */
export const QR_MAX_BYTES = 2331;

/** Messages in plain words for the preview, instead of valibot's defaults written for developers. */
const text = v.string('must be text');
const nonBlank = v.pipe(
	text,
	v.check((value) => value.trim() !== '', 'must not be empty')
);
const objectMessage = (what: string) => (issue: v.ObjectIssue) =>
	issue.expected === 'Object' ? `must be ${what}` : 'is missing';

export const SharedCardSchema = v.object(
	{
		front: nonBlank,
		back: nonBlank,
		tags: v.array(text, 'must be a list of tags'),
		explanation: v.optional(text),
		/** Hand-written questions, kept with their card (as storage and the question generator take them). */
		questions: v.optional(v.array(QuestionSchema, 'must be a list of questions'))
	},
	objectMessage('a card')
);

/** A deck as a link carries it: its content only, nothing of storage (no ids, dates or study history). */
export const SharedDeckSchema = v.object(
	{
		title: nonBlank,
		description: v.optional(text),
		cards: v.pipe(v.array(SharedCardSchema, 'must be a list of cards'), v.minLength(1, 'has no card'))
	},
	objectMessage('a deck')
);

export type SharedCard = v.InferOutput<typeof SharedCardSchema>;
export type SharedDeck = v.InferOutput<typeof SharedDeckSchema>;

/**
 * Why a link is refused: `not-a-deck-link` (no deck link at all), `newer-version` (made by a newer app),
 * `cut-short` (characters missing at its end), `edited` (changed by hand or on its way), `too-large`
 * (a deck over MAX_SHARED_DECK_BYTES, or one that unpacks to more than it states), `invalid-deck`
 * (unpacked, but not a deck this app can open, or a deck that cannot be shared), `unsupported-browser`
 * (no CompressionStream with deflate-raw).
 */
export type ShareRefusal =
	'not-a-deck-link' | 'newer-version' | 'cut-short' | 'edited' | 'too-large' | 'invalid-deck' | 'unsupported-browser';

/** The only error this module throws (or rejects with). */
export class ShareLinkError extends Error {
	constructor(
		readonly reason: ShareRefusal,
		message: string
	) {
		super(message);
		this.name = 'ShareLinkError';
	}
}

/** The fragment (without `#`) that carries the deck. Rejects with ShareLinkError for a deck it cannot carry. */
export async function encodeShareFragment(deck: SharedDeck): Promise<string> {
	const checked = v.safeParse(SharedDeckSchema, deck);
	if (!checked.success)
		throw new ShareLinkError('invalid-deck', `This deck cannot be shared: ${describeIssue(checked.issues[0])}.`);
	const json = new TextEncoder().encode(JSON.stringify(checked.output));
	if (json.length > MAX_SHARED_DECK_BYTES)
		throw new ShareLinkError(
			'too-large',
			`This deck is too large to share by link: ${sizeText(json.length)}, over the limit of ${sizeText(MAX_SHARED_DECK_BYTES)}. Export it as a file instead.`
		);
	const packed = await deflateRaw(json);
	const rest = concatBytes([leb128(packed.length), leb128(json.length), packed]);
	return `d${SHARE_FORMAT_VERSION}.${toBase64Url(concatBytes([uint32(crc32(rest)), rest]))}`;
}

/**
 * The deck in a fragment, as `location.hash` gives it (with or without `#`; a whole pasted link works
 * too; whitespace, as where a long link was wrapped, is ignored). Rejects with ShareLinkError.
 */
export async function decodeShareFragment(fragment: string): Promise<SharedDeck> {
	const text = fragment.slice(fragment.indexOf('#') + 1).replace(/\s+/g, '');
	const match = /^d(\d{1,6})\.(.*)$/.exec(text);
	if (!match) {
		throw new ShareLinkError(
			'not-a-deck-link',
			text === ''
				? 'This link carries no deck: there is nothing after its #.'
				: `This is not a deck link: what follows its # does not start with "d${SHARE_FORMAT_VERSION}.".`
		);
	}
	const version = Number(match[1]);
	if (version > SHARE_FORMAT_VERSION)
		throw new ShareLinkError(
			'newer-version',
			`This deck link was made by a newer version of the app (link format ${version}). Update the app (reload it while online), then open the link again.`
		);
	if (version < 1)
		throw new ShareLinkError('not-a-deck-link', `This is not a deck link: there is no deck link format ${version}.`);
	if (text.length > MAX_FRAGMENT_CHARS)
		throw new ShareLinkError(
			'too-large',
			`This deck link is too long to open: ${text.length.toLocaleString('en')} characters, more than a deck within the limit of ${sizeText(MAX_SHARED_DECK_BYTES)} can take.`
		);
	const data = match[2]!;
	const foreign = [...new Set(data.match(/[^A-Za-z0-9_-]/g))];
	if (foreign.length > 0)
		throw edited(`it has characters a deck link never has (${foreign.map((c) => JSON.stringify(c)).join(', ')})`);

	const body = fromBase64Url(data);
	const packedLength = readLeb128(body, 4);
	const jsonLength = packedLength && readLeb128(body, packedLength.end);
	if (!packedLength || !jsonLength) {
		if (packedLength === null || jsonLength === null) throw edited('its header is not one this app writes');
		throw new ShareLinkError(
			'cut-short',
			'This deck link is cut short: it ends before its deck begins. Copy the whole link again.'
		);
	}
	const expected = jsonLength.end + packedLength.value;
	if (body.length < expected) {
		const prefixLength = text.length - data.length;
		throw new ShareLinkError(
			'cut-short',
			`This deck link is cut short: it has ${text.length.toLocaleString('en')} of its ${(prefixLength + Math.ceil((expected * 4) / 3)).toLocaleString('en')} characters. Copy the whole link again.`
		);
	}
	if (body.length > expected) throw edited('it has characters after the end of its deck');
	const checksum = new DataView(body.buffer, body.byteOffset).getUint32(0);
	if (crc32(body.subarray(4)) !== checksum)
		throw edited('its check does not match, so characters were changed, added or removed');
	if (jsonLength.value > MAX_SHARED_DECK_BYTES)
		throw new ShareLinkError(
			'too-large',
			`This deck link holds a deck too large to open: ${sizeText(jsonLength.value)}, over the limit of ${sizeText(MAX_SHARED_DECK_BYTES)}.`
		);

	const json = await inflateRaw(body.subarray(expected - packedLength.value), jsonLength.value);
	if (json === 'over-limit')
		throw new ShareLinkError(
			'too-large',
			`This deck link is too large: it unpacks to more than the ${sizeText(jsonLength.value)} it states, so it was not made by this app. Nothing more was unpacked.`
		);
	if (json === 'broken' || json.length !== jsonLength.value) throw edited('its deck does not unpack');
	let parsed: unknown;
	try {
		parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
	} catch {
		throw edited('its deck is not readable text');
	}
	const checked = v.safeParse(SharedDeckSchema, parsed);
	if (!checked.success)
		throw new ShareLinkError(
			'invalid-deck',
			`This deck link holds a deck the app cannot open: ${describeIssue(checked.issues[0])}.`
		);
	return checked.output;
}

/** The link that opens a shared deck: the page `/decks/open` of the app at `origin`, the deck in its fragment. */
export function shareUrl(origin: string, fragment: string): string {
	return `${origin.replace(/\/+$/, '')}/decks/open#${fragment.replace(/^#/, '')}`;
}

/** Whether the link fits in one QR code as the app draws them (level M; see QR_MAX_BYTES). */
export function fitsInQrCode(url: string): boolean {
	return new TextEncoder().encode(url).length <= QR_MAX_BYTES;
}

const edited = (cause: string) =>
	new ShareLinkError('edited', `This deck link was changed: ${cause}. Copy the link again from where it was shared.`);

const unsupported = () =>
	new ShareLinkError(
		'unsupported-browser',
		'This browser cannot pack or unpack deck links (it lacks CompressionStream with deflate-raw). Update it, or share the deck as a file.'
	);

const sizeText = (bytes: number) => `${(bytes / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} KB`;

/** Where in the deck a schema issue is, as `cards › 3 › front` (positions counted from 1), and what it is. */
function describeIssue(issue: v.BaseIssue<unknown> | undefined): string {
	const path = (issue?.path ?? []).map((item) =>
		typeof item.key === 'number' ? String(item.key + 1) : String(item.key)
	);
	return `${path.length > 0 ? path.join(' › ') : 'the deck'}: ${issue?.message ?? 'not a deck'}`;
}

async function deflateRaw(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
	let compressor: CompressionStream;
	try {
		compressor = new CompressionStream('deflate-raw');
	} catch {
		throw unsupported();
	}
	return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(compressor)).arrayBuffer());
}

/** The unpacked bytes; 'over-limit' as soon as they pass `limit` (the rest is never unpacked); 'broken' for data deflate cannot read. */
async function inflateRaw(packed: Uint8Array, limit: number): Promise<Uint8Array | 'over-limit' | 'broken'> {
	let decompressor: DecompressionStream;
	try {
		decompressor = new DecompressionStream('deflate-raw');
	} catch {
		throw unsupported();
	}
	let at = 0;
	// highWaterMark 0: a slice is handed over only when the decompressor asks for one.
	const slices = new ReadableStream<BufferSource>(
		{
			pull(controller) {
				if (at >= packed.length) controller.close();
				else controller.enqueue(packed.slice(at, (at += INFLATE_SLICE_BYTES)));
			}
		},
		{ highWaterMark: 0 }
	);
	const reader = slices.pipeThrough(decompressor).getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			total += value.length;
			if (total > limit) {
				await reader.cancel();
				return 'over-limit';
			}
			chunks.push(value);
		}
	} catch {
		return 'broken';
	}
	return concatBytes(chunks);
}

function concatBytes(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
	const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}

function uint32(value: number): Uint8Array {
	const out = new Uint8Array(4);
	new DataView(out.buffer).setUint32(0, value);
	return out;
}

/** A whole number as unsigned LEB128: 7 bits a byte, low bits first, the high bit set on all but the last. */
function leb128(value: number): Uint8Array {
	const out: number[] = [];
	let rest = value;
	while (rest >= 0x80) {
		out.push((rest % 0x80) | 0x80);
		rest = Math.floor(rest / 0x80);
	}
	out.push(rest);
	return Uint8Array.from(out);
}

/**
 * The LEB128 number at `start` and where it ends; undefined when the bytes end inside it (a cut link),
 * null when it runs past the 5 bytes a 32-bit length takes (not written by this app).
 */
function readLeb128(bytes: Uint8Array, start: number): { value: number; end: number } | undefined | null {
	let value = 0;
	for (let i = 0; i < 5; i++) {
		const byte = bytes[start + i];
		if (byte === undefined) return undefined;
		value += (byte & 0x7f) * 0x80 ** i;
		if (byte < 0x80) return { value, end: start + i + 1 };
	}
	return null;
}

let crcTable: Uint32Array | undefined;

/** CRC-32 as zip and gzip compute it (reflected polynomial 0xEDB88320). */
function crc32(bytes: Uint8Array): number {
	crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		return c;
	});
	let crc = 0xffffffff;
	for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

function toBase64Url(bytes: Uint8Array): string {
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Only base64url characters come here. A last lone character (6 bits, no whole byte) is where a cut fell: dropped. */
function fromBase64Url(text: string): Uint8Array {
	const whole = text.length % 4 === 1 ? text.slice(0, -1) : text;
	const binary = atob(whole.replace(/-/g, '+').replace(/_/g, '/'));
	return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
