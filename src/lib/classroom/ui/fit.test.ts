import { describe, expect, it } from 'vitest';
import { fitType } from './fit';

/** A box 500 px high whose content is `height(fit)` px high at a type factor. */
function box(height: (fit: number) => number) {
	let fit = 1;
	return {
		clientHeight: 500,
		clientWidth: 800,
		scrollWidth: 800,
		get scrollHeight() {
			return Math.max(500, height(fit));
		},
		style: { setProperty: (_: string, value: string) => void (fit = Number(value)) },
		get fit() {
			return fit;
		}
	};
}

describe('type that shrinks to fit', () => {
	it('keeps full size when the content fits', () => {
		const b = box(() => 400);
		expect(fitType(b as unknown as HTMLElement, 0.5)).toBe(1);
		expect(b.fit).toBe(1);
	});

	it('finds the largest factor at which the content fits, and leaves it set', () => {
		const b = box((fit) => 800 * fit);
		const fit = fitType(b as unknown as HTMLElement, 0.5);
		expect(fit).toBeLessThanOrEqual(500 / 800);
		expect(fit).toBeGreaterThan(500 / 800 - 0.01);
		expect(b.fit).toBe(fit);
	});

	it('stops at the smallest factor and lets the box scroll when even that does not fit', () => {
		const b = box((fit) => 2000 * fit);
		expect(fitType(b as unknown as HTMLElement, 0.5)).toBe(0.5);
		expect(b.fit).toBe(0.5);
	});
});
