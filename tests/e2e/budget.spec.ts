// Size budgets for a phone on a slow network: the JavaScript a page loads, and the whole precache.
// Sizes are gzip level 9 of each file as served, the way a static host would compress it.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { deck } from './app';

const KB = 1024;

const describe = (what: string, total: number, files: [string, number][]) =>
	`${what} ${(total / KB).toFixed(1)} KB; largest: ${[...files]
		.sort((a, b) => b[1] - a[1])
		.slice(0, Number(process.env.BUDGET_FILES ?? 5))
		.map(([name, size]) => `${name} ${(size / KB).toFixed(1)} KB`)
		.join(', ')}`;

/**
 * Every script the page itself fetches (not the service worker's precache, which runs beside it)
 * from `goto` until `ready` and the network is quiet, so scripts imported lazily after load count too.
 */
async function scriptsLoaded(page: Page, url: string, ready: () => Promise<void>) {
	const scripts = new Map<string, number>();
	const libraries = new Set<string>();
	const webAssembly: string[] = [];
	const reading: Promise<void>[] = [];
	page.on('response', (response) => {
		const request = response.request();
		if (new URL(response.url()).pathname.endsWith('.wasm')) webAssembly.push(new URL(response.url()).pathname);
		const isScript = request.resourceType() === 'script' || new URL(response.url()).pathname.endsWith('.js');
		if (request.serviceWorker() || !isScript) return;
		reading.push(
			response.body().then((body) => {
				scripts.set(new URL(response.url()).pathname, gzipSync(body, { level: 9 }).length);
				const text = body.toString();
				for (const [library, mark] of Object.entries(LIBRARY_MARKS)) if (text.includes(mark)) libraries.add(library);
			})
		);
	});
	await page.goto(url);
	await ready();
	await page.waitForLoadState('networkidle');
	await Promise.all(reading);
	const files = [...scripts];
	return { total: files.reduce((n, [, size]) => n + size, 0), files, libraries: [...libraries].sort(), webAssembly };
}

/** Text that survives minifying, found only in each library: which of them a page has loaded. */
const LIBRARY_MARKS = {
	'ts-fsrs': 'FSRSValidationError',
	// The QR code's alphanumeric alphabet, in the encoder (uqr) only.
	uqr: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:',
	// The FSRS optimiser's glue to its WebAssembly, loaded only by its worker when a student fits.
	'fsrs-browser': 'wasm_bindgen_worker_init',
	// The map of map questions (its shapes and its component), with the attribution it always shows.
	'region map': 'Natural Earth (public domain)'
};

// 74 KB, not 73: the database chunk every page loads gained the middleware that keeps the fact states'
// digests with every write to the states (db/state-digests.ts, +0.9 KB: the statistics read a deck's states
// as 64 packed rows, 58 ms at 20,000 states instead of 139; it must load wherever states can be written). Earlier,
// 73 KB, not 72: the database chunk every page loads gained the review log's reads across its rows and its
// packed part (db/review-log.ts: a backup or an Anki history of 200,000 reviews is written in seconds, not
// minutes), the day tallies kept with every review (db/review-days.ts: the statistics read 366 rows, not
// 8,761) and the read of a deck's suspended cards (db/suspended-ids.ts), and home starts the background
// move of old reviews into the packed log (72.5 KB in all). Earlier, 72 KB, not 70: that round gave every page a route table with the user's deck screens (the app's entry
// file, +0.3 KB), the Svelte runtime those screens use (the shared framework chunk, +0.3 KB), and home its
// own decks, class quiz and deck links (+0.4 KB); the screens' own code loads only on their routes.
test('the home page loads at most 74 KB of JavaScript (gzip)', async ({ page }) => {
	const { total, files } = await scriptsLoaded(page, '/', async () => {
		await expect(
			page.getByRole('article', { name: deck.title }).getByLabel('Due today').locator('dd.kind-new')
		).not.toHaveText('–');
	});
	console.log(describe('home page JS', total, files));
	expect(total, describe('home page JS', total, files)).toBeLessThanOrEqual(74 * KB);
});

