/** Keeping the device's data: persistent storage, and what it uses. */
import type { StudyDatabase } from '$lib/db/db';
import { hasReviews } from './review-log';

export interface StorageStatus {
	/** Undefined where the browser cannot tell. */
	persisted?: boolean;
	usedBytes?: number;
	quotaBytes?: number;
}

/** Set once this page has asked, or found the request made: later progress needs no check. */
let settled = false;

/**
 * Asks once, when the first progress exists, that the browser never evict the
 * data without asking the user. Browsers decide silently; we just ask.
 * Called each time progress is saved (a rating, a quiz answer, an imported backup),
 * so no page watches the database for it.
 */
export async function requestPersistenceOnce(db: StudyDatabase, now: number): Promise<void> {
	// globalThis: Node (the unit tests) has no navigator.
	if (settled || !globalThis.navigator?.storage?.persist) return;
	if (!(await hasReviews(db))) return;
	settled = true;
	if (await db.meta.get('persistRequested')) return;
	await db.meta.put({ key: 'persistRequested', value: now });
	await navigator.storage.persist();
}

export async function storageStatus(): Promise<StorageStatus> {
	const storage = navigator.storage;
	if (!storage) return {};
	const [persisted, estimate] = await Promise.all([storage.persisted?.(), storage.estimate?.()]);
	return { persisted, usedBytes: estimate?.usage, quotaBytes: estimate?.quota };
}

export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
	if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
	return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}
