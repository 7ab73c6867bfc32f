import { describe, expect, it } from 'vitest';
import { listedFront } from './listed-front';

describe('a listed card front', () => {
	it('is the front, or says the front is an image or a sound when it has no text', () => {
		expect(listedFront('Capital of Mongolia')).toBe('Capital of Mongolia');
		expect(listedFront('')).toBe('A card whose front is an image or a sound');
		expect(listedFront('  ')).toBe('A card whose front is an image or a sound');
	});
});
