import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import initSqlJs from 'sql.js';
import { STOCK, writePackage } from '../../src/lib/decks/anki-package/fixture-writer';
import { checkDeckFile } from '../../src/lib/decks/deck-file-check';
import { axeViolations, rateGood, watchCspViolations } from './app';

// Twenty rows as Quizlet exports them: term, Tab, definition.
const QUIZLET = Array.from({ length: 20 }, (_, i) => `Country ${i + 1}\tCapital ${i + 1}`).join('\n');

/** Opens a page and waits until its scripts run (a form typed into before that is not seen). */
async function open(page: Page, url: string) {
	await page.goto(url);
	await page.waitForLoadState('networkidle');
}

async function importText(page: Page, text: string, title: string) {
	await open(page, '/decks/import');
	await page.getByLabel('Or paste the text').fill(text);
	await page.getByLabel('Title of the new deck').fill(title);
}

/** Pastes the Quizlet rows, checks the preview and imports them; ends on the new deck's page. */
async function importQuizlet(page: Page, title: string) {
	await importText(page, QUIZLET, title);
	await expect(page.getByLabel('Format')).toHaveValue('quizlet');
	const preview = page.getByRole('region', { name: 'Preview' });
	await expect(preview).toContainText('20 cards ready to import · 0 problems');
	await expect(preview.getByRole('listitem').first()).toContainText('Country 1');
	await page.getByRole('button', { name: 'Import 20 cards' }).tap();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Cards (20)' })).toBeVisible();
}

test('paste Quizlet rows, import, study, quiz, edit a studied card, export to Anki and import it back', async ({
	page
}) => {
	test.setTimeout(90_000);
	await importQuizlet(page, 'Capitals');
	const deckUrl = page.url();

	await page.getByRole('link', { name: 'Study now' }).tap();
	for (let i = 0; i < 3; i++) await rateGood(page);

	// An automatic quiz: its questions are made from the cards.
	await page.goto(deckUrl);
	await page.getByRole('link', { name: 'Quiz' }).tap();
	await page.getByRole('button', { name: /Quick 10/ }).tap();
	await expect(page.getByRole('heading', { name: /^Question 1 of \d+$/ })).toBeVisible();

	// Editing a studied card keeps its history.
	await page.goto(deckUrl);
	const first = page.getByRole('listitem', { name: /^Card 1:/ });
	await expect(first).toContainText(/reviewed [1-9]\d* times/);
	const reviewed = (await first.textContent())!.match(/reviewed (\d+) times/)![1];
	await first.getByRole('button', { name: 'Edit' }).tap();
	await first.getByLabel('Back', { exact: true }).fill('Capital one');
	await first.getByRole('button', { name: 'Save card' }).tap();
	await expect(page.getByRole('listitem', { name: /^Card 1:/ })).toContainText('Capital one');
	await expect(page.getByRole('listitem', { name: /^Card 1:/ })).toContainText(`reviewed ${reviewed} times`);

	// Export as Anki text, then import the file back as a copy: the same cards.
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export for Anki (text)' }).tap();
	const file = await (await download).path();
	await open(page, '/decks/import');
	await page
		.getByLabel('File')
		.setInputFiles({ name: 'Capitals.txt', mimeType: 'text/plain', buffer: await readFile(file) });
	await expect(page.getByLabel('Format')).toHaveValue('anki-text');
	await page.getByLabel('Title of the new deck').fill('Capitals again');
	await page.getByRole('button', { name: 'Import 20 cards' }).tap();
	await expect(page.getByRole('heading', { level: 1, name: 'Capitals again' })).toBeVisible();
	const fronts = (p: Page) => p.locator('ol.cards .front').allTextContents();
	await expect(page.getByRole('heading', { name: 'Cards (20)' })).toBeVisible();
	const copied = await fronts(page);
	await page.goto(deckUrl);
	await expect(page.getByRole('heading', { name: 'Cards (20)' })).toBeVisible();
	expect(await fronts(page)).toEqual(copied);
	await expect(page.getByRole('listitem', { name: /^Card 1:/ })).toContainText('Capital one');
});

