/**
 * Random histories of every kind of write the app makes to the states and the review log (ratings,
 * undos, imports, resets, an Anki package's deck, deletions and their undo, writes in parallel in one
 * transaction), for the property tests of what the database keeps in step with them.
 */
import fc from 'fast-check';
import type { Grade } from 'ts-fsrs';
import type { StudyDatabase } from '$lib/db/db';
import type { FactState, StoredCard } from '$lib/db/rows';
import { State } from '$lib/db/card-state';
import { openTestDatabase } from '$lib/db/test-database';
import { shardOf } from '$lib/db/state-digests';
import { recordReview, undoReview } from '$lib/srs/review';
import { exportBackup, importBackup, resetProgress } from '$lib/backup/backup';
import { checkBackup } from '$lib/backup/format';
import type { Backup } from '$lib/backup/format';
import { createDeckWithCards, deleteCards, deleteDeck, restoreDeleted, type Deleted } from '$lib/db/user-deck-edits';

const HOUR = 3_600_000;
const CARD: StoredCard = {
	due: 0,
	stability: 3,
	difficulty: 5,
	elapsed_days: 0,
	scheduled_days: 3,
	learning_steps: 0,
	reps: 1,
	lapses: 0,
	state: State.Review
};
/** A fact id whose digest shares the row of fact `a`'s. */
const NEIGHBOUR_OF_A = Array.from({ length: 1000 }, (_, i) => `p${i}`).find((id) => shardOf(id) === shardOf('a'))!;
// Local time: the days are calendar days of the clock the tests run with.
export const START = new Date(2026, 2, 20, 0).getTime();

export type Step =
	| { kind: 'rate'; fact: string; rating: Grade; hours: number }
	| { kind: 'undo' | 'parallel' | 'delete-card' | 'restore' }
	| { kind: 'merge' | 'replace' | 'reset' | 'anki' | 'delete-deck' };

export const step: fc.Arbitrary<Step> = fc.oneof(
	{
		weight: 6,
		arbitrary: fc.record({
			kind: fc.constant('rate' as const),
			fact: fc.constantFrom('a', 'b', 'c'),
			rating: fc.constantFrom<Grade>(1, 2, 3, 4),
			// Forward in time from the last step by up to four days, so steps share hours and days.
			hours: fc.integer({ min: 0, max: 96 })
		})
	},
	{ weight: 2, arbitrary: fc.constant({ kind: 'undo' as const }) },
	{
		weight: 3,
		arbitrary: fc
			.constantFrom(
				...(['merge', 'replace', 'reset', 'anki', 'delete-deck', 'delete-card', 'restore', 'parallel'] as const)
			)
			.map((kind) => ({ kind }))
	}
);

/** A second device's history to import from (a backup of three ratings), made once; the database is deleted. */
export async function otherDevicesBackup(): Promise<Backup> {
	const other = await openTestDatabase();
	try {
		for (const [i, fact] of ['a', 'x', 'y'].entries())
			await recordReview(other, {
				deckId: 'd',
				factId: fact,
				rating: 3,
				now: new Date(START + (i * 30 + 5) * HOUR),
				retention: 0.9,
				source: 'flashcard',
				durationMs: 2000
			});
		const read = checkBackup(await (await exportBackup(other, START + 200 * HOUR)).file.text());
		if (!read.ok) throw new Error(read.message);
		return read.backup;
	} finally {
		await other.delete();
	}
}

/** Runs the steps on an emptied database, calling `check` after each. */
export async function runSteps(
	db: StudyDatabase,
	steps: readonly Step[],
	backup: Backup,
	check: () => Promise<void>
): Promise<void> {
	await resetProgress(db);
	let time = START;
	const rated: number[] = [];
	let deleted: Deleted | undefined;
	const state = (deckId: string, factId: string, due: number): FactState => ({
		...CARD,
		key: `${deckId}/${factId}`,
		deckId,
		factId,
		due
	});
	for (const s of steps) {
		if (s.kind === 'rate') {
			time += s.hours * HOUR + 60_000;
			const row = await recordReview(db, {
				deckId: 'd',
				factId: s.fact,
				rating: s.rating,
				now: new Date(time),
				retention: 0.9,
				source: 'flashcard',
				durationMs: 2000
			});
			rated.push(row.id!);
		} else if (s.kind === 'undo') {
			const id = rated.pop();
			// Refused when the card was rated again since: then nothing may move either.
			if (id !== undefined) await undoReview(db, id).catch(() => undefined);
		} else if (s.kind === 'merge' || s.kind === 'replace') {
			await importBackup(db, backup, s.kind);
			rated.length = 0;
		} else if (s.kind === 'reset') {
			await resetProgress(db);
			rated.length = 0;
		} else if (s.kind === 'anki') {
			// An Anki package's deck arrives with its cards' states and their review history.
			await createDeckWithCards(
				db,
				{ title: 'Imported', description: '' },
				['Q1', 'Q2'].map((front, card) => ({
					front,
					back: 'A',
					state: { ...CARD, due: time + card * HOUR },
					reviews: [0, 20, 50].map((h, i) => ({
						time: START + h * HOUR + i + card,
						rating: 3 as const,
						elapsedDays: 0,
						durationMs: 1000,
						before: null,
						after: CARD
					}))
				})),
				time
			);
		} else if (s.kind === 'delete-deck' || s.kind === 'delete-card') {
			const deck = (await db.userDecks.toArray())[0];
			if (!deck) continue;
			if (s.kind === 'delete-deck') deleted = await deleteDeck(db, deck.id);
			else {
				const card = await db.userCards.where('[deckId+position]').between([deck.id, 0], [deck.id, Infinity]).first();
				if (card) deleted = await deleteCards(db, [card.id], time);
			}
		} else if (s.kind === 'restore') {
			if (deleted) await restoreDeleted(db, deleted).catch(() => undefined);
			deleted = undefined;
		} else {
			// Writes in flight at once in one transaction, to facts whose digests share a row, and a deletion by
			// a range of keys.
			await db.transaction('rw', db.factStates, async () => {
				await Promise.all([
					db.factStates.put(state('d', 'a', time)),
					db.factStates.bulkPut([state('d', NEIGHBOUR_OF_A, time), state('e', 'q', time)]),
					db.factStates.put(state('d', 'b', time + HOUR))
				]);
				await db.factStates.where('key').startsWith('e/').delete();
			});
		}
		await check();
	}
}
