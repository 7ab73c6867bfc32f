/** Shorthands for the parsers' tests: the cards and problems they expect. */
import { expect } from 'vitest';
import type { ImportedCard } from './result';

export const card = (front: string, back: string, line: number, more: Partial<ImportedCard> = {}): ImportedCard => ({
	front,
	back,
	tags: [],
	line,
	...more
});

/** Problems as toEqual expects them: a message given as a RegExp needs only to match. */
export const problemsLike = (expected: { line: number; message: string | RegExp }[]) =>
	expected.map(({ line, message }) => ({
		line,
		message: typeof message === 'string' ? message : expect.stringMatching(message)
	}));
