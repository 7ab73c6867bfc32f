/**
 * Fits FSRS parameters with fsrs-browser (fsrs-rs compiled to WebAssembly) off the main thread.
 * It gets packed training items and answers with the 21 parameters. When the page is
 * cross-origin isolated the wasm memory is a SharedArrayBuffer the page can read while this
 * thread is busy training, so it is sent first, with where the progress counters are in it.
 */
import init, { Fsrs, Progress } from 'fsrs-browser';
import type { FitReply, FitRequest } from './protocol';

const reply = (message: FitReply) => postMessage(message);

// Set before any await: a message arriving while the module still loads would otherwise be lost.
onmessage = async ({ data }: MessageEvent<FitRequest>) => {
	try {
		const wasm = await init();
		const progress = crossOriginIsolated ? Progress.new() : null;
		// fsrs-browser declares its memory shared, so its buffer is a SharedArrayBuffer.
		if (progress)
			reply({
				type: 'progress',
				memory: wasm.memory.buffer as unknown as SharedArrayBuffer,
				pointer: progress.pointer()
			});
		// computeParameters frees the Fsrs object.
		const fitted = new Fsrs().computeParameters(data.ratings, data.deltaTs, data.lengths, progress, true);
		reply({ type: 'done', parameters: Array.from(fitted, (w) => Number(w.toFixed(4))) });
	} catch (error) {
		reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });
	}
};
