// The checks every engine passes, at phone size, each in a fresh session (empty storage, no
// service worker). They act as a student does (clicks, keys, a file chosen) and look at what the
// page shows; the selectors and texts are those of the Chromium suite (tests/e2e).
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { poll, probeRecord, waitFor, waitForText } from './driver.js';

/** @typedef {import('./driver.js').Driver} Driver */
/** @typedef {{ driver: Driver, setOffline: (on: boolean) => void, scratch: string }} CheckContext */

/** The first deck of the built app (build/decks/<id>.html). */
const deck =
	readdirSync('build/decks')
		.filter((name) => name.endsWith('.html'))
		.sort()[0]
		?.replace(/\.html$/, '') ?? '';

/** Every page a student or teacher can open (as tests/e2e/app.ts lists them). */
const routes = [
	'/',
	`/decks/${deck}`,
	`/study/${deck}`,
	'/study/all',
	`/quiz/${deck}`,
	'/stats',
	'/settings',
	'/classroom',
	'/classroom/take'
];

/** @param {boolean} ok @param {string} message */
function expect(ok, message) {
	if (!ok) throw new Error(message);
}

/** The home page's count of new cards due today for the deck, once the database has given it. @param {Driver} driver */
const newCount = (driver) =>
	waitFor(driver, 'the home page counts', () => {
		const text = document.querySelector('article dd.kind-new')?.textContent?.trim();
		return text && /^\d+$/.test(text) ? text : '';
	});

/** A button (or a link that looks like one) by its text. @param {string} name */
const button = (name) => ({ css: 'button, a.button', text: name });

/** The study session's counts of cards left. */
const COUNTS = '[aria-label="Cards left in this session"]';

/**
 * Rates the card on screen Good by keys (Space reveals, 3 rates) and waits until the rating is
 * saved: the counts show `newLeft` new cards.
 * @param {Driver} driver @param {number} newLeft
 */
async function rateGoodByKeys(driver, newLeft) {
	await waitFor(driver, 'the Show answer button', () =>
		[...document.querySelectorAll('button')].some((b) => b.textContent?.includes('Show answer'))
	);
	await driver.press('Space');
	await waitFor(driver, 'the Good button', () =>
		[...document.querySelectorAll('button')].some((b) => /^Good 10m/.test(b.textContent?.trim() ?? ''))
	);
	await driver.press('3');
	await waitForText(driver, new RegExp(`\\b${newLeft} new\\b`), COUNTS);
}

/** Waits until the service worker has precached the app and, after a reload, controls the page. @param {Driver} driver */
async function waitForServiceWorker(driver) {
	await driver.goto('/');
	await driver.run(async () => void (await navigator.serviceWorker.ready));
	// The worker waits for the user's word before it takes over a page; a reload hands it the page.
	await driver.reload();
	return waitFor(
		driver,
		'the service worker to control the page',
		() => navigator.serviceWorker.controller?.scriptURL ?? ''
	);
}

/**
 * Opens the settings and waits until the app runs there (it enables the form once the settings are
 * read): a click on the prerendered page before that would do nothing.
 * @param {Driver} driver
 */
