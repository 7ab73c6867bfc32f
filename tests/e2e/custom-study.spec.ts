// The end of the day's queue is no dead end: custom study, a summary that survives a restart, tap to reveal.
import { expect, test, type Page } from '@playwright/test';
import { axeViolations, deck, rateGood } from './app';
import { COUNTRY_NAMES } from '../../src/lib/content/guide';

const counts = (page: Page) => page.getByLabel('Cards left in this session');
const front = (i: number) => deck.facts[i]!.cards[0]!.front;
/** The deck's tile on home. */
const tile = (page: Page) => page.getByRole('article', { name: deck.title });
const newOnHome = (page: Page) => tile(page).getByRole('definition').first();

/** Sets the day's new-card limit in Settings. */
async function setNewPerDay(page: Page, n: number) {
	await page.goto('/settings');
	await page.getByLabel('New facts per day').fill(String(n));
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByText('Saved')).toBeVisible();
}

/** Answers the card on screen: a tap on the card reveals it, then the rating. */
async function answerByTap(page: Page, grade: RegExp) {
	await expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible();
	await page.locator('section.card').tap();
	await page.getByRole('button', { name: grade }).tap();
}

test('a tap on the card reveals it; once the day is done, more new cards, review ahead and a topic are offered', async ({
	page
}) => {
	await setNewPerDay(page, 2);
	await page.goto(`/study/${deck.id}`);
	await expect(page.getByRole('heading', { level: 2, name: front(0) })).toBeVisible();
	// The tap on the card shows the answer and the four ratings.
	await page.locator('section.card').tap();
	await expect(page.getByText(deck.facts[0]!.cards[0]!.back)).toBeVisible();
	await page.getByRole('button', { name: /^Easy / }).tap();
	await answerByTap(page, /^Easy /);

	// The day's limit is reached: the end says where it is set and offers to study more.
	await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();
	await expect(page.locator('#main').getByRole('link', { name: 'Settings' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Study more today' })).toBeVisible();
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		await page.screenshot({ path: `test-results/screens/study-more-${scheme}.png`, fullPage: true });
		expect(await axeViolations(page)).toEqual([]);
	}
	await page.emulateMedia({ colorScheme: 'light' });

	// Ten more new cards: the next facts of the deck, in order.
	await page.getByRole('button', { name: 'Study 10 more new cards today' }).tap();
	await expect(page.getByRole('heading', { level: 2, name: front(2) })).toBeVisible();
	await expect(counts(page)).toContainText('10 new');
	await answerByTap(page, /^Easy /);
	await expect(counts(page)).toContainText('9 new');
	// A reload keeps the session and its extra cards.
	await page.reload();
	await expect(page.getByRole('heading', { level: 2, name: front(3) })).toBeVisible();
	await expect(counts(page)).toContainText('9 new');
	// Home counts them too: the day's new count grew by the extra.
	await page.goto('/');
	await expect(newOnHome(page)).toHaveText('9');

	// Review ahead: the three cards rated Easy, due in days, come now, with the day's queue (its nine new facts left).
	await page.goto(`/study/${deck.id}?ahead=30`);
	await expect(counts(page)).toContainText('3 to review');
	await expect(counts(page)).toContainText('9 new');

	// A topic, chosen on the deck's custom study page: a session of exactly its facts, each shown now, whatever its due date.
	await page.goto(`/study/${deck.id}/more`);
	const country = deck.facts[0]!.countries[0]!;
	const inTopic = deck.facts.filter((f) => f.countries.includes(country));
	const seenInTopic = inTopic.filter((f) => deck.facts.indexOf(f) < 3).length;
	await page
		.getByRole('group', { name: 'Countries' })
		.getByRole('checkbox', { name: new RegExp(`^${COUNTRY_NAMES[country]}$`) })
		.check();
	await page.getByRole('link', { name: `Study this topic (${inTopic.length} facts)` }).tap();
	await expect(counts(page)).toContainText(`${inTopic.length - seenInTopic} new`);
	await expect(counts(page)).toContainText(`${seenInTopic} to review`);
});

test('the summary counts every rating of the session after the browser is closed and opened again', async ({
	browser
}) => {
	const first = await browser.newContext();
	const page = await first.newPage();
	await setNewPerDay(page, 8);
	await page.goto(`/study/${deck.id}`);
	for (let i = 0; i < 3; i++) await answerByTap(page, /^Again /);
	for (let i = 0; i < 3; i++) await answerByTap(page, /^Easy /);
	await expect(page.getByRole('heading', { level: 2, name: front(6) })).toBeVisible();
	// A browser closed and opened again: a new context with what the first kept on disk (local storage and
	// IndexedDB; the tab's session storage is gone, as it is after a restart).
	const stored = await first.storageState({ indexedDB: true });
	await first.close();
	const second = await browser.newContext({ storageState: stored });
	const again = await second.newPage();
	await again.goto(`/study/${deck.id}`);
	// Two new facts left, then the three rated Again come back.
	for (let i = 0; i < 5; i++) await answerByTap(again, /^Easy /);
	await expect(again.getByRole('heading', { name: 'Session complete' })).toBeVisible();
	await expect(again.getByText(/^You reviewed 11 cards/)).toBeVisible();
	const tiles = again.locator('.end dd');
	await expect(tiles).toHaveText(['3', '0', '0', '8']);
	await second.close();
});

test('custom study from the deck tile on home: two taps to more new cards, counted on home until the day ends', async ({
	page
}) => {
	await setNewPerDay(page, 2);
	await page.goto('/');
	await expect(newOnHome(page)).toHaveText('2');
	await tile(page).getByRole('link', { name: 'Study more' }).tap();
	await expect(page.getByRole('heading', { level: 1, name: `Study more: ${deck.title}` })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Review ahead' })).toBeVisible();
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		await page.screenshot({ path: `test-results/screens/deck-study-more-${scheme}.png`, fullPage: true });
		expect(await axeViolations(page)).toEqual([]);
	}
	await page.emulateMedia({ colorScheme: 'light' });
	await page.getByRole('button', { name: 'Study 10 more new cards today' }).tap();
	// The day's queue, with its limit raised: 2 + 10 new facts, none studied yet.
	await expect(page).toHaveURL(new RegExp(`/study/${deck.id}$`));
	await expect(counts(page)).toContainText('12 new');
	await answerByTap(page, /^Easy /);
	await expect(counts(page)).toContainText('11 new');
	await page.goto('/');
	await expect(newOnHome(page)).toHaveText('11');
	// Another ten the same day add up.
	await tile(page).getByRole('link', { name: 'Study more' }).tap();
	await page.getByRole('button', { name: 'Study 10 more new cards today' }).tap();
	await expect(counts(page)).toContainText('21 new');
	// The next study day starts from the daily limit alone.
	await page.clock.install({ time: Date.now() + 86_400_000 });
	await page.goto('/');
	await expect(newOnHome(page)).toHaveText('2');
});

test('a card flagged while studying is listed in Settings, opens from there and can be unflagged', async ({ page }) => {
	await page.goto(`/study/${deck.id}`);
	await expect(page.getByRole('heading', { level: 2, name: front(0) })).toBeVisible();
	await rateGood(page);
	await expect(page.getByRole('heading', { level: 2, name: front(1) })).toBeVisible();
	// By keyboard: Tab to the toggle, Space presses it; a screen reader hears "Flag this card, toggle button, pressed".
	const flag = page.getByRole('button', { name: 'Flag this card' });
	await expect(flag).toHaveAttribute('aria-pressed', 'false');
	await flag.focus();
	await page.keyboard.press('Space');
	await expect(flag).toHaveAttribute('aria-pressed', 'true');
	await expect(page.getByRole('status').filter({ hasText: 'Card flagged' })).toBeVisible();
	// The card on screen is unchanged (Space pressed the flag, not "Show answer"), and the target is large enough.
	await expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible();
	const box = (await flag.boundingBox())!;
	expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		await page.screenshot({ path: `test-results/screens/study-flagged-${scheme}.png`, fullPage: true });
		expect(await axeViolations(page)).toEqual([]);
	}
	await page.emulateMedia({ colorScheme: 'light' });
	// It stays flagged when it comes back.
	await page.reload();
	await expect(page.getByRole('button', { name: 'Flag this card' })).toHaveAttribute('aria-pressed', 'true');

	await page.goto('/settings');
	const flagged = page.getByRole('region', { name: 'Flagged cards' });
	await expect(flagged.getByRole('listitem')).toHaveCount(1);
	await expect(flagged.getByRole('listitem')).toContainText(front(1));
	await expect(flagged.getByRole('listitem')).toContainText(deck.title);
	await flagged.scrollIntoViewIfNeeded();
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		await flagged.screenshot({ path: `test-results/screens/settings-flagged-${scheme}.png` });
		expect(await axeViolations(page, 'section[aria-labelledby="flagged-title"]')).toEqual([]);
	}
	await page.emulateMedia({ colorScheme: 'light' });
	// Open: a session of that card alone (flagged before it was ever answered, so still new).
	await flagged.getByRole('link', { name: `Open: ${front(1)}` }).tap();
	await expect(page.getByRole('heading', { level: 2, name: front(1) })).toBeVisible();
	await expect(counts(page)).toContainText('1 new');
	await page.goto('/settings');
	await page.getByRole('button', { name: `Unflag: ${front(1)}` }).tap();
	await expect(page.getByText('No card is flagged.')).toBeVisible();
});

