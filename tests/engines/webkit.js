// WebKit (Debian's WebKitGTK, the engine of Safari) through WebKitWebDriver: plain W3C WebDriver
// over HTTP, with the few commands the checks use written here over fetch. WebKitGTK has no
// headless mode, so its window opens on an Xvfb display of its own.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findTarget, poll } from './driver.js';

/** @typedef {import('./driver.js').Driver} Driver @typedef {import('./driver.js').Target} Target */

/** What WebDriver's actions send for each key the checks name. */
const KEYS = /** @type {Record<string, string>} */ ({ Space: ' ' });
/** How long MiniBrowser may take to open a session's window. */
const SESSION_MS = 25_000;
/** How WebDriver marks an element in a script's result. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/**
 * Stops a process this runner started and waits until it has exited.
 * @param {import('node:child_process').ChildProcess} child
 * @returns {Promise<void>}
 */
function ended(child) {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	const exited = new Promise((resolve) => child.once('exit', () => resolve(undefined)));
	child.kill();
	return /** @type {Promise<void>} */ (exited);
}

/**
 * Starts Xvfb on a free display (it picks one itself and writes its number to the pipe).
 * @returns {Promise<{ display: string, stop: () => Promise<void> }>}
 */
function startXvfb() {
	const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1024x768x24', '-nolisten', 'tcp'], {
		stdio: ['ignore', 'ignore', 'pipe', 'pipe']
	});
	return new Promise((resolve, reject) => {
		let stderr = '';
		xvfb.stderr?.on('data', (chunk) => (stderr += chunk));
		xvfb.once('error', (error) => reject(new Error(`Xvfb could not start (${error.message}): apt-get install xvfb`)));
		xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${stderr.trim()}`)));
		/** @type {import('node:stream').Readable} */ (xvfb.stdio[3]).once('data', (chunk) =>
			resolve({ display: `:${String(chunk).trim()}`, stop: () => ended(xvfb) })
		);
	});
}

/**
 * @param {number} port the port WebKitWebDriver listens on
 * @returns {Promise<import('./driver.js').Engine>}
 */
export async function launchWebKit(port) {
	const xvfb = await startXvfb();
	// MiniBrowser's toolbar is wider than a phone; a GTK style of our own shrinks it, so the window
	// can be 360 px wide. It changes the browser's own controls only, never the page.
	const config = mkdtempSync(join(tmpdir(), 'steppe-webkit-'));
	mkdirSync(join(config, 'gtk-3.0'));
	writeFileSync(
		join(config, 'gtk-3.0', 'gtk.css'),
		'window headerbar, window toolbar, window box > * { font-size: 1px; padding: 0; margin: 0; min-width: 0; min-height: 0; }\n'
	);
	const driverProcess = spawn(
		process.env.WEBKIT_DRIVER_PATH ?? 'WebKitWebDriver',
		[`--port=${port}`, '--replace-on-new-session'],
		{
			stdio: 'ignore',
			env: { ...process.env, DISPLAY: xvfb.display, XDG_CONFIG_HOME: config }
		}
	);
	const stop = async () => {
		await ended(driverProcess);
		await xvfb.stop();
		rmSync(config, { recursive: true, force: true });
	};
	const server = `http://127.0.0.1:${port}`;

	/** @param {string} method @param {string} path @param {unknown} [body] @param {AbortSignal} [signal] @returns {Promise<any>} */
	async function call(method, path, body, signal) {
		const response = await fetch(server + path, {
			method,
			headers: { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
			signal
		});
		const { value } = /** @type {{ value: any }} */ (await response.json());
		if (value && typeof value === 'object' && 'error' in value)
			throw new Error(`WebDriver ${method} ${path}: ${value.error}: ${value.message}`);
		return value;
	}

	try {
		await Promise.race([
			poll('WebKitWebDriver to start', async () => (await call('GET', '/status')).ready),
			new Promise((_, reject) =>
				driverProcess.once('error', (error) =>
					reject(new Error(`WebKitWebDriver could not start (${error.message}): apt-get install webkit2gtk-driver`))
				)
			)
		]);
	} catch (error) {
		await stop();
		throw error;
	}

	/**
	 * A new browser window for a session. On a busy machine MiniBrowser can fail to start at all;
	 * one more try then (the driver replaces a session that was still starting).
	 * @returns {Promise<{ sessionId: string }>}
	 */
	async function openSession() {
		const capabilities = { alwaysMatch: { 'webkitgtk:browserOptions': { args: ['--automation'] } } };
		for (let attempt = 1; ; attempt++) {
			try {
				return await call('POST', '/session', { capabilities }, AbortSignal.timeout(SESSION_MS));
			} catch (error) {
				if (attempt === 2) throw error;
			}
		}
	}

	return {
		async session(base) {
			// Every WebKitWebDriver session is a private one: storage and service workers start empty.
			const { sessionId } = await openSession();
			const at = `/session/${sessionId}`;
			await call('POST', `${at}/window/rect`, { width: 360, height: 740 });
			/** @param {Function} fn @param {unknown[]} args */
			const run = async (fn, args) => {
				const script = `const done = arguments[arguments.length - 1];
					Promise.resolve().then(() => (${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
						.then((value) => done({ value }), (error) => done({ error: String(error && error.stack || error) }));`;
				const result = await call('POST', `${at}/execute/async`, { script, args });
				if (result.error) throw new Error(result.error);
				return result.value;
			};
			/** @param {Target} target @returns {Promise<string>} the element's WebDriver id */
			const element = (target) =>
				poll(JSON.stringify(target), async () => {
					const found = await call('POST', `${at}/execute/sync`, {
						script: `return (${findTarget})(arguments[0]);`,
						args: [target]
					});
					return found?.[ELEMENT];
				});
			/** @param {string} text */
			const keys = (text) =>
				call('POST', `${at}/actions`, {
					actions: [
						{
							type: 'key',
							id: 'keyboard',
							actions: [...text].flatMap((value) => [
								{ type: 'keyDown', value },
								{ type: 'keyUp', value }
							])
						}
					]
				});
			/** @type {Driver} */
			const driver = {
				goto: async (path) => void (await call('POST', `${at}/url`, { url: new URL(path, base).href })),
				reload: async () => void (await call('POST', `${at}/refresh`, {})),
				run: (fn, ...args) => run(fn, args),
				click: async (target) => void (await call('POST', `${at}/element/${await element(target)}/click`, {})),
				press: async (key) => void (await keys(KEYS[key] ?? key)),
				type: async (target, text) =>
					void (await call('POST', `${at}/element/${await element(target)}/value`, { text })),
				async select(target, label) {
					const select = await element(target);
					const option = await call('POST', `${at}/element/${select}/elements`, {
						using: 'xpath',
						value: `.//option[normalize-space(.)=${JSON.stringify(label)}]`
					});
					if (!option[0]) throw new Error(`no option "${label}" in ${JSON.stringify(target)}`);
					await call('POST', `${at}/element/${option[0][ELEMENT]}/click`, {});
				},
				upload: async (target, file) =>
					void (await call('POST', `${at}/element/${await element(target)}/value`, { text: file })),
				close: async () => void (await call('DELETE', at))
			};
			return driver;
		},
		close: stop
	};
}
