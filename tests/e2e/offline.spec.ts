import { chromium, expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import config from '../../playwright.config';
import { deck, rateGood, routes } from './app';

const base = config.use!.baseURL!;

/** Waits until the service worker has precached the app and controls the page. */
async function waitForOfflineReady(page: Page) {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	// The worker waits for the user's word before it takes over a page; a reload hands it the page.
	await page.reload();
	await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

async function studyOneCard(page: Page) {
	await page.goto(`/study/${deck.id}`);
	await rateGood(page);
}

const newCount = (page: Page) =>
	page.getByRole('article', { name: deck.title }).getByLabel('Due today').locator('dd.kind-new').textContent();

test('with the network off, every route loads and studying saves', async ({ page, context }) => {
	await page.goto('/');
	await waitForOfflineReady(page);

	await context.setOffline(true);
	for (const route of routes) {
		const response = await page.goto(route);
		expect(response?.status(), route).toBe(200);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	}
	await studyOneCard(page);
	await studyOneCard(page);
	await page.goto('/');
	await expect.poll(() => newCount(page)).toBe('18');

	await context.setOffline(false);
	await page.reload();
	await expect.poll(() => newCount(page)).toBe('18');
});

test('a first visit that lands on the study guide, a page without the app script, leaves the app working offline', async ({
	page,
	context
}) => {
	await page.goto(`/decks/${deck.id}`);
	await waitForOfflineReady(page);
	await context.setOffline(true);
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Your decks' })).toBeVisible();
	await studyOneCard(page);
	await page.goto('/');
	await expect.poll(() => newCount(page)).toBe('19');
});

test('a browser started offline on the same profile still opens the app (cold start)', async () => {
	const profile = mkdtempSync(join(tmpdir(), 'steppe-profile-'));
	const launch = config.use!.launchOptions!;
	try {
		const first = await chromium.launchPersistentContext(profile, {
			...launch,
			baseURL: base,
			viewport: { width: 360, height: 740 }
		});
		const page = first.pages()[0] ?? (await first.newPage());
		await page.goto('/');
		await waitForOfflineReady(page);
		await studyOneCard(page);
		await first.close();

		const second = await chromium.launchPersistentContext(profile, {
			...launch,
			baseURL: base,
			offline: true,
			viewport: { width: 360, height: 740 }
		});
		const again = second.pages()[0] ?? (await second.newPage());
		await again.goto('/');
		await expect(again.getByRole('heading', { level: 1, name: 'Your decks' })).toBeVisible();
		await expect.poll(() => newCount(again)).toBe('19');
		await again.goto(`/study/${deck.id}`);
		await expect(again.getByRole('button', { name: /Show answer/ })).toBeVisible();
		await second.close();
	} finally {
		rmSync(profile, { recursive: true, force: true });
	}
});

test('export, reset and import give back the same progress; broken files are refused', async ({ page }) => {
	for (let i = 0; i < 3; i++) await studyOneCard(page);
	await page.goto('/');
	await expect.poll(() => newCount(page)).toBe('17');

	await page.goto('/settings');
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export backup' }).click();
	const file = await (await downloading).path();
	await expect(page.getByText('Backup saved: 3 facts studied, 3 reviews')).toBeVisible();
	const backup = readFileSync(file, 'utf8');

	// Broken files: each refused with its reason, and nothing changes.
	const broken: [string, string, string][] = [
		['notes.json', 'just some notes', 'This file is not a backup: it is not JSON.'],
		['other.json', '{"cards": []}', 'This file is not a Steppe Cards backup'],
		[
			'future.json',
			JSON.stringify({ ...JSON.parse(backup), version: 9 }),
			'made by a newer version of the app (format 9)'
		],
		['cut.json', backup.slice(0, backup.length - 40), 'This backup is cut short'],
		[
			'dupes.json',
			JSON.stringify({
				...JSON.parse(backup),
				tables: {
					...JSON.parse(backup).tables,
					reviews: [JSON.parse(backup).tables.reviews[0], JSON.parse(backup).tables.reviews[0]]
				}
			}),
			'the review "1" appears twice'
		]
	];
	for (const [name, text, message] of broken) {
		await page.getByLabel("Replace this device's progress").check();
		await page
			.getByLabel('Backup file')
			.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await page.getByRole('button', { name: 'Yes, replace my progress' }).click();
		await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
	}
	await page.goto('/');
	await expect.poll(() => newCount(page)).toBe('17');

	await page.goto('/settings');
	await page.getByRole('button', { name: 'Reset all progress…' }).click();
	await page.getByRole('button', { name: 'Yes, reset all progress' }).click();
	await expect(page.getByText('All progress was reset.')).toBeVisible();
	await page.goto('/');
	await expect.poll(() => newCount(page)).toBe('20');

	await page.goto('/settings');
	await page.getByLabel("Replace this device's progress").check();
	await page.getByLabel('Backup file').setInputFiles(file);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('button', { name: 'Yes, replace my progress' }).click();
	await expect(page.getByText('Backup restored: this device now holds 3 facts studied, 3 reviews')).toBeVisible();
	await page.goto('/');
	await expect.poll(() => newCount(page)).toBe('17');
});

test('the app never contacts any host but its own', async ({ page }) => {
	const hosts = new Set<string>();
	page.on('request', (request) => hosts.add(new URL(request.url()).host));
	for (const route of routes) await page.goto(route);
	await studyOneCard(page);
	await page.goto('/stats');
	await page.goto('/settings');
	await page.getByRole('button', { name: 'Export backup' }).click();
	expect([...hosts]).toEqual([new URL(base).host]);
});
