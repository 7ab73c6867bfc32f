import { openDeckPage } from './links';

/** A write that makes a deck (create, copy, import, add a shared deck), then opens the deck's page. */
export class DeckWrite {
	busy = $state(false);
	/** Why the last write failed (storage's message says nothing was saved); empty otherwise. */
	error = $state('');

	async run(work: () => Promise<{ id: string }>): Promise<void> {
		this.busy = true;
		this.error = '';
		try {
			const deck = await work();
			await openDeckPage(deck.id);
		} catch (e) {
			this.error = (e as Error).message;
		} finally {
			this.busy = false;
		}
	}
}
