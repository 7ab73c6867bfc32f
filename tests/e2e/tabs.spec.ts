import { expect, test, type Page } from '@playwright/test';
import { deck, rateGood } from './app';

const front = (i: number) => deck.facts[i]!.cards[0]!.front;
const counts = (page: Page) => page.getByLabel('Cards left in this session');
const card = (page: Page, i: number) => page.getByRole('heading', { level: 2, name: front(i) });

test('two tabs studying one deck: a rating in one leaves the other, undo takes back only its own, and a reset in one stops the other', async ({
	context
}) => {
	const [one, two] = [await context.newPage(), await context.newPage()];
	for (const tab of [one, two]) {
		await tab.goto(`/study/${deck.id}`);
		await expect(card(tab, 0)).toBeVisible();
	}

	// A card rated in one tab is not offered as new in the other, and each tab counts the other's ratings.
	await rateGood(one);
	await expect(card(two, 1)).toBeVisible();
	await expect(counts(two)).toHaveText(/19 new\s+1 learning/);
	await rateGood(two);
	await expect(card(one, 2)).toBeVisible();
	await expect(counts(one)).toHaveText(/18 new\s+2 learning/);

	// Undo in the first tab takes back its own rating (the first card), not the second tab's later one.
	await one.keyboard.press('u');
	await expect(card(one, 0)).toBeVisible();
	await expect(counts(two)).toHaveText(/19 new\s+1 learning/);
	const reviewed = await one.evaluate(
		() =>
			new Promise<string[]>((done) => {
				const open = indexedDB.open('steppe-cards');
				open.onsuccess = () => {
					const all = open.result.transaction('reviews').objectStore('reviews').getAll();
					all.onsuccess = () => done(all.result.map((r: { factId: string }) => r.factId));
				};
			})
	);
	expect(reviewed).toEqual([deck.facts[1]!.id]);

	// A reset in the second tab: the first says it must be reloaded and saves nothing until it is.
	await two.goto('/settings');
	await two.getByRole('button', { name: /^Reset all progress/ }).click();
	await two.getByRole('button', { name: 'Yes, reset all progress' }).click();
	await expect(two.getByText('All progress was reset')).toBeVisible();
	await expect(one.getByRole('alert').first()).toHaveText(
		'Your progress was replaced in another tab (a backup import or a reset). Reload this page before going on. Reload this page'
	);
	await one.getByRole('button', { name: 'Show answer' }).click();
	await one.getByRole('button', { name: /^Good / }).click();
	await expect(one.getByText('Could not save your rating: your progress was replaced in another tab')).toBeVisible();
	await one.getByRole('button', { name: 'Reload this page' }).click();
	await expect(counts(one)).toHaveText(/20 new\s+0 learning/);
	await rateGood(one);
	await expect(counts(one)).toHaveText(/19 new\s+1 learning/);
});
