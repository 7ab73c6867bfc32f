import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// Every page is prerendered: any static host serves the app, and it needs no server.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' }
	}
};

export default config;
