/**
 * The countdown of a timed class quiz question, on the student's phone and on the projector.
 * Each tick reads the clock rather than counting ticks, so a late tick or a phone that slept
 * still shows the right time and ends on time.
 */

/** What a countdown needs of the world: the time, and a repeating timer. Tests pass one they move by hand. */
export interface Clock {
	now(): number;
	/** Calls `tick` every `ms` until the returned function is called. */
	every(ms: number, tick: () => void): () => void;
}

export const systemClock: Clock = {
	now: () => Date.now(),
	every(ms, tick) {
		const id = setInterval(tick, ms);
		return () => clearInterval(id);
	}
};

/** Whole seconds left until `deadline`, rounded up, so "1 s" shows until the very end; 0 once it has passed. */
export function secondsLeft(deadline: number, now: number): number {
	return Math.max(0, Math.ceil((deadline - now) / 1000));
}

/** Often enough that the shown second changes within a fifth of a second of the real one. */
const TICK_MS = 200;

export class Countdown {
	/** Whole seconds left: 0 once run out, and until started. */
	remaining = $state(0);

	private stopTicking: (() => void) | undefined;

	constructor(private readonly clock: Clock = systemClock) {}

	/** Counts down from `seconds`, then calls `onEnd` once. Starting again or stopping cancels the count before. */
	start(seconds: number, onEnd?: () => void): void {
		this.stop();
		const deadline = this.clock.now() + seconds * 1000;
		this.remaining = seconds;
		this.stopTicking = this.clock.every(TICK_MS, () => {
			this.remaining = secondsLeft(deadline, this.clock.now());
			if (this.remaining > 0) return;
			this.stop();
			onEnd?.();
		});
	}

	stop(): void {
		this.stopTicking?.();
		this.stopTicking = undefined;
	}
}
