// A fresh clone must test, build and validate with nothing but its own files: no code, script or
// configuration may point at the folder of source material that sits beside the repository.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CODE_FOLDERS = ['src', 'tests', '.ci'];
const ROOT_FILES = ['package.json', 'vite.config.ts', 'svelte.config.js', 'playwright.config.ts', 'tsconfig.json'];
const THIS_FILE = 'tests/unit/self-contained.test.ts';
const OUTSIDE = /\.\.\/shared|shared\/seeds/;
/** A line that is only a comment may explain where material came from without reading it. */
const COMMENT = /^\s*(\/\/|\/?\*|#|<!--)/;

const filesUnder = (dir: string): string[] =>
	readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? filesUnder(path) : [path];
	});

describe('the repository', () => {
	it('reads nothing outside itself', () => {
		const files = [...CODE_FOLDERS.flatMap(filesUnder), ...ROOT_FILES].filter((f) => f !== THIS_FILE);
		const hits = files.flatMap((file) =>
			readFileSync(file, 'utf8')
				.split('\n')
				.flatMap((line, i) => (OUTSIDE.test(line) && !COMMENT.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : []))
		);
		expect(files.length).toBeGreaterThan(50);
		expect(hits).toEqual([]);
	});
});
