// What the browser tests share: the bank as the build read it, and every route of the app.
import AxeBuilder from '@axe-core/playwright';
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

/** What axe finds wrong on the page as it is (or within one part of it), one line a rule: its id, its help and the first three elements. */
export async function axeViolations(page: Page, within?: string) {
	const builder = new AxeBuilder({ page });
	const result = await (within ? builder.include(within) : builder).analyze();
	return result.violations.map(
		(v) =>
			`${v.id}: ${v.help} (${v.nodes
				.map((n) => n.target.join(' '))
				.slice(0, 3)
				.join(', ')})`
	);
}

/**
 * The Content-Security-Policy violations of the page from now on, each with the address it happened at:
 * the list fills as the test goes, from the console and from the event that names what was blocked.
 */
export async function watchCspViolations(page: Page): Promise<string[]> {
	const violations: string[] = [];
	page.on('console', (message) => {
		if (/Content.Security.Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
	});
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) =>
			console.error(`Content-Security-Policy: ${e.violatedDirective} ${e.blockedURI}`)
		);
	});
	return violations;
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

/**
 * The class quiz's question on screen, from the bank: a multiple-choice, true/false or map question (a class
 * quiz of multiple choice asks map questions too), with its right answer as the page words it.
 */
export async function classQuestionShown(page: Page) {
	const prompt = (await page.locator('form.question legend').textContent())!.trim();
	const q = deck.facts.flatMap((f) => f.questions).find((x) => x.prompt === prompt);
	expect(q, `no question reads "${prompt}"`).toBeDefined();
	if (q!.type === 'multiple-choice')
		return { prompt, q: q!, answer: q!.answer, wrong: q!.options.find((o) => o !== q!.answer)! };
	if (q!.type === 'true-false')
		return { prompt, q: q!, answer: q!.answer ? 'True' : 'False', wrong: q!.answer ? 'False' : 'True' };
	if (q!.type === 'map') {
		const place = (right: boolean) => q!.choicesOnMap!.find((c) => (c.id === q!.answer) === right)!.name;
		return { prompt, q: q!, answer: place(true), wrong: place(false) };
	}
	throw new Error(`unexpected type ${q!.type}`);
}

/**
 * Picks the right or a wrong answer of the class quiz's question on screen: an option, or a place tapped on the
 * map. `tap` on a touch screen, `click` with a mouse. Returns its prompt and the answer picked, in words.
 */
export async function pickClassAnswer(page: Page, right: boolean, by: 'tap' | 'click' = 'tap') {
	const { prompt, q, answer, wrong } = await classQuestionShown(page);
	const pick = right ? answer : wrong;
	const within = q.type === 'map' ? page.locator('form.question svg.map') : page.locator('form.question');
	const option = within.getByRole('radio', { name: pick, exact: true });
	await (by === 'tap' ? option.tap() : option.click());
	await expect(option).toBeChecked();
	return { prompt, pick };
}