test("a user's deck: its home tile offers custom study, and its cards are flagged and listed like a bundled deck's", async ({
	page
}) => {
	const title = 'Capitals to check';
	await page.goto('/decks/import');
	await page.waitForLoadState('networkidle');
	await page
		.getByLabel('Or paste the text')
		.fill(Array.from({ length: 5 }, (_, i) => `Country ${i + 1}\tCapital ${i + 1}`).join('\n'));
	await page.getByLabel('Title of the new deck').fill(title);
	await page.getByRole('button', { name: 'Import 5 cards' }).tap();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await page.goto('/');
	const mine = page.getByRole('article', { name: title });
	await mine.getByRole('link', { name: 'Study more' }).tap();
	await expect(page.getByRole('heading', { level: 1, name: `Study more: ${title}` })).toBeVisible();
	await page.getByRole('link', { name: "Study today's cards" }).tap();
	await expect(page.getByRole('heading', { level: 2, name: 'Country 1' })).toBeVisible();
	await page.getByRole('button', { name: 'Flag this card' }).tap();
	await expect(page.getByRole('button', { name: 'Flag this card' })).toHaveAttribute('aria-pressed', 'true');
	await page.goto('/settings');
	const flagged = page.getByRole('region', { name: 'Flagged cards' }).getByRole('listitem');
	await expect(flagged).toContainText('Country 1');
	await expect(flagged).toContainText(title);
	await flagged.getByRole('link', { name: 'Open: Country 1' }).tap();
	await expect(page.getByRole('heading', { level: 2, name: 'Country 1' })).toBeVisible();
	await expect(counts(page)).toContainText('1 new');
});
