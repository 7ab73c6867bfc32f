// A card about a place shows a small locator map on its back (issue #17, item 3), loaded only then.
import { expect, test, type Page } from '@playwright/test';
import { axeViolations, deck } from './app';

/** Text found only in the map's code: the attribution every map shows, and the locator's own sentence. */
const MAP_MARKS = ['Natural Earth (public domain)', 'Locator map of Central Asia'];

/** The scripts the page fetches from now on that hold map code (the service worker's precache aside). */
function watchMapScripts(page: Page) {
	const found: string[] = [];
	const reading: Promise<void>[] = [];
	page.on('response', (response) => {
		const request = response.request();
		if (request.serviceWorker() || !new URL(response.url()).pathname.endsWith('.js')) return;
		reading.push(
			response.body().then((body) => {
				const text = body.toString();
				if (MAP_MARKS.some((mark) => text.includes(mark))) found.push(new URL(response.url()).pathname);
			})
		);
	});
	return async () => {
		await page.waitForLoadState('networkidle');
		await Promise.all(reading);
		return found;
	};
}

const locator = (page: Page) => page.locator('section.card figure.locator');

test('the first card of a study session, front and back, loads no map code; a card about a place shows its locator map', async ({
	page
}) => {
	const first = deck.facts[0]!;
	expect(first.places, 'the first card is not about a place').toBeUndefined();
	let mapScripts = watchMapScripts(page);
	await page.goto(`/study/${deck.id}`);
	await expect(page.getByRole('heading', { level: 2, name: first.cards[0]!.front })).toBeVisible();
	await page.getByRole('button', { name: /Show answer/ }).click();
	await expect(page.getByText(first.cards[0]!.back)).toBeVisible();
	await expect(locator(page)).toHaveCount(0);
	expect(await mapScripts()).toEqual([]);

	// A card about the Khamab clash: its back shows the map with Khamab marked, named, and its country said.
	const khamab = deck.facts.find((f) => f.id === 'tm-khamab-in-jawzjan')!;
	expect(khamab.places).toEqual(['khamab']);
	mapScripts = watchMapScripts(page);
	await page.goto(`/study/${deck.id}?facts=${khamab.id}`);
	await expect(page.getByRole('heading', { level: 2, name: khamab.cards[0]!.front })).toBeVisible();
	await expect(locator(page)).toHaveCount(0);
	await page.getByRole('button', { name: /Show answer/ }).click();
	const map = locator(page).getByRole('img', {
		name: 'Locator map of Central Asia and Afghanistan. Marked: Khamab (Jawzjan) in Afghanistan'
	});
	await expect(map).toBeVisible();
	await expect(map.locator('text')).toHaveText(['Khamab (Jawzjan)']);
	await expect(locator(page).locator('figcaption')).toContainText('Khamab (Jawzjan) in Afghanistan');
	// The map code came now, with the back of this card, and no sooner.
	expect((await mapScripts()).length).toBeGreaterThan(0);
	// It fits a 360 px screen.
	const box = (await map.boundingBox())!;
	expect(box.x).toBeGreaterThanOrEqual(0);
	expect(box.x + box.width).toBeLessThanOrEqual(360);
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		await page.screenshot({ path: `test-results/screens/locator-khamab-${scheme}.png`, fullPage: true });
		expect(await axeViolations(page)).toEqual([]);
	}
});

test('a card about several places numbers them on the map and names each with its country', async ({ page }) => {
	const railway = deck.facts.find((f) => f.id === 'uz-termez-mazar-peshawar-railway')!;
	await page.goto(`/study/${deck.id}?facts=${railway.id}`);
	await page.getByRole('button', { name: /Show answer/ }).click();
	await expect(
		locator(page).getByRole('img', {
			name: 'Locator map of Central Asia and Afghanistan. Marked: Termez–Hairatan crossing in Uzbekistan and Afghanistan; Mazar-i-Sharif in Afghanistan; Peshawar in Pakistan'
		})
	).toBeVisible();
	await expect(locator(page).locator('figcaption .item')).toHaveText([
		'1. Termez–Hairatan crossing in Uzbekistan and Afghanistan',
		'2. Mazar-i-Sharif in Afghanistan',
		'3. Peshawar in Pakistan'
	]);
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		await page.screenshot({ path: `test-results/screens/locator-railway-${scheme}.png`, fullPage: true });
	}
	// A card about countries shades them and names them.
	const border = deck.facts.find((f) => f.id === 'kg-no-shared-border')!;
	await page.goto(`/study/${deck.id}?facts=${border.id}`);
	await page.getByRole('button', { name: /Show answer/ }).click();
	await expect(
		locator(page).getByRole('img', {
			name: 'Locator map of Central Asia and Afghanistan. Marked: Kyrgyzstan; Afghanistan'
		})
	).toBeVisible();
	await page.screenshot({ path: `test-results/screens/locator-countries-dark.png`, fullPage: true });
});
