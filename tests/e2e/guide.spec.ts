import { expect, test } from '@playwright/test';
import { loadDecks } from '../../src/lib/content/load';

// The same bank the build read, so the test follows the content rather than hard-coding it.
const { decks } = loadDecks('questions');

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
	const deck = decks[0]!;
	await page.goto('/');
	await page.getByRole('article', { name: deck.title }).getByRole('link', { name: 'Study guide' }).click();
	await expect(page.getByRole('heading', { level: 1, name: deck.title })).toBeVisible();
	await expect(page.getByText(deck.source.publisher).first()).toBeVisible();

	// Every fact is on the page, once, with its source paragraph.
	const items = page.locator('.facts > li');
	await expect(items).toHaveCount(deck.facts.length);
	for (const fact of deck.facts) {
		const item = items.filter({ hasText: fact.statement });
		await expect(item).toHaveCount(1);
		await expect(item).toContainText(`¶${fact.paragraphs[0]}`);
	}

	// Nothing is wider than the phone's screen.
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow).toBeLessThanOrEqual(0);
	await page.screenshot({ path: 'test-results/screens/deck.png', fullPage: false });
});
