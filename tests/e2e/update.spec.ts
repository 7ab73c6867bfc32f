import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDecks } from '../../src/lib/content/load';

const deck = loadDecks('questions').decks[0]!;
// One above the main test server, so copies run side by side with PORT set.
const PORT = Number(process.env.PORT ?? 4173) + 1;
let site: string;
let server: ChildProcess;

// A site of its own, so the test can publish a "new version" by changing its service worker.
test.beforeAll(async () => {
	site = mkdtempSync(join(tmpdir(), 'steppe-site-'));
	cpSync('build', site, { recursive: true });
	server = spawn(process.execPath, ['tests/serve.js', site, String(PORT)], { stdio: 'ignore' });
	for (let i = 0; i < 50; i++) {
		if (
			await fetch(`http://localhost:${PORT}/`).then(
				(r) => r.ok,
				() => false
			)
		)
			return;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('the test server did not start');
});
test.afterAll(() => {
	server.kill();
	rmSync(site, { recursive: true, force: true });
});

test('a new version is offered, waits for the student, and keeps the session', async ({ page }) => {
	const url = `http://localhost:${PORT}`;
	await page.goto(`${url}/study/${deck.id}`);
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	await page.getByRole('button', { name: /Show answer/ }).click();
	await page.getByRole('button', { name: /^Good / }).click();
	await page.getByRole('button', { name: /Show answer/ }).click();
	const counts = page.getByLabel('Cards left in this session');
	await expect(counts).toContainText('19 new');

	// Publish a new version and let the app find it.
	appendFileSync(join(site, 'sw.js'), '\n// next version\n');
	await page.evaluate(async () => {
		await (await navigator.serviceWorker.getRegistration())?.update();
	});
	await expect(page.getByText('A new version of the app is ready.')).toBeVisible();

	// The card in progress is still there and can be answered: nothing reloaded on its own.
	await expect(page.getByRole('button', { name: /^Good / })).toBeVisible();
	await page.getByRole('button', { name: /^Good / }).click();
	await expect(counts).toContainText('18 new');

	// A mark that only this page load carries: gone once the app really reloads.
	await page.evaluate(() => Object.assign(window, { loadedBeforeUpdate: true }));
	await page.getByRole('button', { name: 'Reload now' }).click();
	// While the page is between two loads, evaluate fails: count that as "not reloaded yet".
	await expect.poll(() => page.evaluate(() => 'loadedBeforeUpdate' in window).catch(() => true)).toBe(false);
	await expect(page.getByText('A new version of the app is ready.')).toBeHidden();
	await expect(counts).toContainText('18 new');
	await expect(counts).toContainText('2 learning');
});
