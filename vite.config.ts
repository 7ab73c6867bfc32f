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
 * lands in the same chunk. messageOf, which every layer's error message goes through, joins them.
 */
const SHARED_APP_FOLDERS = ['db', 'pwa', 'srs/queue'];
const SHARED_APP_MODULES = new RegExp(
	`node_modules/dexie/|vite/preload-helper|src/lib/(${SHARED_APP_FOLDERS.join('|')})/[^/]+\\.ts$|src/lib/message-of\\.ts$`
);

/**
 * The user's decks' storage is loaded where a page lists or opens one, not with every page: writing
 * checks the cards (valibot, the bank's rules), and a study session of a bundled deck never reads them.
 * Nor are the flags (db/flags.ts), the suspensions' writes (db/suspended.ts) and the storage estimate and
 * persistence request (db/storage.ts): a study card loads them with the first tap of its flag or of Suspend
 * and its first rating, Settings and Study more with their lists. Nor is the packed review log's writing and
 * its reads of the whole log (db/review-archive.ts): imports, backups, an undo and the optimiser load it, no
 * page on its way to the screen.
 */
const OWN_CHUNK_MODULES = /src\/lib\/db\/(user-deck[^/]*|flags|suspended|storage|review-archive)\.ts$/;

/** The bank's tag names and their lists, which the quiz, the statistics and the deck page name (a study card names none): one small chunk. */
const TAG_NAME_MODULES = /src\/lib\/content\/(guide|vocabulary)\.ts$/;

function clientChunk(id: string): string | undefined {
	// Vite's preload helper is among them: every page's dynamic imports go through it.
	if (SHARED_APP_MODULES.test(id) && !OWN_CHUNK_MODULES.test(id)) return 'database';
	if (TAG_NAME_MODULES.test(id)) return 'tag-names';
	// ts-fsrs with the scheduler and rating code, in one chunk as a study session loads them: the
	// optimiser (srs/optimiser/) uses ts-fsrs too, and left to itself Rollup would cut them apart.
	// The rating's writes (srs/review.ts) are not among them: a session loads them with its first rating.
	if (/node_modules\/ts-fsrs\/|src\/lib\/srs\/scheduler\.ts$/.test(id)) return 'scheduler';
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
			// Our own worker, src/service-worker.ts (SvelteKit builds it; the plugin adds the precache list
			// and names it sw.js): it adds the headers that make the app cross-origin isolated, which a
			// generated worker cannot. The first worker takes the page at once, so the first visit already
			// works offline; later versions wait until the student says "Reload now".
			strategies: 'injectManifest',
			srcDir: 'src',
			filename: 'sw.js',
			// WebAssembly (the QR scanner's, the optimiser's, SQLite's) and workers (the Anki package reader),
			// large, are fetched only when used, never precached; the worker keeps them once used.
			injectManifest: { globIgnores: ['**/*.wasm', '**/workers/**'] },
			// The app shell for pages that were not prerendered (a user's deck: /study/u-…, /quiz/u-…),
			// written by adapter-static after the worker is built: `spa` adds it to the precache, and the
			// worker opens such pages from it, offline too.
			kit: { adapterFallback: '200.html', spa: true },
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
	// The optimiser's worker (src/lib/srs/optimiser/fit.worker.ts) is a module: fsrs-browser imports its thread helper lazily.
	worker: { format: 'es' },
	test: {
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
		environment: 'node'
	}
});
