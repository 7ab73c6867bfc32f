import { describe, expect, it } from 'vitest';
import { niceCeiling } from './axis';

describe('chart axis', () => {
	it('rounds an axis up to 1, 2, 3, 4, 5, 6 or 8 times a power of ten', () => {
		expect([0, 1, 2, 3, 7, 9, 11, 21, 50, 51, 61, 81, 180].map(niceCeiling)).toEqual([
			1, 1, 2, 3, 8, 10, 20, 30, 50, 60, 80, 100, 200
		]);
	});
});
