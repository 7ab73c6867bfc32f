/**
 * Registers the service worker and says when a new version is waiting. The worker never skips
 * waiting by itself, so an update cannot cut a study session or a quiz short: it takes over
 * only when the student agrees. Hand-written because it is all the app needed of workbox-window.
 */

/** Where the build writes the worker (vite.config.ts: base and scope '/'). */
const WORKER_URL = '/sw.js';

/** Calls `onWaiting` with a function that hands the page to the waiting version and reloads it. */
export function registerServiceWorker(onWaiting: (reloadIntoNewVersion: () => void) => void): void {
	if (!('serviceWorker' in navigator)) return;
	const workers = navigator.serviceWorker;
	const offer = (waiting: ServiceWorker) =>
		onWaiting(() => {
			workers.addEventListener('controllerchange', () => location.reload(), { once: true });
			// The message the generated worker listens for before it calls skipWaiting().
			waiting.postMessage({ type: 'SKIP_WAITING' });
		});
	const register = async () => {
		const registration = await workers.register(WORKER_URL, { scope: '/' });
		if (registration.waiting) offer(registration.waiting);
		registration.addEventListener('updatefound', () => {
			const installing = registration.installing;
			installing?.addEventListener('statechange', () => {
				// The first worker activates at once; a worker that finds another one active waits.
				if (installing.state === 'installed' && registration.active) offer(installing);
			});
		});
	};
	const start = () => register().catch((error: unknown) => console.error('service worker registration failed', error));
	// After load, so the precache downloads do not compete with the page's own.
	if (document.readyState === 'complete') void start();
	else window.addEventListener('load', () => void start(), { once: true });
}
