/**
 * "Reschedule all cards": every studied fact gets the memory state and due date that the parameters
 * in use give its whole review history (ts-fsrs `reschedule`), in one transaction. Without it, new
 * parameters apply to each fact from its next rating on.
 */
import type { StudyDatabase } from '$lib/db/db';
import type { FactState, ReviewRow } from '$lib/db/rows';
import { readSettings } from '$lib/db/settings';
import { reviewLogTables } from '$lib/db/review-log';
import { allReviews } from '$lib/db/review-archive';
import { createScheduler, newCard, toCard, toStored } from '../scheduler';

/** Reschedules every fact with a review history; returns how many got a new due date. */
export async function rescheduleAll(db: StudyDatabase, now: Date): Promise<number> {
	return db.transaction('rw', [db.factStates, ...reviewLogTables(db), db.settings], async () => {
		const { retention, parameters } = await readSettings(db);
		const scheduler = createScheduler(retention, parameters);
		const [states, reviews] = await Promise.all([db.factStates.toArray(), allReviews(db)]);
		const historyOf = new Map<string, ReviewRow[]>();
		for (const review of reviews) historyOf.set(review.factKey, [...(historyOf.get(review.factKey) ?? []), review]);
		const rescheduled: FactState[] = [];
		for (const { key, deckId, factId, ...stored } of states) {
			const history = historyOf.get(key);
			if (!history) continue;
			const { collections } = scheduler.reschedule(
				toCard(stored),
				history.map((r) => ({ rating: r.rating, review: new Date(r.time) })),
				{ update_memory_state: true, now, first_card: newCard(new Date(history[0]!.time)) }
			);
			// The card after the last review replayed, not ts-fsrs's manual entry dated `now`: that one would
			// count the next interval from today instead of from the last review.
			const replayed = collections[collections.length - 1]!.card;
			if (replayed.due.getTime() !== stored.due) rescheduled.push({ key, deckId, factId, ...toStored(replayed) });
		}
		await db.factStates.bulkPut(rescheduled);
		return rescheduled.length;
	});
}
