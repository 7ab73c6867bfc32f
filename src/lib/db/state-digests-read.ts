/**
 * The statistics' read of the fact states' digests (state-digests.ts), a module of its own so that
 * only the statistics page loads it.
 */
import Dexie from 'dexie';
import type { StudyDatabase } from './db';
import type { StateDigest } from './state-digests';

/** The digests of the given decks' stored states, by deck id and then fact id (a deck with none is left out). */
export async function readStateDigests(
	db: StudyDatabase,
	deckIds: readonly string[]
): Promise<Map<string, Map<string, StateDigest>>> {
	const decks = await Promise.all(
		deckIds.map((deckId) =>
			db.stateDigests.where('[deckId+shard]').between([deckId, Dexie.minKey], [deckId, Dexie.maxKey]).toArray()
		)
	);
	const digests = new Map<string, Map<string, StateDigest>>();
	decks.forEach((rows, i) => {
		if (rows.length === 0) return;
		const states = new Map<string, StateDigest>();
		for (const row of rows) for (const [factId, digest] of row.states) states.set(factId, digest);
		digests.set(deckIds[i]!, states);
	});
	return digests;
}
