import { Buffer } from 'node:buffer';
import { crc32, deflateRawSync } from 'node:zlib';
import { encode as encodeQr } from 'uqr';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { loadDecks } from '$lib/content/load';
import { randomDeck } from './random-deck';
import {
	decodeShareFragment,
	encodeShareFragment,
	fitsInQrCode,
	MAX_SHARED_DECK_BYTES,
	QR_MAX_BYTES,
	ShareLinkError,
	shareUrl,
	type ShareRefusal,
	type SharedDeck
} from './share';

/** A fragment framed as the module's comment describes, written with Node's own base64url and CRC-32. */
function frame(packed: Uint8Array, statedJsonBytes: number): string {
	const leb128 = (n: number) => {
		const bytes: number[] = [];
		for (; n >= 128; n = Math.floor(n / 128)) bytes.push(128 + (n % 128));
		return [...bytes, n];
	};
	const rest = Buffer.concat([Buffer.from(leb128(packed.length)), Buffer.from(leb128(statedJsonBytes)), packed]);
	const check = Buffer.alloc(4);
	check.writeUInt32BE(crc32(rest));
	return `d1.${Buffer.concat([check, rest]).toString('base64url')}`;
}

const framedText = (text: string) => frame(deflateRawSync(text), Buffer.byteLength(text));

