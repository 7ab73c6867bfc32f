import { expect, test } from '@playwright/test';
import { deck, startQuizOfType } from './app';

// A user whose browser speaks American English, on a fixed day and hour: every page shows its dates the
// same way, in that locale (the statistics once spelled them the British way whatever the locale).
test.use({ locale: 'en-US', timezoneId: 'UTC' });

test('results, quiz history and statistics show dates in one style, from the user’s locale', async ({ page }) => {
	await page.clock.setFixedTime(new Date('2026-11-03T14:05:00Z'));
	await startQuizOfType(page, 'True or false', { count: '5', feedback: 'At the end' });
	for (let i = 1; i <= 5; i++) {
		await expect(page.getByRole('heading', { name: `Question ${i} of 5` })).toBeVisible();
		await page.getByRole('radio', { name: 'True' }).tap();
		await page.getByRole('button', { name: /^Answer/ }).tap();
	}

	const dateTime = /Nov 3, 2026, 2:05\sPM/;
	await expect(page.getByText(/^Started /)).toHaveText(new RegExp(`^Started ${dateTime.source}\\.`));
	await page.goto(`/quiz/${deck.id}`);
	await expect(page.getByRole('region', { name: 'Your quizzes' }).getByRole('listitem').first()).toContainText(
		dateTime
	);
	await page.goto('/stats');
	await expect(page.getByRole('img', { name: /busiest day Nov 3, 2026, with 5 reviews/ })).toBeAttached();
});
