/** Maturity, apart from the rest of the statistics so the study screen can tally reviews without loading them. */
import { State } from './card-state';
import type { StoredCard } from '$lib/db/db';

/** Anki calls a card mature from an interval of 21 days. */
export const MATURE_DAYS = 21;

export const isMature = (card: Pick<StoredCard, 'state' | 'scheduled_days'>) =>
	card.state === State.Review && card.scheduled_days >= MATURE_DAYS;
