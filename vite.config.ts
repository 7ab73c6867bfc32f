import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vitest/config';
import { questionBank } from './src/lib/content/vite-plugin';

export default defineConfig({
	plugins: [
		questionBank('questions'),
		sveltekit(),
		SvelteKitPWA({
			registerType: 'prompt',
			injectRegister: false,
			manifest: {
				name: 'Steppe Cards — offline quizzes and flashcards',
				short_name: 'Steppe Cards',
				description: 'Revise with flashcards and quizzes, offline, with no account.',
				start_url: './',
				scope: './',
				display: 'standalone',
				theme_color: '#1d4ed8',
				background_color: '#ffffff',
				icons: [
					{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }
				]
			},
		})
	],
	test: {
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
		environment: 'node'
	}
});
