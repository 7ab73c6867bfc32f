import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from './test-database';
import { listSuspended, suspendCard, unsuspendCard } from './suspended';
import { suspendedFactIds } from './suspended-ids';
import { createDeckWithCards, deleteCards, deleteDeck, restoreDeleted } from './user-deck-edits';

const db = useTestDatabase();

describe('suspended cards', () => {
	it("keeps a suspension with its fact, lists a deck's latest first, and unsuspends", async () => {
		await suspendCard(db(), { deckId: 'central-asia', factId: 'a', front: 'Front A' }, 1_000);
		await suspendCard(db(), { deckId: 'central-asia', factId: 'b', front: 'Front B' }, 2_000);
		await suspendCard(db(), { deckId: 'u-1', factId: 'c', front: 'Front C' }, 3_000);
		expect(await listSuspended(db(), 'central-asia')).toEqual([
			{ deckId: 'central-asia', factId: 'b', front: 'Front B', suspendedAt: 2_000 },
			{ deckId: 'central-asia', factId: 'a', front: 'Front A', suspendedAt: 1_000 }
		]);
		expect(await suspendedFactIds(db(), 'u-1')).toEqual(['c']);
		await unsuspendCard(db(), 'central-asia', 'a');
		expect(await suspendedFactIds(db(), 'central-asia')).toEqual(['b']);
	});

	it('suspending a card again, from another of its sides, keeps the first suspension', async () => {
		await suspendCard(db(), { deckId: 'd', factId: 'a', front: 'First side' }, 1_000);
		await suspendCard(db(), { deckId: 'd', factId: 'a', front: 'Second side' }, 5_000);
		expect(await listSuspended(db(), 'd')).toEqual([
			{ deckId: 'd', factId: 'a', front: 'First side', suspendedAt: 1_000 }
		]);
	});

	it('deleting a card or a deck removes its suspensions, and the undo puts them back', async () => {
		const { deck, cards } = await createDeckWithCards(
			db(),
			{ title: 'Capitals' },
			[
				{ front: 'Mongolia', back: 'Ulaanbaatar' },
				{ front: 'Kazakhstan', back: 'Astana' }
			],
			1_000
		);
		for (const card of cards) await suspendCard(db(), { deckId: deck.id, factId: card.id, front: card.front }, 2_000);
		const oneCard = await deleteCards(db(), [cards[0]!.id], 3_000);
		expect(await suspendedFactIds(db(), deck.id)).toEqual([cards[1]!.id]);
		await restoreDeleted(db(), oneCard);
		expect((await suspendedFactIds(db(), deck.id)).sort()).toEqual(cards.map((c) => c.id).sort());
		const wholeDeck = await deleteDeck(db(), deck.id);
		expect(await db().suspended.count()).toBe(0);
		await restoreDeleted(db(), wholeDeck);
		expect(await db().suspended.count()).toBe(2);
	});
});
