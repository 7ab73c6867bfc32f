/**
 * The app's service worker. It precaches every prerendered page and the app's files, takes the
 * page at once on a first visit (later versions wait for "Reload now"), and serves the app
 * cross-origin isolated: a static host cannot be counted on to send COOP and COEP, and the
 * FSRS optimiser needs them to report progress (SharedArrayBuffer). Everything the app loads
 * is its own, so require-corp blocks nothing.
 */
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import {
	addPlugins,
	cleanupOutdatedCaches,
	createHandlerBoundToURL,
	getCacheKeyForURL,
	precacheAndRoute,
	type PrecacheEntry
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';

// The build replaces self.__WB_MANIFEST, written exactly so, with the list of files to precache.
declare let self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

/** A copy of a document or script response with the headers that make its page cross-origin isolated. */
function isolated(response: Response): Response {
	const type = response.headers.get('content-type') ?? '';
	if (response.type === 'opaque' || !/html|javascript/.test(type)) return response;
	const headers = new Headers(response.headers);
	headers.set('Cross-Origin-Opener-Policy', 'same-origin');
	headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
	return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

// The update prompt's "Reload now" (src/lib/pwa/register.ts).
self.addEventListener('message', (event) => {
	if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});
clientsClaim();

addPlugins([{ handlerWillRespond: async ({ response }) => isolated(response) }]);
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// The optimiser's WebAssembly is too large to precache: it is kept after its first load, one version at a time.
registerRoute(
	({ url }) => url.origin === location.origin && /\/fsrs_browser_bg[^/]*\.wasm$/.test(url.pathname),
	new CacheFirst({ cacheName: 'fsrs-optimiser', plugins: [new ExpirationPlugin({ maxEntries: 1 })] })
);

// Workers (the Anki package reader) and the SQLite WebAssembly it loads are kept once first used:
// their hashed file names never change content.
registerRoute(
	({ url }) =>
		url.origin === location.origin && /^\/_app\/immutable\/(workers\/|assets\/sql-wasm[^/]*\.wasm$)/.test(url.pathname),
	// A worker is isolated by its own script's headers, as a page is (the optimiser's progress needs it).
	new CacheFirst({
		cacheName: 'workers',
		plugins: [{ handlerWillRespond: async ({ response }) => isolated(response) }]
	})
);

// A deck page that was not prerendered (a deck made on this device) gets the app's fallback page, where one is built.
const FALLBACK_PAGE = '/200.html';
if (getCacheKeyForURL(FALLBACK_PAGE))
	registerRoute(
		new NavigationRoute(createHandlerBoundToURL(FALLBACK_PAGE), { allowlist: [/^\/(study|quiz|decks)\//] })
	);
// Any other page not precached opens the home page, offline too.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/')));
