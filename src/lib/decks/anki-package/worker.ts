/**
 * The package reader off the page's thread: SQLite (sql.js, its WebAssembly served from this site),
 * the zip and zstd readers load here only when a package is opened. The cards come back with their
 * HTML not yet cleaned, as there is no DOM here for the sanitizer; the page cleans them.
 */
import initSqlJs from 'sql.js';
import sqlWasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { refuseOversized } from './container';
import { AnkiPackageError } from './errors';
import { readAnkiPackage } from './read-package';
import type { ReadReply, ReadRequest } from './worker-protocol';

const post = (reply: ReadReply, transfer: Transferable[] = []) => self.postMessage(reply, { transfer });

self.onmessage = async ({ data }: MessageEvent<ReadRequest>) => {
	try {
		refuseOversized(data.file.size);
		const [sql, buffer] = await Promise.all([initSqlJs({ locateFile: () => sqlWasmUrl }), data.file.arrayBuffer()]);
		const preview = readAnkiPackage(new Uint8Array(buffer), {
			sql,
			keepHistory: data.keepHistory,
			retention: data.retention,
			sanitize: (html) => html,
			onProgress: (progress) => post({ type: 'progress', progress })
		});
		// The media travel by transfer, not by copy; each file is its own copy once out of the zip.
		const buffers = new Set(preview.media.map((file) => file.bytes.buffer as ArrayBuffer));
		post({ type: 'done', preview }, [...buffers]);
	} catch (error) {
		const message =
			error instanceof AnkiPackageError
				? error.message
				: `this package could not be read (${(error as Error).message ?? error})`;
		post({ type: 'refused', message });
	}
};
