// What the home page tells a student about keeping their progress: install the app, back it up.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { deck, rateGood } from './app';

test('the install button appears when the browser offers to install, and opens its prompt', async ({ page }) => {
	await page.goto('/');
	// The counts come from the database, so the page is running (not only its prerendered HTML).
	await expect(page.getByRole('article', { name: deck.title }).locator('dd.kind-new')).toHaveText('20');
	await expect(page.getByRole('button', { name: 'Install app' })).toHaveCount(0);
	// Headless Chromium never offers installation by itself: the test plays the browser's part.
	await page.evaluate(() => {
		const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
			prompt: async () => void ((window as unknown as { prompted: boolean }).prompted = true),
			userChoice: Promise.resolve({ outcome: 'accepted' })
		});
		window.dispatchEvent(offer);
	});
	await page.getByRole('button', { name: 'Install app' }).click();
	expect(await page.evaluate(() => (window as unknown as { prompted?: boolean }).prompted)).toBe(true);
	await expect(page.getByRole('button', { name: 'Install app' })).toHaveCount(0);
});

test.describe('on an iPhone', () => {
	test.use({
		userAgent:
			'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1'
	});

	test('the home page explains Add to Home Screen and why', async ({ page }) => {
		await page.goto('/');
		const hint = page.getByRole('region', { name: 'Install on iPhone or iPad' });
		await expect(hint).toContainText('Add to Home Screen');
		await expect(hint).toContainText('seven days');
		await page.screenshot({ path: 'test-results/screens/home-ios-hint.png', fullPage: true });
		expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
	});
});

test('a month after the first review with no backup, the home page asks for one, until it is made', async ({
	page
}) => {
	await page.clock.install({ time: new Date(2026, 10, 1, 10, 0) });
	await page.goto('/');
	const reminder = page.getByRole('region', { name: 'Backup reminder' });
	await expect(page.getByRole('heading', { name: 'Your decks' })).toBeVisible();
	await expect(reminder).toHaveCount(0);

	await page.goto(`/study/${deck.id}`);
	await rateGood(page);
	await page.clock.fastForward('29:00:00');
	await page.goto('/');
	await expect(page.getByRole('article', { name: deck.title }).locator('dd.kind-new')).toHaveText('20');
	await expect(reminder).toHaveCount(0);

	await page.clock.setSystemTime(new Date(2026, 11, 2, 10, 0));
	await page.reload();
	await expect(reminder).toContainText('more than 30 days');
	await page.screenshot({ path: 'test-results/screens/home-backup-reminder.png', fullPage: true });
	expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
	await reminder.getByRole('link', { name: 'Back up now' }).click();
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: /Export/ }).click();
	await download;
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Your decks' })).toBeVisible();
	await expect(page.getByRole('article', { name: deck.title }).locator('dd.kind-new')).not.toHaveText('–');
	await expect(reminder).toHaveCount(0);
});
