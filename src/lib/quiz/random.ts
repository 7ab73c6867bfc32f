/**
 * Seeded randomness: the same seed string gives the same numbers on every
 * device and browser, so a quiz can be rebuilt from its seed (after a reload,
 * or from a link shared in class). The app has no other source of randomness.
 */

/** A uniform number in [0, 1). */
export type Random = () => number;

/** cyrb128: hashes a string to four 32-bit words, enough state for sfc32. */
function hash128(text: string): [number, number, number, number] {
	let h1 = 1779033703;
	let h2 = 3144134277;
	let h3 = 1013904242;
	let h4 = 2773480762;
	for (let i = 0; i < text.length; i++) {
		const k = text.charCodeAt(i);
		h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
		h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
		h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
		h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
	}
	h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
	h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
	h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
	h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
	h1 ^= h2 ^ h3 ^ h4;
	h2 ^= h1;
	h3 ^= h1;
	h4 ^= h1;
	return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator), seeded from the string's hash. */
export function seededRandom(seed: string): Random {
	let [a, b, c, d] = hash128(seed);
	const next = () => {
		a |= 0;
		b |= 0;
		c |= 0;
		d |= 0;
		const t = (((a + b) | 0) + d) | 0;
		d = (d + 1) | 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) | 0;
		c = (c << 21) | (c >>> 11);
		c = (c + t) | 0;
		return (t >>> 0) / 4294967296;
	};
	// The first outputs of sfc32 are correlated with the seed: skip them.
	for (let i = 0; i < 12; i++) next();
	return next;
}

/** A whole number in [0, n). */
export function randomIndex(random: Random, n: number): number {
	return Math.floor(random() * n);
}

/** A shuffled copy (Fisher–Yates); the input is left as it is. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = randomIndex(random, i + 1);
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}

/**
 * A shuffled copy that is never in the original order (when there are at
 * least two items): for ordering and matching questions, where the original
 * order is the answer.
 */
export function derangedOrder<T>(items: readonly T[], random: Random): T[] {
	const out = shuffled(items, random);
	if (out.length > 1 && out.every((item, i) => item === items[i])) out.push(out.shift()!);
	return out;
}

/** A seed for a practice quiz, from the time it starts: short, and readable in a link. */
export function seedFromTime(time: number): string {
	return time.toString(36);
}
