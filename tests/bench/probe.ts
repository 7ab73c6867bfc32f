/**
 * When a page first shows what the bench waits for, measured inside the page, so no
 * round trip to Playwright is counted. `watchForShown` is installed with `addInitScript`,
 * so it runs before any script of the page; it watches the DOM and, the first time the
 * page's element is in the DOM and visible, records the mark `bench:in-dom`, then
 * waits for the next frame (requestAnimationFrame, then a task: that frame has been
 * painted) and records `bench:shown`. Marks are on the page's clock: performance.now(),
 * whose zero is the start of the navigation that opened the page.
 */
import type { Page } from '@playwright/test';

/** Runs in the page: everything it uses must be defined inside the function. */
export function watchForShown() {
	const visible = (selector: string, text: RegExp) =>
		[...document.querySelectorAll(selector)].some((e) => text.test(e.textContent ?? '') && e.checkVisibility());
	// What each page shows once its data is loaded: the study screen's first card; on the
	// statistics page the last chart's section, or the message of a database with no reviews
	// (both appear only once the data is read); in the settings the message of a finished import.
	const probes: [RegExp, () => boolean][] = [
		[/^\/study\//, () => visible('button', /^\s*Show answer/)],
		[/^\/stats$/, () => visible('#themes-heading, .empty-title', /./)],
		[/^\/settings$/, () => visible('p[role="status"]', /^Backup restored/)]
	];
	const test = probes.find(([path]) => path.test(location.pathname))?.[1];
	if (!test) return;
	const observer = new MutationObserver(() => {
		if (!test()) return;
		observer.disconnect();
		performance.mark('bench:in-dom');
		requestAnimationFrame(() => setTimeout(() => performance.mark('bench:shown'), 0));
	});
	observer.observe(document, { childList: true, subtree: true, characterData: true });
}

export interface Shown {
	/** `bench:shown` on the page's clock (ms from navigation start). */
	shown: number;
	/** `bench:in-dom` on the page's clock: the element there, before its frame. */
	inDom: number;
}

/** Waits for `bench:shown` in the page and returns both marks. */
export async function shownMarks(page: Page, timeout = 120_000): Promise<Shown> {
	// Polled every 50 ms rather than every frame, so the wait adds little work to the page's main thread.
	await page.waitForFunction(() => performance.getEntriesByName('bench:shown').length > 0, undefined, {
		timeout,
		polling: 50
	});
	return page.evaluate(() => ({
		shown: performance.getEntriesByName('bench:shown')[0]!.startTime,
		inDom: performance.getEntriesByName('bench:in-dom')[0]!.startTime
	}));
}
