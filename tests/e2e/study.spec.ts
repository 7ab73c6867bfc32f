import { expect, test, type Page } from '@playwright/test';
import { loadDecks } from '../../src/lib/content/load';
import { databaseNames, rateGood } from './app';
import { fillableDisk } from './storage-faults';

const deck = loadDecks('questions').decks[0]!;
const front = (i: number) => deck.facts[i]!.cards[0]!.front;
/** The card of fact i shown after `reps` reviews: a fact's cards take turns. */
const frontAfter = (i: number, reps: number) => deck.facts[i]!.cards[reps % deck.facts[i]!.cards.length]!.front;

const counts = (page: Page) => page.getByLabel('Cards left in this session');

async function homeCounts(page: Page) {
	const today = page.getByRole('article', { name: deck.title }).getByLabel('Due today');
	return {
		new: await today.locator('dd.kind-new').textContent(),
		learning: await today.locator('dd.kind-learning').textContent(),
		review: await today.locator('dd.kind-review').textContent()
	};
}

test('a first visit to the home page, the statistics, the settings and the classroom shows that nothing is studied yet, without creating the database', async ({
	page
}) => {
	await page.goto('/');
	await expect.poll(() => homeCounts(page)).toEqual({ new: '20', learning: '0', review: '0' });
	expect(await databaseNames(page)).toEqual([]);
	await page.goto('/stats');
	await expect(page.getByText('No reviews yet — study a few cards and come back.')).toBeVisible();
	expect(await databaseNames(page)).toEqual([]);
	await page.goto('/settings');
	await expect(page.getByLabel('New facts per day')).toBeEnabled();
	await expect(page.getByLabel('New facts per day')).toHaveValue('20');
	expect(await databaseNames(page)).toEqual([]);
	await page.goto('/classroom');
	await expect(page.getByText('None yet. Quizzes you make are kept on this device')).toBeVisible();
	expect(await databaseNames(page)).toEqual([]);
	await page.goto('/classroom/take');
	await expect(page.getByRole('heading', { level: 1, name: 'Join a class quiz' })).toBeVisible();
	await page.waitForLoadState('networkidle');
	expect(await databaseNames(page)).toEqual([]);
});

test('study five cards by keys and by taps, reload in the middle, undo, and see them in the counts', async ({
	page
}) => {
	await page.goto('/');
	await expect.poll(() => homeCounts(page)).toEqual({ new: '20', learning: '0', review: '0' });
	await page.getByRole('article', { name: deck.title }).getByRole('link', { name: 'Study now' }).click();

	// Keyboard: Space reveals, 3 rates Good.
	for (let i = 0; i < 3; i++) {
		await expect(page.getByRole('heading', { level: 2, name: front(i) })).toBeVisible();
		await page.keyboard.press('Space');
		await expect(page.getByRole('button', { name: /^Good 10m/ })).toBeVisible();
		await page.keyboard.press('3');
	}
	await expect(counts(page)).toContainText('17 new');
	await expect(counts(page)).toContainText('3 learning');

	// A reload in the middle resumes with the same queue.
	await page.reload();
	await expect(page.getByRole('heading', { level: 2, name: front(3) })).toBeVisible();
	await expect(counts(page)).toContainText('17 new');
	await expect(counts(page)).toContainText('3 learning');

	// Taps: the Show answer button, then Again / Good.
	await page.getByRole('button', { name: /Show answer/ }).tap();
	await page.getByRole('button', { name: /^Again 1m/ }).tap();
	await expect(page.getByRole('heading', { level: 2, name: front(4) })).toBeVisible();
	await page.getByRole('button', { name: /Show answer/ }).tap();
	await expect(page.getByText('Why? Explanation and source')).toBeVisible();
	await page.getByText('Why? Explanation and source').tap();
	await expect(page.getByText(deck.facts[4]!.statement)).toBeVisible();
	await expect(page.getByText(`¶${deck.facts[4]!.paragraphs[0]}`)).toBeVisible();
	await page.screenshot({ path: 'test-results/screens/study-back.png' });
	await page.getByRole('button', { name: /^Good / }).tap();
	await expect(counts(page)).toContainText('15 new');
	await expect(counts(page)).toContainText('5 learning');

	// Undo brings back the last card, as new, and its front side.
	await page.keyboard.press('u');
	await expect(page.getByRole('heading', { level: 2, name: front(4) })).toBeVisible();
	await expect(counts(page)).toContainText('16 new');
	await expect(counts(page)).toContainText('4 learning');
	await page.getByRole('button', { name: /Show answer/ }).click();
	await page.getByRole('button', { name: /^Easy / }).click();
	await expect(counts(page)).toContainText('15 new');
	await expect(counts(page)).toContainText('4 learning');

	// The home page counts what is left for today.
	await page.getByRole('link', { name: 'Steppe Cards' }).click();
	await expect.poll(() => homeCounts(page)).toEqual({ new: '15', learning: '4', review: '0' });
	await page.screenshot({ path: 'test-results/screens/home-after-study.png', fullPage: true });

	// The stats page shows the five reviews just made (the undone one is gone).
	await page.getByRole('link', { name: 'Stats' }).click();
	const headline = (term: string) => page.locator('dl.headline div').filter({ hasText: term }).locator('dd');
	await expect(headline('Reviews today')).toHaveText('5');
	await expect(headline('Total reviews')).toHaveText('5');
	await expect(page.getByRole('img', { name: /5 reviews in the last 30 days/ })).toBeVisible();
	await page.screenshot({ path: 'test-results/screens/stats.png', fullPage: true });
});

