import { describe, expect, it } from 'vitest';
import { copiedRuns, fingerprint, formatFingerprint, parseFingerprint } from './fingerprint';
import type { Fact } from './schema';

// A made-up article, numbered like a deck's source; its wording must never reach a fact.
const ARTICLE = `# Rivers of the steppe
[1] The Syr Darya once carried snowmelt from the Tian Shan all the way to the Aral Sea, but cotton fields now drink most of it.
[2] Engineers in Kazakhstan built the Kokaral dam in 2005, and the northern part of the sea has slowly been rising again.
[3] ISKP's outlets, Al-Azaim, Voice of Khorasan, Movaraunnaha, Khurasan Wilayah News and Tor Bairghuna, were named in it.
`;

function factSaying(explanation: string): Fact {
	return {
		id: 'aral-sea',
		statement: 'The Aral Sea shrank when its rivers were diverted to farms.',
		paragraphs: [1],
		countries: ['kazakhstan'],
		themes: ['economy'],
		cards: [{ front: 'What shrank the Aral Sea?', back: 'Irrigation took the water of its rivers.' }],
		questions: [
			{
				id: 'tf',
				key: 'aral-sea/tf',
				factId: 'aral-sea',
				type: 'true-false',
				prompt: 'The dam is in Kazakhstan.',
				answer: true,
				explanation
			}
		]
	};
}

const source = parseFingerprint(formatFingerprint(fingerprint(ARTICLE)), 'fixture');
const copies = (explanation: string) =>
	copiedRuns([factSaying(explanation)], source).map((c) => `${c.factId}: ${c.run}`);

describe('the copy check by fingerprint', () => {
	it('finds a sentence of the article planted in a fact, naming the fact and the words', () => {
		const planted =
			'Engineers in Kazakhstan built the Kokaral dam in 2005, and the northern part of the sea has slowly been rising again.';
		const found = copies(planted);
		expect(found).toContain('aral-sea: engineers in kazakhstan built the kokaral dam in');
		// Every 8-word window of a 21-word sentence is a copy.
		expect(found).toHaveLength(14);
	});

	it('sees through case, accents and punctuation', () => {
		expect(copies('But COTTON fields — now drínk most of it!')).toEqual([
			'aral-sea: but cotton fields now drink most of it'
		]);
	});

	it('finds a run that crosses from one numbered paragraph to the next', () => {
		expect(copies('Cotton fields now drink most of it. Engineers in Kazakhstan')).toHaveLength(3);
	});

	it('passes the same fact in other words, and a list of the outlets the article names', () => {
		expect(copies('A dam finished in 2005 has let the small northern sea refill, slowly.')).toEqual([]);
		expect(copies('Al-Azaim, Voice of Khorasan, Movaraunnaha, Khurasan Wilayah News and Tor Bairghuna')).toEqual([]);
	});

	it('refuses a fingerprint file with a line that is not a hash, naming the line', () => {
		expect(() => parseFingerprint('# made by hand\n0123456789ab\nnot-a-hash\n', 'deck/source.fingerprint')).toThrow(
			'deck/source.fingerprint:3: expected 12 lower-case hex digits, found "not-a-hash"'
		);
		expect(() => parseFingerprint('# only comments\n', 'deck/source.fingerprint')).toThrow('holds no hash');
	});
});
