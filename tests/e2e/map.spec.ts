import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { DeckQuestion } from '../../src/lib/content/schema';
import { deck, pickClassAnswer } from './app';

const byPrompt = new Map<string, DeckQuestion>(deck.facts.flatMap((f) => f.questions).map((q) => [q.prompt, q]));
const shot = (name: string) => `test-results/screens/map-${name}.png`;

/** A quiz of map questions only, in source order, with feedback after each. */
async function startMapQuiz(page: Page) {
	await page.goto(`/quiz/${deck.id}`);
	await page.getByRole('button', { name: 'Build your own quiz' }).tap();
	const types = page.getByRole('group', { name: 'Question types' });
	await types.getByRole('button', { name: /Clear all/ }).tap();
	await types.getByRole('checkbox', { name: 'Map' }).tap();
	await page.getByRole('radio', { name: '20' }).tap();
	await page.getByRole('radio', { name: 'As in the article' }).tap();
	await page.getByRole('button', { name: 'Start quiz' }).tap();
}

async function onScreen(page: Page) {
	const prompt = (await page.locator('form.question legend').textContent())?.trim() ?? '';
	const q = byPrompt.get(prompt);
	expect(q?.type, prompt).toBe('map');
	return q as DeckQuestion & { type: 'map' };
}

const nameOf = (q: DeckQuestion & { type: 'map' }, right: boolean) =>
	q.choicesOnMap!.find((c) => (c.id === q.answer) === right)!.name;
const spot = (page: Page, name: string) => page.locator('svg.map').getByRole('radio', { name, exact: true });

async function next(page: Page) {
	await page.getByRole('button', { name: /^(Next question|See your results)$/ }).tap();
}

