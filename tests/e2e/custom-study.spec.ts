// The end of the day's queue is no dead end: custom study, a summary that survives a restart, tap to reveal.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { deck } from './app';
import { COUNTRY_NAMES } from '../../src/lib/content/guide';

const counts = (page: Page) => page.getByLabel('Cards left in this session');
const front = (i: number) => deck.facts[i]!.cards[0]!.front;

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
		expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
	}
	await page.emulateMedia({ colorScheme: 'light' });

	// Ten more new cards: the next facts of the deck, in order.
	await page.getByRole('link', { name: 'Study 10 more new cards' }).tap();
	await expect(page.getByRole('heading', { level: 2, name: front(2) })).toBeVisible();
	await expect(counts(page)).toContainText('10 new');
	await answerByTap(page, /^Easy /);
	await expect(counts(page)).toContainText('9 new');
	// A reload keeps the session and its extra cards.
	await page.reload();
	await expect(page.getByRole('heading', { level: 2, name: front(3) })).toBeVisible();
	await expect(counts(page)).toContainText('9 new');

	// Review ahead: the three cards rated Easy, due in days, come now.
	await page.goto(`/study/${deck.id}?ahead=30`);
	await expect(counts(page)).toContainText('3 to review');
	await expect(counts(page)).toContainText('0 new');

	// A topic: a session of exactly its facts, each shown now, whatever its due date.
	await page.goto(`/study/${deck.id}`);
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
