/** The study screen's own User Timing measures: building the queue, and a rating to the next card. */
import type { Page } from '@playwright/test';

const durations = (page: Page, name: string) =>
	page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.duration), name);

/**
 * Over `loads` loads of the study page, the first left out as a warm-up, the measures of
 * src/lib/srs/session.svelte.ts: `study:queue` until the first card can show, and
 * `study:queue-whole` until the whole day's queue is in (it loads while the first card shows).
 */
export async function measureQueue(
	page: Page,
	url: string,
	loads: number
): Promise<{ times: number[]; whole: number[]; counts: string }> {
	const times: number[] = [];
	const whole: number[] = [];
	let counts = '';
	for (let i = 0; i < loads; i++) {
		await page.goto(url);
		// Both: with nothing due now, study:queue is recorded just after the whole queue.
		await page.waitForFunction(
			() => ['study:queue', 'study:queue-whole'].every((name) => performance.getEntriesByName(name).length > 0),
			undefined,
			{
				timeout: 60_000
			}
		);
		const [duration] = await durations(page, 'study:queue');
		const [wholeDuration] = await durations(page, 'study:queue-whole');
		if (i > 0) {
			times.push(duration!);
			whole.push(wholeDuration!);
		}
		if (i === 0) {
			await page.getByRole('button', { name: /Show answer/ }).waitFor({ timeout: 60_000 });
			// The counts show once the whole queue is in (a dash until then).
			const left = page.getByLabel('Cards left in this session').and(page.locator('[aria-busy="false"]'));
			counts = (await left.textContent())?.replace(/\s+/g, ' ').trim() ?? '';
		}
	}
	return { times, whole, counts };
}

/**
 * `study:rate-to-next` (StudyCard.svelte) over `warmup` + `ratings` ratings on the open study page,
 * the warm-up left out. `thinkMs` waits that long on each answer before rating, as a person would.
 */
export async function measureRating(page: Page, warmup: number, ratings: number, thinkMs: number): Promise<number[]> {
	const showAnswer = page.getByRole('button', { name: /Show answer/ });
	await showAnswer.waitFor({ timeout: 60_000 });
	const grades = [3, 3, 1, 3, 4, 2, 3] as const;
	for (let i = 0; i < warmup + ratings; i++) {
		await showAnswer.waitFor();
		await page.keyboard.press('Space');
		const grade = grades[i % grades.length]!;
		const button = page.locator(`.grades button.g${grade}:not([disabled])`);
		await button.waitFor();
		if (thinkMs > 0) await page.waitForTimeout(thinkMs);
		await page.keyboard.press(String(grade));
		await page.waitForFunction((n) => performance.getEntriesByName('study:rate-to-next').length >= n, i + 1);
	}
	return (await durations(page, 'study:rate-to-next')).slice(warmup);
}
