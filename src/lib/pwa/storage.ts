/** Keeping the device's data: persistent storage, and what it uses. */
import type { StudyDatabase } from '$lib/db/db';

export interface StorageStatus {
	/** Undefined where the browser cannot tell. */
	persisted?: boolean;
	usedBytes?: number;
	quotaBytes?: number;
}

/**
 * Asks once, when the first progress exists, that the browser never evict the
 * data without asking the user. Browsers decide silently; we just ask.
 */
export async function requestPersistenceOnce(db: StudyDatabase, now: number): Promise<void> {
	if (!navigator.storage?.persist) return;
	if (await db.meta.get('persistRequested')) return;
	if ((await db.reviews.limit(1).primaryKeys()).length === 0) return;
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
