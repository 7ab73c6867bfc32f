import { expect, test } from '@playwright/test';
import initSqlJs from 'sql.js';
import { STOCK, writePackage } from '../../src/lib/decks/anki-package/fixture-writer';

const DAY = 86_400_000;
// A 1×1 PNG, so the browser really decodes the stored file.
const PIXEL_PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
	'base64'
);

test('an Anki package with an image and a review history: the image shows on the card, the reviews in the statistics', async ({
	page
}) => {
	test.setTimeout(90_000);
	const csp: string[] = [];
	page.on('console', (message) => {
		if (/Content.Security.Policy/i.test(message.text())) csp.push(message.text());
	});
	const start = Date.now() - 3 * DAY;
	const bytes = writePackage(
		await initSqlJs(),
		{
			noteTypes: [STOCK.basic],
			decks: [{ id: 2, name: 'Flags' }],
			notes: [
				{
					id: 11,
					noteTypeId: STOCK.basic.id,
					fields: ['Whose flag is this? <img src="flag.png">', 'Mongolia'],
					cards: [{ id: 101, ord: 0, deckId: 2 }]
				},
				{
					id: 12,
					noteTypeId: STOCK.basic.id,
					fields: ['Capital of Mongolia', 'Ulaanbaatar'],
					cards: [{ id: 102, ord: 0, deckId: 2 }]
				}
			],
			revlog: [
				{ time: start, cardId: 102, ease: 3, type: 0, durationMs: 6000 },
				{ time: start + 1 * DAY, cardId: 102, ease: 3, type: 1, durationMs: 4000 },
				{ time: start + 2 * DAY, cardId: 102, ease: 4, type: 1, durationMs: 9000 }
			]
		},
		'latest',
		[{ name: 'flag.png', bytes: new Uint8Array(PIXEL_PNG) }]
	);

	await page.goto('/decks/import');
	await page.waitForLoadState('networkidle');
	await page
		.getByLabel('File')
		.setInputFiles({ name: 'flags.apkg', mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
	await expect(page.getByText(/An Anki package: 2 notes, 2 cards, 1 media files, 3 reviews, 1 decks/)).toBeVisible({
		timeout: 20_000
	});
	await expect(page.getByText(`Its images and sounds take ${PIXEL_PNG.length} B on this device`)).toBeVisible();
	await page.getByRole('button', { name: 'Import 2 cards' }).tap();
	await expect(page.getByRole('heading', { level: 1, name: 'Flags' })).toBeVisible();

	// The new card with the image comes first (the other one was reviewed in Anki and is not due yet).
	await page.getByRole('link', { name: 'Study now' }).tap();
	await expect(page.locator('#card-front')).toHaveText('Whose flag is this?');
	const image = page.getByRole('img', { name: 'Image: flag.png' });
	await expect(image).toBeVisible();
	await expect(image).toHaveAttribute('src', /^blob:/);
	expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
	await page.screenshot({ path: 'test-results/screens/anki-image-card.png', fullPage: true });
	const url = (await image.getAttribute('src'))!;
	const loads = (src: string) =>
		new Promise<string>((resolve) => {
			const img = new Image();
			img.onload = () => resolve('read');
			img.onerror = () => resolve('revoked');
			img.src = src;
		});
	expect(await page.evaluate(loads, url)).toBe('read');

	// Anki's three reviews are in the statistics (none of them today).
	await page.getByRole('link', { name: 'Stats' }).click();
	const headline = (term: string) => page.locator('dl.headline div').filter({ hasText: term }).locator('dd');
	await expect(headline('Total reviews')).toHaveText('3');
	await expect(headline('Reviews today')).toHaveText('0');
	// The card left with the study page (the same document: the app navigates in place), and its object URL with it.
	expect(await page.evaluate(loads, url)).toBe('revoked');
	expect(csp).toEqual([]);
});
