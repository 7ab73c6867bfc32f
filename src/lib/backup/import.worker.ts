/**
 * A backup's import off the page's thread: reading the file, parsing and checking it and writing it
 * (one transaction, all or nothing) take seconds with a long history, and here never block the page.
 * The page's live queries learn of the writes from Dexie, across contexts.
 */
import { appDatabase } from '$lib/db/db';
import { importFile } from './backup';
import { Cancelled } from './format';
import { messageOf } from '$lib/message-of';
import type { ImportReply, ImportRequest } from './import-protocol';

const post = (reply: ImportReply) => self.postMessage(reply);
let controller: AbortController | undefined;

self.onmessage = async ({ data }: MessageEvent<ImportRequest>) => {
	if (data.type === 'cancel') return controller?.abort();
	controller = new AbortController();
	post({ type: 'started' });
	try {
		const outcome = await importFile(appDatabase(), data.file, data.mode, {
			signal: controller.signal,
			onProgress: (stage, progress) => post({ type: 'progress', stage, progress })
		});
		post({ type: 'done', outcome });
	} catch (error) {
		// Thrown from this async handler, the error would be an unhandled rejection, which never
		// reaches the page's `onerror`: the page would wait for ever. Its message is sent instead.
		post(error instanceof Cancelled ? { type: 'cancelled' } : { type: 'failed', message: messageOf(error) });
	}
};
