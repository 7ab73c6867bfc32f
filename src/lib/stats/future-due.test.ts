import { describe, expect, it } from 'vitest';
import { State } from 'ts-fsrs';
import { at, card, NOW, ROLLOVER, stateOf, storedOf } from './fixtures';
import { forecast } from './future-due';

describe('forecast', () => {
	const states = [
		stateOf('overdue', card(State.Review, 10, at(2, 9))),
		stateOf('tonight', card(State.Learning, 0, at(15, 23))),
		stateOf('before-rollover', card(State.Review, 1, at(16, 3, 59))),
		stateOf('tomorrow', card(State.Review, 1, at(16, 4))),
		stateOf('next-week', card(State.Review, 7, at(22, 12))),
		stateOf('last', card(State.Review, 30, at(15, 3, 59, 11))), // 15 Dec before 4 am: the 30th day
		stateOf('too-late', card(State.Review, 30, at(15, 4, 0, 11))) // the 31st day
	];

	it('counts what falls due on each of the next 30 study days, overdue on the first', () => {
		const days = forecast(storedOf(states), NOW, ROLLOVER, 30);
		expect(days).toHaveLength(30);
		expect(days[0]).toEqual({ day: '2026-11-15', count: 3 });
		expect(days[1]).toEqual({ day: '2026-11-16', count: 1 });
		expect(days[7]).toEqual({ day: '2026-11-22', count: 1 });
		expect(days[29]).toEqual({ day: '2026-12-14', count: 1 });
		expect(days.reduce((n, d) => n + d.count, 0)).toBe(6);
	});

	it('follows the rollover hour', () => {
		const days = forecast(storedOf(states), NOW, 0, 2);
		expect(days.map((d) => d.count)).toEqual([2, 2]);
	});
});
