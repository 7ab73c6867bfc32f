import { expect, test, type Page } from '@playwright/test';
import { deck, rateGood } from './app';
import { stallableWrites, storedRows } from './storage-faults';

const front = (i: number) => deck.facts[i]!.cards[0]!.front;
const counts = (page: Page) => page.getByLabel('Cards left in this session');
const newOnHome = (page: Page) => page.getByRole('article', { name: deck.title }).locator('dd.kind-new');

test('a tab killed while a rating is being written keeps all of the rating or none of it', async ({ context }) => {
	const page = await context.newPage();
	const writes = await stallableWrites(page);
	await page.goto(`/study/${deck.id}`);
	await rateGood(page);
	const stalled = await writes.stall('reviews');
	await page.getByRole('button', { name: /Show answer/ }).click();
	await page.getByRole('button', { name: /^Good / }).click();
	await stalled.held;
	await page.close({ runBeforeUnload: false });

	const reopened = await context.newPage();
	await reopened.goto(`/study/${deck.id}`);
	await expect(reopened.getByRole('heading', { level: 2, name: front(1) })).toBeVisible();
	await expect(counts(reopened)).toHaveText(/19 new\s+1 learning/);
	expect(await storedRows(reopened)).toMatchObject({ factStates: 1, reviews: 1, reviewHours: 1 });
});

test('a tab killed while a backup is being imported leaves the data as it was, none of the backup in it', async ({
	context
}) => {
	const page = await context.newPage();
	const writes = await stallableWrites(page);
	await page.goto(`/study/${deck.id}`);
	await rateGood(page);
	await page.goto('/settings');
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export backup' }).click();
	const backup = await (await downloading).path();
	await page.goto(`/study/${deck.id}`);
	await rateGood(page);
	await rateGood(page);
	const before = await storedRows(page);
	expect(before).toMatchObject({ factStates: 3, reviews: 3 });

	await page.goto('/settings');
	const stalled = await writes.stall('reviews');
	await page.getByLabel("Replace this device's progress").check();
	await page.getByLabel('Backup file').setInputFiles(backup);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('button', { name: 'Yes, replace my progress' }).click();
	await stalled.held;
	await page.close({ runBeforeUnload: false });

	const reopened = await context.newPage();
	await reopened.goto('/');
	await expect(newOnHome(reopened)).toHaveText('17');
	expect(await storedRows(reopened)).toEqual(before);
});
