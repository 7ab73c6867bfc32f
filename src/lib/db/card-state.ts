/**
 * What a stored card's state says, without the scheduler: ts-fsrs's card states as plain numbers
 * (the values of its `State` enum) and maturity, so pages that only read states (home, statistics)
 * and the review tallies need not load ts-fsrs.
 */
import type { State as FsrsState } from 'ts-fsrs';
import type { StoredCard } from './rows';

export const State = {
	New: 0 as FsrsState.New,
	Learning: 1 as FsrsState.Learning,
	Review: 2 as FsrsState.Review,
	Relearning: 3 as FsrsState.Relearning
} as const;

/** Anki calls a card mature from an interval of 21 days. */
export const MATURE_DAYS = 21;

export const isMature = (card: Pick<StoredCard, 'state' | 'scheduled_days'>) =>
	card.state === State.Review && card.scheduled_days >= MATURE_DAYS;
