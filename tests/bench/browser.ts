/** Chromium for the bench: one process per context, on a profile on disk unless told otherwise. */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { watchForShown } from './probe';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

export interface LaunchOptions {
	/** The profile directory; undefined for an incognito context, whose IndexedDB lives in memory. */
	profile: string | undefined;
	/** 'block' stops the app registering its worker (one registered earlier in the profile would still run). */
	serviceWorkers: 'allow' | 'block';
	offline?: boolean;
	/** Slows the page's CPU that many times (1: not at all). */
	cpuThrottle: number;
}

export interface Session {
	context: BrowserContext;
	page: Page;
	close(): Promise<void>;
}

/** A new Chromium process and its first page, ready for the bench's scripts. */
export async function launch(options: LaunchOptions): Promise<Session> {
	const contextOptions = {
		viewport: { width: 360, height: 740 },
		serviceWorkers: options.serviceWorkers,
		offline: options.offline ?? false
	};
	let browser: Browser | undefined;
	let context: BrowserContext;
	if (options.profile) {
		context = await chromium.launchPersistentContext(options.profile, {
			executablePath: CHROMIUM,
			args: ARGS,
			...contextOptions
		});
	} else {
		browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
		context = await browser.newContext(contextOptions);
	}
	// tsx (esbuild keepNames) wraps functions in __name(); the page has no such helper.
	await context.addInitScript('globalThis.__name = (f) => f;');
	await context.addInitScript(watchForShown);
	const page = context.pages()[0] ?? (await context.newPage());
	page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
	if (options.cpuThrottle > 1) {
		const cdp = await context.newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuThrottle });
	}
	return {
		context,
		page,
		async close() {
			await context.close();
			await browser?.close();
		}
	};
}
