import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vitest/config';
import { questionBank } from './src/lib/content/vite-plugin';

export default defineConfig({
	plugins: [
		questionBank(process.env.QUESTION_BANK ?? 'questions'),
		sveltekit(),
		SvelteKitPWA({
			registerType: 'prompt',
			// Registered from any page, the worker must come from the site's root, not from beside the page.
			base: '/',
			scope: '/',
			// The first worker takes the page at once, so the first visit already works offline;
			// later versions wait (skipWaiting off) until the student says "Reload now".
			// The QR scanner's WebAssembly (1 MB) is fetched only when a teacher scans, never precached.
			workbox: { clientsClaim: true, globIgnores: ['**/*.wasm'] },
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