test('the whole session can be finished, with a summary at the end', async ({ page }) => {
	await page.goto('/settings');
	await page.getByLabel('New facts per day').fill('2');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

	await page.goto(`/study/${deck.id}`);
	for (let i = 0; i < 2; i++) {
		await page.getByRole('button', { name: /Show answer/ }).click();
		await page.getByRole('button', { name: /^Easy / }).click();
	}
	await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();
	await expect(page.getByText('You reviewed 2 cards')).toBeVisible();
	await expect(page.getByRole('definition').nth(3)).toHaveText('2');
	await expect(page.getByText(/The next card is due in \d+d/)).toBeVisible();
	await page.screenshot({ path: 'test-results/screens/study-end.png' });
});

test('cards due again come first after a break, and can be answered as soon as they show', async ({ page }) => {
	await page.clock.install({ time: new Date(2026, 10, 20, 10, 0) });
	await page.goto(`/study/${deck.id}`);
	for (let i = 0; i < 3; i++) {
		await expect(page.getByRole('heading', { level: 2, name: front(i) })).toBeVisible();
		await page.keyboard.press('Space');
		await page.keyboard.press('1');
	}
	await expect(counts(page)).toContainText('3 learning');

	// Five minutes later the three are due: the first shows from the first reads of the queue,
	// and a rating given at once waits for the rest of the queue, then counts against it.
	await page.clock.fastForward('05:00');
	await page.reload();
	await expect(page.getByRole('heading', { level: 2, name: frontAfter(0, 1) })).toBeVisible();
	await page.keyboard.press('Space');
	await page.keyboard.press('4');
	await expect(page.getByRole('heading', { level: 2, name: frontAfter(1, 1) })).toBeVisible();
	await expect(counts(page)).toHaveText(/17 new\s+2 learning\s+0 to review/);
	await page.keyboard.press('u');
	await expect(page.getByRole('heading', { level: 2, name: frontAfter(0, 1) })).toBeVisible();
	await expect(counts(page)).toHaveText(/17 new\s+3 learning\s+0 to review/);
});

