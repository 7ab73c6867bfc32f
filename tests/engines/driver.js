// What the checks need of a browser, the same for every engine (firefox.js, webkit.js): open a
// page, run a function in it, and act on an element as a user does (real clicks and keys).

/**
 * An element to act on, found in the page as a user finds it: a visible, enabled element matching
 * `css` whose text matches `text` (a regular expression's source), or the form control whose
 * label starts with `label`.
 * @typedef {{ css: string, text?: string } | { label: string }} Target
 */

/**
 * @typedef {object} Driver
 * @property {(path: string) => Promise<void>} goto Opens a path of the app and waits for its load event.
 * @property {() => Promise<void>} reload
 * @property {<T>(fn: (...args: any[]) => T | Promise<T>, ...args: unknown[]) => Promise<T>} run
 *   Runs `fn` in the page (its source is sent, so it may use only its arguments) and gives back its result.
 * @property {(target: Target) => Promise<void>} click
 * @property {(key: string) => Promise<void>} press Presses a key (a character, or 'Space') on the focused element.
 * @property {(target: Target, text: string) => Promise<void>} type
 * @property {(target: Target, label: string) => Promise<void>} select Picks the option with this text.
 * @property {(target: Target, file: string) => Promise<void>} upload Gives a file input this file.
 * @property {() => Promise<void>} close
 */

/**
 * An engine: starts once, then gives each check a fresh session (empty storage, no service
 * worker), with `base` as the app's address.
 * @typedef {{ session: (base: string) => Promise<Driver>, close: () => Promise<void> }} Engine
 */

/**
 * Finds a target in the page (runs in the page). Hidden and disabled elements do not count, as a
 * user could not use them.
 * @param {Target} target
 * @returns {Element | null}
 */
export function findTarget(target) {
	/** @param {Element} el */
	const usable = (el) => el.getClientRects().length > 0 && !(/** @type {HTMLInputElement} */ (el).disabled);
	const clean = (/** @type {string | null} */ text) => (text ?? '').replace(/\s+/g, ' ').trim();
	if ('label' in target) {
		const label = [...document.querySelectorAll('label')].find(
			(l) => l.control && clean(l.textContent).startsWith(target.label) && usable(l.control)
		);
		return label?.control ?? null;
	}
	const text = target.text === undefined ? undefined : new RegExp(target.text);
	return (
		[...document.querySelectorAll(target.css)].find(
			(el) => usable(el) && (!text || text.test(clean(el.textContent)))
		) ?? null
	);
}

const WAIT_MS = 15_000;

/**
 * Calls `attempt` until it gives a truthy value, and gives that value; an error counts as "not
 * yet" (a navigation in progress replaces the page under a script).
 * @template T
 * @param {string} what what is awaited, for the error message
 * @param {() => Promise<T>} attempt
 * @returns {Promise<NonNullable<T>>}
 */
export async function poll(what, attempt) {
	const until = Date.now() + WAIT_MS;
	/** @type {unknown} */
	let last;
	for (;;) {
		try {
			const value = await attempt();
			if (value) return /** @type {NonNullable<T>} */ (value);
			last = value;
		} catch (error) {
			last = error;
		}
		if (Date.now() > until)
			throw new Error(
				`timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`
			);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/**
 * Polls `fn` in the page until it gives a truthy value.
 * @template T
 * @param {Driver} driver @param {string} what @param {(...args: any[]) => T | Promise<T>} fn @param {...unknown} args
 */
export const waitFor = (driver, what, fn, ...args) => poll(what, () => driver.run(fn, ...args));

/**
 * Waits until the visible text of the page (or of one of the elements matching `css`) matches `pattern`.
 * @param {Driver} driver @param {RegExp} pattern @param {string} [css]
 */
export const waitForText = (driver, pattern, css = 'body') =>
	waitFor(
		driver,
		`text ${pattern}${css === 'body' ? '' : ` in ${css}`}`,
		(/** @type {string} */ source, /** @type {string} */ flags, /** @type {string} */ selector) =>
			[...document.querySelectorAll(selector)].some((el) =>
				new RegExp(source, flags).test(/** @type {HTMLElement} */ (el).innerText)
			),
		pattern.source,
		pattern.flags,
		css
	);

/** @param {Driver} driver @returns {Promise<import('./probe.js').ProbeRecord>} */
export const probeRecord = (driver) =>
	driver.run(() => {
		const record = /** @type {import('./probe.js').ProbeRecord | undefined} */ (
			/** @type {any} */ (window).__engineProbe
		);
		if (!record) throw new Error('the probe is missing from this page');
		return { errors: [...record.errors], downloads: [...record.downloads] };
	});
