/**
 * `npm run bench`: how fast the study screen is with a large history, in Chromium.
 *
 * Builds the app with a synthetic deck of 20,000 facts (from a snapshot of the project
 * in a temp dir, never touching questions/, build/ or .svelte-kit/), seeds IndexedDB
 * with a state for every fact and 200,000 review rows (tests/bench/seed.ts), then
 * reads the User Timing measures the app records:
 *   study:queue         the day's queue read until its first card can show (src/lib/srs/session.svelte.ts)
 *   study:queue-whole   the whole day's queue read (it loads while the first card shows)
 *   study:rate-to-next  a rating saved and the next card focused (StudyCard.svelte)
 * It prints median and p95 against the targets. A missed target is reported, not
 * an error: the exit code is non-zero only when the bench itself fails.
 *
 * Options (environment): BENCH_KEEP=1 keeps the temp dir; BENCH_SKIP_BUILD=1 reuses
 * a build kept by BENCH_KEEP=1; BENCH_CPU_THROTTLE=4 slows the page's CPU that many
 * times (a mid-range phone is about 4×); BENCH_THINK_MS=1500 waits that long on each
 * answer before rating, as a person would (by default the bench rates at once);
 * BENCH_IN_MEMORY=1 uses an incognito profile, whose IndexedDB lives in memory.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative, sep } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { stringify } from 'yaml';
import { seedInPage } from './seed';

const DECK = 'bench';
const FACTS = 20_000;
const REVIEWS = 200_000;
const REVIEWS_TODAY = 300;
const QUEUE_LOADS = 15; // the first one is a warm-up, left out
const RATE_WARMUP = 5;
const RATINGS = 60;
const TARGETS = { queue: { median: 50 }, rate: { median: 16 } };

const ROOT = process.env.BENCH_DIR ?? '/tmp/steppe-bench';
const BANK = join(ROOT, 'bank');
const BUILD = join(ROOT, 'build');
const APP = join(ROOT, 'app');
const PROFILE = join(ROOT, 'chromium-profile');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CPU_THROTTLE = Number(process.env.BENCH_CPU_THROTTLE ?? 1);
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 0);
const IN_MEMORY = Boolean(process.env.BENCH_IN_MEMORY);

const factId = (i: number) => `f-${String(i).padStart(5, '0')}`;

// ---------------------------------------------------------------- the deck

function writeDeck() {
	const dir = join(BANK, DECK);
	rmSync(BANK, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	writeFileSync(
		join(dir, 'deck.yaml'),
		stringify({
			id: DECK,
			title: 'Bench deck',
			description: 'Twenty thousand synthetic facts for the performance bench.',
			source: {
				title: 'Synthetic source',
				publisher: 'Steppe Cards bench',
				publisherShort: 'Bench',
				keywords: ['bench'],
				paragraphs: [1, 2, 3, 4, 5].map((n) => ({ n, topic: `Synthetic paragraph ${n}` }))
			}
		})
	);
	const facts = Array.from({ length: FACTS }, (_, i) => ({
		id: factId(i),
		statement: `Synthetic fact number ${i} states something worth remembering.`,
		paragraphs: [(i % 5) + 1],
		countries: ['regional'],
		themes: ['history'],
		cards: [{ front: `What does synthetic fact ${i} say?`, back: `Answer number ${i}.` }],
		questions: [
			{
				id: 'true-or-false',
				type: 'true-false',
				prompt: `Synthetic fact ${i} is about the number ${i}.`,
				answer: true,
				explanation: `It is: fact ${i} carries the number ${i}.`
			},
			{
				id: 'which',
				type: 'multiple-choice',
				prompt: `Which number does synthetic fact ${i} carry?`,
				options: [String(i), String(i + 1), String(i + 2)],
				answer: String(i),
				explanation: `Fact ${i} carries ${i}.`
			}
		]
	}));
	// JSON is YAML, and much faster to write and read for 20,000 facts.
	writeFileSync(join(dir, 'facts.yaml'), JSON.stringify({ facts }));
}

// ---------------------------------------------------------------- build and serve

/**
 * Builds from a snapshot of the project in the temp dir (node_modules linked): a build
 * writes `.svelte-kit/output`, which a build or test run in the working tree at the same
 * time would otherwise share, each overwriting the other's output.
 */
