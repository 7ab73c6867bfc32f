import { describe, expect, it } from 'vitest';
import { State } from 'ts-fsrs';
import { factsByState } from './card-counts';
import { factProgress } from './facts';
import { card, fact, stateOf, storedOf } from './fixtures';

describe('facts by state', () => {
	it('counts the bank: new when no state is stored, states of removed facts ignored', () => {
		const facts = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => fact(id));
		const states = [
			stateOf('b', card(State.Learning, 0)),
			stateOf('c', card(State.Review, 3)),
			stateOf('d', card(State.Review, 40)),
			stateOf('e', card(State.Relearning, 0)),
			stateOf('gone', card(State.Review, 40)), // removed from the bank
			stateOf('a', card(State.Review, 40), 'other-deck') // same fact id, another deck
		];
		expect(factsByState(factProgress(facts, storedOf(states)))).toEqual({
			new: 2,
			learning: 1,
			review: 2,
			relearning: 1,
			total: 6
		});
	});

	it('is all new with an empty database', () => {
		expect(factsByState(factProgress([fact('a'), fact('b')], storedOf([])))).toEqual({
			new: 2,
			learning: 0,
			review: 0,
			relearning: 0,
			total: 2
		});
	});
});
