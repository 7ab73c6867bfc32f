import { describe, expect, it } from 'vitest';
import { windowStart } from './days';
import { at, NOW, ROLLOVER } from './fixtures';

describe('study days', () => {
	it('starts the window at the rollover hour of the first day', () => {
		expect(windowStart(NOW, ROLLOVER, 30)).toBe(at(17, 4, 0, 9));
		expect(windowStart(at(15, 2), ROLLOVER, 1)).toBe(at(14, 4));
	});
});
