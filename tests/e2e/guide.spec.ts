import { expect, test, type Page } from '@playwright/test';
import { loadDecks } from '../../src/lib/content/load';

// The same bank the build read, so the test follows the content rather than hard-coding it.
const { decks } = loadDecks('questions');
const deck = decks[0]!;
const aboutSource = deck.aboutSource ?? [];

test('the home page lists every deck with its counts', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Your decks' })).toBeVisible();
	for (const deck of decks) {
		const card = page.getByRole('article', { name: deck.title });
		await expect(card).toBeVisible();
		await expect(card).toContainText(`${deck.facts.length} facts`);
		const questions = deck.facts.reduce((n, f) => n + f.questions.length, 0);
		await expect(card).toContainText(`${questions} questions`);
	}
	await page.screenshot({ path: 'test-results/screens/home.png', fullPage: true });
});

test('the deck page reads as a study guide at phone size', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('article', { name: deck.title }).getByRole('link', { name: 'Study guide' }).click();
	await expect(page.getByRole('heading', { level: 1, name: deck.title })).toBeVisible();
	await expect(page.getByText(deck.source.publisher).first()).toBeVisible();

	// Every fact is on the page, once, with its source paragraph.
	const items = page.locator('.facts > li');
	await expect(items).toHaveCount(deck.facts.length + aboutSource.length);
	for (const fact of [...deck.facts, ...aboutSource]) {
		const item = items.filter({ hasText: fact.statement });
		await expect(item).toHaveCount(1);
		await expect(item).toContainText(`¶${fact.paragraphs[0]}`);
	}

	// Nothing is wider than the phone's screen.
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow).toBeLessThanOrEqual(0);
	await page.screenshot({ path: 'test-results/screens/deck.png', fullPage: false });
});

const search = (page: Page) => page.getByRole('searchbox', { name: 'Search the facts' });
const facts = (page: Page) => page.locator('.facts > li');

test('the guide filters its facts as you type, and says how many match', async ({ page }) => {
	await page.goto(`/decks/${deck.id}`);
	const matching = deck.facts.filter((f) => f.statement.includes('Zhumangarin'));
	expect(matching.length).toBeGreaterThan(1);

	await search(page).fill('zhumangarin');
	const status = page.getByRole('status');
	const shown = facts(page).locator('visible=true');
	await expect(status).toHaveText(`${matching.length} facts match.`);
	// Exactly the facts that name him are shown.
	await expect(shown).toHaveCount(matching.length);
	for (const fact of matching) await expect(shown.filter({ hasText: fact.statement })).toHaveCount(1);
	// Countries and themes with no match are hidden with their heading.
	await expect(page.getByRole('heading', { level: 2, name: 'Tajikistan' })).toBeHidden();
	await expect(page.getByRole('heading', { level: 2, name: 'Kazakhstan' })).toBeVisible();
	await page.screenshot({ path: 'test-results/screens/guide-search.png' });

	// Accents and case are ignored; several words must all be found.
	await search(page).fill('KAZAKHSTAN  délist');
	await expect(status).toHaveText(/^\d+ facts? match(es)?\.$/);
	for (const text of await facts(page).locator('visible=true').allTextContents())
		expect(text.toLowerCase()).toMatch(/kazakhstan[\s\S]*delist|delist[\s\S]*kazakhstan/);

	// A fact is found by its statement and tags, not by the topic of the paragraph it cites.
	await search(page).fill('TAPI');
	await expect(status).toHaveText(/match/);
	await expect(facts(page).filter({ hasText: 'The article lists seven ISKP media channels.' })).toBeHidden();

	await search(page).fill('no such thing');
	await expect(status).toHaveText('No fact matches “no such thing”.');
	await expect(facts(page).locator('visible=true')).toHaveCount(0);

	await search(page).fill('');
	await expect(status).toHaveText('');
	await expect(facts(page).locator('visible=true')).toHaveCount(deck.facts.length + aboutSource.length);
});

