/** Builds a snapshot of the app with the bench's question bank, and serves it. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative, sep } from 'node:path';

/** The snapshot's precache limit: above the 20,000-fact deck's chunks (~13 MB each). */
const PRECACHE_LIMIT_BYTES = 64 * 1024 * 1024;

/** Replaces `search` in a file of the snapshot, failing loudly when the project no longer has it. */
function patch(file: string, search: string | RegExp, replacement: string) {
	const source = readFileSync(file, 'utf8');
	const found = typeof search === 'string' ? source.includes(search) : search.test(source);
	if (!found) throw new Error(`${file} no longer contains ${String(search)}: update tests/bench/app.ts`);
	writeFileSync(file, source.replace(search, replacement));
}

/**
 * Builds from a snapshot of the project in `app` (node_modules linked) into `out`: a build
 * writes `.svelte-kit/output`, which a build or test run in the working tree at the same
 * time would otherwise share, each overwriting the other's output.
 */
export function buildSnapshot(app: string, bank: string, out: string) {
	rmSync(app, { recursive: true, force: true });
	const skip = new Set([
		'node_modules',
		'.svelte-kit',
		'.git',
		'build',
		'test-results',
		'playwright-report',
		'questions'
	]);
	cpSync(process.cwd(), app, {
		recursive: true,
		filter: (src) => !skip.has(relative(process.cwd(), src).split(sep)[0]!)
	});
	symlinkSync(join(process.cwd(), 'node_modules'), join(app, 'node_modules'), 'dir');
	// Workbox skips files over 2 MiB, and the deck's chunks are ~13 MB. In the snapshot only,
	// the limit is raised so the service worker precaches the whole app as it would a real
	// deck's, and the cold offline start really runs from the precache.
	patch(
		join(app, 'vite.config.ts'),
		'injectManifest: {',
		`injectManifest: { maximumFileSizeToCacheInBytes: ${PRECACHE_LIMIT_BYTES},`
	);
	const sync = spawnSync('npx', ['svelte-kit', 'sync'], { cwd: app, stdio: 'inherit' });
	if (sync.status !== 0) throw new Error(`svelte-kit sync failed (exit ${sync.status})`);
	const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
		cwd: app,
		stdio: ['ignore', 'inherit', 'inherit'],
		env: { ...process.env, QUESTION_BANK: bank, BUILD_DIR: out }
	});
	if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`);
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/** Stops a server started by `serve`, resolved once its process has exited. */
function stopServer(child: ChildProcess): Promise<void> {
	return new Promise((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) return resolve();
		child.once('exit', () => resolve());
		child.kill();
	});
}

/** tests/serve.js on `dir`, resolved once it listens. */
function serve(dir: string, port: number): Promise<ChildProcess> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['tests/serve.js', dir, String(port)], {
			stdio: ['ignore', 'pipe', 'inherit']
		});
		const timer = setTimeout(() => reject(new Error('the static server did not start')), 10_000);
		child.on('error', reject);
		child.on('exit', (code) => reject(new Error(`the static server exited (${code})`)));
		child.stdout!.on('data', (chunk: Buffer) => {
			if (chunk.toString().includes('Serving')) {
				clearTimeout(timer);
				resolve(child);
			}
		});
	});
}

/** tests/serve.js on `dir` at 127.0.0.1:`port`, which can be stopped and started again on the same port (the same origin). */
export class StaticServer {
	private child: ChildProcess | undefined;
	readonly base: string;

	constructor(
		private readonly dir: string,
		private readonly port: number
	) {
		this.base = `http://127.0.0.1:${port}`;
	}

	async start() {
		this.child ??= await serve(this.dir, this.port);
	}

	async stop() {
		if (this.child) await stopServer(this.child);
		this.child = undefined;
	}
}
