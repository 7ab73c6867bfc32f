import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportReply, ImportRequest } from './import-protocol';

// The page's side and the worker's side of the import, each against a stand-in for the other:
// the real import (backup.ts) is replaced, so only the messages between them are tested here.
const importFile = vi.hoisted(() => vi.fn());
vi.mock('./backup', () => ({ importFile }));
vi.mock('$lib/db/db', () => ({ appDatabase: () => ({}) }));

afterEach(() => {
	vi.unstubAllGlobals();
	vi.resetModules();
	importFile.mockReset();
});

const file = new Blob(['{}']);
const counts = { factStates: 1, reviews: 2, quizAttempts: 0, quizAnswers: 0 };

describe('the page (import-client.ts)', () => {
	/** A worker that answers an import with `replies`, or fails to start when given none. */
	function workerReplying(replies: (ImportReply | 'error')[]) {
		class FakeWorker {
			onmessage: ((event: { data: ImportReply }) => void) | null = null;
			onerror: ((event: { message: string }) => void) | null = null;
			terminated = false;
			postMessage(request: ImportRequest) {
				if (request.type !== 'import') return;
				setTimeout(() => {
					for (const reply of replies)
						if (reply === 'error') this.onerror?.({ message: 'Uncaught Error: worker crashed' });
						else this.onmessage?.({ data: reply });
				});
			}
			terminate() {
				this.terminated = true;
			}
		}
		vi.stubGlobal('Worker', FakeWorker);
	}

	it('passes on the progress and resolves with the outcome', async () => {
		workerReplying([
			{ type: 'started' },
			{ type: 'progress', stage: 'check', progress: { done: 1, total: 2 } },
			{ type: 'progress', stage: 'write', progress: { done: 2, total: 2 } },
			{ type: 'done', outcome: { ok: true, counts } }
		]);
		const { importBackupFile } = await import('./import-client');
		const onProgress = vi.fn();
		expect(await importBackupFile(file, 'replace', { onProgress })).toEqual({ ok: true, counts });
		expect(onProgress.mock.calls).toEqual([
			['check', { done: 1, total: 2 }],
			['write', { done: 2, total: 2 }]
		]);
		expect(importFile).not.toHaveBeenCalled();
	});

	it("resolves with a refused import's message", async () => {
		const outcome = {
			ok: false as const,
			message: 'The backup could not be imported, so nothing was changed: The disk is full'
		};
		workerReplying([{ type: 'started' }, { type: 'done', outcome }]);
		const { importBackupFile } = await import('./import-client');
		expect(await importBackupFile(file, 'merge')).toEqual(outcome);
	});

	it("rejects with the message of an import that failed in the worker, and with the worker's error once started", async () => {
		workerReplying([{ type: 'started' }, { type: 'failed', message: 'The file could not be read' }]);
		const { importBackupFile } = await import('./import-client');
		await expect(importBackupFile(file, 'merge')).rejects.toThrow('The file could not be read');
		workerReplying([{ type: 'started' }, 'error']);
		await expect(importBackupFile(file, 'merge')).rejects.toThrow('Uncaught Error: worker crashed');
		expect(importFile).not.toHaveBeenCalled();
	});

	it('imports in the page when the worker cannot start', async () => {
		workerReplying(['error']);
		importFile.mockResolvedValue({ ok: true, counts });
		const { importBackupFile } = await import('./import-client');
		expect(await importBackupFile(file, 'replace')).toEqual({ ok: true, counts });
		expect(importFile).toHaveBeenCalledWith({}, file, 'replace', {});
	});
});

describe('the worker (import.worker.ts)', () => {
	/** Loads the worker's module on a stand-in global scope; its replies are collected. */
	async function startWorker() {
		const replies: ImportReply[] = [];
		const scope: { onmessage?: (event: { data: ImportRequest }) => Promise<void>; postMessage: typeof replies.push } = {
			postMessage: (reply) => replies.push(reply)
		};
		vi.stubGlobal('self', scope);
		await import('./import.worker');
		const send = (data: ImportRequest) => scope.onmessage!({ data });
		return { send, replies };
	}

	it('sends progress, then the outcome', async () => {
		importFile.mockImplementation(async (_db, _file, _mode, { onProgress }) => {
			onProgress('check', { done: 1, total: 1 });
			return { ok: true, counts };
		});
		const { send, replies } = await startWorker();
		await send({ type: 'import', file, mode: 'merge' });
		expect(replies).toEqual([
			{ type: 'started' },
			{ type: 'progress', stage: 'check', progress: { done: 1, total: 1 } },
			{ type: 'done', outcome: { ok: true, counts } }
		]);
	});

	it('sends the message of a failure that the import does not turn into an outcome, and a cancel as such', async () => {
		importFile.mockRejectedValueOnce(new DOMException('The file could not be read', 'NotReadableError'));
		const { send, replies } = await startWorker();
		await send({ type: 'import', file, mode: 'merge' });
		const { Cancelled } = await import('./format');
		importFile.mockRejectedValueOnce(new Cancelled());
		await send({ type: 'import', file, mode: 'merge' });
		expect(replies).toEqual([
			{ type: 'started' },
			{ type: 'failed', message: 'The file could not be read' },
			{ type: 'started' },
			{ type: 'cancelled' }
		]);
	});
});
