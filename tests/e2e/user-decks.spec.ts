import { expect, test, type Page } from '@playwright/test';
import type { UserCardRow, UserDeckRow } from '../../src/lib/db/rows';
import { deck as bundled, rateGood } from './app';

const userDeck: UserDeckRow = {
	id: 'u-0f1e2d3c-4b5a-4987-8a6b-5c4d3e2f1a0b',
	title: 'My capitals',
	description: 'Central Asia',
	created: 1,
	updated: 1
};
const CAPITALS: [string, string][] = [
	['Kazakhstan', 'Astana'],
	['Kyrgyzstan', 'Bishkek'],
	['Tajikistan', 'Dushanbe'],
	['Uzbekistan', 'Tashkent'],
	['Turkmenistan', 'Ashgabat'],
	['Mongolia', 'Ulaanbaatar']
];
const cards: UserCardRow[] = CAPITALS.map(([country, city], position) => ({
	id: `0f1e2d3c-4b5a-4987-8a6b-00000000000${position}`,
	deckId: userDeck.id,
	position,
	front: `Capital of ${country}`,
	back: city,
	tags: ['capitals']
}));

/**
 * Stores the deck as the storage API (src/lib/db/user-deck-edits.ts) writes it, in the database the
 * app has already made: the app has no screen to make decks yet, and its modules are bundled.
 */
async function storeUserDeck(page: Page) {
	await page.evaluate(
		({ deck, cards }) =>
			new Promise<void>((done, fail) => {
				const open = indexedDB.open('steppe-cards');
				open.onerror = () => fail(open.error);
				open.onsuccess = () => {
					const tx = open.result.transaction(['userDecks', 'userCards'], 'readwrite');
					tx.objectStore('userDecks').put(deck);
					for (const card of cards) tx.objectStore('userCards').put(card);
					tx.oncomplete = () => {
						open.result.close();
						done();
					};
					tx.onerror = () => fail(tx.error);
				};
			}),
		{ deck: userDeck, cards }
	);
}

const tile = (page: Page) => page.getByRole('article', { name: userDeck.title });
const newCount = (page: Page) => tile(page).getByLabel('Due today').locator('dd.kind-new').textContent();

test('a user deck is listed on home, studied, quizzed, and opens offline', async ({ page, context }) => {
	await page.goto('/');
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	// A first rating makes the database, which the deck is then stored in.
	await page.goto(`/study/${bundled.id}`);
	await rateGood(page);
	await storeUserDeck(page);

	await page.goto('/');
	await expect(tile(page).getByText('6 cards')).toBeVisible();
	await expect(tile(page).getByText('Central Asia')).toBeVisible();
	await expect(tile(page).getByRole('link', { name: 'Study guide' })).toHaveCount(0);
	await expect.poll(() => newCount(page)).toBe('6');

	// Study: the first card is the deck's first; a rating survives a reload.
	await tile(page).getByRole('link', { name: 'Study now' }).tap();
	await expect(page).toHaveURL(`/study/${userDeck.id}`);
	await expect(page.getByRole('heading', { level: 1, name: `Study: ${userDeck.title}` })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Capital of Kazakhstan' })).toBeVisible();
	await rateGood(page);
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Capital of Kyrgyzstan' })).toBeVisible();
	await page.goto('/');
	await expect.poll(() => newCount(page)).toBe('5');

	// Quiz: true-or-false questions made from the cards; the answer is judged and explained.
	await tile(page).getByRole('link', { name: 'Quiz' }).tap();
	await expect(page).toHaveURL(`/quiz/${userDeck.id}`);
	await page.getByRole('heading', { name: 'Build your own quiz' }).getByRole('button').tap();
	await expect(page.getByRole('group', { name: 'Countries' })).toHaveCount(0);
	const types = page.getByRole('group', { name: 'Question types' });
	// Only true or false: untick every other type the deck has.
	for (const name of ['Multiple choice', 'Typed answer', 'Matching']) {
		const box = types.getByRole('checkbox', { name });
		if ((await box.count()) > 0) await box.uncheck();
	}
	await expect(types.getByRole('checkbox', { name: 'True or false' })).toBeChecked();
	await page.getByRole('button', { name: 'Start quiz' }).tap();
	await expect(page.getByRole('heading', { name: /^Question 1 of \d+$/ })).toBeVisible();
	await expect(page.locator('form.question legend')).toContainText(/Capital of \w+/);
	await page.getByRole('radio', { name: 'True' }).tap();
	await page.getByRole('button', { name: /^(Check|Answer)/ }).tap();
	await expect(page.getByRole('heading', { name: /Correct|Not quite/ })).toBeVisible();

	// Offline, after a reload: the service worker opens the deck from the app shell.
	await context.setOffline(true);
	await page.goto(`/study/${userDeck.id}`);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: `Study: ${userDeck.title}` })).toBeVisible();
	// Which card comes first depends on the fact the quiz asked (its answer is a review of that fact).
	await expect(page.getByRole('heading', { level: 2, name: /^Capital of / })).toBeVisible();
	await page.goto('/study/u-no-such-deck');
	await expect(page.getByText('There is no deck called "u-no-such-deck".')).toBeVisible();
	await context.setOffline(false);
});