// 96 KB, not 95: the same middleware as home's, keeping the states' digests (+0.9 KB), and the Suspend key (@)
// with U's undo of a suspension (30 bytes). Earlier, 95 KB, not 94:
// the same additions to the database chunk as home's (the review log's reads, the day tallies,
// the suspended cards' read) and the Suspend button beside the flag, whose writes load on first tap (94.9 KB
// in all). Earlier, 94 KB, not 92: that round the first card's path gained the flag button, the message that another tab
// replaced the data, the two-tab refresh of the queue and 16 map facts in the deck's outline (94.1 KB in
// all), of which the rating's writes, the persistence request, the flag's storage and an imported card's
// media were then moved to load when first needed (93.1 KB). Earlier: 92 KB for the rating's error
// message, four grade colours, fitted FSRS parameters and the user's decks' resolution.
test('a study session up to the first card loads at most 96 KB of JavaScript (gzip)', async ({ page }) => {
	const { total, files } = await scriptsLoaded(page, `/study/${deck.id}`, () =>
		expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible()
	);
	console.log(describe('study JS', total, files));
	expect(total, describe('study JS', total, files)).toBeLessThanOrEqual(96 * KB);
});

// The scheduler only where cards are rated, the QR encoder only where a class quiz is made. The
// last two pages show that a library's mark is found where it is loaded.
for (const [path, expected] of [
	['/', []],
	[`/decks/${deck.id}`, []],
	[`/quiz/${deck.id}`, []],
	['/stats', []],
	['/settings', []],
	[`/study/${deck.id}`, ['ts-fsrs']],
	['/classroom', ['uqr']]
] as const) {
	test(`${path} loads ${expected.length ? `only ${expected.join(', ')} of the scheduler and QR code` : 'neither the scheduler nor the QR code'}, and no WebAssembly`, async ({
		page
	}) => {
		const { libraries, webAssembly } = await scriptsLoaded(page, path, async () => {
			await expect(page.locator('h1')).toBeVisible();
		});
		expect(libraries).toEqual(expected);
		// The optimiser's (and the QR scanner's) WebAssembly comes only when asked for.
		expect(webAssembly).toEqual([]);
	});
}

test('the map loads with the first map question, within 15 KB (gzip), and is precached', async ({ page }) => {
	const { libraries, files } = await scriptsLoaded(page, `/quiz/${deck.id}`, async () => {
		await page.getByRole('button', { name: 'Build your own quiz' }).tap();
		const types = page.getByRole('group', { name: 'Question types' });
		await types.getByRole('button', { name: /Clear all/ }).tap();
		await types.getByRole('checkbox', { name: 'Map' }).tap();
		await page.getByRole('button', { name: 'Start quiz' }).tap();
		await expect(page.locator('svg.map')).toBeVisible();
	});
	expect(libraries).toContain('region map');
	const mapFiles = files.filter(([path]) =>
		readFileSync(join('build', path), 'utf8').includes(LIBRARY_MARKS['region map'])
	);
	expect(mapFiles).toHaveLength(1);
	expect(mapFiles[0]![1]).toBeLessThanOrEqual(15 * KB);
	expect(readFileSync('build/sw.js', 'utf8')).toContain(mapFiles[0]![0].slice(1));
});

test('the whole precache is at most 600 KB (gzip), without WebAssembly', () => {
	const worker = readFileSync('build/sw.js', 'utf8');
	const urls = [...worker.matchAll(/"?url"?:"([^"]+)"/g)].map((m) => m[1]!);
	expect(urls.length).toBeGreaterThan(10);
	expect(urls.filter((url) => url.endsWith('.wasm'))).toEqual([]);
	const files = urls.map((url): [string, number] => {
		const path = url === '/' ? 'index.html' : url;
		const file = [path, `${path}.html`]
			.map((p) => join('build', p))
			.find((c) => statSync(c, { throwIfNoEntry: false })?.isFile());
		if (!file) throw new Error(`precached ${url} is not in build/`);
		return [url, gzipSync(readFileSync(file), { level: 9 }).length];
	});
	const total = files.reduce((n, [, size]) => n + size, 0);
	console.log(describe('precache', total, files));
	expect(total, describe('precache', total, files)).toBeLessThanOrEqual(600 * KB);
});
