import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const buildDir = process.env.BUILD_DIR ?? 'build';

// src/app.html's one inline script (it applies the saved theme before the first paint), allowed by its hash.
const themeScript = readFileSync(new URL('src/app.html', import.meta.url), 'utf8').match(
	/<script>([\s\S]*?)<\/script>/
)?.[1];
if (themeScript === undefined) throw new Error('src/app.html: the theme script is missing');
const themeScriptHash = `sha256-${createHash('sha256').update(themeScript).digest('base64')}`;

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// Every page of the bundled decks is prerendered: any static host serves them, and the app needs
		// no server. A user's deck (/study/u-…) has no page of its own: 200.html, the app shell, opens it,
		// served by hosts that fall back to it (tests/serve.js does) and by the service worker.
		// BUILD_DIR and QUESTION_BANK (vite.config.ts) are set only by `npm run bench`.
		adapter: adapter({ pages: buildDir, assets: buildDir, fallback: '200.html', strict: true }),
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		// src/service-worker.ts is registered by src/lib/pwa/register.ts, which offers each new version to the student.
		serviceWorker: { register: false },
		// Each page's styles (a few KB) go in its HTML: the first paint waits for no stylesheet request.
		inlineStyleThreshold: 10 * 1024,
		// Prerendered pages carry the policy in a <meta> tag, with hashes of SvelteKit's own inline script and the theme script.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				// 'wasm-unsafe-eval' lets the QR scanner's WebAssembly (served from this site) compile; it allows no JavaScript eval.
				'script-src': ['self', 'wasm-unsafe-eval', /** @type {`sha256-${string}`} */ (themeScriptHash)],
				// Svelte sets style attributes (bar widths, positions); no script can come through them.
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'media-src': ['self', 'blob:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
