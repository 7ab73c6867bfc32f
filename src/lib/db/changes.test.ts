import { describe, expect, it, vi } from 'vitest';
import { announce, assertNotReplaced, listen, REPLACED_ELSEWHERE, type Change } from './changes';

/** Another tab of the browser: a channel of its own on the same name. */
function otherTab() {
	const channel = new BroadcastChannel('steppe-cards-changes');
	const heard: Change[] = [];
	channel.onmessage = (event: MessageEvent<Change>) => heard.push(event.data);
	return { say: (change: Change) => channel.postMessage(change), heard, close: () => channel.close() };
}

describe('word between tabs', () => {
	it("carries a tab's ratings to the other tabs, not back to itself", async () => {
		const tab = otherTab();
		const heardHere: Change[] = [];
		const stop = listen((change) => heardHere.push(change));
		announce({ kind: 'reviews', deckIds: ['demo'] });
		await vi.waitFor(() => expect(tab.heard).toEqual([{ kind: 'reviews', deckIds: ['demo'] }]));
		tab.say({ kind: 'reviews', deckIds: ['other'] });
		await vi.waitFor(() => expect(heardHere).toEqual([{ kind: 'reviews', deckIds: ['other'] }]));
		stop();
		tab.close();
	});

	it('stops this tab writing once another tab has replaced the data', async () => {
		const tab = otherTab();
		const heard: Change[] = [];
		const stop = listen((change) => heard.push(change));
		expect(assertNotReplaced).not.toThrow();
		tab.say({ kind: 'replaced' });
		await vi.waitFor(() => expect(heard).toEqual([{ kind: 'replaced' }]));
		expect(assertNotReplaced).toThrow(REPLACED_ELSEWHERE);
		stop();
		tab.close();
	});
});
