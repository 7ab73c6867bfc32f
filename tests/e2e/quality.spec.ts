import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { deck, rateGood, routes, showRoute } from './app';

async function axeViolations(page: Page) {
	const result = await new AxeBuilder({ page }).analyze();
	return result.violations.map(
		(v) =>
			`${v.id}: ${v.help} (${v.nodes
				.map((n) => n.target.join(' '))
				.slice(0, 3)
				.join(', ')})`
	);
}

/** Studies two cards so the stats page and the home counts have something to show. */
async function studySome(page: Page) {
	await page.goto(`/study/${deck.id}`);
	for (let i = 0; i < 2; i++) await rateGood(page);
}

for (const scheme of ['light', 'dark'] as const) {
	test(`no accessibility violations on any route (${scheme})`, async ({ page }) => {
		test.setTimeout(120_000);
		await page.emulateMedia({ colorScheme: scheme });
		await studySome(page);
		const found: string[] = [];
		for (const route of routes) {
			await showRoute(page, route);
			found.push(...(await axeViolations(page)).map((v) => `${route} ${v}`));
		}
		// The back of a card, with its answer buttons and the explanation open.
		await page.goto(`/study/${deck.id}`);
		await page.getByRole('button', { name: /Show answer/ }).click();
		await page.getByText('Why? Explanation and source').click();
		found.push(...(await axeViolations(page)).map((v) => `study (answer shown) ${v}`));
		expect(found).toEqual([]);
	});
}

test('no Content-Security-Policy violation on any route', async ({ page }) => {
	const violations: string[] = [];
	page.on('console', (message) => {
		if (/Content.Security.Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
	});
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) =>
			console.error(`Content-Security-Policy: ${e.violatedDirective} ${e.blockedURI}`)
		);
	});
	await studySome(page);
	for (const route of routes) {
		await showRoute(page, route);
	}
	const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
	// 'wasm-unsafe-eval' lets the QR scanner's WebAssembly compile; it allows no eval of scripts.
	expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
	expect(policy).toContain("connect-src 'self'");
	expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
	expect(violations).toEqual([]);
});

test('the theme chosen in Settings is applied as each page loads, by the script the policy allows', async ({
	page
}) => {
	await page.goto('/settings');
	await page.getByRole('radio', { name: 'Dark' }).check();
	await page.goto('/');
	expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
});

test('every route fits a 360 px screen and keeps tap targets at least 44 px', async ({ page }) => {
	await studySome(page);
	const problems: string[] = [];
	for (const route of routes) {
		await showRoute(page, route);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		if (overflow > 0) problems.push(`${route}: ${overflow}px wider than the screen`);
		const small = await page.evaluate(() =>
			[
				...document.querySelectorAll<HTMLElement>(
					'button, a.button, input[type=radio], input[type=checkbox], select, summary, nav a'
				)
			]
				.filter((el) => el.offsetParent !== null)
				.map((el) => ({ el, box: el.getBoundingClientRect() }))
				// A radio or checkbox counts with its label, which is the real target.
				.map(({ el, box }) => ({ el, box: el.closest('label')?.getBoundingClientRect() ?? box }))
				.filter(({ box }) => box.height < 44 || box.width < 44)
				.map(
					({ el, box }) =>
						`${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`
				)
		);
		problems.push(...small.map((s) => `${route}: ${s}`));
	}
	expect(problems).toEqual([]);
});
