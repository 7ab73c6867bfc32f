// What the browser tests share: the bank as the build read it, and every route of the app.
import { expect, type Page } from '@playwright/test';
import { loadDecks } from '../../src/lib/content/load';

export const deck = loadDecks('questions').decks[0]!;

/** Every page a student or teacher can open (the quiz play and results pages need an attempt). */
export const routes = [
	'/',
	`/decks/${deck.id}`,
	'/decks/new',
	'/decks/import',
	'/decks/open',
	'/decks/edit',
	`/study/${deck.id}`,
	'/study/all',
	`/quiz/${deck.id}`,
	'/stats',
	'/settings',
	'/classroom',
	'/classroom/take'
];

/**
 * Opens a route and shows all of it, as the checks that run on every route need: the page has
 * loaded, and each section that opens under a button (aria-expanded, such as the quiz builder) is open.
 */
export async function showRoute(page: Page, route: string) {
	await page.goto(route);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await page.waitForLoadState('networkidle');
	const disclosures = page.locator('button[aria-expanded]');
	for (let i = 0; i < (await disclosures.count()); i++) {
		const disclosure = disclosures.nth(i);
		if ((await disclosure.getAttribute('aria-expanded')) === 'true') continue;
		await disclosure.click();
		await expect(disclosure).toHaveAttribute('aria-expanded', 'true');
	}
}

/** Shows the answer of the card on screen, rates it Good and waits until the rating is saved (the next card shows then). */
export async function rateGood(page: Page) {
	await page.getByRole('button', { name: /Show answer/ }).click();
	await page.getByRole('button', { name: /^Good / }).click();
	await expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible();
}

/** The IndexedDB databases this origin has, by name: none until the app first saves something. */
export const databaseNames = (page: Page) =>
	page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));

/** Starts a quiz from the builder of the deck's quiz page with one question type and the choices given by their labels. */
export async function startQuizOfType(
	page: Page,
	type: string,
	choices: { count: string; order?: string; feedback?: string }
) {
	await page.goto(`/quiz/${deck.id}`);
	await page.getByRole('button', { name: 'Build your own quiz' }).tap();
	const types = page.getByRole('group', { name: 'Question types' });
	await types.getByRole('button', { name: /Clear all/ }).tap();
	await types.getByRole('checkbox', { name: type }).tap();
	for (const label of [choices.count, choices.order, choices.feedback])
		if (label) await page.getByRole('radio', { name: label }).tap();
	await page.getByRole('button', { name: 'Start quiz' }).tap();
}
