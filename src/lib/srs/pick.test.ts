import { describe, expect, it } from 'vitest';
import { State } from 'ts-fsrs';
import type { FactState } from '$lib/db/rows';
import { afterRating, pickNext } from './pick';
import type { QueueItem } from './queue/build';

const NOW = 1_800_000_000_000;
const state = (factId: string, s: State, due: number): FactState => ({
	key: `d/${factId}`,
	deckId: 'd',
	factId,
	due,
	stability: 1,
	difficulty: 5,
	elapsed_days: 0,
	scheduled_days: 0,
	learning_steps: 0,
	reps: 1,
	lapses: 0,
	state: s
});
const learning = (id: string, due: number): QueueItem => ({
	deckId: 'd',
	factId: id,
	kind: 'learning',
	state: state(id, State.Learning, due)
});
const fresh = (id: string): QueueItem => ({ deckId: 'd', factId: id, kind: 'new' });

describe('pickNext', () => {
	it('shows a learning card as soon as it falls due, before new cards', () => {
		expect(pickNext([fresh('a'), learning('b', NOW - 1)], NOW)).toBe(1);
	});
	it('keeps learning cards not yet due behind new ones', () => {
		expect(pickNext([learning('b', NOW + 60_000), fresh('a')], NOW)).toBe(1);
	});
	it('shows the soonest learning card when only those are left, if due within 20 minutes', () => {
		expect(pickNext([learning('b', NOW + 600_000), learning('c', NOW + 60_000)], NOW)).toBe(1);
		expect(pickNext([learning('b', NOW + 30 * 60_000)], NOW)).toBe(-1);
	});
});

describe('afterRating', () => {
	const items = [fresh('a'), fresh('b')];
	it('brings a card back the same day while it is learning', () => {
		const next = afterRating(items, items[0]!, state('a', State.Learning, NOW + 60_000), NOW + 86_400_000);
		expect(next.map((i) => [i.factId, i.kind])).toEqual([
			['b', 'new'],
			['a', 'learning']
		]);
	});
	it('drops a card scheduled for another day', () => {
		const next = afterRating(items, items[0]!, state('a', State.Review, NOW + 3 * 86_400_000), NOW + 86_400_000);
		expect(next.map((i) => i.factId)).toEqual(['b']);
	});
});
