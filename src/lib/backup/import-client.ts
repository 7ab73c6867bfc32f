/**
 * Importing a backup file from the page: the work is done in a worker (import.worker.ts), so a long
 * history's file is read, checked and written without blocking the page. Where the worker cannot
 * start (offline before its first use: workers are cached once used), the import runs in the page,
 * a chunk at a time as before. Import this module dynamically from the screen that imports.
 */
import { appDatabase } from '$lib/db/db';
import { importFile, type ImportMode, type ImportOptions, type ImportOutcome } from './backup';
import { Cancelled } from './format';
import type { ImportReply, ImportRequest } from './import-protocol';

/**
 * What the database holds after the import, or why nothing was imported; rejects with `Cancelled` on
 * a cancel, and with an Error carrying the worker's message when the import failed otherwise.
 */
export function importBackupFile(file: Blob, mode: ImportMode, options: ImportOptions = {}): Promise<ImportOutcome> {
	const { signal, onProgress } = options;
	if (signal?.aborted) return Promise.reject(new Cancelled());
	const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
	const send = (request: ImportRequest) => worker.postMessage(request);
	const cancel = () => send({ type: 'cancel' });
	signal?.addEventListener('abort', cancel);
	let started = false;
	return new Promise<ImportOutcome>((resolve, reject) => {
		const finish = () => {
			signal?.removeEventListener('abort', cancel);
			worker.terminate();
		};
		worker.onmessage = ({ data }: MessageEvent<ImportReply>) => {
			if (data.type === 'started') return void (started = true);
			if (data.type === 'progress') return onProgress?.(data.stage, data.progress);
			finish();
			if (data.type === 'cancelled') reject(new Cancelled());
			else if (data.type === 'failed') reject(new Error(data.message));
			else resolve(data.outcome);
		};
		worker.onerror = (event) => {
			finish();
			if (started) reject(new Error(event.message));
			else importFile(appDatabase(), file, mode, options).then(resolve, reject);
		};
		send({ type: 'import', file, mode });
	});
}