test('a deck exported as YAML, deleted, then imported from the file comes back under its own address with its history', async ({
	page
}) => {
	await importQuizlet(page, 'Capitals in YAML');
	const deckUrl = page.url();
	await page.getByRole('link', { name: 'Study now' }).tap();
	await rateGood(page);
	await open(page, deckUrl);
	await expect(page.getByRole('listitem', { name: /^Card 1:/ })).toContainText('reviewed 1 times');

	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export as YAML' }).tap();
	const exported = await download;
	expect(exported.suggestedFilename()).toMatch(/\.yaml$/);
	const file = await readFile((await exported.path())!);
	// The file as downloaded is one `npm run validate -- <file>` accepts.
	expect(checkDeckFile(exported.suggestedFilename(), file).problems).toEqual([]);
	await page.getByRole('button', { name: 'Delete the deck…' }).tap();
	await page.getByRole('button', { name: 'Delete “Capitals in YAML”' }).tap();
	await expect(page.getByRole('heading', { level: 1, name: 'No such deck' })).toBeVisible();

	await open(page, '/decks/import');
	await page
		.getByLabel('File')
		.setInputFiles({ name: exported.suggestedFilename(), mimeType: 'text/plain', buffer: file });
	await expect(page.getByLabel('Format')).toHaveValue('yaml');
	await expect(page.getByLabel('Title of the new deck')).toHaveValue('Capitals in YAML');
	await page.getByRole('button', { name: 'Import 20 cards' }).tap();
	await expect(page.getByRole('heading', { level: 1, name: 'Capitals in YAML' })).toBeVisible();
	expect(page.url()).toBe(deckUrl);
	await expect(page.getByRole('listitem', { name: /^Card 1:/ })).toContainText('reviewed 1 times');
});

test('bad input gets a clear message, shown as text, and nothing is imported', async ({ page }) => {
	await importText(page, 'one column only\nand another\n', 'Broken');
	await page.getByLabel('Format').selectOption('csv');
	await expect(page.getByRole('region', { name: 'Preview' })).toContainText('0 cards ready to import');
	await expect(page.getByRole('button', { name: /^Import/ })).toBeDisabled();

	await importText(
		page,
		'#separator:tab\n#html:true\n<img src=x onerror="window.hacked=1">Front\tBack <script>window.hacked=1</script>\n',
		'Safe'
	);
	await expect(page.getByRole('region', { name: 'Preview' })).toContainText('1 card ready to import');
	expect(await page.evaluate(() => 'hacked' in window)).toBe(false);

	await page
		.getByLabel('File')
		.setInputFiles({ name: 'x.txt', mimeType: 'text/plain', buffer: Buffer.from([0x41, 0, 0x42]) });
	await expect(page.getByRole('region', { name: 'Preview' })).toContainText('binary file');

	await page.goto('/decks/open#d1.AAAAedited');
	await expect(page.getByRole('alert')).toContainText(/link/i);
});

test('deleting a card or the deck asks first and can be undone', async ({ page }) => {
	await importQuizlet(page, 'To delete');
	const first = page.getByRole('listitem', { name: /^Card 1:/ });
	await first.getByRole('button', { name: 'Delete…' }).tap();
	await first.getByRole('button', { name: 'Delete this card' }).tap();
	await expect(page.getByRole('heading', { name: 'Cards (19)' })).toBeVisible();
	await page.getByRole('button', { name: 'Undo' }).tap();
	await expect(page.getByRole('heading', { name: 'Cards (20)' })).toBeVisible();

	await page.getByRole('button', { name: 'Delete the deck…' }).tap();
	await page.getByRole('button', { name: 'Delete “To delete”' }).tap();
	await expect(page.getByRole('heading', { level: 1, name: 'No such deck' })).toBeVisible();
	await page.getByRole('button', { name: 'Undo' }).tap();
	await expect(page.getByRole('heading', { level: 1, name: 'To delete' })).toBeVisible();
});

