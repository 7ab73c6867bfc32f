import { expect, test, type Page } from '@playwright/test';
import { deck, pickClassAnswer, rateGood, startQuizOfType } from './app';
import { fillableDisk, stallableWrites, storedRows } from './storage-faults';

// The backup import writes from a worker, which the faults reach through its routed script
// (storage-faults.ts); the app's service worker would fetch that script unseen by the route.
test.use({ serviceWorkers: 'block' });

const front = (i: number) => deck.facts[i]!.cards[0]!.front;
const counts = (page: Page) => page.getByLabel('Cards left in this session');
const newOnHome = (page: Page) => page.getByRole('article', { name: deck.title }).locator('dd.kind-new');

/** Rates one card, exports a backup from the settings and gives the downloaded file's path. */
async function backupOfOneRating(page: Page): Promise<string> {
	await page.goto(`/study/${deck.id}`);
	await rateGood(page);
	await page.goto('/settings');
	await page.waitForLoadState('networkidle'); // the page's buttons work once it has hydrated
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export backup' }).click();
	return (await downloading).path();
}

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
	const backup = await backupOfOneRating(page);
	await page.goto(`/study/${deck.id}`);
	await rateGood(page);
	await rateGood(page);
	const before = await storedRows(page);
	expect(before).toMatchObject({ factStates: 3, reviews: 3 });

	await page.goto('/settings');
	await page.waitForLoadState('networkidle'); // the page's buttons work once it has hydrated
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

test.describe('a full disk', () => {
	test('a quiz answer that cannot be saved stays typed, says why, and is saved when tried again', async ({ page }) => {
		const disk = await fillableDisk(page);
		await startQuizOfType(page, 'Typed answer', { count: '5' });
		const input = page.getByLabel('Your answer');
		await input.fill('no idea at all');
		await disk.fill();
		await page.getByRole('button', { name: /^(Check|Answer)/ }).tap();
		await expect(page.getByRole('alert')).toHaveText('Your answer could not be saved: The disk is full');
		await expect(input).toHaveValue('no idea at all');
		await disk.free();
		await page.getByRole('button', { name: /^(Check|Answer)/ }).tap();
		await expect(page.getByRole('heading', { name: 'Not quite' })).toBeVisible();
		expect(await storedRows(page)).toMatchObject({ quizAnswers: 1 });
	});

	test('a backup that cannot be imported changes nothing, says why, and imports when tried again', async ({ page }) => {
		const disk = await fillableDisk(page);
		const backup = await backupOfOneRating(page);
		await page.goto(`/study/${deck.id}`);
		await rateGood(page);
		const before = await storedRows(page);

		await page.goto('/settings');
		await page.waitForLoadState('networkidle'); // the page's buttons work once it has hydrated
		await disk.fill();
		await page.getByLabel("Replace this device's progress").check();
		await page.getByLabel('Backup file').setInputFiles(backup);
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await page.getByRole('button', { name: 'Yes, replace my progress' }).click();
		await expect(page.getByRole('alert')).toHaveText(
			'The backup could not be imported, so nothing was changed: The disk is full'
		);
		expect(await storedRows(page)).toEqual(before);
		await disk.free();
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await page.getByRole('button', { name: 'Yes, replace my progress' }).click();
		await expect(page.getByText('Backup restored: this device now holds 1 facts studied, 1 reviews')).toBeVisible();
	});

	test('a card that cannot be added to a deck of yours stays typed, says why, and is added when tried again', async ({
		page
	}) => {
		const disk = await fillableDisk(page);
		await page.goto('/decks/new');
		await page.waitForLoadState('networkidle');
		await page.getByLabel('Title').fill('Handmade');
		await page.getByRole('button', { name: 'Create deck' }).tap();
		await expect(page.getByRole('heading', { level: 1, name: 'Handmade' })).toBeVisible();
		const add = page.getByRole('region', { name: 'Add a card' });
		await add.getByLabel('Front').fill('Capital of Kyrgyzstan');
		await add.getByLabel('Back', { exact: true }).fill('Bishkek');
		await disk.fill();
		await add.getByRole('button', { name: 'Add card' }).tap();
		await expect(page.getByRole('alert')).toHaveText(
			'Could not save 1 cards: this device has no storage space left. Nothing was saved.'
		);
		await expect(add.getByLabel('Front')).toHaveValue('Capital of Kyrgyzstan');
		await expect(page.getByRole('heading', { name: 'Cards (0)' })).toBeVisible();
		await disk.free();
		await add.getByRole('button', { name: 'Add card' }).tap();
		await expect(page.getByRole('heading', { name: 'Cards (1)' })).toBeVisible();
	});

	test('result codes that cannot be stored stay in the box, say why, and are stored when added again', async ({
		page
	}) => {
		const disk = await fillableDisk(page);
		await page.goto('/classroom');
		await expect(page.getByRole('button', { name: 'Make the quiz' })).toBeEnabled();
		await page.getByLabel('Title').fill('Full disk');
		await page.getByRole('combobox', { name: /^Questions/ }).selectOption('5');
		await page.getByRole('combobox', { name: /^Time per question/ }).selectOption({ label: 'No limit' });
		const types = page.getByRole('group', { name: 'Question types' });
		for (const name of ['Typed answer', 'Matching', 'Ordering']) await types.getByRole('checkbox', { name }).uncheck();
		await expect(page.getByText(/the quiz will ask 5\./)).toBeVisible();
		await page.getByRole('button', { name: 'Make the quiz' }).click();
		const link = (await page.getByRole('link', { name: /classroom\/take#q=/ }).getAttribute('href'))!;

		await page.goto(link);
		await page.getByLabel('Your name').fill('Aida');
		await page.getByRole('button', { name: 'Start the quiz' }).click();
		for (let i = 1; i <= 5; i++) {
			await expect(page.getByRole('heading', { level: 2, name: `Question ${i} of 5` })).toBeVisible();
			await pickClassAnswer(page, true, 'click');
			await page.getByRole('button', { name: /^Answer/ }).click();
		}
		const resultCode = await page.locator('textarea.code').inputValue();

		await page.goto(link.replace('/classroom/take', '/classroom/collect'));
		const box = page.getByLabel('Paste or type codes');
		await box.fill(resultCode);
		await disk.fill();
		await page.getByRole('button', { name: 'Add codes' }).click();
		await expect(page.getByRole('alert')).toHaveText(
			'The results could not be saved: The disk is full. Add the codes again.'
		);
		await expect(box).toHaveValue(resultCode);
		await disk.free();
		await page.getByRole('button', { name: 'Add codes' }).click();
		await expect(page.getByRole('list', { name: 'Codes read' })).toContainText('Aida: added');
		await expect(box).toHaveValue('');
		expect(await storedRows(page)).toMatchObject({ classResults: 1 });
	});
});
