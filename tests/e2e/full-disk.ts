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
