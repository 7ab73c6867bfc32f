// Finding the classroom from home and the header, and the settings that ask before anything is lost.
import { expect, test, type Page } from '@playwright/test';
import { deck, rateGood } from './app';

const shot = (name: string) => `test-results/screens/${name}.png`;
const header = (page: Page) => page.getByRole('navigation', { name: 'Main' });

test('on a phone, joining a class quiz is one tap from home, and the header leads to the classroom from every page', async ({
	page
}) => {
	await page.goto('/');
	const join = page.getByRole('link', { name: 'Join a class quiz' });
	await expect(join).toBeInViewport();
	await join.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Join a class quiz' })).toBeVisible();
	await expect(page.getByLabel('Quiz code')).toBeVisible();

	await page.goto('/');
	await page.getByRole('link', { name: 'Run a class quiz' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Classroom quiz' })).toBeVisible();

	await page.goto('/stats');
	await header(page).getByRole('link', { name: 'Classroom' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Join a class quiz' })).toBeVisible();
	await expect(header(page).getByRole('link', { name: 'Classroom' })).toHaveAttribute('aria-current', 'page');

	// At 360 px the name has a line and the three links share the next, each a 44 px target.
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		await page.goto('/');
		const links = await Promise.all(
			['Classroom', 'Stats', 'Settings'].map(
				async (name) => (await header(page).getByRole('link', { name }).boundingBox())!
			)
		);
		for (const link of links) {
			expect(link.y).toBe(links[0]!.y);
			expect(link.height).toBeGreaterThanOrEqual(44);
			expect(link.x + link.width).toBeLessThanOrEqual(360);
		}
		await page.screenshot({ path: shot(`header-${scheme}`), clip: { x: 0, y: 0, width: 360, height: 260 } });
	}
});

test('the quiz made on a first visit shows the join page’s full address and joins the list of class quizzes', async ({
	page,
	baseURL
}) => {
	await page.goto('/classroom');
	await expect(page.getByText('None yet. Quizzes you make are kept on this device')).toBeVisible();
	await page.getByRole('button', { name: 'Make the quiz' }).click();
	const ready = page.getByRole('region', { name: 'Your quiz is ready' });
	await expect(ready.getByText(`go to ${baseURL}/classroom/take and type the code`)).toBeVisible();
	await expect(page.getByRole('region', { name: 'Your class quizzes' }).getByRole('listitem')).toHaveCount(1);
});

test('importing a backup that replaces this device’s progress asks first; the export’s message shows beside its button', async ({
	page
}) => {
	await page.goto(`/study/${deck.id}`);
	await rateGood(page);
	await page.goto('/settings');
	const exportButton = page.getByRole('button', { name: 'Export backup' });
	const downloading = page.waitForEvent('download');
	await exportButton.click();
	const file = await (await downloading).path();
	const exported = page.getByRole('status').filter({ hasText: 'Backup saved: 1 facts studied, 1 reviews' });
	await expect(exported).toBeVisible();
	// Beside the button: level with it or just under it, above the import form.
	const button = (await exportButton.boundingBox())!;
	const message = (await exported.boundingBox())!;
	expect(message.y).toBeGreaterThanOrEqual(button.y - 1);
	expect(message.y).toBeLessThan(button.y + button.height + 16);
	expect(message.y).toBeLessThan((await page.getByRole('group', { name: 'Import a backup' }).boundingBox())!.y);

	// Reset, then replace with the backup: the question comes first, and Cancel changes nothing.
	await page.getByRole('button', { name: 'Reset all progress…' }).click();
	await page.getByRole('button', { name: 'Yes, reset all progress' }).click();
	await expect(page.getByText('All progress was reset.')).toBeVisible();
	await page.getByLabel("Replace this device's progress").check();
	await page.getByLabel('Backup file').setInputFiles(file);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	const question = page.getByRole('alertdialog');
	await expect(question).toContainText(
		"Replace every rating and quiz, and the decks you made, on this device with the backup's?"
	);
	await page.emulateMedia({ colorScheme: 'light' });
	await page.screenshot({ path: shot('settings-replace-light'), fullPage: true });
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.screenshot({ path: shot('settings-replace-dark'), fullPage: true });
	await question.getByRole('button', { name: 'Cancel' }).click();
	await expect(question).toBeHidden();
	await expect(page.getByText(/Backup restored/)).toBeHidden();
	await page.goto('/');
	await expect(page.getByRole('article', { name: deck.title }).locator('dd.kind-new')).toHaveText('20');

	await page.goto('/settings');
	await page.getByLabel("Replace this device's progress").check();
	await page.getByLabel('Backup file').setInputFiles(file);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('button', { name: 'Yes, replace my progress' }).click();
	await expect(page.getByText('Backup restored: this device now holds 1 facts studied, 1 reviews')).toBeVisible();

	// Merging loses nothing, so it does not ask.
	await page.getByLabel("Merge with this device's progress").check();
	await page.getByLabel('Backup file').setInputFiles(file);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByText('Backup merged: this device now holds 1 facts studied, 1 reviews')).toBeVisible();
	await expect(page.getByRole('alertdialog')).toHaveCount(0);
});

test('a changed study limit is saved as soon as its field is left, so leaving the settings loses nothing', async ({
	page
}) => {
	await page.goto('/settings');
	const newPerDay = page.getByLabel('New facts per day');
	await expect(newPerDay).toBeEnabled();
	await newPerDay.fill('5');
	// The tap on a header link leaves the field first: the change is saved on the way out.
	await header(page).getByRole('link', { name: 'Stats' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Statistics' })).toBeVisible();
	await page.goto('/settings');
	await expect(newPerDay).toBeEnabled();
	await expect(newPerDay).toHaveValue('5');

	// A value out of range says why at once, and is not saved.
	await newPerDay.fill('-3');
	await newPerDay.press('Tab');
	await expect(page.getByRole('alert').filter({ hasText: 'newPerDay must be between 0 and 9999' })).toBeVisible();
	await page.reload();
	await expect(newPerDay).toBeEnabled();
	await expect(newPerDay).toHaveValue('5');
});