async function refusal(fragment: string | Promise<unknown>): Promise<ShareLinkError> {
	const error: unknown = await (typeof fragment === 'string' ? decodeShareFragment(fragment) : fragment).then(
		() => undefined,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(ShareLinkError);
	return error as ShareLinkError;
}

const deck: SharedDeck = {
	title: 'Capitals of Central Asia',
	description: 'Five capitals and their rivers.',
	cards: [
		{ front: 'Kazakhstan', back: 'Astana', tags: ['capital'], explanation: 'Capital since 1997.' },
		{ front: 'Uzbekistan', back: 'Tashkent', tags: ['capital', 'silk road'] }
	]
};

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('round trip', () => {
	test('a deck comes back as it went, behind a versioned base64url fragment', async () => {
		const fragment = await encodeShareFragment(deck);
		expect(fragment).toMatch(/^d1\.[A-Za-z0-9_-]+$/);
		expect(await decodeShareFragment(fragment)).toEqual(deck);
	});

	test('200 seeded random decks of awkward text, questions and all, come back equal', async () => {
		for (let i = 0; i < 200; i++) {
			const original = randomDeck(`share-${i}`, { spacedTags: true });
			expect(await decodeShareFragment(await encodeShareFragment(original)), `seed share-${i}`).toEqual(original);
		}
	});

	test('the fragment is read from location.hash, a whole pasted link, or a link wrapped over lines', async () => {
		const fragment = await encodeShareFragment(deck);
		const url = shareUrl('https://cards.example', fragment);
		const wrapped = `${url.slice(0, 40)}\n  ${url.slice(40)}  `;
		for (const input of [`#${fragment}`, url, wrapped]) expect(await decodeShareFragment(input)).toEqual(deck);
	});

	test('what is not part of a shared deck is left out: storage fields, the import line', async () => {
		const fromStorage = {
			...deck,
			id: 'u-123',
			cards: deck.cards.map((card, i) => ({ ...card, line: i + 1, id: `c${i}` }))
		};
		expect(await decodeShareFragment(await encodeShareFragment(fromStorage))).toEqual(deck);
	});
});

describe('links', () => {
	test('shareUrl opens /decks/open with the deck in the fragment', () => {
		expect(shareUrl('https://cards.example', 'd1.abc')).toBe('https://cards.example/decks/open#d1.abc');
		expect(shareUrl('https://cards.example/', '#d1.abc')).toBe('https://cards.example/decks/open#d1.abc');
	});

	test('QR_MAX_BYTES is the most uqr puts in one code at level M', () => {
		expect(encodeQr('a'.repeat(QR_MAX_BYTES), { ecc: 'M' }).version).toBe(40);
		expect(() => encodeQr('a'.repeat(QR_MAX_BYTES + 1), { ecc: 'M' })).toThrow('Data too long');
	});

	test('fitsInQrCode counts bytes, not characters', () => {
		expect(fitsInQrCode('a'.repeat(QR_MAX_BYTES))).toBe(true);
		expect(fitsInQrCode('a'.repeat(QR_MAX_BYTES + 1))).toBe(false);
		expect(fitsInQrCode('ж'.repeat(QR_MAX_BYTES / 2 + 1))).toBe(false);
	});

	test('a 20-card deck with tags (the bundled deck’s first cards) is shown as one QR code', async () => {
		const bank = loadDecks('questions').decks[0]!;
		const cards = bank.facts
			.flatMap((fact) => (fact.cards ?? []).map((card) => ({ ...card, tags: [...fact.countries, ...fact.themes] })))
			.slice(0, 20);
		const url = shareUrl('https://steppe-cards.example', await encodeShareFragment({ title: bank.title, cards }));
		expect(fitsInQrCode(url)).toBe(true);
		expect(() => encodeQr(url, { ecc: 'M' })).not.toThrow();
	});
});

describe('every refusal names its cause', () => {
	const cases: [string, () => Promise<string>, ShareRefusal, RegExp][] = [
		['an empty fragment', async () => '#', 'not-a-deck-link', /carries no deck: there is nothing after its #/],
		[
			'a classroom quiz link',
			async () => 'q=ABCD-EFGH',
			'not-a-deck-link',
			/not a deck link: .* does not start with "d1\."/
		],
		['format 0', async () => 'd0.AAAA', 'not-a-deck-link', /no deck link format 0/],
		[
			'a newer format',
			async () => 'd2.anything-at-all',
			'newer-version',
			/made by a newer version of the app \(link format 2\)\. Update the app/
		],
		['a link cut inside its header', async () => 'd1.AAAA', 'cut-short', /cut short: it ends before its deck begins/],
		[
			'characters a link never has',
			async () => `${await encodeShareFragment(deck)}).`,
			'edited',
			/changed: it has characters a deck link never has \("\)", "\."\)/
		],
		[
			'characters added at the end',
			async () => `${await encodeShareFragment(deck)}AAAA`,
			'edited',
			/changed: it has characters after the end of its deck/
		],
		[
			'one character changed',
			async () => {
				const fragment = await encodeShareFragment(deck);
				const at = Math.floor(fragment.length / 2);
				return fragment.slice(0, at) + (fragment[at] === 'A' ? 'B' : 'A') + fragment.slice(at + 1);
			},
			'edited',
			/changed: its check does not match/
		],
		[
			'a header this app never writes',
			async () => `d1.${Buffer.from([0, 0, 0, 0, 255, 255, 255, 255, 255, 1]).toString('base64url')}`,
			'edited',
			/header is not one this app writes/
		],
		[
			'packed data deflate cannot read',
			async () => frame(Uint8Array.from([255, 255, 255, 255]), 10),
			'edited',
			/its deck does not unpack/
		],
		[
			'a deck shorter than it states',
			async () => frame(deflateRawSync('{"title":"x"}'), 100),
			'edited',
			/its deck does not unpack/
		],
		[
			'bytes that are not UTF-8',
			async () => frame(deflateRawSync(Buffer.from([0xff, 0xfe])), 2),
			'edited',
			/not readable text/
		],
		['text that is not JSON', async () => framedText('title: x'), 'edited', /not readable text/],
		[
			'a deck stated larger than the limit',
			async () => frame(deflateRawSync('{}'), MAX_SHARED_DECK_BYTES + 1),
			'too-large',
			/too large to open: 1,024 KB, over the limit of 1,024 KB/
		],
		[
			'JSON that is not a deck',
			async () => framedText('"Astana"'),
			'invalid-deck',
			/deck the app cannot open: the deck: must be a deck\.$/
		],
		[
			'a deck without its title',
			async () => framedText('{"cards":[]}'),
			'invalid-deck',
			/cannot open: title: is missing\.$/
		],
		[
			'cards that are not a list',
			async () => framedText('{"title":"T","cards":{}}'),
			'invalid-deck',
			/cannot open: cards: must be a list of cards\.$/
		],
		[
			'a tag that is not text',
			async () => framedText('{"title":"T","cards":[{"front":"a","back":"b","tags":[1]}]}'),
			'invalid-deck',
			/cards › 1 › tags › 1: must be text\.$/
		],
		[
			'a deck with no cards',
			async () => framedText('{"title":"Empty","cards":[]}'),
			'invalid-deck',
			/cannot open: cards: has no card/
		],
		[
			'a card with an empty front',
			async () =>
				framedText('{"title":"T","cards":[{"front":"a","back":"b","tags":[]},{"front":" ","back":"b","tags":[]}]}'),
			'invalid-deck',
			/cannot open: cards › 2 › front: must not be empty/
		],
		[
			'a hand-written question the bank schema refuses',
			async () =>
				framedText(
					JSON.stringify({
						title: 'T',
						cards: [{ front: 'a', back: 'b', tags: [], questions: [{ id: 'q', type: 'essay' }] }]
					})
				),
			'invalid-deck',
			/cards › 1 › questions › 1 › type: unknown question type "essay"/
		]
	];
	test.each(cases)('%s', async (_, fragment, reason, message) => {
		const error = await refusal(await fragment());
		expect(error.reason).toBe(reason);
		expect(error.message).toMatch(message);
	});

	test('a link cut short says how many of its characters are left', async () => {
		const fragment = await encodeShareFragment(deck);
		for (const kept of [fragment.length - 1, fragment.length - 2, fragment.length - 3, 20]) {
			const error = await refusal(fragment.slice(0, kept));
			expect(error.reason).toBe('cut-short');
			expect(error.message).toBe(
				`This deck link is cut short: it has ${kept} of its ${fragment.length} characters. Copy the whole link again.`
			);
		}
	});

	test('a link longer than any deck within the limit is refused before it is decoded', async () => {
		const error = await refusal(`d1.${'A'.repeat(2_000_000)}`);
		expect(error.reason).toBe('too-large');
		expect(error.message).toMatch(/too long to open: 2,000,003 characters/);
	});

	test('a deck too large to share is refused when the link is made', async () => {
		const huge: SharedDeck = {
			title: 'Huge',
			cards: [{ front: 'a', back: 'x'.repeat(MAX_SHARED_DECK_BYTES), tags: [] }]
		};
		const error = await refusal(encodeShareFragment(huge));
		expect(error.reason).toBe('too-large');
		expect(error.message).toMatch(
			/too large to share by link: 1,024\.1 KB, over the limit of 1,024 KB\. Export it as a file instead\./
		);
	});

	test('a deck that is not valid is refused when the link is made, with where', async () => {
		const error = await refusal(encodeShareFragment({ ...deck, title: '  ' }));
		expect(error.reason).toBe('invalid-deck');
		expect(error.message).toBe('This deck cannot be shared: title: must not be empty.');
	});

	test('a browser without deflate-raw streams is told so, when making and when opening a link', async () => {
		const fragment = await encodeShareFragment(deck);
		vi.stubGlobal('CompressionStream', undefined);
		vi.stubGlobal('DecompressionStream', undefined);
		expect((await refusal(encodeShareFragment(deck))).reason).toBe('unsupported-browser');
		const error = await refusal(fragment);
		expect(error.reason).toBe('unsupported-browser');
		expect(error.message).toMatch(/cannot pack or unpack deck links .* share the deck as a file/);
	});
});

describe('a crafted zip bomb', () => {
	/** Counts what the decompressor hands out, to see where unpacking stopped. */
	function countUnpackedBytes() {
		const counter = { bytes: 0 };
		const Native = DecompressionStream;
		vi.stubGlobal(
			'DecompressionStream',
			class extends Native {
				#counted?: ReadableStream<Uint8Array<ArrayBuffer>>;
				override get readable() {
					this.#counted ??= super.readable.pipeThrough(
						new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>({
							transform(chunk, controller) {
								counter.bytes += chunk.length;
								controller.enqueue(chunk);
							}
						})
					);
					return this.#counted;
				}
			}
		);
		return counter;
	}

	const bomb = deflateRawSync(Buffer.alloc(256 * 1024 * 1024));

	test('a bomb that states the largest allowed size is cut off just past the limit, never unpacked whole', async () => {
		const unpacked = countUnpackedBytes();
		const error = await refusal(frame(bomb, MAX_SHARED_DECK_BYTES));
		expect(error.reason).toBe('too-large');
		expect(error.message).toMatch(/unpacks to more than the 1,024 KB it states, so it was not made by this app/);
		expect(unpacked.bytes).toBeGreaterThan(MAX_SHARED_DECK_BYTES);
		expect(unpacked.bytes).toBeLessThan(MAX_SHARED_DECK_BYTES + 2 * 1024 * 1024);
	});

	test('a bomb that states a small size stops just past that size', async () => {
		const unpacked = countUnpackedBytes();
		expect((await refusal(frame(bomb, 1000))).reason).toBe('too-large');
		expect(unpacked.bytes).toBeLessThan(2 * 1024 * 1024);
	});
});
