import { describe, expect, it } from 'vitest';
import { Rating, State } from 'ts-fsrs';
import { createScheduler, formatInterval, intervalLabels, newCard } from './scheduler';
import { at } from './test-fixtures';

describe('interval labels', () => {
	it('read as Anki writes them', () => {
		expect(
			[30_000, 600_000, 3 * 3_600_000, 4 * 86_400_000, 45 * 86_400_000, 800 * 86_400_000].map(formatInterval)
		).toEqual(['<1m', '10m', '3h', '4d', '1.5mo', '2.2y']);
	});

	it('show the learning steps on a new card', () => {
		const now = at(10, 9);
		const labels = intervalLabels(createScheduler(0.9), newCard(now), now);
		expect(labels[Rating.Again]).toBe('1m');
		expect(labels[Rating.Good]).toBe('10m');
		expect(State[newCard(now).state]).toBe('New');
	});
});
