import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportUserDeckYaml } from './export-yaml';

const ROOT = join(import.meta.dirname, '../../..');
const folder = mkdtempSync(join(tmpdir(), 'validate-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** `npm run validate -- <path>` as a maintainer types it, in the repository. */
function validate(path: string) {
	const run = spawnSync('npm', ['run', '--silent', 'validate', '--', path], { cwd: ROOT, encoding: 'utf8' });
	return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const exported = exportUserDeckYaml({ id: 'u-capitals', title: 'Capitals', description: 'Of Central Asia' }, [
	{ id: 'kz', deckId: 'u-capitals', position: 0, front: 'Kazakhstan', back: 'Astana', tags: ['asia'] },
	{ id: 'kg', deckId: 'u-capitals', position: 1, front: 'Kyrgyzstan', back: 'Bishkek', tags: [] }
]);

describe('npm run validate -- <file>', () => {
	it('accepts a deck as "Export as YAML" writes it, and exits 0', () => {
		const file = join(folder, 'Capitals.yaml');
		writeFileSync(file, exported);
		const run = validate(file);
		expect(run.stderr).toBe('');
		expect(run.stdout).toBe(
			`${file}: the deck "Capitals", 2 cards, 0 questions of their own — valid: the app's Import reads it whole\n`
		);
		expect(run.code).toBe(0);
	}, 60_000);

	it('names each problem with its line and card, and exits 1', () => {
		const file = join(folder, 'broken.yaml');
		writeFileSync(file, exported.replace(/\n +back: Bishkek/, ''));
		const line = exported.split('\n').findIndex((l) => l.includes('front: Kyrgyzstan')) + 1;
		const run = validate(file);
		expect(run.stderr).toBe(
			`1 problem(s) in ${file}:\n  ${file}:${line} › card "kg": cards.0.back: is missing; this card is left out\n`
		);
		expect(run.code).toBe(1);
	}, 60_000);
});

describe('the command in a fresh clone', () => {
	/** Every module the command loads from src, by following its relative imports. */
	function modulesOf(entry: string, found = new Map<string, string[]>()): Map<string, string[]> {
		if (found.has(entry)) return found;
		const code = readFileSync(entry, 'utf8');
		const specifiers = [...code.matchAll(/\bfrom\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
			(m) => (m[1] ?? m[2])!
		);
		found.set(entry, specifiers);
		for (const specifier of specifiers.filter((s) => s.startsWith('.'))) {
			const path = join(dirname(entry), specifier);
			modulesOf(existsSync(`${path}.ts`) ? `${path}.ts` : path, found);
		}
		return found;
	}

	it('imports nothing through $lib, which tsx cannot resolve without .svelte-kit/', () => {
		const modules = modulesOf(join(ROOT, 'src/lib/decks/validate-cli.ts'));
		const aliased = [...modules].flatMap(([file, specifiers]) =>
			specifiers.filter((s) => s.startsWith('$')).map((s) => `${relative(ROOT, file)} imports ${s}`)
		);
		expect(modules.size).toBeGreaterThan(5);
		expect(aliased).toEqual([]);
	});
});
