/**
 * Proof that the bank is written in our own words, without shipping the article it is drawn from.
 * The article is reduced to the hashes of its 8-word windows (its fingerprint, committed as
 * `questions/<deck>/source.fingerprint`); a window of the bank whose hash is in that set is a run
 * of eight words copied from the article. The maintainer's script and the bank test both use this
 * module, so the fingerprint and the check cannot normalise text differently.
 */
import { createHash } from 'node:crypto';
import type { Fact } from './schema';

/** How many words in a row count as copying. */
export const WINDOW = 8;
/** Hex digits kept of each SHA-256: 48 bits, so a chance match among a few thousand windows is negligible. */
const HASH_LENGTH = 12;

/** Proper names the article lists (ISKP's media outlets): repeating a list of names is not copying a sentence. */
const LISTED_NAMES = [
	'Al-Azaim',
	'Voice of Khorasan',
	'Movaraunnaha',
	'Khurasan Wilayah News',
	'Tor Bairghuna',
	'Al-Millat Media',
	'Khurasan Ghag Radio'
];

/** The words of a text, lower-case and without accents; numbers, `$` and `%` count as word characters. */
export function words(text: string): string[] {
	return LISTED_NAMES.reduce((t, name) => t.split(name).join(' '), text)
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.split(/[^a-z0-9$%]+/)
		.filter(Boolean);
}

/** Every run of `WINDOW` consecutive words of a text, each as one space-separated string. */
export function windows(text: string): string[] {
	const w = words(text);
	const runs: string[] = [];
	for (let i = 0; i + WINDOW <= w.length; i++) runs.push(w.slice(i, i + WINDOW).join(' '));
	return runs;
}

export const hashWindow = (run: string) => createHash('sha256').update(run).digest('hex').slice(0, HASH_LENGTH);

/**
 * The fingerprint of an article: the sorted, distinct hashes of its windows. The `[n]` that
 * numbers each paragraph of the numbered source is dropped first: it is not the article's
 * wording, and left in it would hide a copied run that crosses from one paragraph to the next.
 */
export function fingerprint(article: string): string[] {
	const text = article.replace(/^\[\d+\]/gm, ' ');
	return [...new Set(windows(text).map(hashWindow))].sort();
}

const HEADER = [
	`# SHA-256 (first ${HASH_LENGTH} hex digits) of every ${WINDOW}-word window of this deck's source article,`,
	'# normalised by src/lib/content/fingerprint.ts. The bank test fails on any window of the bank found here.',
	'# Made from the article by: npm run fingerprint -- <article.txt> <deck folder>'
];

export function formatFingerprint(hashes: string[]): string {
	return [...HEADER, ...hashes, ''].join('\n');
}

/** Reads a `source.fingerprint` file; `#` lines are comments. `path` is only for the error message. */
export function parseFingerprint(text: string, path: string): Set<string> {
	const hashes = new Set<string>();
	text.split('\n').forEach((line, index) => {
		const hash = line.trim();
		if (hash === '' || hash.startsWith('#')) return;
		if (!new RegExp(`^[0-9a-f]{${HASH_LENGTH}}$`).test(hash))
			throw new Error(`${path}:${index + 1}: expected ${HASH_LENGTH} lower-case hex digits, found "${hash}"`);
		hashes.add(hash);
	});
	if (hashes.size === 0) throw new Error(`${path}: holds no hash; make it with npm run fingerprint`);
	return hashes;
}

/** Every text of a fact that a learner reads. */
export function textsOf(fact: Fact): string[] {
	return [
		fact.statement,
		...fact.cards.flatMap((c) => [c.front, c.back]),
		...fact.questions.flatMap((q) => {
			const own = [q.prompt, q.explanation];
			switch (q.type) {
				case 'multiple-choice':
					return [...own, ...q.options];
				case 'typed':
					return [...own, q.answer, ...q.accept];
				case 'matching':
					return [...own, ...q.pairs.flat()];
				case 'ordering':
					return [...own, ...q.items];
				case 'true-false':
				case 'map':
					return own;
			}
		})
	];
}

/** The runs of the facts whose hash is in the article's fingerprint: each a copied run of words. */
export function copiedRuns(facts: Fact[], source: Set<string>): { factId: string; run: string }[] {
	return facts.flatMap((fact) =>
		textsOf(fact)
			.flatMap(windows)
			.filter((run) => source.has(hashWindow(run)))
			.map((run) => ({ factId: fact.id, run }))
	);
}
