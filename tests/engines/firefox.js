// Firefox ESR (Debian's firefox-esr) through WebDriver BiDi, with puppeteer-core: Playwright's
// Firefox is a patched build of its own, which cannot be installed here.
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { findTarget, poll } from './driver.js';

/** @typedef {import('./driver.js').Driver} Driver @typedef {import('./driver.js').Target} Target */

/** @returns {Promise<import('./driver.js').Engine>} */
export async function launchFirefox() {
	const executablePath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
	if (!existsSync(executablePath))
		throw new Error(`no Firefox at ${executablePath}: apt-get install firefox-esr (or set FIREFOX_PATH)`);
	const browser = await puppeteer.launch({ browser: 'firefox', executablePath, headless: true });
	return {
		async session(base) {
			// A browser context of its own: storage and service workers start empty.
			const context = await browser.createBrowserContext();
			const page = await context.newPage();
			await page.setViewport({ width: 360, height: 740 });
			/** @param {Target} target */
			const element = (target) =>
				poll(JSON.stringify(target), async () => {
					const handle = (await page.evaluateHandle(findTarget, target)).asElement();
					return /** @type {import('puppeteer-core').ElementHandle<HTMLElement> | null} */ (handle);
				});
			/** @type {Driver} */
			const driver = {
				goto: async (path) => void (await page.goto(new URL(path, base).href, { waitUntil: 'load' })),
				reload: async () => void (await page.reload({ waitUntil: 'load' })),
				run: (fn, ...args) => /** @type {Promise<any>} */ (page.evaluate(fn, ...args)),
				click: async (target) => (await element(target)).click(),
				press: (key) =>
					page.keyboard.press(/** @type {import('puppeteer-core').KeyInput} */ (key === 'Space' ? ' ' : key)),
				type: async (target, text) => (await element(target)).type(text),
				async select(target, label) {
					const select = await element(target);
					const value = await select.evaluate(
						(el, text) =>
							[.../** @type {HTMLSelectElement} */ (/** @type {unknown} */ (el)).options].find((o) => o.text === text)
								?.value,
						label
					);
					if (value === undefined) throw new Error(`no option "${label}" in ${JSON.stringify(target)}`);
					await select.select(value);
				},
				upload: async (target, file) =>
					/** @type {import('puppeteer-core').ElementHandle<HTMLInputElement>} */ (await element(target)).uploadFile(
						file
					),
				close: () => context.close()
			};
			return driver;
		},
		close: () => browser.close()
	};
}
