// "Fit my schedule" (Settings): the FSRS optimiser's WebAssembly in a worker, on a page the service
// worker makes cross-origin isolated, fitted to a simulated history whose true parameters are known.
import { expect, test, type Page } from '@playwright/test';
import { SIMULATED_TRUTH, simulateHistory } from '../../src/lib/srs/optimiser/simulate';
import { deck } from './app';

/** Opens the settings page once the service worker controls it, so the page is served cross-origin isolated. */
async function openIsolated(page: Page) {
	await page.goto('/settings');
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Fit my schedule' })).toBeVisible();
}

/** A backup file (format 1) holding the simulated history. */
function historyBackup() {
	const { reviews, factStates } = simulateHistory({
		truth: SIMULATED_TRUTH,
		deckId: deck.id,
		start: new Date(2026, 0, 5).getTime(),
		days: 120,
		newPerDay: 10,
		seed: 11
	});
	const backup = {
		format: 'steppe-cards-backup',
		version: 1,
		exportedAt: Date.now(),
		tables: { factStates, reviews, settings: [], quizAttempts: [], quizAnswers: [], meta: [] }
	};
	return { name: 'history.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) };
}

/** Replaces the device's progress with the simulated history, through Settings › Backup. */
async function importHistory(page: Page) {
	await page.getByLabel("Replace this device's progress").check();
	await page.getByLabel('Backup file').setInputFiles(historyBackup());
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('button', { name: 'Yes, replace my progress' }).click();
	await expect(page.getByText('Backup restored')).toBeVisible();
}

const resultsTable = (page: Page) => page.getByRole('table', { name: /Predictions of your latest \d+ reviews/ });

test('a first visit is not isolated: it says so and still fits; once the worker controls the page it is isolated', async ({
	page
}) => {
	await page.goto('/settings');
	expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
	await expect(page.getByText('No progress bar this time')).toBeVisible();
	await importHistory(page);
	await page.getByRole('button', { name: 'Fit my schedule' }).click();
	await expect(resultsTable(page)).toBeVisible({ timeout: 60_000 });

	await openIsolated(page);
	expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
	await expect(page.getByText('No progress bar this time')).toBeHidden();
});

test('fit my schedule: too little history, then progress, cancel, the metrics, apply, reschedule and back', async ({
	page
}) => {
	// Two fits of a few thousand reviews, and a cancelled one: on a busy 2-core machine that is more than the default 30 s.
	test.setTimeout(150_000);
	await openIsolated(page);
	const fit = page.getByRole('button', { name: 'Fit my schedule' });
	await fit.click();
	await expect(page.getByText('Not enough history yet: fitting needs about 80 more reviews')).toBeVisible();

	await importHistory(page);
	await expect(page.getByText("In use: FSRS's default parameters")).toBeVisible();

	// Progress while it trains, and Cancel stops it.
	const progress = page.getByRole('progressbar', { name: 'Fitting to your reviews…' });
	await fit.click();
	await expect
		.poll(() => progress.evaluate((bar: HTMLProgressElement) => bar.position), { intervals: [50], timeout: 60_000 })
		.toBeGreaterThan(0);
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByText('Cancelled. Nothing was changed.')).toBeVisible();

	await fit.click();
	await expect(progress).toBeVisible();
	const table = resultsTable(page);
	await expect(table).toBeVisible({ timeout: 60_000 });
	const score = async (row: string) =>
		(
			await table
				.getByRole('row', { name: new RegExp(`^${row}`) })
				.getByRole('cell')
				.allTextContents()
		).map(Number);
	const [inUseLoss, inUseRmse] = await score('In use');
	const [fittedLoss, fittedRmse] = await score('Fitted');
	expect(fittedLoss).toBeLessThan(inUseLoss!);
	expect(fittedRmse).toBeLessThan(inUseRmse!);
	await expect(page.getByText('The fitted parameters predicted your recent reviews better.')).toBeVisible();

	await page.getByRole('button', { name: 'Use the fitted parameters' }).click();
	await expect(page.getByText('Your schedule now uses the fitted parameters')).toBeVisible();
	await expect(page.getByText('In use: parameters fitted to your reviews')).toBeVisible();
	const stored = () =>
		page.evaluate(
			() =>
				new Promise<number[] | undefined>((resolve) => {
					const open = indexedDB.open('steppe-cards');
					open.onsuccess = () => {
						const get = open.result.transaction('settings').objectStore('settings').get('study');
						get.onsuccess = () => resolve(get.result?.parameters);
					};
				})
		);
	expect(await stored()).toHaveLength(21);
	// The WebAssembly is kept for offline use after its first load.
	expect(await page.evaluate(async () => (await (await caches.open('fsrs-optimiser')).keys()).length)).toBe(1);

	// Rescheduling saves a backup that undoes it, then gives the facts new due dates.
	const dueDates = () =>
		page.evaluate(
			() =>
				new Promise<number[]>((resolve) => {
					const open = indexedDB.open('steppe-cards');
					open.onsuccess = () => {
						const all = open.result.transaction('factStates').objectStore('factStates').getAll();
						all.onsuccess = () => resolve(all.result.map((s: { due: number }) => s.due));
					};
				})
		);
	const before = await dueDates();
	const saving = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Reschedule all cards' }).click();
	expect((await saving).suggestedFilename()).toMatch(/^steppe-cards-backup-.*\.json$/);
	await expect(
		page.getByText(/\d+ facts have a new due date from the parameters in use\. To undo it, import the backup/)
	).toBeVisible();
	expect((await dueDates()).filter((due, i) => due !== before[i]).length).toBeGreaterThan(0);

	await page.getByRole('button', { name: 'Back to the previous parameters' }).click();
	await expect(page.getByText('Back to the previous parameters, from your next rating on.')).toBeVisible();
	await expect(page.getByText("In use: FSRS's default parameters")).toBeVisible();
	expect(await stored()).toBeUndefined();
});
