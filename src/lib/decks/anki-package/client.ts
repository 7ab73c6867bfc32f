/**
 * Reading an Anki package from the page: the work is done in a worker, loaded on first use, so no
 * page loads SQLite or the zip readers until a package is opened, and the page stays responsive
 * while a large collection is read. Import this module dynamically from the screen that opens packages.
 */
import { sanitizeCardHtml } from '../sanitize';
import { AnkiPackageError } from './errors';
import type { AnkiPackagePreview, ReadProgress } from './read-package';
import type { ReadReply, ReadRequest } from './worker-protocol';

export interface ReadPackageOptions {
	/** Keep the Anki review history and rebuild each card's state (default), or bring every card in new. */
	keepHistory?: boolean;
	retention?: number;
	onProgress?: (progress: ReadProgress) => void;
}

/** The package's preview, its cards' HTML cleaned; rejects with an AnkiPackageError saying why a package is refused. */
export function readAnkiPackageFile(file: Blob, options: ReadPackageOptions = {}): Promise<AnkiPackagePreview> {
	const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
	const request: ReadRequest = { file, keepHistory: options.keepHistory ?? true, retention: options.retention ?? 0.9 };
	return new Promise<AnkiPackagePreview>((resolve, reject) => {
		worker.onmessage = ({ data }: MessageEvent<ReadReply>) => {
			if (data.type === 'progress') return options.onProgress?.(data.progress);
			worker.terminate();
			if (data.type === 'refused') return reject(new AnkiPackageError(data.message));
			const { preview } = data;
			// Images and sounds are kept only where the package holds the file: those are stored with the deck.
			const stored = new Set(preview.media.map((file) => file.name));
			for (const card of preview.cards) {
				card.front = sanitizeCardHtml(card.front, stored);
				card.back = sanitizeCardHtml(card.back, stored);
			}
			resolve(preview);
		};
		worker.onerror = (event) => {
			worker.terminate();
			reject(
				new AnkiPackageError(`the package reader failed to start (${event.message}): reload the page and try again`)
			);
		};
		worker.postMessage(request);
	});
}
