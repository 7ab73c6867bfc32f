/**
 * How answers and prompts are compared as words. It sits with the content because the bank's lint
 * (an answer given away by its prompt) must judge text exactly as the quiz checks a typed answer.
 */

const ARTICLES = new Set(['a', 'an', 'the']);

/** Words of a text, compared without case, accents, punctuation, articles or extra spaces. */
export function words(text: string): string[] {
	const plain = text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/&/g, ' and ')
		// Hyphens and slashes separate words ("Mazar-i-Sharif"); other punctuation just goes ("T.T.T.", "Rahmon's").
		.replace(/[\p{Pd}/\\_]/gu, ' ')
		.replace(/[^\p{L}\p{N}\s]/gu, '');
	const all = plain.split(/\s+/).filter(Boolean);
	const kept = all.filter((w) => !ARTICLES.has(w));
	return kept.length > 0 ? kept : all;
}
