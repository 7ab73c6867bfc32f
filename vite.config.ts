import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vitest/config';
import { questionBank } from './src/lib/content/vite-plugin';

/**
 * Which chunk a module of the browser build goes in. Left to itself, Rollup cuts Svelte's and
 * SvelteKit's runtime into many pieces by the routes that use them; each costs a request and
 * compresses on its own. One framework chunk is smaller in all. The form bindings and
 * $state.snapshot stay apart because only pages with forms use them. Every page reads the
 * database, so Dexie shares a chunk with the app's folders that nearly every page uses: the
 * database (db/), the layout's install and update code (pwa/, not its components) and the
 * day's queue, which the home page and a study session both read (srs/queue/). As small chunks of
 * their own, they compressed worse. The rule is by folder, so a file moved or added in one of them
 * lands in the same chunk.
 */
const SHARED_APP_FOLDERS = ['db', 'pwa', 'srs/queue'];
const SHARED_APP_MODULES = new RegExp(
	`node_modules/dexie/|vite/preload-helper|src/lib/(${SHARED_APP_FOLDERS.join('|')})/[^/]+\\.ts$`
);

function clientChunk(id: string): string | undefined {
	// Vite's preload helper is among them: every page's dynamic imports go through it.
	if (SHARED_APP_MODULES.test(id)) return 'database';
	if (!/node_modules\/(svelte|@sveltejs\/kit)\//.test(id)) return undefined;
	// shared, select and this are bindings that the core runtime itself imports.
	return /\/bindings\/(?!shared|select|this)|\/shared\/clone\.js/.test(id) ? 'framework-forms' : 'framework';
}

export default defineConfig({
	resolve: {
		// Dexie's ES2018 module build, which the bundler minifies, instead of its ES5 bundle: smaller gzipped.
		alias: [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }]
	},
	plugins: [
		{
			name: 'client-chunks',
			// Only what the browser loads matters here; the server build, used to prerender, keeps Rollup's chunks.
			configEnvironment(name) {
				if (name === 'client') return { build: { rollupOptions: { output: { manualChunks: clientChunk } } } };
			}
		},
		questionBank(process.env.QUESTION_BANK ?? 'questions'),
		sveltekit(),
		SvelteKitPWA({
			registerType: 'prompt',
			// Registered from any page, the worker must come from the site's root, not from beside the page.
			base: '/',
			scope: '/',
			// The first worker takes the page at once, so the first visit already works offline;
			// later versions wait (skipWaiting off) until the student says "Reload now".
			// The QR scanner's WebAssembly, large, is fetched only when a teacher scans, never precached.
			// Workers (the Anki package reader, with SQLite's WebAssembly) are not precached either: they
			// are kept once first used, and their hashed file names never change content.
			workbox: {
				clientsClaim: true,
				globIgnores: ['**/*.wasm', '**/workers/**'],
				runtimeCaching: [
					{ urlPattern: /\/_app\/immutable\/workers\//, handler: 'CacheFirst', options: { cacheName: 'workers' } }
				]
			},
			injectRegister: false,
			manifest: {
				name: 'Steppe Cards — offline quizzes and flashcards',
				short_name: 'Steppe Cards',
				description: 'Revise with flashcards and quizzes, offline, with no account.',
				start_url: './',
				scope: './',
				display: 'standalone',
				theme_color: '#1d4ed8',
				background_color: '#ffffff'
			},
			// Icons 64/192/512, a maskable 512 and the Apple touch icon, generated from the one SVG.
			pwaAssets: {
				image: 'static/icon.svg',
				preset: 'minimal-2023',
				overrideManifestIcons: true,
				// The links are in src/app.html, where every prerendered page gets them.
				includeHtmlHeadLinks: false
			}
		})
	],
	test: {
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
		environment: 'node'
	}
});
