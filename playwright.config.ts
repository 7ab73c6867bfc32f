import { defineConfig } from '@playwright/test';

// PORT lets a second working copy run its browser tests beside this one.
const port = Number(process.env.PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : 'list',
	use: {
		baseURL: `http://localhost:${port}`,
		viewport: { width: 360, height: 740 },
		hasTouch: true,
		isMobile: true,
		deviceScaleFactor: 2,
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	webServer: {
		command: `node tests/serve.js build ${port}`,
		url: `http://localhost:${port}/`,
		reuseExistingServer: !process.env.CI
	}
});
