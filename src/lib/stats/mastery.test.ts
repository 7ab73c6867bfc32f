import { describe, expect, it } from 'vitest';
import { State } from 'ts-fsrs';
import { card, fact, stateOf, storedOf } from './fixtures';
import { factProgress } from './facts';
import { masteryByCountry, masteryByTheme } from './mastery';

describe('mastery by country and theme', () => {
	const facts = [
		fact('f1', ['kazakhstan'], ['security', 'economy']),
		fact('f2', ['kazakhstan', 'regional'], ['security']),
		fact('f3', ['uzbekistan'], ['economy']),
		fact('f4', ['kazakhstan'], ['history'])
	];
	const states = [
		stateOf('f1', card(State.Review, 21)), // mature
		stateOf('f2', card(State.Review, 20)), // studied, not yet mature
		stateOf('f4', card(State.Relearning, 30)), // lapsed: not mature
		stateOf('gone', card(State.Review, 90)) // removed from the bank
	];

	it('counts facts, studied and mature per country, in the schema order', () => {
		expect(masteryByCountry(facts, factProgress(facts, storedOf(states)))).toEqual([
			{ tag: 'kazakhstan', facts: 3, studied: 3, mature: 1, percent: 33 },
			{ tag: 'uzbekistan', facts: 1, studied: 0, mature: 0, percent: 0 },
			{ tag: 'regional', facts: 1, studied: 1, mature: 0, percent: 0 }
		]);
	});

	it('counts facts, studied and mature per theme', () => {
		expect(masteryByTheme(facts, factProgress(facts, storedOf(states)))).toEqual([
			{ tag: 'security', facts: 2, studied: 2, mature: 1, percent: 50 },
			{ tag: 'economy', facts: 2, studied: 1, mature: 1, percent: 50 },
			{ tag: 'history', facts: 1, studied: 1, mature: 0, percent: 0 }
		]);
	});
});
