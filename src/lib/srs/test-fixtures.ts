/**
 * What the unit tests of the study modules share: a deck of thirty facts, times on the local clock
 * (so the rollover hour means what it means on the user's phone), and a rating of one fact.
 */
import type { Grade } from 'ts-fsrs';
import { StudyDatabase } from '$lib/db/db';
import type { StudySettings } from '$lib/db/rows';
import { DEFAULT_SETTINGS } from '$lib/db/settings';
import { recordReview } from './review';

export const DECK = 'demo';
export const FACTS = Array.from({ length: 30 }, (_, i) => `fact-${String(i).padStart(2, '0')}`);
export const deck = { deckId: DECK, factIds: FACTS };

/** A local time in November 2026. */
export const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute);

/** Rates a fact of the deck as a flashcard review. */
export const rateFact = (
	db: StudyDatabase,
	factId: string,
	rating: Grade,
	now: Date,
	settings: StudySettings = DEFAULT_SETTINGS
) =>
	recordReview(db, {
		deckId: DECK,
		factId,
		rating,
		now,
		retention: settings.retention,
		source: 'flashcard',
		durationMs: 4000
	});
