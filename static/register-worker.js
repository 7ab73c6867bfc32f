// The study guide is sent without the app's JavaScript (csr = false). This alone registers the
// service worker there, so a first visit that lands on the guide also leaves the app working
// offline. Updates are offered on the app's other pages (src/lib/pwa/register.ts, same address).
addEventListener('load', () => {
	navigator.serviceWorker?.register('/sw.js', { scope: '/' }).catch((error) => console.error('service worker registration failed', error));
});
