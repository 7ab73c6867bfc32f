import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { encode } from 'uqr';
import config from '../../playwright.config';
import { pickClassAnswer } from './app';

const PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
const baseURL = config.use!.baseURL!;
const launchOptions = config.use!.launchOptions!;

const WIDTH = 640;
const HEIGHT = 480;

/** A Y4M video (a few identical 4:2:0 frames) showing `text` as a QR code, dark on light, centred. */
function qrVideo(text: string | null): Buffer {
	const y = Buffer.alloc(WIDTH * HEIGHT, 255);
	if (text !== null) {
		const modules = encode(text, { ecc: 'M', border: 0 }).data;
		const size = modules.length;
		const scale = Math.floor(Math.min(WIDTH, HEIGHT) / (size + 8));
		expect(scale).toBeGreaterThanOrEqual(4);
		const left = Math.floor((WIDTH - size * scale) / 2);
		const top = Math.floor((HEIGHT - size * scale) / 2);
		for (let r = 0; r < size; r++)
			for (let c = 0; c < size; c++) {
				if (!modules[r]![c]) continue;
				for (let dy = 0; dy < scale; dy++)
					y.fill(
						0,
						(top + r * scale + dy) * WIDTH + left + c * scale,
						(top + r * scale + dy) * WIDTH + left + (c + 1) * scale
					);
			}
	}
	const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
	const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma]);
	return Buffer.concat([Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`), frame, frame, frame]);
}

/** Makes a five-question quiz of multiple-choice (and so map) and true/false questions (as classroom.spec.ts does); returns the student link. */
async function makeQuiz(page: Page, title: string) {
	await page.goto('/classroom');
	await expect(page.getByRole('button', { name: 'Make the quiz' })).toBeEnabled();
	await page.getByLabel('Title').fill(title);
	await page.getByRole('combobox', { name: /^Questions/ }).selectOption('5');
	const types = page.getByRole('group', { name: 'Question types' });
	for (const name of ['Typed answer', 'Matching', 'Ordering']) await types.getByRole('checkbox', { name }).uncheck();
	await expect(page.getByText(/questions match; the quiz will ask 5\./)).toBeVisible();
	await page.getByRole('button', { name: 'Make the quiz' }).click();
	return (await page.getByRole('link', { name: /classroom\/take#q=/ }).getAttribute('href'))!;
}

/** A student takes the quiz on another phone, getting the first question wrong; returns the result code. */
async function takeQuiz(browser: Browser, link: string, name: string) {
	const context = await browser.newContext({ ...PHONE, baseURL });
	const page = await context.newPage();
	await page.goto(link);
	await page.getByLabel('Your name').fill(name);
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	for (let i = 0; i < 5; i++) {
		await expect(page.getByRole('heading', { name: `Question ${i + 1} of 5` })).toBeVisible();
		await pickClassAnswer(page, i !== 0);
		await page.getByRole('button', { name: /^Answer/ }).tap();
	}
	await expect(page.getByRole('heading', { name: `${name}: 4 of 5 right (80%)` })).toBeVisible();
	const result = await page.getByLabel('Result code').inputValue();
	expect(result).toMatch(/^R1[0-9A-Z]+$/);
	await context.close();
	return result;
}

test('a teacher scans a student’s result QR code with the camera', async ({ browser }) => {
	test.setTimeout(90_000);
	const video = join(tmpdir(), `steppe-scan-${process.pid}-${Date.now()}.y4m`);
	// Chromium needs the file when it starts; the QR code is drawn into it once the student has finished.
	writeFileSync(video, qrVideo(null));
	const camera = await chromium.launch({
		...launchOptions,
		args: [
			...(launchOptions.args ?? []),
			'--use-fake-ui-for-media-stream',
			'--use-fake-device-for-media-stream',
			`--use-file-for-fake-video-capture=${video}`
		]
	});
	try {
		const context = await camera.newContext({ ...PHONE, baseURL, permissions: ['camera'] });
		const teacher = await context.newPage();
		const title = 'Scan test';
		const link = await makeQuiz(teacher, title);

		const result = await takeQuiz(browser, link, 'Dana');
		writeFileSync(video, qrVideo(result));

		await teacher.getByRole('link', { name: 'Collect results' }).click();
		await expect(teacher.getByRole('heading', { level: 1, name: `Results: ${title}` })).toBeVisible();
		await expect(teacher.getByText('No results yet.')).toBeVisible();
		const wasm: string[] = [];
		teacher.on('request', (r) => void (r.url().endsWith('.wasm') && wasm.push(r.url())));
		await teacher.getByRole('button', { name: 'Scan QR codes' }).click();
		await expect(teacher.getByRole('button', { name: 'Stop the camera' })).toBeVisible();
		await expect(teacher.locator('video.camera')).toBeVisible();

		const outcomes = teacher.getByRole('list', { name: 'Codes read' });
		await expect(outcomes.getByRole('listitem').first()).toContainText('Dana: added', { timeout: 20_000 });
		await expect(teacher.getByRole('heading', { name: 'Scores (1 student, 80% right)' })).toBeVisible();
		await expect(teacher.getByRole('table').first().getByRole('row')).toHaveText([
			/Student\s*Right\s*Percent/,
			/Dana\s*4\/5\s*80%/
		]);
		// The same code seen frame after frame is added once.
		await teacher.waitForTimeout(1000);
		await expect(outcomes.getByRole('listitem')).toHaveCount(1);
		await expect(teacher.getByRole('alert')).toHaveCount(0);
		// Without a native BarcodeDetector (Linux Chromium), the ZXing WebAssembly came from this site.
		if (!(await teacher.evaluate(() => 'BarcodeDetector' in globalThis))) {
			expect(wasm.length).toBeGreaterThan(0);
			for (const url of wasm) expect(url.startsWith(`${baseURL}/_app/`)).toBe(true);
		}

		await teacher.getByRole('button', { name: 'Stop the camera' }).click();
		await expect(teacher.getByRole('button', { name: 'Scan QR codes' })).toBeVisible();
		await expect(teacher.locator('video.camera')).toBeHidden();
		await context.close();
	} finally {
		await camera.close();
		rmSync(video, { force: true });
	}
});