test('a big deck shows its first cards and its count at once, and any card is reachable', async ({ page }) => {
	test.setTimeout(60_000);
	await importText(page, Array.from({ length: 300 }, (_, i) => `Country ${i + 1}\tCapital ${i + 1}`).join('\n'), 'Big');
	await page.getByRole('button', { name: 'Import 300 cards' }).tap();
	await expect(page.getByRole('heading', { name: 'Cards (300)' })).toBeVisible();
	await expect(page.getByText('Showing 50 of 300 cards.')).toBeVisible();
	await expect(page.getByRole('listitem', { name: /^Card 1:/ })).toContainText('Capital 1');
	await expect(page.getByRole('listitem', { name: /^Card \d+:/ })).toHaveCount(50);

	await page.getByRole('button', { name: 'Show more (250 left)' }).tap();
	await expect(page.getByRole('listitem', { name: /^Card 51:/ })).toContainText('Capital 51');
	await expect(page.getByText('Showing 100 of 300 cards.')).toBeVisible();

	// A card far past the first page is found by its text, keeps its number, and moves within the whole deck.
	await page.getByRole('search').getByLabel('Find a card').fill('capital 275');
	await expect(page.getByText('1 of 300 cards match.')).toBeVisible();
	const found = page.getByRole('listitem', { name: 'Card 275: Country 275' });
	await found.getByRole('button', { name: 'Move card 275 up' }).tap();
	await expect(page.getByRole('listitem', { name: 'Card 274: Country 275' })).toBeVisible();
	await page.getByRole('search').getByLabel('Find a card').fill('Country 274');
	await expect(page.getByRole('listitem', { name: 'Card 275: Country 274' })).toBeVisible();
});

test('a card added to a deck of 60 is shown and announced at once, and takes its place at the end', async ({
	page
}) => {
	test.setTimeout(60_000);
	await importText(
		page,
		Array.from({ length: 60 }, (_, i) => `Country ${i + 1}\tCapital ${i + 1}`).join('\n'),
		'Sixty'
	);
	await page.getByRole('button', { name: 'Import 60 cards' }).tap();
	await expect(page.getByText('Showing 50 of 60 cards.')).toBeVisible();

	const front = page.getByLabel('Front', { exact: true });
	await front.fill('Country 61');
	await page.getByLabel('Back', { exact: true }).fill('Capital 61');
	await page.getByRole('button', { name: 'Add card' }).tap();
	// Said where the thumb is, with the form ready for the next card.
	const added = page.getByRole('status').filter({ hasText: 'Added as card 61: “Country 61”.' });
	await expect(added).toBeInViewport();
	await expect(front).toBeFocused();
	await expect(front).toHaveValue('');
	await expect(page.getByRole('heading', { name: 'Cards (61)' })).toBeVisible();

	// Listed at once at its place, the end, after the cards not shown; one tap away.
	await expect(page.getByText('Showing 51 of 61 cards.')).toBeVisible();
	await expect(page.getByText('Cards 51–60 are not shown.')).toBeVisible();
	await expect(page.getByRole('listitem', { name: /^Card 51:/ })).toHaveCount(0);
	await added.getByRole('button', { name: 'Show card 61 in the list' }).tap();
	const card = page.getByRole('listitem', { name: 'Card 61: Country 61' });
	await expect(card).toBeFocused();
	await expect(card).toBeInViewport();
	await expect(card).toContainText('Capital 61');

	await page.getByRole('button', { name: 'Show more (10 left)' }).tap();
	await expect(page.getByText(/are not shown/)).toHaveCount(0);
	const names = await page
		.getByRole('listitem', { name: /^Card \d+:/ })
		.evaluateAll((items) => items.map((item) => item.getAttribute('aria-label')));
	expect(names).toEqual(Array.from({ length: 61 }, (_, i) => `Card ${i + 1}: Country ${i + 1}`));
});

