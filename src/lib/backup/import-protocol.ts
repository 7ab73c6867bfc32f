/** The messages between the page (import-client.ts) and the backup importer's worker (import.worker.ts). */
import type { ImportMode, ImportOutcome, ImportStage } from './backup';
import type { Progress } from './format';

export type ImportRequest = { type: 'import'; file: Blob; mode: ImportMode } | { type: 'cancel' };

export type ImportReply =
	| { type: 'started' }
	| { type: 'progress'; stage: ImportStage; progress: Progress }
	| { type: 'done'; outcome: ImportOutcome }
	| { type: 'cancelled' }
	/** Something other than a write failed (the file could not be read, say): its message, for the page to show. */
	| { type: 'failed'; message: string };
