import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { loadDecks } from '../../src/lib/content/load';
import type { DeckQuestion, Fact } from '../../src/lib/content/schema';
import { futureQuizCode, withRawName } from '../handmade-codes';
import { classQuestionShown, pickClassAnswer } from './app';

const deck = loadDecks('questions').decks[0]!;
const byPrompt = new Map<string, { question: DeckQuestion; fact: Fact }>(
	deck.facts.flatMap((fact) => fact.questions.map((question) => [question.prompt, { question, fact }] as const))
);
const shot = (name: string) => `test-results/screens/classroom-${name}.png`;
const PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

async function noOverflow(page: Page) {
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

/** Makes a five-question quiz of multiple-choice (and so map) and true/false questions; returns its code and the student link. */
async function makeQuiz(page: Page, title: string, timer = 'No limit') {
	await page.goto('/classroom');
	await expect(page.getByRole('heading', { level: 1, name: 'Classroom quiz' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Make the quiz' })).toBeEnabled();
	await page.getByLabel('Title').fill(title);
	await page.getByRole('combobox', { name: /^Questions/ }).selectOption('5');
	await page.getByRole('combobox', { name: /^Time per question/ }).selectOption({ label: timer });
	const types = page.getByRole('group', { name: 'Question types' });
	// Map questions come with multiple choice (one bit of the code for both), and its label says so.
	await expect(types.getByRole('checkbox', { name: 'Multiple choice and map' })).toBeChecked();
	await expect(types.getByRole('checkbox', { name: 'Map', exact: true })).toHaveCount(0);
	for (const name of ['Typed answer', 'Matching', 'Ordering']) await types.getByRole('checkbox', { name }).uncheck();
	await expect(page.getByText(/questions match; the quiz will ask 5\./)).toBeVisible();
	await page.getByRole('button', { name: 'Make the quiz' }).click();
	const code = (await page.getByLabel('Quiz code').textContent())!.trim();
	expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
	const link = (await page.getByRole('link', { name: /classroom\/take#q=/ }).getAttribute('href'))!;
	return { code, link };
}

type Plan = { prompt: string; right: boolean }[];

/** A student takes the quiz: answers right or wrong as asked (by position); returns the prompts seen and the result code. */
async function takeQuiz(
	browser: Browser,
	open: (page: Page) => Promise<void>,
	name: string,
	wrongAt: Set<number>,
	screenshots = false
) {
	const context = await browser.newContext(PHONE);
	const page = await context.newPage();
	await open(page);
	await page.getByLabel('Your name').fill(name);
	if (screenshots) await page.screenshot({ path: shot('student-name'), fullPage: true });
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	const seen: Plan = [];
	const wrongGiven: string[] = [];
	for (let i = 0; i < 5; i++) {
		await expect(page.getByRole('heading', { name: `Question ${i + 1} of 5` })).toBeVisible();
		const right = !wrongAt.has(i);
		const { prompt, pick } = await pickClassAnswer(page, right);
		if (!right) wrongGiven.push(pick);
		if (screenshots && i === 0) {
			await noOverflow(page);
			await page.screenshot({ path: shot('student-question'), fullPage: true });
		}
		await page.getByRole('button', { name: /^Answer/ }).tap();
		seen.push({ prompt, right });
	}
	await expect(
		page.getByRole('heading', { name: `${name}: ${5 - wrongAt.size} of 5 right (${(5 - wrongAt.size) * 20}%)` })
	).toBeVisible();
	await expect(page.getByRole('img', { name: 'QR code of your result' })).toBeVisible();
	const result = await page.getByLabel('Result code').inputValue();
	expect(result).toMatch(/^R1[0-9A-Z]+$/);
	if (screenshots) {
		await noOverflow(page);
		await page.screenshot({ path: shot('student-done'), fullPage: true });
	}
	// Kept on the phone: a reload shows the same result.
	await page.reload();
	await expect(page.getByLabel('Result code')).toHaveValue(result);
	await context.close();
	return { seen, result, wrongGiven };
}

const pct = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) : 0);
const csvField = (s: string | number) =>
	/[",;\t\r\n]/.test(String(s)) ? `"${String(s).replace(/"/g, '""')}"` : String(s);

test('a teacher makes a quiz, two students take it, the teacher collects a report and a CSV', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	const title = 'Unit 3, "Borders"';
	const { code, link } = await makeQuiz(page, title);
	await noOverflow(page);
	await page.screenshot({ path: shot('teacher-made'), fullPage: true });

	// Aida opens the link and gets everything right; "Bolat, Jr." types the code and misses questions 1 and 2.
	const aida = await takeQuiz(browser, async (p) => void (await p.goto(link)), 'Aida', new Set(), true);
	const bolat = await takeQuiz(
		browser,
		async (p) => {
			await p.goto('/classroom/take');
			await p.getByLabel('Quiz code').fill(code.toLowerCase().replace(/-/g, ' '));
			await p.getByRole('button', { name: 'Open the quiz' }).click();
		},
		'Bolat, Jr.',
		new Set([0, 1])
	);
	// The same code gives every phone the same questions in the same order.
	expect(bolat.seen.map((s) => s.prompt)).toEqual(aida.seen.map((s) => s.prompt));

	// The teacher pastes both codes (and three bad ones) into the collect view.
	await page.getByRole('link', { name: 'Collect results' }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Results: ${title}` })).toBeVisible();
	const flipped = bolat.result.slice(0, 20) + (bolat.result[20] === 'A' ? 'B' : 'A') + bolat.result.slice(21);
	await page
		.getByLabel('Paste or type codes')
		.fill(`${aida.result}\n${bolat.result} ${flipped}\n${aida.result.slice(0, 30)}\nhello!`);
	await page.getByRole('button', { name: 'Add codes' }).click();
	const outcomes = page.getByRole('list', { name: 'Codes read' });
	await expect(outcomes.getByRole('listitem')).toHaveCount(5);
	await expect(outcomes).toContainText('Aida: added');
	await expect(outcomes).toContainText('Bolat, Jr.: added');
	await expect(outcomes).toContainText('damaged: a character was changed');
	await expect(outcomes).toContainText('cut short');
	await expect(outcomes).toContainText('not a result code');
	// The same code again is recognised, not counted twice.
	await page.getByLabel('Paste or type codes').fill(aida.result);
	await page.getByRole('button', { name: 'Add codes' }).click();
	await expect(outcomes.getByRole('listitem').first()).toHaveText('✓ Aida: already collected');

	await expect(page.getByRole('heading', { name: 'Scores (2 students, 80% right)' })).toBeVisible();
	const scores = page.getByRole('table').first();
	await expect(scores.getByRole('row')).toHaveText([
		/Student\s*Right\s*Percent/,
		/Aida\s*5\/5\s*100%/,
		/Bolat, Jr\.\s*3\/5\s*60%/
	]);
	const hardest = page.getByRole('region', { name: 'Hardest questions' });
	await expect(hardest.getByRole('listitem')).toHaveCount(2);
	await expect(hardest.getByRole('listitem').first()).toContainText(`Q1. ${aida.seen[0]!.prompt}`);
	await expect(hardest.getByRole('listitem').first()).toContainText(
		`50% right (1 of 2). Most common wrong answer: “${bolat.wrongGiven[0]}” (1)`
	);
	const perQuestion = page.getByRole('region', { name: 'Each question' }).getByRole('row');
	await expect(perQuestion).toHaveText([
		/Question\s*Right/,
		...aida.seen.map((s, i) => new RegExp(`Q${i + 1}.*${i < 2 ? 50 : 100}%$`))
	]);

	// By topic: every question's countries and themes, counted for both students.
	const countries = new Map<string, [number, number]>();
	aida.seen.forEach((s, i) => {
		for (const c of byPrompt.get(s.prompt)!.fact.countries) {
			const [r, t] = countries.get(c) ?? [0, 0];
			countries.set(c, [r + 1 + (i < 2 ? 0 : 1), t + 2]);
		}
	});
	const topics = page.getByRole('region', { name: 'By topic' });
	const names: Record<string, string> = {
		regional: 'Central Asia as a whole',
		kazakhstan: 'Kazakhstan',
		kyrgyzstan: 'Kyrgyzstan',
		tajikistan: 'Tajikistan',
		turkmenistan: 'Turkmenistan',
		uzbekistan: 'Uzbekistan'
	};
	for (const [c, [r, t]] of countries)
		await expect(topics.getByRole('row', { name: new RegExp(`^${names[c]} `) })).toHaveText(
			new RegExp(`${r}/${t}\\s*${pct(r, t)}%`)
		);
	await noOverflow(page);
	await page.screenshot({ path: shot('collect'), fullPage: true });

	// The CSV, exactly.
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download CSV' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^class-results-unit-3-borders-[0-9A-Z]{7}\.csv$/);
	const csv = readFileSync((await download.path())!, 'utf8');
	const rows = [
		['Student', 'Correct', 'Questions', 'Percent', ...aida.seen.map((s, i) => `Q${i + 1} ${s.prompt}`)],
		['Aida', 5, 5, 100, 1, 1, 1, 1, 1],
		['Bolat, Jr.', 3, 5, 60, 0, 0, 1, 1, 1],
		['Percent correct', '', '', 80, 50, 50, 100, 100, 100]
	];
	expect(csv).toBe(rows.map((r) => r.map(csvField).join(',') + '\r\n').join(''));
	expect(csv).toContain('"Bolat, Jr.",3,5,60,0,0,1,1,1\r\n');

	// Kept until the teacher deletes them.
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Scores (2 students, 80% right)' })).toBeVisible();
	page.once('dialog', (d) => void d.accept());
	await page.getByRole('button', { name: 'Delete all results' }).click();
	await expect(page.getByText('No results yet.')).toBeVisible();
});

test('on a phone, time’s up shows the answer, taking it again asks first, and the report says who gave no answer', async ({
	page,
	browser
}) => {
	test.setTimeout(90_000);
	const { link } = await makeQuiz(page, 'Timed', '10 seconds');
	const context = await browser.newContext(PHONE);
	const student = await context.newPage();
	await student.clock.install();
	await student.goto(link);
	await student.getByLabel('Your name').fill('Dana');
	await student.getByRole('button', { name: 'Start the quiz' }).tap();
	await expect(student.getByRole('heading', { name: 'Question 1 of 5' })).toBeVisible();
	await expect(student.getByText('10 s left')).toBeVisible();
	const first = await classQuestionShown(student);

	// Dana lets the first question run out of time: "Time's up" and its answer stay until she goes on.
	await student.clock.runFor(10_000);
	const timeUp = student.getByRole('region', { name: 'Time’s up' });
	await expect(timeUp).toBeVisible();
	await expect(timeUp.getByRole('heading')).toBeFocused();
	await expect(timeUp).toContainText(first.prompt);
	await expect(timeUp).toContainText(`The answer: ${first.answer}`);
	await noOverflow(student);
	await student.screenshot({ path: shot('student-time-up'), fullPage: true });
	await student.clock.runFor(30_000);
	await expect(student.getByRole('heading', { name: 'Question 1 of 5' })).toBeVisible();
	await timeUp.getByRole('button', { name: 'Next question' }).tap();
	for (let i = 1; i < 5; i++) {
		await expect(student.getByRole('heading', { name: `Question ${i + 1} of 5` })).toBeVisible();
		await pickClassAnswer(student, true);
		await student.getByRole('button', { name: /^Answer/ }).tap();
	}

	// The result is shown for a room with no network: the teacher scans it.
	await expect(student.getByRole('heading', { name: 'Dana: 4 of 5 right (80%)' })).toBeVisible();
	await expect(student.getByText('Show this QR code to your teacher')).toBeVisible();
	await expect(student.getByText(first.prompt).locator('..')).toContainText('✗ Time ran out — no answer given');
	const result = await student.getByLabel('Result code').inputValue();

	// Taking it again asks first, and says the code already shown stays valid.
	await student.getByRole('button', { name: 'Take it again' }).tap();
	const asked = student.getByRole('group', { name: 'Take the quiz again?' });
	await expect(asked).toContainText('This result code stays valid');
	await expect(asked.getByRole('heading')).toBeFocused();
	await noOverflow(student);
	await student.screenshot({ path: shot('student-again'), fullPage: true });
	await asked.getByRole('button', { name: 'Keep this result' }).tap();
	await expect(asked).toHaveCount(0);
	await expect(student.getByRole('button', { name: 'Take it again' })).toBeFocused();
	await expect(student.getByLabel('Result code')).toHaveValue(result);
	await student.getByRole('button', { name: 'Take it again' }).tap();
	await asked.getByRole('button', { name: 'Start again' }).tap();
	await expect(student.getByLabel('Your name')).toHaveValue('Dana');
	await context.close();

	// The teacher's report names the missing answer in words, and the same code twice is already collected.
	await page.getByRole('link', { name: 'Collect results' }).click();
	await page.getByLabel('Paste or type codes').fill(result);
	await page.getByRole('button', { name: 'Add codes' }).click();
	const outcomes = page.getByRole('list', { name: 'Codes read' });
	await expect(outcomes.getByRole('listitem').first()).toHaveText('✓ Dana: added');
	await page.getByLabel('Paste or type codes').fill(result);
	await page.getByRole('button', { name: 'Add codes' }).click();
	await expect(outcomes.getByRole('listitem').first()).toHaveText('✓ Dana: already collected');
	await expect(page.getByRole('heading', { name: 'Scores (1 student, 80% right)' })).toBeVisible();
	const hardest = page.getByRole('region', { name: 'Hardest questions' });
	await expect(hardest.getByRole('listitem')).toHaveCount(1);
	await expect(hardest).toContainText(`Q1. ${first.prompt}`);
	await expect(hardest).toContainText('0% right (0 of 1). Most common wrong answer: no answer given (1).');
	const each = page.getByRole('region', { name: 'Each question' });
	await expect(each.getByRole('row').nth(1)).toContainText('Most common wrong answer: no answer given (1).');
	for (let i = 2; i <= 5; i++) await expect(each.getByRole('row').nth(i)).toContainText('No wrong answers.');
	for (const region of [hardest, each]) await expect(region).not.toContainText('—');
	await noOverflow(page);
	await page.screenshot({ path: shot('collect-no-answer'), fullPage: true });
});

test('the projector steps through the quiz by keyboard, with the answer revealed', async ({ page }) => {
	const { link } = await makeQuiz(page, 'Projector test', '30 seconds');
	await page.setViewportSize({ width: 1280, height: 720 });
	await page.goto(link.replace('/classroom/take', '/classroom/projector'));
	await expect(page.getByRole('heading', { level: 1, name: 'Projector test' })).toBeVisible();
	await expect(page.getByRole('img', { name: 'QR code of the quiz link' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Full screen' })).toBeVisible();
	await page.screenshot({ path: shot('projector-intro') });
	const prompt = page.locator('.prompt');

	await page.keyboard.press('Space');
	await expect(page.getByText('Question 1 of 5')).toBeVisible();
	await expect(page.getByRole('timer')).toHaveText(/^(30|29|28) s$/);
	const first = (await prompt.textContent())!.trim();
	const q1 = byPrompt.get(first)!.question;
	await page.screenshot({ path: shot('projector-question') });
	await page.keyboard.press('ArrowRight');
	await expect(page.getByText(q1.explanation)).toBeVisible();
	await expect(page.getByRole('timer')).toHaveCount(0);
	await page.screenshot({ path: shot('projector-reveal') });
	await page.keyboard.press('PageDown');
	await expect(page.getByText('Question 2 of 5')).toBeVisible();
	await expect(page.getByText(q1.explanation)).toHaveCount(0);
	await page.keyboard.press('ArrowLeft');
	await expect(page.getByText('Question 1 of 5')).toBeVisible();
	await expect(page.getByText(q1.explanation)).toBeVisible();
	await page.keyboard.press('PageUp');
	await page.keyboard.press('PageUp');
	await expect(page.getByText('5 questions')).toBeVisible();
	for (let i = 0; i < 11; i++) await page.keyboard.press('ArrowRight');
	await expect(page.getByText('That’s the end of the quiz.')).toBeVisible();
	await page.keyboard.press('ArrowRight');
	await expect(page.getByText('That’s the end of the quiz.')).toBeVisible();
});

test('a tampered, truncated or future-version link shows a clear message', async ({ page }) => {
	const { code, link } = await makeQuiz(page, 'Tamper test');
	const at = link.indexOf('#q=') + 3;
	const tampered = link.slice(0, at + 2) + (link[at + 2] === 'A' ? 'B' : 'A') + link.slice(at + 3);
	await page.goto(tampered);
	await expect(page.getByRole('alert')).toContainText('This quiz cannot be opened');
	await expect(page.getByRole('alert')).toContainText('a character is mistyped or the link was changed');
	await expect(page.getByLabel('Your name')).toHaveCount(0);
	await noOverflow(page);
	await page.screenshot({ path: shot('tampered'), fullPage: true });

	await page.goto(`/classroom/take#q=${code.slice(0, 12)}`);
	await expect(page.getByRole('alert')).toContainText('cut short');
	await page.goto('/classroom/take#q=9ZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ');
	await expect(page.getByRole('alert')).toContainText('This is not a quiz code: it has 24 characters');
	await page.goto(`/classroom/take#q=${futureQuizCode(9, 75)}`);
	await expect(page.getByRole('alert')).toContainText('newer version of the app (code version 9)');
	await page.goto(tampered.replace('/classroom/take', '/classroom/projector'));
	await expect(page.getByRole('alert')).toContainText('This quiz cannot be shown');
	await page.goto(tampered.replace('/classroom/take', '/classroom/collect'));
	await expect(page.getByRole('alert')).toContainText('This quiz cannot be opened');
});

test('classroom screens in dark mode', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'dark' });
	const { link } = await makeQuiz(page, 'Dark');
	await page.screenshot({ path: shot('teacher-made-dark'), fullPage: true });
	await page.goto(link);
	await page.getByLabel('Your name').fill('Dana');
	await page.screenshot({ path: shot('student-name-dark'), fullPage: true });
	await page.goto(link.replace('/classroom/take', '/classroom/collect'));
	await expect(page.getByRole('heading', { level: 1, name: 'Results: Dark' })).toBeVisible();
	await page.screenshot({ path: shot('collect-dark'), fullPage: true });
	await page.setViewportSize({ width: 1280, height: 720 });
	await page.goto(link.replace('/classroom/take', '/classroom/projector'));
	await expect(page.getByRole('heading', { level: 1, name: 'Dark' })).toBeVisible();
	await page.keyboard.press('Space');
	await page.keyboard.press('ArrowRight');
	await expect(page.locator('.reveal')).toBeVisible();
	await page.screenshot({ path: shot('projector-reveal-dark') });
});

test('a name with markup and a bidi override, in a hand-edited result code, shows as inert text', async ({
	page,
	browser
}) => {
	test.setTimeout(90_000);
	const { link } = await makeQuiz(page, 'Names test');
	const placeholder = 'x'.repeat(40);
	const { result } = await takeQuiz(browser, async (p) => void (await p.goto(link)), placeholder, new Set());
	// 40 bytes, as many as the name it replaces; U+202E would reverse all the text after it.
	const hostile = withRawName(result, new TextEncoder().encode('<img src=x onerror=alert(1)>\u202e<b>Ai</b>'));
	const shown = '<img src=x onerror=alert(1)><b>Ai</b>';
	let dialogs = 0;
	page.on('dialog', (d) => void (dialogs++, d.dismiss()));

	await page.goto(link.replace('/classroom/take', '/classroom/collect'));
	await page.getByLabel('Paste or type codes').fill(`${hostile}\nR1ZZZZ`);
	await page.getByRole('button', { name: 'Add codes' }).click();
	const outcomes = page.getByRole('list', { name: 'Codes read' }).getByRole('listitem');
	await expect(outcomes).toHaveText([
		`✓ ${shown}: added`,
		'✗ R1ZZZZ: This result code is cut short: part of it is missing. Copy or scan it again.'
	]);
	const row = page.getByRole('table').first().getByRole('row').nth(1);
	await expect(row.getByRole('rowheader')).toHaveText(shown);
	expect(await row.getByRole('rowheader').evaluate((th) => th.textContent)).toBe(shown);
	await expect(page.locator('main img, main b')).toHaveCount(0);
	expect(dialogs).toBe(0);
	await noOverflow(page);
	await page.screenshot({ path: shot('hostile-name'), fullPage: true });
});

test('the teacher’s builder: topic chips never break a word, and the quiz made comes into view with the focus', async ({
	browser
}) => {
	test.setTimeout(90_000);
	for (const width of [360, 768, 1024, 1280, 1920]) {
		const context = await browser.newContext({
			viewport: { width, height: 720 },
			isMobile: width < 700,
			hasTouch: width < 700
		});
		const page = await context.newPage();
		await page.goto('/classroom');
		await expect(page.getByRole('button', { name: 'Make the quiz' })).toBeEnabled();
		// Each word of each chip sits on one line.
		const broken = await page.evaluate(() =>
			[...document.querySelectorAll('.choice span')].flatMap((span) => {
				const text = span.firstChild!;
				const found: string[] = [];
				for (const match of (text.textContent ?? '').matchAll(/\S+/g)) {
					const range = document.createRange();
					range.setStart(text, match.index);
					range.setEnd(text, match.index + match[0].length);
					if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) found.push(match[0]);
				}
				return found;
			})
		);
		expect(broken, `${width} px`).toEqual([]);
		if (width === 1280) {
			await page.screenshot({ path: shot('builder-1280'), fullPage: true });
			await page.getByRole('button', { name: 'Make the quiz' }).click();
			const made = page.getByRole('region', { name: 'Your quiz is ready' });
			await expect(made.getByRole('heading')).toBeFocused();
			for (const shown of [
				made.getByLabel('Quiz code'),
				made.getByRole('img', { name: 'QR code of the quiz link' }),
				made.getByRole('link', { name: 'Projector view' }),
				made.getByRole('link', { name: 'Collect results' })
			])
				await expect(shown).toBeInViewport({ ratio: 1 });
			expect(await made.getByLabel('Quiz code').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
			await page.screenshot({ path: shot('builder-made-1280') });
		}
		await context.close();
	}
});
