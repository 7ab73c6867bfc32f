import { describe, expect, it } from 'vitest';
import { messageOf } from './message-of';

describe('messageOf', () => {
	it("gives the first line of an error's message, or its name when the message is empty", () => {
		expect(messageOf(new TypeError('not a deck'))).toBe('not a deck');
		expect(messageOf(new Error('The disk is full\n QuotaExceededError: The disk is full'))).toBe('The disk is full');
		expect(messageOf(new DOMException('The disk is full', 'QuotaExceededError'))).toBe('The disk is full');
		expect(messageOf(new DOMException('', 'AbortError'))).toBe('AbortError');
	});

	it('writes out anything else thrown', () => {
		expect(messageOf('plain text')).toBe('plain text');
		expect(messageOf(42)).toBe('42');
		expect(messageOf(undefined)).toBe('undefined');
	});
});
