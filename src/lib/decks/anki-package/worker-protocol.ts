/** The messages between the page (client.ts) and the package reader's worker (worker.ts). */
import type { AnkiPackagePreview, ReadProgress } from './read-package';

export interface ReadRequest {
	file: Blob;
	keepHistory: boolean;
	retention: number;
}

export type ReadReply =
	| { type: 'progress'; progress: ReadProgress }
	| { type: 'done'; preview: AnkiPackagePreview }
	| { type: 'refused'; message: string };
