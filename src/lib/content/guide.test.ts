import { describe, expect, it } from 'vitest';
import { paragraphList, sourceLine } from './guide';
import type { DeckMeta } from './schema';

const deck = {
	source: { paragraphs: [{ n: 5, topic: 'Uzbekistan: early direct talks' }] }
} as DeckMeta;

describe('paragraphList', () => {
	it('shortens runs of three or more paragraphs to a range, in order', () => {
		expect(paragraphList([1, 2, 3, 4, 6, 7, 14])).toBe('1–4, 6, 7, 14');
		expect(paragraphList([14, 7, 6, 4, 3, 2, 1, 2])).toBe('1–4, 6, 7, 14');
		expect(paragraphList([8, 9, 10])).toBe('8–10');
		expect(paragraphList([3])).toBe('3');
	});
});

describe('sourceLine', () => {
	it('names one paragraph with its topic, and several by their numbers only', () => {
		expect(sourceLine(deck, [5])).toBe('¶5 Uzbekistan: early direct talks');
		expect(sourceLine(deck, [1, 4, 5, 7, 8, 10])).toBe('¶1, 4, 5, 7, 8, 10');
		expect(sourceLine(deck, [1, 2, 3, 4, 6, 7, 14])).toBe('¶1–4, 6, 7, 14');
	});
});
