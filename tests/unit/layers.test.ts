/**
 * The folders of src/lib are layers, and imports only point down: a module can be read, tested and
 * changed knowing only the layers below it, and a cycle between folders cannot creep in unnoticed.
 * The test reads the import statements of every .ts and .svelte file of src/lib and src/routes
 * (static, `export … from` and dynamic `import('…')`, relative and `$lib/` paths), tests included.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Lowest first; folders of one rank may import each other, but never in a cycle. The order is the
 * one the code needs: the quiz writes an FSRS review for each answer (srs), the statistics count
 * study days as the queue does (srs/queue/day.ts), the user's decks get automatic questions from the quiz's checker, the classroom builds on the quiz, the backup writes
 * every table, and the install and update notices (pwa) show the backup reminder.
 */
const LAYERS: Record<string, number> = {
	content: 0,
	format: 0,
	db: 1,
	srs: 2,
	quiz: 3,
	stats: 3,
	decks: 4,
	classroom: 5,
	backup: 5,
	pwa: 6,
	routes: 7
};

interface Import {
	/** The importing file and the path as written, for the message. */
	file: string;
	specifier: string;
	from: string;
	to: string;
}

const ROOT = join(import.meta.dirname, '../..');

/** The layer folder of a path from the repository root: `src/lib/<folder>/…`, or `routes` for src/routes. */
function folderOf(path: string): string | undefined {
	if (path.startsWith('src/routes/') || path === 'src/routes') return 'routes';
	return /^src\/lib\/([^/]+)\//.exec(path)?.[1];
}

/** The imports of one file (its path from the repository root) that land in src/lib or src/routes. */
function importsOf(file: string, text: string): Import[] {
	const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
	const specifiers = [
		...code.matchAll(/^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/gm),
		...code.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
		...code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)
	].map((m) => m[1]!);
	const from = folderOf(file);
	const found: Import[] = [];
	for (const specifier of specifiers) {
		let target: string;
		if (specifier.startsWith('$lib/')) target = `src/lib/${specifier.slice(5)}`;
		else if (specifier.startsWith('.')) target = posix.join(posix.dirname(file), specifier);
		else continue;
		const to = folderOf(target);
		if (from && to && from !== to) found.push({ file, specifier, from, to });
	}
	return found;
}

const show = (i: Import) => `${i.file} imports '${i.specifier}'`;

/** Every import from a lower layer to a higher one, and every cycle between folders, as messages. */
function layerProblems(imports: readonly Import[], layers: Record<string, number> = LAYERS): string[] {
	const problems: string[] = [];
	for (const i of imports) {
		for (const folder of [i.from, i.to]) {
			if (layers[folder] === undefined) problems.push(`${show(i)}: folder '${folder}' has no layer (add it to LAYERS)`);
		}
		if (layers[i.from]! < layers[i.to]!)
			problems.push(`${show(i)}: ${i.from} is below ${i.to}, so it may not import it`);
	}
	// One import per edge between folders, to name in a cycle's message.
	const edges = new Map<string, Map<string, Import>>();
	for (const i of imports) {
		const out = edges.get(i.from) ?? new Map<string, Import>();
		if (!out.has(i.to)) out.set(i.to, i);
		edges.set(i.from, out);
	}
	const done = new Set<string>();
	const reported = new Set<string>();
	const walk = (folder: string, path: Import[]) => {
		for (const [next, i] of edges.get(folder) ?? []) {
			const start = path.findIndex((p) => p.from === next);
			if (start >= 0) {
				const cycle = [...path.slice(start), i];
				const key = cycle
					.map((c) => c.from)
					.sort()
					.join(',');
				if (!reported.has(key)) problems.push(`import cycle: ${cycle.map(show).join(', ')}`);
				reported.add(key);
			} else if (!done.has(next)) walk(next, [...path, i]);
		}
		done.add(folder);
	};
	for (const folder of edges.keys()) if (!done.has(folder)) walk(folder, []);
	return problems;
}

function sourceFiles(dir: string): string[] {
	return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
		const path = posix.join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return /\.(ts|svelte)$/.test(entry.name) ? [path] : [];
	});
}

describe('layers of src/lib', () => {
	it('import only downwards, with no cycle between folders', () => {
		const files = [...sourceFiles('src/lib'), ...sourceFiles('src/routes')];
		const imports = files.flatMap((file) => importsOf(file, readFileSync(join(ROOT, file), 'utf8')));
		// The parser finds the imports at all: the database is imported from every layer above it.
		expect(imports.some((i) => i.to === 'db' && i.from === 'routes')).toBe(true);
		expect(layerProblems(imports)).toEqual([]);
	});

	it('name the file and the import that break them', () => {
		const imports = [
			...importsOf('src/lib/db/db.ts', "import { tally } from '$lib/stats/tally';"),
			...importsOf('src/lib/stats/page.ts', "const db = await import('../db/db');"),
			...importsOf('src/lib/quiz/a.svelte', "<script>\n\timport { b } from '$lib/stats/b';\n</script>"),
			...importsOf('src/lib/stats/b.ts', "export { a } from '../quiz/a.svelte';\n// import { c } from '$lib/pwa/c';")
		];
		expect(layerProblems(imports)).toEqual([
			"src/lib/db/db.ts imports '$lib/stats/tally': db is below stats, so it may not import it",
			"import cycle: src/lib/db/db.ts imports '$lib/stats/tally', src/lib/stats/page.ts imports '../db/db'",
			"import cycle: src/lib/stats/b.ts imports '../quiz/a.svelte', src/lib/quiz/a.svelte imports '$lib/stats/b'"
		]);
	});
});
