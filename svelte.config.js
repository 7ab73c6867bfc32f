import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

const buildDir = process.env.BUILD_DIR ?? 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// Every page is prerendered: any static host serves the app, and it needs no server.
		// BUILD_DIR and QUESTION_BANK (vite.config.ts) are set only by `npm run bench`.
		adapter: adapter({ pages: buildDir, assets: buildDir, fallback: undefined, strict: true }),
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		// Each page's styles (a few KB) go in its HTML: the first paint waits for no stylesheet request.
		inlineStyleThreshold: 10 * 1024,
		// Prerendered pages carry the policy in a <meta> tag, with hashes of SvelteKit's own inline script.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				// 'wasm-unsafe-eval' lets the QR scanner's WebAssembly (served from this site) compile; it allows no JavaScript eval.
				'script-src': ['self', 'wasm-unsafe-eval'],
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
