import { expect, test, type Page } from '@playwright/test';
import { routes, showRoute } from './app';

/** Elements wider than the screen, or pushed past its right edge: content a reader would have to scroll sideways for. */
function overflowing(page: Page) {
	return page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		const found: string[] = [];
		if (document.documentElement.scrollWidth > width + 1)
			found.push(`page ${document.documentElement.scrollWidth}px wide`);
		for (const el of document.querySelectorAll('main *')) {
			const box = el.getBoundingClientRect();
			if (box.width > 0 && box.right > width + 1 && getComputedStyle(el).position !== 'fixed')
				found.push(
					`${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''} "${(el.textContent ?? '').trim().slice(0, 30)}" ends at ${Math.round(box.right)}px`
				);
		}
		return found.slice(0, 5);
	});
}

test('text zoomed to 200% still fits the phone screen on every route', async ({ page }) => {
	test.setTimeout(90_000);
	// The browser's text size setting doubles the root font size; the layout, in rem, must reflow.
	await page.addInitScript(() => {
		document.addEventListener('DOMContentLoaded', () => (document.documentElement.style.fontSize = '200%'));
	});
	const found: string[] = [];
	for (const route of routes) {
		await showRoute(page, route);
		found.push(...(await overflowing(page)).map((o) => `${route}: ${o}`));
	}
	expect(found).toEqual([]);
});

test('every control on every route is reached by Tab and shows a focus ring', async ({ page }) => {
	test.setTimeout(120_000);
	const problems: string[] = [];
	for (const route of routes) {
		await showRoute(page, route);
		// Each visible control gets a probe number; a radio group is one stop (arrow keys move within it).
		const names = await page.evaluate(() => {
			const radioGroups = new Map<string, number>();
			const names: string[] = [];
			for (const el of document.querySelectorAll<HTMLElement>(
				'a[href], button:not([disabled]), input:not([disabled]), select, textarea, summary'
			)) {
				if (el.offsetParent === null) continue;
				const group = el instanceof HTMLInputElement && el.type === 'radio' ? el.name : undefined;
				if (group !== undefined && radioGroups.has(group)) {
					el.dataset.tabProbe = String(radioGroups.get(group));
					continue;
				}
				if (group !== undefined) radioGroups.set(group, names.length);
				el.dataset.tabProbe = String(names.length);
				names.push(
					`${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`
				);
			}
			return names;
		});
		const reached = new Set<number>();
		for (let i = 0; i < names.length + 3; i++) {
			await page.keyboard.press('Tab');
			const focused = await page.evaluate(() => {
				const el = document.activeElement as HTMLElement | null;
				if (!el?.dataset.tabProbe) return undefined;
				const ringOn = (e: Element) => {
					const style = getComputedStyle(e);
					return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
				};
				// Radio and checkbox chips draw the ring on their label.
				const label = el.closest('label');
				return { probe: Number(el.dataset.tabProbe), ring: ringOn(el) || (label !== null && ringOn(label)) };
			});
			if (!focused) continue;
			reached.add(focused.probe);
			if (!focused.ring) problems.push(`${route}: ${names[focused.probe]} shows no focus ring`);
		}
		names.forEach((name, i) => {
			if (!reached.has(i)) problems.push(`${route}: ${name} is never reached by Tab`);
		});
	}
	expect([...new Set(problems)]).toEqual([]);
});
