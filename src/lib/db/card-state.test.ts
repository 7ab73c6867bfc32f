import { describe, expect, it } from 'vitest';
import { State as FsrsState } from 'ts-fsrs';
import { State } from './card-state';

describe('card states', () => {
	it('are the numbers ts-fsrs uses', () => {
		expect(State).toEqual({
			New: FsrsState.New,
			Learning: FsrsState.Learning,
			Review: FsrsState.Review,
			Relearning: FsrsState.Relearning
		});
	});
});
