// `node tests/engines/run.js <firefox|webkit>`: the engine checks (checks.js) in Firefox ESR or
// WebKitGTK, on the built app (build/, made by `npm run build`) served through the proxy
// (proxy.js). Prints one line per check and writes test-results/summary/engine-<name>.json,
// { passed, failed }, which tests/run-all.js adds to its total.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checks } from './checks.js';
import { launchFirefox } from './firefox.js';
import { startProxy } from './proxy.js';
import { launchWebKit } from './webkit.js';

/** Each engine's ports (static server, proxy, its driver), so both can run at once. */
const engines = {
	firefox: { serverPort: 4182, proxyPort: 4183, launch: () => launchFirefox() },
	webkit: { serverPort: 4184, proxyPort: 4185, launch: () => launchWebKit(4186) }
};
/** A check that takes longer has hung. */
const CHECK_MS = 90_000;

const name = process.argv[2] ?? '';
if (!(name in engines)) {
	console.error(`Usage: node tests/engines/run.js <${Object.keys(engines).join('|')}> (got "${name}")`);
	process.exit(2);
}
if (!existsSync('build/index.html')) {
	console.error('build/ has no built app: run `npm run build` first.');
	process.exit(2);
}
const engine = engines[/** @type {keyof typeof engines} */ (name)];
const summaryFile = `test-results/summary/engine-${name}.json`;
mkdirSync('test-results/summary', { recursive: true });

/**
 * @template T
 * @param {Promise<T>} promise @param {number} ms @param {string} what
 * @returns {Promise<T>}
 */
function within(promise, ms, what) {
	/** @type {NodeJS.Timeout | undefined} */
	let timer;
	const timeout = new Promise(
		(_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took over ${ms / 1000} s`)), ms))
	);
	return /** @type {Promise<T>} */ (Promise.race([promise, timeout])).finally(() => clearTimeout(timer));
}

/** Starts tests/serve.js on build/ and waits until it listens. */
function startServer() {
	const server = spawn(process.execPath, ['tests/serve.js', 'build', String(engine.serverPort)], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	return new Promise((resolve, reject) => {
		server.once('exit', (code) =>
			reject(new Error(`tests/serve.js exited (${code}): is port ${engine.serverPort} taken?`))
		);
		server.stdout?.once('data', () => resolve(server));
	}).then(() => server);
}

const started = Date.now();
let passed = 0;
let failed = 0;
const scratch = mkdtempSync(join(tmpdir(), `steppe-${name}-`));
const server = await startServer();
const proxy = await startProxy(engine.serverPort, engine.proxyPort);
const base = `http://localhost:${engine.proxyPort}/`;
try {
	const browser = await within(engine.launch(), 60_000, `starting ${name}`);
	try {
		for (const [title, check] of checks) {
			const began = Date.now();
			try {
				const driver = await within(browser.session(base), 60_000, 'opening a session');
				try {
					await within(check({ driver, setOffline: proxy.setOffline, scratch }), CHECK_MS, 'the check');
				} catch (error) {
					// What the page showed when the check failed, to see why.
					const shown = await within(
						driver.run(() => `${location.pathname}: ${document.body.innerText.replace(/\s+/g, ' ').slice(0, 240)}`),
						5_000,
						'reading the page'
					).catch(() => 'the page could not be read');
					throw new Error(`${error instanceof Error ? error.message : error}\n      page ${shown}`, { cause: error });
				} finally {
					proxy.setOffline(false);
					await within(driver.close(), 10_000, 'closing the session').catch(() => {});
				}
				passed++;
				console.log(`  ✓ ${name} › ${title} (${((Date.now() - began) / 1000).toFixed(1)} s)`);
			} catch (error) {
				failed++;
				console.log(
					`  ✘ ${name} › ${title} (${((Date.now() - began) / 1000).toFixed(1)} s)\n      ${error instanceof Error ? error.message : error}`
				);
			}
		}
	} finally {
		await within(browser.close(), 15_000, `closing ${name}`).catch(() => {});
	}
} catch (error) {
	// The engine did not start: every check fails.
	console.log(`  ✘ ${name}: ${error instanceof Error ? error.message : error}`);
	failed = checks.length - passed;
} finally {
	await proxy.close();
	server.kill();
	rmSync(scratch, { recursive: true, force: true });
}
writeFileSync(summaryFile, JSON.stringify({ passed, failed }));
console.log(`${name}: ${passed} passed, ${failed} failed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(failed === 0 ? 0 : 1);