test('a shared link opens the deck in another browser, offline, and adds it', async ({ page, browser }) => {
	await importQuizlet(page, 'Shared capitals');
	await page.getByRole('button', { name: 'Make a share link' }).tap();
	const link = await page.getByLabel(/Link to this deck/).inputValue();
	expect(link).toMatch(/\/decks\/open#d1\./);
	await expect(page.getByRole('img', { name: /QR code of the link/ })).toBeVisible();

	const other = await browser.newContext({ viewport: { width: 360, height: 740 } });
	const friend = await other.newPage();
	await friend.goto('/');
	await friend.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	await other.setOffline(true);
	await friend.goto(link);
	await expect(friend.getByRole('heading', { level: 1, name: 'Shared capitals' })).toBeVisible();
	await friend.getByRole('button', { name: 'Add to my decks' }).tap();
	await expect(friend.getByRole('heading', { name: 'Cards (20)' })).toBeVisible();
	await friend.goto('/');
	await expect(friend.getByRole('article', { name: 'Shared capitals' })).toBeVisible();
	await other.close();
});

test('make a deck, add a card with a question of each kind checked as you type', async ({ page }) => {
	await open(page, '/decks/new');
	await page.getByLabel('Title').fill('Handmade');
	await page.getByRole('button', { name: 'Create deck' }).tap();
	await expect(page.getByRole('heading', { level: 1, name: 'Handmade' })).toBeVisible();
	const add = page.getByRole('region', { name: 'Add a card' });
	await add.getByLabel('Front').fill('Capital of Kyrgyzstan');
	await add.getByLabel('Back', { exact: true }).fill('Bishkek');
	await add.getByRole('button', { name: 'Add a question' }).tap();
	await add.getByLabel('Question', { exact: true }).fill('Which city is the capital of Kyrgyzstan?');
	await add.getByLabel('Right answer').fill('Bishkek');
	await add.getByLabel(/Wrong answers/).fill('Osh');
	await add.getByLabel('Explanation shown after the answer').fill('Bishkek is the capital.');
	await add.getByRole('button', { name: 'Add card' }).tap();
	await expect(add).toContainText('question 1: needs 3 or 4 options');
	await add.getByLabel(/Wrong answers/).fill('Osh\nNaryn');
	await expect(add).not.toContainText('needs 3 or 4 options');
	await add.getByRole('button', { name: 'Add card' }).tap();
	await expect(page.getByRole('heading', { name: 'Cards (1)' })).toBeVisible();
	await expect(page.getByRole('listitem', { name: /^Card 1:/ })).toContainText('1 own questions');
});

test('an Anki package is previewed and imported with its progress', async ({ page }) => {
	test.setTimeout(60_000);
	const day = 86_400_000;
	const start = Date.now() - 10 * day;
	const bytes = writePackage(
		await initSqlJs(),
		{
			noteTypes: [STOCK.basic],
			decks: [{ id: 2, name: 'Geography::Rivers' }],
			notes: [
				{
					id: 11,
					noteTypeId: STOCK.basic.id,
					fields: ['Longest river of <b>Asia</b>', 'Yangtze'],
					tags: ['rivers'],
					cards: [{ id: 101, ord: 0, deckId: 2 }]
				},
				{
					id: 12,
					noteTypeId: STOCK.basic.id,
					fields: ['River of Baghdad', 'Tigris<img src=x onerror="window.hacked=1">'],
					cards: [{ id: 102, ord: 0, deckId: 2 }]
				}
			],
			revlog: [
				{ time: start, cardId: 101, ease: 3, type: 0 },
				{ time: start + 2 * day, cardId: 101, ease: 3, type: 1 }
			]
		},
		'legacy-2'
	);
	await open(page, '/decks/import');
	await page
		.getByLabel('File')
		.setInputFiles({ name: 'rivers.apkg', mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
	await expect(page.getByText(/An Anki package: 2 notes, 2 cards, 0 media files, 2 reviews, 1 decks/)).toBeVisible({
		timeout: 20_000
	});
	const preview = page.getByRole('region', { name: 'Preview' });
	await expect(preview).toContainText('2 cards ready to import');
	await expect(preview).toContainText('Longest river of Asia');
	await expect(page.getByLabel('Title of the new deck')).toHaveValue('Rivers');
	await page.getByRole('button', { name: 'Import 2 cards' }).tap();
	await expect(page.getByRole('heading', { level: 1, name: 'Rivers' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Cards (2)' })).toBeVisible();
	expect(await page.evaluate(() => 'hacked' in window)).toBe(false);
	// The reviewed card brings its state: it is not new any more.
	await page.goto('/');
	await expect(page.getByRole('article', { name: 'Rivers' }).getByLabel('Due today').locator('dd.kind-new')).toHaveText(
		'1'
	);
});

test('a card that is only an image is left out of every export, which says so, and the Anki text file imports back whole', async ({
	page
}) => {
	test.setTimeout(90_000);
	// A 1×1 PNG.
	const pixel = Buffer.from(
		'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
		'base64'
	);
	const bytes = writePackage(
		await initSqlJs(),
		{
			noteTypes: [STOCK.basic],
			decks: [{ id: 2, name: 'Flags' }],
			notes: [
				{
					id: 11,
					noteTypeId: STOCK.basic.id,
					fields: ['<img src="fr.png">', 'France'],
					cards: [{ id: 101, ord: 0, deckId: 2 }]
				},
				{
					id: 12,
					noteTypeId: STOCK.basic.id,
					fields: ['Capital of Mongolia', 'Ulaanbaatar'],
					cards: [{ id: 102, ord: 0, deckId: 2 }]
				}
			]
		},
		'latest',
		[{ name: 'fr.png', bytes: new Uint8Array(pixel) }]
	);
	await open(page, '/decks/import');
	await page
		.getByLabel('File')
		.setInputFiles({ name: 'flags.apkg', mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
	await page.getByRole('button', { name: 'Import 2 cards' }).tap();
	await expect(page.getByRole('heading', { name: 'Cards (2)' })).toBeVisible();
	const deckUrl = page.url();
	const leftOut = (format: string) =>
		`1 card is left out, as a side that is only an image or a sound cannot be written in ${format}.`;

	const yaml = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export as YAML' }).tap();
	await yaml;
	await expect(page.getByText(`Downloaded. ${leftOut('YAML')}`)).toBeVisible();

	await page.getByRole('button', { name: 'Make a share link' }).tap();
	await expect(page.getByLabel(/^Link to this deck/)).toBeVisible();
	await expect(page.getByText(leftOut('a link'))).toBeVisible();

	const anki = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export for Anki (text)' }).tap();
	const file = await readFile((await (await anki).path())!);
	await expect(page.getByText(`Downloaded. ${leftOut('a text file')}`)).toBeVisible();
	expect(file.toString()).toContain(`\n# ${leftOut('a text file')}\n`);
	await open(page, '/decks/import');
	await page.getByLabel('File').setInputFiles({ name: 'Flags.txt', mimeType: 'text/plain', buffer: file });
	await expect(page.getByLabel('Format')).toHaveValue('anki-text');
	await expect(page.getByRole('region', { name: 'Preview' })).toContainText('1 card ready to import · 0 problems');
	await page.getByLabel('Title of the new deck').fill('Flags again');
	await page.getByRole('button', { name: 'Import 1 card', exact: true }).tap();
	await expect(page.getByRole('heading', { level: 1, name: 'Flags again' })).toBeVisible();
	await expect(page.getByRole('listitem', { name: /^Card 1:/ })).toContainText('Capital of Mongolia');
	expect(page.url()).not.toBe(deckUrl);
});

test('a class quiz from a user deck: the teacher makes it, a student takes it offline from the link, the report reads the result', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	await importQuizlet(page, 'Class capitals');
	await open(page, '/classroom');
	await page.getByRole('combobox', { name: 'Deck' }).selectOption({ label: 'Class capitals (your deck)' });
	await expect(page.getByText(/the quiz's link carries its questions/)).toBeVisible();
	await expect(page.getByRole('group', { name: 'Countries' })).toHaveCount(0);
	await page.getByLabel('Title').fill('Capitals check');
	await page.getByRole('combobox', { name: /^Questions/ }).selectOption('5');
	await page.getByRole('combobox', { name: /^Time per question/ }).selectOption({ label: 'No limit' });
	const types = page.getByRole('group', { name: 'Question types' });
	// A deck of the user's has no map questions: multiple choice is only that.
	await expect(types.getByRole('checkbox', { name: 'Multiple choice', exact: true })).toBeChecked();
	for (const name of ['Typed answer', 'Matching', 'Ordering']) await types.getByRole('checkbox', { name }).uncheck();
	await expect(page.getByText(/questions match; the quiz will ask 5\./)).toBeVisible();
	await page.getByRole('button', { name: 'Make the quiz' }).click();
	await expect(page.getByText('the link carries the questions of your deck')).toBeVisible();
	await expect(page.getByRole('img', { name: 'QR code of the quiz link' })).toBeVisible();
	const code = (await page.getByLabel('Quiz code').textContent())!.trim();
	const link = (await page.getByRole('link', { name: /classroom\/take#q=.*&d=d1\./ }).getAttribute('href'))!;
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	// The projector opens the same quiz from the questions in its link, with their QR code to join.
	const wall = await page.context().newPage();
	await open(wall, (await page.getByRole('link', { name: 'Projector view' }).getAttribute('href'))!);
	await expect(wall.getByText('the questions travel in the link')).toBeVisible();
	await expect(wall.getByRole('img', { name: 'QR code of the quiz link' })).toBeVisible();
	await wall.close();

	const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
	const student = await phone.newPage();
	// The code alone does not carry the questions: the student is told to open the link.
	await open(student, '/classroom/take');
	await student.getByLabel('Quiz code').fill(code);
	await student.getByRole('button', { name: 'Open the quiz' }).click();
	await expect(student.getByRole('alert')).toContainText("open it from the teacher's link or QR code");
	// From the link, then offline: everything the quiz needs came with the link.
	await open(student, link);
	await phone.setOffline(true);
	await expect(student.getByRole('main')).toContainText('5 questions from Class capitals.');
	await student.getByLabel('Your name').fill('Aida');
	await student.getByRole('button', { name: 'Start the quiz' }).click();
	const capitalOf = (country: string) => country.replace('Country', 'Capital');
	for (let i = 0; i < 5; i++) {
		await expect(student.getByRole('heading', { name: `Question ${i + 1} of 5` })).toBeVisible();
		const prompt = (await student.locator('form.question legend').textContent())!.trim();
		const right = i !== 0;
		let pick: string;
		const statement = /^(Country \d+) → (Capital \d+)$/.exec(prompt);
		if (statement) pick = (statement[2] === capitalOf(statement[1]!)) === right ? 'True' : 'False';
		else {
			// A label shows its option beside a letter and a shape: the option is the "Capital n" in it.
			const options = await student
				.getByRole('radio')
				.evaluateAll((inputs) =>
					inputs.map((input) => /Capital \d+/.exec((input as HTMLInputElement).labels?.[0]?.textContent ?? '')?.[0])
				);
			pick = right ? capitalOf(prompt) : options.find((o) => o !== undefined && o !== capitalOf(prompt))!;
		}
		await student.getByRole('radio', { name: pick, exact: true }).tap();
		await student.getByRole('button', { name: /^Answer/ }).tap();
	}
	await expect(student.getByRole('heading', { name: 'Aida: 4 of 5 right (80%)' })).toBeVisible();
	const result = await student.getByLabel('Result code').inputValue();
	await phone.close();

	await page.getByRole('link', { name: 'Collect results' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Results: Capitals check' })).toBeVisible();
	await page.getByLabel('Paste or type codes').fill(result);
	await page.getByRole('button', { name: 'Add codes' }).click();
	await expect(page.getByRole('list', { name: 'Codes read' })).toContainText('Aida: added');
	await expect(page.getByRole('heading', { name: 'Scores (1 student, 80% right)' })).toBeVisible();
	await expect(page.getByRole('table').first().getByRole('row')).toHaveText([
		/Student\s*Right\s*Percent/,
		/Aida\s*4\/5\s*80%/
	]);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

async function deckPageUrl(page: Page) {
	await importQuizlet(page, 'Screens');
	return page.url();
}

for (const scheme of ['light', 'dark'] as const) {
	test(`the deck screens pass axe and the CSP in ${scheme}, and are photographed`, async ({ page }) => {
		test.setTimeout(90_000);
		const violations = await watchCspViolations(page);
		await page.emulateMedia({ colorScheme: scheme });
		const edit = await deckPageUrl(page);
		await page.getByRole('button', { name: 'Make a share link' }).tap();
		const link = await page.getByLabel(/Link to this deck/).inputValue();
		const screens: [string, string, () => Promise<void>][] = [
			['new', '/decks/new', async () => {}],
			[
				'import',
				'/decks/import',
				async () => page.getByLabel('Or paste the text').fill(`${QUIZLET}\nno separator here`)
			],
			['edit', edit, async () => page.getByRole('button', { name: 'Make a share link' }).tap()],
			['open', link, async () => {}]
		];
		const found: string[] = [];
		for (const [name, url, prepare] of screens) {
			await open(page, url);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await prepare();
			found.push(...(await axeViolations(page)).map((v) => `${name}: ${v}`));
			await page.screenshot({ path: test.info().outputPath(`${name}-${scheme}.png`), fullPage: true });
		}
		expect(found).toEqual([]);
		expect(violations).toEqual([]);
	});
}