function build() {
	rmSync(APP, { recursive: true, force: true });
	const skip = new Set(['node_modules', '.svelte-kit', '.git', 'build', 'test-results', 'playwright-report', 'questions']);
	cpSync(process.cwd(), APP, { recursive: true, filter: (src) => !skip.has(relative(process.cwd(), src).split(sep)[0]!) });
	symlinkSync(join(process.cwd(), 'node_modules'), join(APP, 'node_modules'), 'dir');
	// The 20,000-fact deck chunk (~13 MB) is over Workbox's 2 MiB precache limit, which the PWA
	// plugin treats as an error; in the snapshot only, it is told to warn and skip them instead.
	const config = join(APP, 'vite.config.ts');
	const source = readFileSync(config, 'utf8');
	if (!source.includes('SvelteKitPWA({')) throw new Error('vite.config.ts no longer calls SvelteKitPWA({…}): update tests/bench/run.ts');
	writeFileSync(config, source.replace('SvelteKitPWA({', 'SvelteKitPWA({ showMaximumFileSizeToCacheInBytesWarning: true,'));
	const sync = spawnSync('npx', ['svelte-kit', 'sync'], { cwd: APP, stdio: 'inherit' });
	if (sync.status !== 0) throw new Error(`svelte-kit sync failed (exit ${sync.status})`);
	const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
		cwd: APP,
		stdio: ['ignore', 'inherit', 'inherit'],
		env: { ...process.env, QUESTION_BANK: BANK, BUILD_DIR: BUILD }
	});
	if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`);
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

function serve(port: number): Promise<ChildProcess> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['tests/serve.js', BUILD, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
		const timer = setTimeout(() => reject(new Error('the static server did not start')), 10_000);
		child.on('error', reject);
		child.on('exit', (code) => reject(new Error(`the static server exited (${code})`)));
		child.stdout!.on('data', (chunk: Buffer) => {
			if (chunk.toString().includes('Serving')) {
				clearTimeout(timer);
				resolve(child);
			}
		});
	});
}

// ---------------------------------------------------------------- measuring

const durations = (page: Page, name: string) =>
	page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.duration), name);

async function measureQueue(page: Page, base: string): Promise<{ times: number[]; whole: number[]; counts: string }> {
	const times: number[] = [];
	const whole: number[] = [];
	let counts = '';
	for (let i = 0; i < QUEUE_LOADS; i++) {
		await page.goto(`${base}/study/${DECK}`);
		await page.waitForFunction(() => performance.getEntriesByName('study:queue').length > 0, undefined, { timeout: 60_000 });
		await page.waitForFunction(() => performance.getEntriesByName('study:queue-whole').length > 0, undefined, { timeout: 60_000 });
		const [duration] = await durations(page, 'study:queue');
		const [wholeDuration] = await durations(page, 'study:queue-whole');
		if (i > 0) {
			times.push(duration!);
			whole.push(wholeDuration!);
		}
		if (i === 0) {
			await page.getByRole('button', { name: /Show answer/ }).waitFor({ timeout: 60_000 });
			// The counts show once the whole queue is in (a dash until then).
			const left = page.getByLabel('Cards left in this session').and(page.locator('[aria-busy="false"]'));
			counts = (await left.textContent())?.replace(/\s+/g, ' ').trim() ?? '';
		}
	}
	return { times, whole, counts };
}

async function measureRating(page: Page): Promise<number[]> {
	const showAnswer = page.getByRole('button', { name: /Show answer/ });
	await showAnswer.waitFor({ timeout: 60_000 });
	const grades = [3, 3, 1, 3, 4, 2, 3] as const;
	for (let i = 0; i < RATE_WARMUP + RATINGS; i++) {
		await showAnswer.waitFor();
		await page.keyboard.press('Space');
		const grade = grades[i % grades.length]!;
		const button = page.locator(`.grades button.g${grade}:not([disabled])`);
		await button.waitFor();
		if (THINK_MS > 0) await page.waitForTimeout(THINK_MS);
		await page.keyboard.press(String(grade));
		await page.waitForFunction((n) => performance.getEntriesByName('study:rate-to-next').length >= n, i + 1);
	}
	return (await durations(page, 'study:rate-to-next')).slice(RATE_WARMUP);
}

// ---------------------------------------------------------------- report

function quantile(sorted: number[], q: number): number {
	if (sorted.length === 0) return NaN;
	const at = (sorted.length - 1) * q;
	const lo = Math.floor(at);
	const hi = Math.ceil(at);
	return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

function row(name: string, times: number[], target: number) {
	const sorted = [...times].sort((a, b) => a - b);
	const median = quantile(sorted, 0.5);
	const p95 = quantile(sorted, 0.95);
	return { measure: name, n: times.length, median: median.toFixed(1), p95: p95.toFixed(1), max: sorted.at(-1)!.toFixed(1), target: `≤ ${target} ms median`, meets: median <= target ? 'yes' : 'NO' };
}

function table(rows: Record<string, string | number>[]) {
	const keys = Object.keys(rows[0]!);
	const width = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
	const line = (cells: string[]) => cells.map((c, i) => c.padEnd(width[i]!)).join('  ');
	console.log(line(keys));
	console.log(line(width.map((w) => '-'.repeat(w))));
	for (const r of rows) console.log(line(keys.map((k) => String(r[k]))));
}

// ---------------------------------------------------------------- main

async function main() {
	const t0 = performance.now();
	const step = (label: string, since: number) => console.log(`${label} in ${((performance.now() - since) / 1000).toFixed(1)} s`);
	let server: ChildProcess | undefined;
	let browser: Browser | undefined;
	let context: BrowserContext | undefined;
	const stop = () => {
		server?.kill();
		server = undefined;
	};
	process.once('SIGINT', () => {
		stop();
		void context?.close();
		void browser?.close();
		process.exit(130);
	});
	try {
		if (!(process.env.BENCH_SKIP_BUILD && existsSync(join(BUILD, 'index.html')))) {
			let t = performance.now();
			writeDeck();
			step(`Wrote a deck of ${FACTS} facts to ${BANK}`, t);
			t = performance.now();
			build();
			step(`Built the app into ${BUILD}`, t);
		}
		const port = await freePort();
		server = await serve(port);
		const base = `http://127.0.0.1:${port}`;

		const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
		// Service workers are blocked so that precaching the big deck never competes with the measures for the CPU.
		const options = { viewport: { width: 360, height: 740 }, serviceWorkers: 'block' } as const;
		if (IN_MEMORY) {
			browser = await chromium.launch({ executablePath: CHROMIUM, args });
			context = await browser.newContext(options);
		} else {
			// By default a profile on disk, as a user's: an incognito context keeps IndexedDB in
			// memory, several times faster than the LevelDB files a real device reads.
			rmSync(PROFILE, { recursive: true, force: true });
			context = await chromium.launchPersistentContext(PROFILE, { executablePath: CHROMIUM, args, ...options });
		}
		console.log(`Chromium, ${IN_MEMORY ? 'incognito profile (IndexedDB in memory)' : 'profile on disk'}`);
		// tsx (esbuild keepNames) wraps functions in __name(); the page has no such helper.
		await context.addInitScript('globalThis.__name = (f) => f;');
		const page = context.pages()[0] ?? (await context.newPage());
		page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
		if (CPU_THROTTLE > 1) {
			const cdp = await context.newCDPSession(page);
			await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
			console.log(`CPU throttled ${CPU_THROTTLE}×`);
		}

		// The home page opens the database, so Dexie creates it with its schema.
		await page.goto(`${base}/`);
		await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'steppe-cards'), undefined, { timeout: 30_000 });
		await page.getByRole('article', { name: 'Bench deck' }).locator('dd.kind-new').filter({ hasText: /\d/ }).waitFor({ timeout: 60_000 });
		// Seed from a page of the same origin that holds no database connection (a 404),
		// so no live query of the home page re-runs during the writes.
		await page.goto(`${base}/__bench-seed`);
		const seeded = await page.evaluate(seedInPage, { deckId: DECK, facts: FACTS, reviews: REVIEWS, reviewsToday: REVIEWS_TODAY, rolloverHour: 4 });
		console.log(
			`Seeded ${seeded.factStates} fact states (${seeded.review} review, ${seeded.learning} learning, ${seeded.relearning} relearning) ` +
				`and ${seeded.reviews} reviews (${REVIEWS_TODAY} today) in ${(seeded.ms / 1000).toFixed(1)} s`
		);

		let t = performance.now();
		const queue = await measureQueue(page, base);
		step(`Queue: ${QUEUE_LOADS} loads of /study/${DECK} (${queue.counts})`, t);
		t = performance.now();
		const rate = await measureRating(page);
		step(`Rate→next: ${RATE_WARMUP} warm-up + ${RATINGS} ratings${THINK_MS ? ` (${THINK_MS} ms on each answer)` : ''}`, t);

		console.log('');
		table([
			row('study:queue', queue.times, TARGETS.queue.median),
			{ ...row('study:queue-whole', queue.whole, TARGETS.queue.median), target: '(in the background)', meets: '' },
			row('study:rate-to-next', rate, TARGETS.rate.median)
		]);
		console.log('');
		const raw = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(' ');
		console.log(`queue (ms): ${raw(queue.times)}`);
		console.log(`whole queue (ms): ${raw(queue.whole)}`);
		console.log(`rate→next (ms): ${raw(rate)}`);
		writeFileSync(join(ROOT, 'results.json'), JSON.stringify({ seeded, queue: queue.times, queueWhole: queue.whole, rate, cpuThrottle: CPU_THROTTLE, thinkMs: THINK_MS, inMemory: IN_MEMORY }, null, 2));
		step('\nWhole bench', t0);
	} finally {
		await context?.close();
		await browser?.close();
		stop();
		if (!process.env.BENCH_KEEP) {
			for (const dir of [BANK, BUILD, APP, PROFILE]) rmSync(dir, { recursive: true, force: true });
		}
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
