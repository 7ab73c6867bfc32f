import { describe, expect, it } from 'vitest';
import type { DeckQuestion } from '$lib/content/schema';
import { checkAnswer, correctAnswerText, givenText, readGiven } from './answers';

const q: DeckQuestion & { type: 'map' } = {
	key: 'on-the-map/map',
	factId: 'on-the-map',
	id: 'map',
	type: 'map',
	tap: 'place',
	prompt: 'Tap the place where the Taliban govern from.',
	explanation: 'Kabul.',
	choices: ['kabul', 'ashgabat', 'bishkek'],
	answer: 'kabul',
	choicesOnMap: [
		{ id: 'kabul', name: 'Kabul', at: { x: 230, y: 250 } },
		{ id: 'ashgabat', name: 'Ashgabat', at: { x: 120, y: 215 } },
		{ id: 'bishkek', name: 'Bishkek', at: { x: 265, y: 160 } }
	]
};

describe('checking a map answer', () => {
	it('is right for the index of the answer, wrong for another, and says both by name', () => {
		expect(checkAnswer(q, 0)).toEqual({ correct: true });
		expect(checkAnswer(q, 2)).toEqual({ correct: false });
		expect(checkAnswer(q, null)).toEqual({ correct: false });
		expect(correctAnswerText(q)).toBe('Kabul');
		expect(givenText(q, 2)).toBe('Bishkek');
	});

	it('reads back a kept index, and refuses any other shape', () => {
		expect(readGiven(q, 1)).toBe(1);
		expect(() => readGiven(q, 'kabul')).toThrow(/should be the index of a country or place, not "kabul"/);
	});
});