test('the first saved rating asks the browser to keep the data, and only once', async ({ page }) => {
	// Counts the requests where the test can read them, across reloads.
	await page.addInitScript(() => {
		navigator.storage.persist = async () => {
			localStorage.setItem('persist-requests', String(Number(localStorage.getItem('persist-requests') ?? 0) + 1));
			return true;
		};
	});
	const requests = () => page.evaluate(() => Number(localStorage.getItem('persist-requests') ?? 0));
	const rateGoodLeaving = async (left: string) => {
		await rateGood(page);
		await expect(counts(page)).toContainText(left);
	};

	await page.goto('/');
	await expect.poll(() => homeCounts(page)).toEqual({ new: '20', learning: '0', review: '0' });
	await page.goto(`/study/${deck.id}`);
	expect(await requests()).toBe(0);
	await rateGoodLeaving('19 new');
	await expect.poll(requests).toBe(1);
	await rateGoodLeaving('18 new');
	// A new visit finds the request recorded in the database and does not ask again.
	await page.reload();
	await rateGoodLeaving('17 new');
	await page.waitForTimeout(300);
	expect(await requests()).toBe(1);
});

/** A colour as the browser computes it, `rgb(r, g, b)`, into its relative luminance (WCAG 2). */
function luminance(color: string) {
	const [r, g, b] = color
		.match(/\d+(\.\d+)?/g)!
		.slice(0, 3)
		.map((c) => {
			const v = Number(c) / 255;
			return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
		});
	return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
	const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (light! + 0.05) / (dark! + 0.05);
};
const colours = (button: ReturnType<Page['getByRole']>) =>
	button.evaluate((element) => ({
		background: getComputedStyle(element).backgroundColor,
		label: getComputedStyle(element).color
	}));

for (const theme of ['light', 'dark'] as const) {
	test(`in the ${theme} theme, Again, Hard, Good and Easy each have a colour of their own, none that of Show answer, with readable labels`, async ({
		page
	}) => {
		await page.addInitScript((chosen) => localStorage.setItem('theme', chosen), theme);
		await page.goto(`/study/${deck.id}`);
		const reveal = page.getByRole('button', { name: /Show answer/ });
		const revealColours = await colours(reveal);
		await page.screenshot({ path: `test-results/screens/study-front-${theme}.png` });
		await reveal.click();
		const grades = await Promise.all(
			['Again', 'Hard', 'Good', 'Easy'].map((name) =>
				colours(page.getByRole('button', { name: new RegExp(`^${name} `) }))
			)
		);
		await page.screenshot({ path: `test-results/screens/study-back-${theme}.png` });

		const backgrounds = [...grades, revealColours].map((c) => c.background);
		expect(new Set(backgrounds).size, backgrounds.join(' ')).toBe(5);
		for (const { background, label } of [...grades, revealColours])
			expect(contrast(background, label), `${label} on ${background}`).toBeGreaterThanOrEqual(4.5);
	});
}

test('a rating or an undo that cannot be saved leaves the card on screen, says why, and can be tried again', async ({
	page
}) => {
	const disk = await fillableDisk(page);
	const problem = page.getByRole('alert');

	await page.goto(`/study/${deck.id}`);
	await rateGood(page);
	await expect(page.getByRole('heading', { level: 2, name: front(1) })).toBeVisible();

	await disk.fill();
	await page.getByRole('button', { name: /Show answer/ }).click();
	await page.getByRole('button', { name: /^Good / }).click();
	await expect(problem).toHaveText('Could not save your rating: The disk is full');
	await expect(page.getByRole('heading', { level: 2, name: front(1) })).toBeVisible();
	await expect(page.getByRole('button', { name: /^Good / })).toBeEnabled();

	await page.keyboard.press('u');
	await expect(problem).toHaveText('Could not undo your last rating: The disk is full');
	await expect(page.getByRole('heading', { level: 2, name: front(1) })).toBeVisible();
	await page.screenshot({ path: 'test-results/screens/study-write-failed.png' });

	// Once the disk has room again, the same card is rated as if nothing had happened.
	await disk.free();
	await page.keyboard.press('3');
	await expect(page.getByRole('heading', { level: 2, name: front(2) })).toBeVisible();
	await expect(problem).toBeHidden();
	await expect(counts(page)).toContainText('18 new');
	await expect(counts(page)).toContainText('2 learning');
});
