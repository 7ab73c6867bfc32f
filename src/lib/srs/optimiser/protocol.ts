/** The messages between the page and the optimiser's worker (fit.worker.ts). */

/** Training items packed as fsrs-browser takes them (items.ts, packItems). */
export interface FitRequest {
	ratings: Uint32Array;
	deltaTs: Uint32Array;
	lengths: Uint32Array;
}

export type FitReply =
	/** The worker's wasm memory and where in it the counters [items done, items in all] are. */
	| { type: 'progress'; memory: SharedArrayBuffer; pointer: number }
	| { type: 'done'; parameters: number[] }
	| { type: 'error'; message: string };