test('map questions answered by tap, by keyboard and from the list, with feedback that names the right place and the one tapped', async ({
	page
}) => {
	test.setTimeout(90_000);
	const mapRequests: string[] = [];
	page.on('request', (r) => {
		if (r.url().endsWith('.js')) mapRequests.push(r.url());
	});
	await startMapQuiz(page);

	// 1. A country, tapped right: no names on the map before the answer.
	let q = await onScreen(page);
	await expect(page.locator('svg.map text')).toHaveCount(0);
	await spot(page, nameOf(q, true)).tap();
	await expect(spot(page, nameOf(q, true))).toHaveAttribute('aria-checked', 'true');
	await page.screenshot({ path: shot('country-chosen'), fullPage: true });
	await page.getByRole('button', { name: /^Check/ }).tap();
	await expect(page.getByRole('heading', { name: 'Correct' })).toBeVisible();
	await expect(page.locator('svg.map text')).toHaveText([`✓ ${nameOf(q, true)}`]);
	await next(page);

	// 2. A country, tapped wrong: both are named on the map and under it.
	q = await onScreen(page);
	const wrong = nameOf(q, false);
	await spot(page, wrong).tap();
	await page.getByRole('button', { name: /^Check/ }).tap();
	await expect(page.getByRole('heading', { name: 'Not quite' })).toBeVisible();
	await expect(page.locator('svg.map text')).toHaveText([`✓ ${nameOf(q, true)}`, `✗ ${wrong}`]);
	await expect(page.locator('.map-question .key')).toContainText(`the right answer: ${nameOf(q, true)}`);
	await expect(page.locator('.map-question .key')).toContainText(`you tapped: ${wrong}`);
	await page.screenshot({ path: shot('country-feedback'), fullPage: true });
	await next(page);

	// 3. By keyboard: Tab reaches the first country west to east, arrows move east, Enter answers.
	q = await onScreen(page);
	const westToEast = ['Turkmenistan', 'Uzbekistan', 'Afghanistan', 'Kazakhstan', 'Tajikistan', 'Kyrgyzstan'];
	await page.locator('form.question legend').click();
	while (!(await spot(page, 'Turkmenistan').evaluate((el) => el === document.activeElement)))
		await page.keyboard.press('Tab');
	const target = westToEast.indexOf(nameOf(q, true));
	for (let i = 0; i < target; i++) await page.keyboard.press('ArrowRight');
	await expect(spot(page, nameOf(q, true))).toBeFocused();
	const ring = await spot(page, nameOf(q, true)).evaluate((el) => getComputedStyle(el).stroke);
	expect(ring).toBe('rgb(245, 158, 11)');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Correct' })).toBeVisible();
	await next(page);

	// 4. From the list instead: the same choices by name.
	q = await onScreen(page);
	await page.getByRole('button', { name: 'Or answer from a list instead' }).tap();
	await expect(page.locator('svg.map')).toHaveCount(0);
	await expect(page.locator('form.question .option .text')).toHaveText(q.choicesOnMap!.map((c) => c.name));
	await page.getByRole('radio', { name: nameOf(q, true), exact: true }).tap();
	await page.getByRole('button', { name: /^Check/ }).tap();
	await expect(page.getByRole('heading', { name: 'Correct' })).toBeVisible();

	// Walk on to the first place question: a point with a target of at least 44 px.
	for (;;) {
		await next(page);
		q = await onScreen(page);
		if (q.tap === 'place') break;
		await spot(page, nameOf(q, true)).tap();
		await page.getByRole('button', { name: /^Check/ }).tap();
	}
	const box = (await spot(page, nameOf(q, true)).boundingBox())!;
	expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
	await spot(page, nameOf(q, false)).tap();
	await page.getByRole('button', { name: /^Check/ }).tap();
	await expect(page.locator('svg.map text')).toHaveText([`✓ ${nameOf(q, true)}`, `✗ ${nameOf(q, false)}`]);
	await page.screenshot({ path: shot('place-feedback'), fullPage: true });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

for (const scheme of ['light', 'dark'] as const) {
	test(`a map question and its feedback have no accessibility violations (${scheme})`, async ({ page }) => {
		await page.emulateMedia({ colorScheme: scheme });
		await startMapQuiz(page);
		const q = await onScreen(page);
		await expect(page.locator('svg.map')).toBeVisible();
		expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
		await page.screenshot({ path: shot(`question-${scheme}`), fullPage: true });
		await spot(page, nameOf(q, false)).tap();
		await page.getByRole('button', { name: /^Check/ }).tap();
		await expect(page.getByRole('heading', { name: 'Not quite' })).toBeVisible();
		expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
		await page.screenshot({ path: shot(`feedback-${scheme}`), fullPage: true });
		await next(page);
		await page.getByRole('button', { name: 'Or answer from a list instead' }).tap();
		await expect(page.locator('form.question .option')).not.toHaveCount(0);
		expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
		await page.screenshot({ path: shot(`list-${scheme}`), fullPage: true });
	});
}

test('a map question opens with the network off, its map from the precache', async ({ page, context }) => {
	await page.goto('/');
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	await page.reload();
	await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
	await context.setOffline(true);
	await startMapQuiz(page);
	await expect(page.locator('svg.map path.region')).toHaveCount(6);
	await context.setOffline(false);
});

test('a class quiz with map questions: the student taps places, the teacher’s report names the places chosen', async ({
	page,
	browser
}) => {
	test.setTimeout(90_000);
	// A topic whose multiple-choice pool holds map questions, asked whole, so the quiz surely has them.
	const topic = deck.facts.filter((f) => f.countries.includes('uzbekistan') && f.themes.includes('infrastructure'));
	const pool = topic.flatMap((f) => f.questions).filter((q) => q.type === 'multiple-choice' || q.type === 'map');
	const maps = pool.filter((q) => q.type === 'map');
	expect(maps.length).toBeGreaterThan(0);

	await page.goto('/classroom');
	await expect(page.getByRole('button', { name: 'Make the quiz' })).toBeEnabled();
	await page.getByLabel('Title').fill('Routes');
	await page.getByRole('combobox', { name: /^Questions/ }).selectOption('all');
	for (const [legend, only] of [
		['Countries', 'Uzbekistan'],
		['Themes', 'Infrastructure']
	]) {
		const group = page.getByRole('group', { name: legend });
		await group.getByRole('button', { name: /Clear all/ }).tap();
		await group.getByRole('checkbox', { name: only }).tap();
	}
	const types = page.getByRole('group', { name: 'Question types' });
	for (const name of ['True or false', 'Typed answer', 'Matching', 'Ordering'])
		await types.getByRole('checkbox', { name }).uncheck();
	await expect(page.getByText(`${pool.length} questions match; the quiz will ask ${pool.length}.`)).toBeVisible();
	await page.getByRole('button', { name: 'Make the quiz' }).tap();
	const link = (await page.getByRole('link', { name: /classroom\/take#q=/ }).getAttribute('href'))!;

	// The student answers every map question with a wrong place, the others rightly.
	const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
	const student = await phone.newPage();
	await student.goto(link);
	await student.getByLabel('Your name').fill('Aida');
	await student.getByRole('button', { name: 'Start the quiz' }).tap();
	const wrongPlaces: string[] = [];
	for (let i = 1; i <= pool.length; i++) {
		await expect(student.getByRole('heading', { name: `Question ${i} of ${pool.length}` })).toBeVisible();
		const shown = byPrompt.get((await student.locator('form.question legend').textContent())!.trim())!;
		const { pick } = await pickClassAnswer(student, shown.type !== 'map');
		if (shown.type === 'map') wrongPlaces.push(pick);
		await student.getByRole('button', { name: /^Answer/ }).tap();
	}
	expect(wrongPlaces).toHaveLength(maps.length);
	const right = pool.length - maps.length;
	await expect(
		student.getByRole('heading', { name: new RegExp(`^Aida: ${right} of ${pool.length} right`) })
	).toBeVisible();
	const result = await student.getByLabel('Result code').inputValue();
	await phone.close();

	// The report: the map questions are the hardest, with the place the student tapped as the wrong answer.
	await page.getByRole('link', { name: 'Collect results' }).tap();
	await page.getByLabel('Paste or type codes').fill(result);
	await page.getByRole('button', { name: 'Add codes' }).tap();
	await expect(page.getByRole('list', { name: 'Codes read' })).toContainText('Aida: added');
	const hardest = page.getByRole('region', { name: 'Hardest questions' });
	await expect(hardest.getByRole('listitem')).toHaveCount(maps.length);
	for (const place of wrongPlaces) await expect(hardest).toContainText(`Most common wrong answer: “${place}” (1)`);
});
