/**
 * The measures taken in the page by tests/bench/probe.ts: the statistics page, a backup's
 * export and import through the Settings page, and a cold offline start of the study screen.
 */
import { statSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { LaunchOptions } from './browser';
import { launch } from './browser';
import { shownMarks } from './probe';

/**
 * From navigation start to the statistics shown (probe.ts), and the page's own `stats:ready` (the
 * database read and the figures worked out), over `warmup` + `runs` loads; the warm-up left out.
 */
export async function measureStats(
	page: Page,
	base: string,
	warmup: number,
	runs: number
): Promise<{ shown: number[]; ready: number[] }> {
	const shown: number[] = [];
	const ready: number[] = [];
	for (let i = 0; i < warmup + runs; i++) {
		await page.goto(`${base}/stats`);
		const marks = await shownMarks(page);
		const readyMs = await page.evaluate(() => performance.getEntriesByName('stats:ready')[0]?.duration ?? NaN);
		if (i < warmup) continue;
		shown.push(marks.shown);
		ready.push(readyMs);
	}
	return { shown, ready };
}

/** Opens the Settings page and waits until it is hydrated (the storage figures and the flagged cards appear only in the browser). */
async function openSettings(page: Page, base: string) {
	await page.goto(`${base}/settings`);
	await page.waitForFunction(
		() => ![...document.querySelectorAll('p')].some((p) => p.textContent === 'Checking…'),
		undefined,
		{
			timeout: 30_000
		}
	);
}

export interface Exported {
	file: string;
	bytes: number;
	/** From the click on "Export backup" to its message, timed from Playwright (one run, for information). */
	ms: number;
	message: string;
}

/** Exports a backup with the app's own button (src/lib/backup) and saves the downloaded file to `file`. */
export async function exportBackup(page: Page, base: string, file: string): Promise<Exported> {
	await openSettings(page, base);
	const started = performance.now();
	const [download] = await Promise.all([
		page.waitForEvent('download', { timeout: 120_000 }),
		page.getByRole('button', { name: 'Export backup' }).click()
	]);
	const status = page.getByRole('status').filter({ hasText: /^Backup saved/ });
	await status.waitFor({ timeout: 120_000 });
	const ms = performance.now() - started;
	await download.saveAs(file);
	return { file, bytes: statSync(file).size, ms, message: (await status.textContent()) ?? '' };
}

/**
 * Imports `file` in replace mode, `runs` times, each on a freshly opened Settings page: from
 * the click confirming it (a mark set in the page just before the click) to the success
 * message shown (probe.ts). Reading, checking and writing the file are all in it.
 */
export async function measureImport(
	page: Page,
	base: string,
	file: string,
	runs: number
): Promise<{ times: number[]; message: string }> {
	const times: number[] = [];
	let message = '';
	for (let i = 0; i < runs; i++) {
		await openSettings(page, base);
		await page.locator('input[type="file"]').setInputFiles(file);
		await page.getByRole('radio', { name: /^Replace/ }).check();
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await page.evaluate(() => {
			const button = [...document.querySelectorAll('button')].find(
				(b) => b.textContent?.trim() === 'Yes, replace my progress'
			);
			if (!button) throw new Error('no button confirming the import');
			performance.mark('bench:import-start');
			button.click();
		});
		// The import either succeeds (the probe's mark) or shows an error, which fails the bench.
		await page.waitForFunction(
			() =>
				performance.getEntriesByName('bench:shown').length > 0 ||
				Boolean(document.querySelector('p[role="alert"]')?.textContent?.trim()),
			undefined,
			{ timeout: 300_000, polling: 100 }
		);
		const error = (await page.locator('p[role="alert"]').textContent())?.trim();
		if (error) throw new Error(`the import failed: ${error}`);
		const { shown } = await shownMarks(page);
		const start = await page.evaluate(() => performance.getEntriesByName('bench:import-start')[0]!.startTime);
		times.push(shown - start);
		message =
			(await page
				.getByRole('status')
				.filter({ hasText: /^Backup restored/ })
				.textContent()) ?? '';
	}
	return { times, message };
}

/** Installs the app's service worker in `profile` (online) and returns how many responses it precached. */
export async function installWorker(base: string, options: LaunchOptions): Promise<number> {
	const session = await launch({ ...options, serviceWorkers: 'allow', offline: false });
	try {
		await session.page.goto(`${base}/`);
		return await session.page.evaluate(async () => {
			// `ready` resolves once a worker is active, that is after its install (the precaching) succeeded.
			await navigator.serviceWorker.ready;
			let entries = 0;
			for (const name of await caches.keys()) entries += (await (await caches.open(name)).keys()).length;
			return entries;
		});
	} finally {
		await session.close();
	}
}

export interface ColdRun {
	/** Navigation start to the first card's "Show answer" shown (probe.ts), on the page's clock. */
	shown: number;
	/** The Chromium process launched and its first page open, timed from Playwright; not in `shown`. */
	launchMs: number;
	/** Where the time went, on the page's clock: the HTML received, DOMContentLoaded, the queue built. */
	htmlEnd: number;
	domContentLoaded: number;
	queueStart: number;
	queueEnd: number;
	/**
	 * The study page's own User Timing entries on the way to the first card (`study:*`: the database warmed, the page
	 * hydrated, the database found and opened, the settings read, the queue built), each from its start to its end.
	 */
	steps: Record<string, { start: number; end: number }>;
}

/**
 * One cold offline start: a new Chromium process on the profile whose worker is installed,
 * offline from the start, opening `url`. The caller stops the server too: Playwright's
 * offline emulation does not always reach the service worker's own requests (seen with
 * Chromium 156 and Playwright 1.65: in one start of two to four the worker still fetched
 * from the server, its navigator.onLine false all the same). Checks
 * that the worker controls the page and that the worker itself gets no answer from the
 * network, so the page really came from the precache.
 */
export async function coldStart(url: string, options: LaunchOptions): Promise<ColdRun> {
	const started = performance.now();
	const session = await launch({ ...options, serviceWorkers: 'allow', offline: true });
	const launchMs = performance.now() - started;
	try {
		const { page, context } = session;
		await page.goto(url);
		const { shown } = await shownMarks(page);
		const timing = await page.evaluate(() => {
			const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
			const queue = performance.getEntriesByName('study:queue')[0];
			const steps: Record<string, { start: number; end: number }> = {};
			for (const e of performance.getEntries())
				if (e.name.startsWith('study:')) steps[e.name] ??= { start: e.startTime, end: e.startTime + e.duration };
			return {
				steps,
				controlled: navigator.serviceWorker.controller !== null,
				htmlEnd: nav.responseEnd,
				domContentLoaded: nav.domContentLoadedEventEnd,
				queueStart: queue?.startTime ?? NaN,
				queueEnd: queue ? queue.startTime + queue.duration : NaN
			};
		});
		if (!timing.controlled) throw new Error('cold start: the service worker does not control the page');
		const worker = context.serviceWorkers()[0];
		if (!worker) throw new Error('cold start: Playwright sees no service worker');
		// A request the precache does not hold: it must fail, or "offline" is not offline.
		const fetched = await worker.evaluate(() =>
			fetch(`/bench-offline-check?${Date.now()}`, { cache: 'no-store' }).then(
				(r) => `status ${r.status}`,
				() => 'failed'
			)
		);
		if (fetched !== 'failed')
			throw new Error(`cold start: the service worker reached the network while offline (${fetched})`);
		return {
			shown,
			launchMs,
			htmlEnd: timing.htmlEnd,
			domContentLoaded: timing.domContentLoaded,
			queueStart: timing.queueStart,
			queueEnd: timing.queueEnd,
			steps: timing.steps
		};
	} finally {
		await session.close();
	}
}
