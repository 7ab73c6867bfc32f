import type { Page } from '@playwright/test';

/*
 * The faults are made where the writes are made: in the page, by an init script, and in the workers
 * it starts (the backup import writes from one), whose scripts are routed here to run the same patch
 * first. A worker gets the fault's state as it is when the worker starts; the page's import starts
 * one per import. The app's service worker would fetch worker scripts where `page.route` does not
 * see them, so a spec that imports under a fault runs with `serviceWorkers: 'block'`.
 */

/** Workers' scripts, as the build names them. */
const WORKER_SCRIPTS = '**/_app/immutable/workers/*.js';
/** What each fault puts before a worker's script, per page. */
const workerPreludes = new WeakMap<Page, (() => string)[]>();

/** Runs `prelude()` (read when the script is fetched) at the start of every worker script the page loads. */
async function prefixWorkers(page: Page, prelude: () => string) {
	const preludes = workerPreludes.get(page);
	if (preludes) return void preludes.push(prelude);
	workerPreludes.set(page, [prelude]);
	await page.route(WORKER_SCRIPTS, async (route) => {
		const response = await route.fetch();
		const patches = workerPreludes.get(page)!.map((p) => p());
		await route.fulfill({ response, body: [...patches, await response.text()].join('\n') });
	});
}

/** Makes this page's or worker's IndexedDB writes fail while `full()`: the transaction is refused, as with no room left. */
function patchDisk(full: () => boolean) {
	const transaction = IDBDatabase.prototype.transaction;
	IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
		if (args[1] === 'readwrite' && full()) throw new DOMException('The disk is full', 'QuotaExceededError');
		return transaction.apply(this, args);
	};
}

/**
 * Holds the first write to the store that `take(store)` accepts inside its transaction, with requests
 * that keep it busy so that it never commits, and calls `stalled`.
 */
function patchStall(take: (store: string) => boolean, stalled: () => void) {
	for (const method of ['add', 'put'] as const) {
		const write = IDBObjectStore.prototype[method];
		IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
			const request = write.apply(this, args);
			if (take(this.name)) {
				const keepBusy = () => (this.count().onsuccess = keepBusy);
				keepBusy();
				stalled();
			}
			return request;
		};
	}
}

/** The channel on which a worker's stalled write tells its page. */
const STALLED = 'storage-faults:stalled';

/**
 * A disk that fills up on demand: once `fill` is called, every IndexedDB write of the page and of the
 * workers it starts fails with QuotaExceededError, as on a phone with no room left; reads go on, and
 * `free` makes room again. Call it before the page's first `goto`.
 */
export async function fillableDisk(page: Page) {
	let full = false;
	await page.addInitScript({ content: `(${patchDisk})(() => window.diskFull === true);` });
	await prefixWorkers(page, () => `(${patchDisk})(() => ${full});`);
	const set = async (on: boolean) => {
		full = on;
		await page.evaluate((on) => ((window as { diskFull?: boolean }).diskFull = on), on);
	};
	return { fill: () => set(true), free: () => set(false) };
}

/**
 * Lets a test stall a write, as if the phone froze in the middle of it: once `stall(store)` is called,
 * the next write to that object store, by the page or by a worker it starts, and those sent with it,
 * are made inside their transaction, but requests keep it busy so it never commits. Its `held`
 * resolves once that is so; then the test kills the page. Call it before the page's first `goto`.
 */
export async function stallableWrites(page: Page) {
	let store: string | undefined;
	let stalled = () => {};
	await page.exposeFunction('writeStalled', () => {
		store = undefined;
		stalled();
	});
	await page.addInitScript({
		content: `{
			const page = window;
			const take = (name) => {
				if (name !== page.stallStore) return false;
				page.stallStore = undefined;
				return true;
			};
			(${patchStall})(take, () => page.writeStalled());
			new BroadcastChannel(${JSON.stringify(STALLED)}).onmessage = () => {
				page.stallStore = undefined;
				page.writeStalled();
			};
		}`
	});
	await prefixWorkers(
		page,
		() => `{
			let store = ${JSON.stringify(store ?? null)};
			const take = (name) => {
				if (name !== store) return false;
				store = null;
				return true;
			};
			(${patchStall})(take, () => new BroadcastChannel(${JSON.stringify(STALLED)}).postMessage(null));
		}`
	);
	return {
		stall: async (name: string) => {
			const held = new Promise<void>((resolve) => (stalled = resolve));
			store = name;
			await page.evaluate((name) => ((window as { stallStore?: string }).stallStore = name), name);
			return { held };
		}
	};
}
/** How many rows each object store of the app's database holds, read with a fresh connection. */
export const storedRows = (page: Page) =>
	page.evaluate(
		() =>
			new Promise<Record<string, number>>((done, fail) => {
				const open = indexedDB.open('steppe-cards');
				open.onerror = () => fail(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const names = [...db.objectStoreNames];
					const tx = db.transaction(names);
					const rows: Record<string, number> = {};
					for (const name of names) {
						const count = tx.objectStore(name).count();
						count.onsuccess = () => (rows[name] = count.result);
					}
					tx.oncomplete = () => {
						db.close();
						done(rows);
					};
				};
			})
	);