async function openSettings(driver) {
	await driver.goto('/settings');
	await waitFor(driver, 'the settings form', () =>
		[...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Save settings' && !b.disabled)
	);
}

/**
 * Sets the hour the study day starts (Settings) twelve hours away from the browser's clock, so a check
 * that counts today's cards holds at any time of day: a new card rated Good is due ten minutes later,
 * which in the last ten minutes before the rollover falls on the next study day.
 * @param {Driver} driver
 */
async function dayStartsFarFromNow(driver) {
	await openSettings(driver);
	await driver.run(() => {
		const field = /** @type {HTMLInputElement} */ (document.getElementById('rolloverHour'));
		field.value = String((new Date().getHours() + 12) % 24);
		field.dispatchEvent(new Event('input', { bubbles: true }));
		field.dispatchEvent(new Event('change', { bubbles: true }));
	});
	await waitForText(driver, /^Saved\./, '[role=status]');
}

/** @param {Driver} driver */
async function noScriptError(driver) {
	const { errors } = await probeRecord(driver);
	expect(errors.length === 0, `script errors: ${errors.join(' | ')}`);
}

/** @type {[string, (context: CheckContext) => Promise<void>][]} */
export const checks = [
	[
		'first visit renders at phone size with no script error',
		async ({ driver }) => {
			await driver.goto('/');
			await waitForText(driver, /^Your decks$/, 'h1');
			expect((await newCount(driver)) === '20', 'the home page does not show 20 new cards');
			// The page's width beside any scrollbar the engine draws: nothing may stick out of it.
			const [viewport, page, scrolled] = await driver.run(() => [
				innerWidth,
				document.documentElement.clientWidth,
				document.documentElement.scrollWidth
			]);
			expect(viewport === 360 && scrolled <= page, `the page is ${scrolled} px wide in a ${viewport} px viewport`);
			await noScriptError(driver);
		}
	],
	[
		'five ratings by keyboard are saved and still there after a reload',
		async ({ driver }) => {
			await dayStartsFarFromNow(driver);
			await driver.goto(`/study/${deck}`);
			for (let i = 1; i <= 5; i++) await rateGoodByKeys(driver, 20 - i);
			await waitForText(driver, /15 new\s+5 learning/, COUNTS);
			await driver.reload();
			await waitForText(driver, /15 new\s+5 learning/, COUNTS);
			await driver.goto('/');
			expect((await newCount(driver)) === '15', 'the home page does not count 15 new cards left');
			await noScriptError(driver);
		}
	],
	[
		'the service worker controls the page',
		async ({ driver }) => {
			const worker = await waitForServiceWorker(driver);
			expect(new URL(worker).pathname === '/sw.js', `the page is controlled by ${worker}`);
		}
	],
	[
		'every route opens offline',
		async ({ driver, setOffline }) => {
			await waitForServiceWorker(driver);
			setOffline(true);
			try {
				const reached = await driver.run(() =>
					fetch('/not-in-the-precache', { cache: 'no-store' }).then(
						() => 'answered',
						() => 'unreachable'
					)
				);
				expect(reached === 'unreachable', 'the server still answers while offline');
				// The app runs offline, not only its pages: a rating is saved. Right after the classroom:
				// WebKit can leave a page's database waiting when the page before it was left while
				// creating the database, and a visit to the classroom must create none.
				await driver.goto('/classroom');
				await waitFor(driver, 'the classroom', () => document.querySelector('h1')?.textContent?.trim());
				await driver.goto(`/study/${deck}`);
				await rateGoodByKeys(driver, 19);
				for (const route of routes) {
					await driver.goto(route);
					await waitFor(driver, `a heading on ${route}`, () => document.querySelector('h1')?.textContent?.trim());
					await noScriptError(driver).catch((error) => {
						throw new Error(`${route}: ${error.message}`);
					});
				}
			} finally {
				setOffline(false);
			}
		}
	],
	[
		'a quiz question is answered and stored',
		async ({ driver }) => {
			await driver.goto(`/quiz/${deck}`);
			// The history, read from the database, shows once the app runs on the page.
			await waitForText(driver, /No quiz yet\./);
			await driver.click(button('^Build your own quiz$'));
			// Questions answered with one choice: multiple choice and true or false.
			for (const type of ['Typed answer', 'Matching', 'Ordering', 'Map']) await driver.click({ label: type });
			await driver.click(button('^Start quiz$'));
			await waitForText(driver, /^Question 1 of 10$/, 'h2');
			await driver.click({ css: 'form.question input[type=radio]' });
			await driver.click(button('^(Check|Answer)'));
			await driver.click(button('^Next question$'));
			await waitForText(driver, /^Question 2 of 10$/, 'h2');
			const prompt = () => document.querySelector('form.question legend')?.textContent?.trim() ?? '';
			const second = await driver.run(prompt);
			await driver.reload();
			await waitForText(driver, /^Question 2 of 10$/, 'h2');
			expect((await waitFor(driver, 'the question', prompt)) === second, 'the reload shows another question');
			await driver.goto(`/quiz/${deck}`);
			await waitForText(driver, /Resume quiz/);
			await noScriptError(driver);
		}
	],
	[
		'a backup is exported and imported',
		async ({ driver, scratch }) => {
			await driver.goto(`/study/${deck}`);
			await rateGoodByKeys(driver, 19);
			await openSettings(driver);
			await driver.click(button('^Export backup$'));
			await waitForText(driver, /Backup saved: 1 facts studied, 1 reviews/);
			const [download] = await poll('the backup file', async () => (await probeRecord(driver)).downloads);
			expect(/^steppe-cards-backup.*\.json$/.test(download?.name ?? ''), `the backup is named ${download?.name}`);
			const file = join(scratch, download?.name ?? 'backup.json');
			writeFileSync(file, download?.text ?? '');

			await driver.click(button('^Reset all progress'));
			await driver.click(button('^Yes, reset all progress$'));
			await waitForText(driver, /All progress was reset/);
			await driver.goto('/');
			expect((await newCount(driver)) === '20', 'the reset left studied cards');

			await openSettings(driver);
			await driver.click({ label: "Replace this device's progress" });
			await driver.upload({ label: 'Backup file' }, file);
			await driver.click(button('^Import$'));
			await driver.click(button('^Yes, replace my progress$'));
			await waitForText(driver, /Backup restored: this device now holds 1 facts studied, 1 reviews/);
			await driver.goto('/');
			expect((await newCount(driver)) === '19', 'the import did not bring back the studied card');
			await noScriptError(driver);
		}
	],
	[
		'a classroom code is taken through to a result code',
		async ({ driver }) => {
			await driver.goto('/classroom');
			await driver.type({ label: 'Title' }, 'Engine check');
			await driver.select({ label: 'Questions' }, '5');
			for (const type of ['Typed answer', 'Matching', 'Ordering']) await driver.click({ label: type });
			await waitForText(driver, /the quiz will ask 5\./);
			await driver.click(button('^Make the quiz$'));
			const code = await waitFor(driver, 'the quiz code', () =>
				document.querySelector('[aria-label="Quiz code"]')?.textContent?.trim()
			);
			expect(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/.test(code), `the quiz code reads ${code}`);

			await driver.goto('/classroom/take');
			await driver.type({ label: 'Quiz code' }, code);
			await driver.click(button('^Open the quiz$'));
			await driver.type({ label: 'Your name' }, 'Aida');
			await driver.click(button('^Start the quiz$'));
			for (let i = 1; i <= 5; i++) {
				await waitForText(driver, new RegExp(`^Question ${i} of 5$`), 'h2');
				// The answer must be chosen before it is sent: a tap the engine loses while the page re-renders
				// (its countdown ticks every second) is tried again, and the choice's own state says when it took.
				// A map question (it loads with the question) is answered from its list of names, as a screen reader's user does.
				const shown = await waitFor(driver, `the options of question ${i}`, () =>
					document.querySelector('form.question input[type=radio]')
						? 'options'
						: [...document.querySelectorAll('form.question button')].some(
								(b) => b.textContent?.trim() === 'Or answer from a list instead'
							) && 'map'
				);
				if (shown === 'map') await driver.click(button('^Or answer from a list instead$'));
				const chosen = () =>
					driver.run(() => document.querySelector('form.question input[type=radio]:checked') !== null);
				for (let tries = 0; tries < 3 && !(await chosen()); tries++)
					await driver.click({ css: 'form.question input[type=radio]' });
				expect(await chosen(), `no option of question ${i} could be chosen`);
				await driver.click(button('^Answer'));
			}
			await waitForText(driver, /^Aida: [0-5] of 5 right/, 'h2');
			const result = await waitFor(
				driver,
				'the result code',
				() => /** @type {HTMLTextAreaElement | null} */ (document.querySelector('textarea.code'))?.value
			);
			expect(/^R1[0-9A-Z]+$/.test(result), `the result code reads ${result}`);
			await noScriptError(driver);
		}
	]
];
