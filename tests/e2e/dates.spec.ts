import { expect, test } from '@playwright/test';
import { deck } from './app';

// A user whose browser speaks American English, on a fixed day and hour: every page shows its dates the
// same way, in that locale (the statistics once spelled them the British way whatever the locale).
test.use({ locale: 'en-US', timezoneId: 'UTC' });

test('results, quiz history and statistics show dates in one style, from the user’s locale', async ({ page }) => {
	await page.clock.setFixedTime(new Date('2026-11-03T14:05:00Z'));
	await page.goto(`/quiz/${deck.id}`);
	await page.getByRole('button', { name: 'Build your own quiz' }).tap();
	const types = page.getByRole('group', { name: 'Question types' });
	await types.getByRole('button', { name: /Clear all/ }).tap();
	await types.getByRole('checkbox', { name: 'True or false' }).tap();
	await page.getByRole('radio', { name: '5' }).tap();
	await page.getByRole('radio', { name: 'At the end' }).tap();
	await page.getByRole('button', { name: 'Start quiz' }).tap();
	for (let i = 1; i <= 5; i++) {
		await expect(page.getByRole('heading', { name: `Question ${i} of 5` })).toBeVisible();
		await page.getByRole('radio', { name: 'True' }).tap();
		await page.getByRole('button', { name: /^Answer/ }).tap();
	}

	const dateTime = /Nov 3, 2026, 2:05\sPM/;
	await expect(page.getByText(/^Started /)).toHaveText(new RegExp(`^Started ${dateTime.source}\\.`));
	await page.goto(`/quiz/${deck.id}`);
	await expect(page.getByRole('region', { name: 'Your quizzes' }).getByRole('listitem').first()).toContainText(dateTime);
	await page.goto('/stats');
	await expect(page.getByRole('img', { name: /busiest day Nov 3, 2026, with 5 reviews/ })).toBeAttached();
});
