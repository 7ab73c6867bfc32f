// Suspended cards, as in Anki: suspended while studying, left out of every count, listed with Unsuspend, back again.
import { expect, test, type Page } from '@playwright/test';
import { axeViolations, watchCspViolations } from './app';

const title = 'Capitals to suspend';
const counts = (page: Page) => page.getByLabel('Cards left in this session');
const tile = (page: Page) => page.getByRole('article', { name: title });
const newOnHome = (page: Page) => tile(page).getByRole('definition').first();
const card = (page: Page, front: string) => page.getByRole('heading', { level: 2, name: front });

/** The light and dark themes of the page (or one part of it) as axe sees them, with a screenshot of each. */
async function checkBothThemes(page: Page, name: string, within?: string) {
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		await page.screenshot({ path: `test-results/screens/${name}-${scheme}.png`, fullPage: true });
		expect(await axeViolations(page, within)).toEqual([]);
	}
	await page.emulateMedia({ colorScheme: 'light' });
}

async function expectTarget(page: Page, name: string) {
	const box = (await page.getByRole('button', { name, exact: true }).boundingBox())!;
	expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
}

/** Imports the deck of three capitals and opens home, which counts its three new cards. */
async function importDeck(page: Page) {
	await page.goto('/decks/import');
	await page.waitForLoadState('networkidle');
	await page
		.getByLabel('Or paste the text')
		.fill(['Mongolia\tUlaanbaatar', 'Kazakhstan\tAstana', 'Kyrgyzstan\tBishkek'].join('\n'));
	await page.getByLabel('Title of the new deck').fill(title);
	await page.getByRole('button', { name: 'Import 3 cards' }).tap();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await page.goto('/');
	await expect(newOnHome(page)).toHaveText('3');
}