test('the guide has contents, back-to-top links and ways to study and quiz at its end', async ({ page }) => {
	await page.goto(`/decks/${deck.id}`);
	const contents = page.getByRole('navigation', { name: 'Contents' });
	await contents.getByRole('link', { name: /^Tajikistan/ }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Tajikistan' })).toBeInViewport();
	await expect(page).toHaveURL(/#tajikistan$/);
	await page.getByRole('region', { name: 'Tajikistan' }).getByRole('link', { name: 'Back to top' }).click();
	await expect(page.getByRole('heading', { level: 1, name: deck.title })).toBeInViewport();

	const end = page.getByRole('navigation', { name: 'Learn this deck' });
	const pathOf = (name: string) => end.getByRole('link', { name }).evaluate((a) => (a as HTMLAnchorElement).pathname);
	expect(await pathOf('Study these')).toBe(`/study/${deck.id}`);
	expect(await pathOf('Quiz on these')).toBe(`/quiz/${deck.id}`);
	await end.getByRole('link', { name: 'Quiz on these' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(deck.title);
});

test('facts about the source are in their own section of the guide, and are not studied', async ({ page }) => {
	expect(aboutSource.map((f) => f.id)).toEqual([
		'source-publisher-mp-idsa',
		'source-views-disclaimer',
		'source-keywords'
	]);
	await page.goto(`/decks/${deck.id}`);
	const section = page.getByRole('region', { name: 'About the source' });
	for (const fact of aboutSource) await expect(section.getByText(fact.statement)).toBeVisible();
	// They are no country's and no theme's: no tags, and nowhere else in the guide.
	await expect(section).not.toContainText('Diplomacy');
	for (const fact of aboutSource) await expect(page.getByText(fact.statement)).toHaveCount(1);
	await page
		.getByRole('navigation', { name: 'Contents' })
		.getByRole('link', { name: /^About the source/ })
		.click();
	await expect(section.getByRole('heading', { level: 2 })).toBeInViewport();

	// The home page counts only the facts to study, and the quiz offers none of their questions.
	await page.goto('/');
	const card = page.getByRole('article', { name: deck.title });
	await expect(card).toContainText(`${deck.facts.length} facts`);
	await expect(card).toContainText(`${deck.facts.reduce((n, f) => n + f.questions.length, 0)} questions`);
	expect(deck.facts.some((f) => f.id.startsWith('source-'))).toBe(false);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the guide is a plain list with its contents, and no search box that could do nothing', async ({ page }) => {
		await page.goto(`/decks/${deck.id}`);
		await expect(page.getByRole('heading', { level: 1, name: deck.title })).toBeVisible();
		await expect(search(page)).toBeHidden();
		const links = page.getByRole('navigation', { name: 'Contents' }).getByRole('link');
		await expect(links).toHaveCount(7);
		await links.filter({ hasText: 'Uzbekistan' }).click();
		await expect(page.getByRole('heading', { level: 2, name: 'Uzbekistan' })).toBeInViewport();
		await expect(facts(page).locator('visible=true')).toHaveCount(deck.facts.length + aboutSource.length);
	});

	test('each country section shows one map with its country shaded, drawn with the page', async ({ page }) => {
		await page.goto(`/decks/${deck.id}`);
		for (const name of ['Kazakhstan', 'Kyrgyzstan', 'Tajikistan', 'Turkmenistan', 'Uzbekistan']) {
			const section = page.getByRole('region', { name });
			await expect(section.getByRole('img', { name: /^Map of Central Asia/ })).toHaveCount(1);
			await expect(
				section.getByRole('img', { name: `Map of Central Asia and Afghanistan with ${name} shaded` })
			).toBeVisible();
		}
		await expect(
			page.getByRole('region', { name: 'Central Asia as a whole' }).getByRole('img', {
				name: 'Map of Central Asia and Afghanistan with Turkmenistan, Uzbekistan, Kazakhstan, Tajikistan and Kyrgyzstan shaded'
			})
		).toBeVisible();
		await expect(page.getByText('Country shapes: Natural Earth (public domain).')).toBeVisible();
	});
});

for (const scheme of ['light', 'dark'] as const) {
	test(`the guide at phone size in ${scheme}`, async ({ page }) => {
		await page.emulateMedia({ colorScheme: scheme });
		await page.goto(`/decks/${deck.id}`);
		await expect(search(page)).toBeVisible();
		await page.screenshot({ path: `test-results/screens/guide-${scheme}.png` });
		await search(page).fill('TAPI');
		await expect(page.getByRole('status')).toHaveText(/match/);
		await page.screenshot({ path: `test-results/screens/guide-search-${scheme}.png` });
		await search(page).fill('');
		await page.getByRole('region', { name: 'About the source' }).scrollIntoViewIfNeeded();
		await page.screenshot({ path: `test-results/screens/guide-about-source-${scheme}.png` });
		await page.getByRole('navigation', { name: 'Learn this deck' }).scrollIntoViewIfNeeded();
		await page.screenshot({ path: `test-results/screens/guide-end-${scheme}.png` });
	});
}
