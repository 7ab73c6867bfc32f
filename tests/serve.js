// A tiny static server for the built app (`build/`), as any static host would serve it:
// `/decks/x` → `decks/x.html`, `/` → `index.html`, any other page → `200.html`, text compressed with gzip as hosts do. Used by `npm start` and the browser tests.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(process.argv[2] ?? 'build');
const port = Number(process.argv[3] ?? 4173);
/** @type {Record<string, string>} */
const types = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.wasm': 'application/wasm',
	'.txt': 'text/plain; charset=utf-8'
};

/** @param {string} urlPath */
async function findFile(urlPath) {
	const clean = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
	const base = join(root, clean);
	if (!base.startsWith(root)) return undefined;
	for (const candidate of [base, `${base}.html`, join(base, 'index.html')]) {
		try {
			if ((await stat(candidate)).isFile()) return candidate;
		} catch {
			// try the next form
		}
	}
	return undefined;
}

createServer(async (req, res) => {
	const path = new URL(req.url ?? '/', 'http://localhost').pathname;
	// An address with no file and no extension is a page of the app that was not prerendered (a user's
	// deck): the app shell, 200.html, opens it, as Netlify, Cloudflare Pages and Vercel serve it.
	const file = (await findFile(path)) ?? (extname(path) === '' ? await findFile('/200.html') : undefined);
	if (!file) {
		res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
		return;
	}
	const type = types[extname(file)] ?? 'application/octet-stream';
	const gzip = /text|javascript|json|svg/.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding']));
	const body = await readFile(file);
	res.writeHead(200, {
		'content-type': type,
		'cache-control': path.includes('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache',
		vary: 'accept-encoding',
		...(gzip ? { 'content-encoding': 'gzip' } : {})
	});
	res.end(gzip ? gzipSync(body) : body);
}).listen(port, '127.0.0.1', () => console.log(`Serving ${root} at http://localhost:${port}/`));
