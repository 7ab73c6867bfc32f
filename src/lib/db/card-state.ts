/**
 * ts-fsrs's card states, as plain numbers: pages that only read states (home,
 * stats) need not load the scheduler. The values are ts-fsrs's `State` enum.
 */
import type { State as FsrsState } from 'ts-fsrs';

export const State = {
	New: 0 as FsrsState.New,
	Learning: 1 as FsrsState.Learning,
	Review: 2 as FsrsState.Review,
	Relearning: 3 as FsrsState.Relearning
} as const;