test('a card suspended while studying leaves the session and the counts, is listed with Unsuspend and comes back', async ({
	page
}) => {
	const csp = await watchCspViolations(page);
	await importDeck(page);

	// By keyboard: Tab reaches Suspend beside the flag, Enter presses it; the next card shows at once.
	await tile(page).getByRole('link', { name: 'Study now' }).tap();
	await expect(card(page, 'Mongolia')).toBeVisible();
	await expect(counts(page)).toContainText('3 new');
	const suspend = page.getByRole('button', { name: 'Suspend', exact: true });
	await suspend.focus();
	await page.keyboard.press('Enter');
	await expect(card(page, 'Kazakhstan')).toBeVisible();
	await expect(counts(page)).toContainText('2 new');
	await expect(page.getByRole('status').filter({ hasText: 'Card suspended' })).toBeVisible();
	await expectTarget(page, 'Suspend');
	await expectTarget(page, 'Undo: unsuspend the card');
	await checkBothThemes(page, 'study-suspended');
	// Undo brings it back on screen; suspended again, it stays out after a reload.
	await page.getByRole('button', { name: 'Undo: unsuspend the card' }).tap();
	await expect(card(page, 'Mongolia')).toBeVisible();
	await expect(counts(page)).toContainText('3 new');
	// "@" suspends too, as in Anki, on either side of the card; U undoes the suspension, the latest action.
	await page.keyboard.press('@');
	await expect(card(page, 'Kazakhstan')).toBeVisible();
	await expect(counts(page)).toContainText('2 new');
	await page.keyboard.press('u');
	await expect(card(page, 'Mongolia')).toBeVisible();
	await expect(counts(page)).toContainText('3 new');
	await page.keyboard.press('Space');
	await expect(page.getByRole('button', { name: /Good/ })).toBeVisible();
	await page.keyboard.press('@');
	await expect(card(page, 'Kazakhstan')).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'Card suspended' })).toBeVisible();
	// The notice's Undo is one Shift+Tab back from the card, which has the focus.
	await page.keyboard.press('Shift+Tab');
	await expect(page.getByRole('button', { name: 'Undo: unsuspend the card' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(card(page, 'Mongolia')).toBeVisible();
	await expect(counts(page)).toContainText('3 new');
	// The button went with the notice: the focus is on the card it brought back, so the keys go on working.
	await expect(page.getByRole('region', { name: 'Mongolia' })).toBeFocused();
	await page.keyboard.press('@');
	await expect(card(page, 'Kazakhstan')).toBeVisible();
	await page.reload();
	await expect(card(page, 'Kazakhstan')).toBeVisible();
	await expect(counts(page)).toContainText('2 new');

	// Home counts it out; the deck's own page marks it.
	await page.goto('/');
	await expect(newOnHome(page)).toHaveText('2');
	await tile(page).getByRole('link', { name: 'Edit and share' }).tap();
	await expect(page.getByRole('listitem', { name: 'Card 1: Mongolia' })).toContainText('Suspended');
	await expect(page.getByRole('listitem', { name: 'Card 2: Kazakhstan' })).not.toContainText('Suspended');

	// Study more lists it; Unsuspend brings it back to the day's cards.
	await page.goto('/');
	await tile(page).getByRole('link', { name: 'Study more' }).tap();
	const list = page.getByRole('region', { name: 'Suspended cards' });
	await expect(list.getByRole('listitem')).toHaveCount(1);
	await expect(list.getByRole('listitem')).toContainText('Mongolia');
	await expectTarget(page, 'Unsuspend: Mongolia');
	await list.scrollIntoViewIfNeeded();
	await checkBothThemes(page, 'study-more-suspended', 'section[aria-labelledby="suspended-title"]');
	await list.getByRole('button', { name: 'Unsuspend: Mongolia' }).tap();
	await expect(list.getByText('No card is suspended.')).toBeVisible();
	await page.goto('/');
	await expect(newOnHome(page)).toHaveText('3');
	await tile(page).getByRole('link', { name: 'Study now' }).tap();
	await expect(card(page, 'Mongolia')).toBeVisible();
	await expect(counts(page)).toContainText('3 new');
	expect(csp).toEqual([]);
});

test('a flagged card that is suspended too is marked so in Settings, with Unsuspend in the place of Open, and then opens', async ({
	page
}) => {
	await importDeck(page);
	await tile(page).getByRole('link', { name: 'Study now' }).tap();
	await expect(card(page, 'Mongolia')).toBeVisible();
	await page.getByRole('button', { name: 'Flag this card' }).tap();
	await expect(page.getByRole('button', { name: 'Flag this card' })).toHaveAttribute('aria-pressed', 'true');
	await page.getByRole('button', { name: 'Suspend', exact: true }).tap();
	await expect(card(page, 'Kazakhstan')).toBeVisible();

	// Open would start a session with nothing in it: the list says the card is suspended and offers Unsuspend.
	await page.goto('/settings');
	const flagged = page.getByRole('region', { name: 'Flagged cards' });
	await expect(flagged.getByRole('listitem')).toHaveCount(1);
	await expect(flagged.getByRole('listitem')).toContainText(
		'Suspended: no study session shows it until you unsuspend it.'
	);
	await expect(flagged.getByRole('link', { name: 'Open: Mongolia' })).toHaveCount(0);
	await expectTarget(page, 'Unsuspend: Mongolia');
	await expectTarget(page, 'Unflag: Mongolia');
	await flagged.scrollIntoViewIfNeeded();
	await checkBothThemes(page, 'settings-flagged-suspended', 'section[aria-labelledby="flagged-title"]');

	// Unsuspended, it is listed as any flagged card, and the focus is on its Open, where Unsuspend was.
	await flagged.getByRole('button', { name: 'Unsuspend: Mongolia' }).tap();
	const open = flagged.getByRole('link', { name: 'Open: Mongolia' });
	await expect(open).toBeFocused();
	await expect(flagged.getByRole('listitem')).not.toContainText('Suspended');
	await page.keyboard.press('Enter');
	await expect(card(page, 'Mongolia')).toBeVisible();
	await expect(counts(page)).toContainText('1 new');
});
