import type { Page } from '@playwright/test';

/**
 * A disk that fills up on demand: once `fill` is called, every IndexedDB write of the page fails with
 * QuotaExceededError, as on a phone with no room left; reads go on, and `free` makes room again.
 * Call it before the page's first `goto`.
 */
export async function fillableDisk(page: Page) {
	await page.addInitScript(() => {
		const transaction = IDBDatabase.prototype.transaction;
		IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
			if (args[1] === 'readwrite' && (window as { diskFull?: boolean }).diskFull)
				throw new DOMException('The disk is full', 'QuotaExceededError');
			return transaction.apply(this, args);
		};
	});
	const set = (full: boolean) => page.evaluate((on) => ((window as { diskFull?: boolean }).diskFull = on), full);
	return { fill: () => set(true), free: () => set(false) };
}

/**
 * Lets a test stall a write, as if the phone froze in the middle of it: once `stall(store)` is called,
 * the page's next write to that object store, and those sent with it, are made inside their
 * transaction, but requests keep it busy so it never commits. Its `held` resolves once that is so; then
 * the test kills the page. Call it before the page's first `goto`.
 */
export async function stallableWrites(page: Page) {
	let stalled = () => {};
	await page.exposeFunction('writeStalled', () => stalled());
	await page.addInitScript(() => {
		const page = window as unknown as { stallStore?: string; writeStalled: () => void };
		for (const method of ['add', 'put'] as const) {
			const write = IDBObjectStore.prototype[method];
			IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
				const request = write.apply(this, args);
				if (this.name === page.stallStore) {
					page.stallStore = undefined;
					const keepBusy = () => (this.count().onsuccess = keepBusy);
					keepBusy();
					page.writeStalled();
				}
				return request;
			};
		}
	});
	return {
		stall: async (store: string) => {
			const held = new Promise<void>((resolve) => (stalled = resolve));
			await page.evaluate((name) => ((window as { stallStore?: string }).stallStore = name), store);
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
