/**
 * Word between the tabs (and the installed app) open on this device: a tab that rates a card tells
 * the others, which read their queue again, and a tab that replaces everything (a backup import, a
 * reset) tells the others, which stop writing until they are reloaded. One BroadcastChannel per tab
 * both speaks and listens, so a tab never hears itself.
 */
const CHANNEL = 'steppe-cards-changes';

export type Change = { kind: 'reviews'; deckIds: string[] } | { kind: 'replaced' };

const listeners = new Set<(change: Change) => void>();
let channel: BroadcastChannel | undefined;
let replaced = false;

function open(): BroadcastChannel | undefined {
	if (channel || typeof BroadcastChannel === 'undefined') return channel;
	channel = new BroadcastChannel(CHANNEL);
	channel.onmessage = (event: MessageEvent<Change>) => {
		if (event.data.kind === 'replaced') replaced = true;
		for (const heard of listeners) heard(event.data);
	};
	// In Node (the unit tests) an open channel would keep the process alive.
	(channel as BroadcastChannel & { unref?: () => void }).unref?.();
	return channel;
}

/** Tells the other tabs what this one has just written. */
export function announce(change: Change): void {
	open()?.postMessage(change);
}

/** Calls `heard` with each change another tab announces; gives the function that stops listening. */
export function listen(heard: (change: Change) => void): () => void {
	open();
	listeners.add(heard);
	return () => listeners.delete(heard);
}

/** Why a tab must not write once another tab has replaced the data it shows. */
export const REPLACED_ELSEWHERE =
	'your progress was replaced in another tab (a backup import or a reset); reload this page first';

/** Throws, with the reason, when another tab has replaced the data this one shows. */
export function assertNotReplaced(): void {
	if (replaced) throw new Error(REPLACED_ELSEWHERE);
}
