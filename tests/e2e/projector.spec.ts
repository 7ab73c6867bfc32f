import { expect, test, type Browser, type Page } from '@playwright/test';
import { COUNTRIES, QUESTION_TYPES, THEMES, type DeckQuestion } from '../../src/lib/content/schema';
import { checkAnswer, type Given } from '../../src/lib/quiz/answers';
import { buildQuiz, type QuizPlan } from '../../src/lib/quiz/build';
import { encodeQuizCode, quizConfigOf, quizFragment, quizIdOf, type ClassQuiz } from '../../src/lib/classroom/quizcode';
import { encodeResultCode } from '../../src/lib/classroom/resultcode';
import { classReport } from '../../src/lib/classroom/report';
import { axeViolations, deck } from './app';

const SIZES = [
	{ width: 1024, height: 768 },
	{ width: 1280, height: 720 },
	{ width: 1366, height: 768 },
	{ width: 1920, height: 1080 }
];
const shot = (name: string) => `test-results/screens/projector-${name}.png`;

/** A quiz of every question of the deck in the article's order, 30 s each: the longest ones included. */
const everyQuestion: ClassQuiz = {
	deckId: deck.id,
	count: 'all',
	countries: [...COUNTRIES],
	themes: [...THEMES],
	types: [...QUESTION_TYPES],
	order: 'source',
	timer: 30,
	seed: 7
};
const planOf = (quiz: ClassQuiz) => buildQuiz(deck, quizConfigOf(quiz));
const projectorLink = (quiz: ClassQuiz, title: string, show = '') =>
	`/classroom/projector#${quizFragment(encodeQuizCode(quiz), title)}${show}`;

/** The number of characters a question puts on the wall, asked and revealed. */
const wordsOnWall = (q: DeckQuestion) =>
	q.prompt.length +
	q.explanation.length +
	JSON.stringify(
		q.type === 'multiple-choice' ? q.options : q.type === 'matching' ? q.pairs : q.type === 'ordering' ? q.items : ''
	).length;

/** The longest question of each type, by its index in the plan. */
function longestOfEachType(plan: QuizPlan): number[] {
	return QUESTION_TYPES.map((type) => {
		const ofType = plan.questions.map((p, i) => ({ p, i })).filter(({ p }) => p.question.type === type);
		return ofType.sort((a, b) => wordsOnWall(b.p.question) - wordsOnWall(a.p.question))[0]!.i;
	}).sort((a, b) => a - b);
}

/** What is wrong with the slide on screen: anything scrolled, cut off, outside the screen, or overflowing its box. */
function layoutProblems(page: Page) {
	return page.evaluate(() => {
		const problems: string[] = [];
		const [w, h] = [window.innerWidth, window.innerHeight];
		const name = (el: Element) =>
			`${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
		const root = document.documentElement;
		if (root.scrollHeight > h + 1 || root.scrollWidth > w + 1)
			problems.push(`the page scrolls (${root.scrollWidth}×${root.scrollHeight})`);
		const slide = document.querySelector<HTMLElement>('.slide')!;
		if (slide.scrollHeight > slide.clientHeight + 1)
			problems.push(`the slide scrolls: ${slide.scrollHeight} > ${slide.clientHeight}`);
		for (const el of document.querySelectorAll<HTMLElement>(
			'.projector button, .projector a, .options li, .items li, .bars li, .prompt, .join-code, .qr'
		)) {
			const box = el.getBoundingClientRect();
			if (box.top < -1 || box.left < -1 || box.bottom > h + 1 || box.right > w + 1)
				problems.push(`${name(el)} is outside the screen`);
		}
		for (const el of document.querySelectorAll<HTMLElement>('.projector *')) {
			if (el instanceof SVGElement || el.clientWidth <= 1 || el === slide) continue;
			if (el.scrollWidth > el.clientWidth + 1)
				problems.push(`${name(el)} overflows its box sideways (${el.scrollWidth} > ${el.clientWidth})`);
			if (el.scrollHeight > el.clientHeight + 2)
				problems.push(`${name(el)} overflows its box (${el.scrollHeight} > ${el.clientHeight})`);
		}
		const prompt = document.querySelector('.prompt');
		if (prompt && parseFloat(getComputedStyle(prompt).fontSize) < 0.04 * h)
			problems.push(`the question's type is ${getComputedStyle(prompt).fontSize}, under 4 % of ${h}px`);
		return problems;
	});
}

/** Lines a text takes on screen. */
const linesOf = (page: Page, selector: string) =>
	page.evaluate((selector) => {
		const range = document.createRange();
		range.selectNodeContents(document.querySelector(selector)!);
		return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
	}, selector);

async function desktop(
	browser: Browser,
	size: { width: number; height: number },
	colorScheme: 'light' | 'dark' = 'light'
) {
	const context = await browser.newContext({
		viewport: size,
		isMobile: false,
		hasTouch: false,
		deviceScaleFactor: 1,
		colorScheme
	});
	return { context, page: await context.newPage() };
}

for (const size of SIZES) {
	test(`the projector fills a ${size.width}×${size.height} screen: code on one line, nothing cut off or scrolled, long questions fit`, async ({
		browser
	}) => {
		test.setTimeout(90_000);
		const { context, page } = await desktop(browser, size);
		const plan = planOf(everyQuestion);
		await page.goto(projectorLink(everyQuestion, 'Central Asia and the Taliban: every question'));
		await expect(page.getByRole('img', { name: 'QR code of the quiz link' })).toBeVisible();
		// No site header: a small exit instead.
		await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
		await expect(page.getByRole('link', { name: 'Exit the projector' })).toBeInViewport({ ratio: 1 });
		await expect(page.getByRole('button', { name: 'Start' })).toBeInViewport({ ratio: 1 });
		expect(await linesOf(page, '.join-code')).toBe(1);
		const qr = (await page.getByRole('img', { name: 'QR code of the quiz link' }).boundingBox())!;
		expect(qr.height).toBeGreaterThanOrEqual(0.4 * size.height);
		expect(await layoutProblems(page)).toEqual([]);
		await page.screenshot({ path: shot(`${size.width}x${size.height}-intro`) });

		let step = 0;
		for (const index of longestOfEachType(plan)) {
			const q = plan.questions[index]!.question;
			while (step < index * 2 + 1) {
				await page.keyboard.press('ArrowRight');
				step++;
			}
			await expect(page.locator('.prompt')).toHaveText(q.prompt);
			for (const revealed of [false, true]) {
				if (revealed) {
					await page.keyboard.press('ArrowRight');
					step++;
					await expect(page.locator('.reveal')).toContainText(q.explanation);
				}
				await expect(page.getByRole('button', { name: revealed ? 'Next →' : 'Reveal answer' })).toBeInViewport({
					ratio: 1
				});
				expect(await layoutProblems(page), `${q.type} ${q.key}${revealed ? ' (revealed)' : ''}`).toEqual([]);
				await page.screenshot({ path: shot(`${size.width}x${size.height}-${q.type}${revealed ? '-revealed' : ''}`) });
			}
		}
		await context.close();
	});
}

/** Answers for a plan: right, wrong, another wrong, typed right in other forms, or none, varying by student and question. */
function answersOf(plan: QuizPlan, student: number): (Given | null)[] {
	return plan.questions.map((planned, i) => {
		const q = planned.question;
		const pick = (i + student * 2) % 5;
		if (pick === 4) return null;
		switch (q.type) {
			case 'multiple-choice':
				return pick < 2 ? q.answer : planned.shown.filter((o) => o !== q.answer)[pick - 2]!;
			case 'true-false':
				return pick < 2 ? q.answer : !q.answer;
			case 'typed':
				return [q.answer, ` ${q.answer.toLowerCase()}!`, 'No idea', 'no idea.'][pick]!;
			case 'matching':
				return pick < 2
					? q.pairs
					: q.pairs.map(([l], k) => [l, q.pairs[(k + 1) % q.pairs.length]![1]] as [string, string]);
			case 'ordering':
				return pick < 2 ? q.items : planned.shown;
			case 'map': {
				const right = q.choicesOnMap!.findIndex((c) => c.id === q.answer);
				return pick < 2 ? right : (right + pick - 1) % q.choicesOnMap!.length;
			}
		}
	});
}

test('the class results on the projector: the report’s percentages, a bar per option, no names', async ({
	browser
}) => {
	test.setTimeout(90_000);
	const quiz: ClassQuiz = { ...everyQuestion, count: 12, order: 'shuffled', seed: 2024 };
	const plan = planOf(quiz);
	const quizId = quizIdOf(encodeQuizCode(quiz));
	const names = ['Aida', 'Bolat', 'Chingiz', 'Dana', 'Erlan', 'Farida', 'Gulnara'];
	const results = names.map((name, s) => ({ name, given: answersOf(plan, s) }));
	const codes = results.map((r, s) => encodeResultCode(quizId, plan, r.name, r.given, Date.UTC(2026, 2, 10, 9, s)));
	const report = classReport(plan, results);

	const { context, page } = await desktop(browser, { width: 1280, height: 720 });
	await page.goto(`/classroom/collect#${quizFragment(encodeQuizCode(quiz), 'Results walk-through')}`);
	await page.getByLabel('Paste or type codes').fill(codes.join('\n'));
	await page.getByRole('button', { name: 'Add codes' }).click();
	await expect(
		page.getByRole('heading', { name: `Scores (${names.length} students, ${report.percent}% right)` })
	).toBeVisible();
	await page.getByRole('link', { name: 'Show on the projector' }).click();

	await expect(page.getByText('Class results', { exact: true })).toBeVisible();
	await expect(page.locator('.headline')).toHaveText(`${report.percent}% right`);
	expect(await layoutProblems(page)).toEqual([]);
	await page.screenshot({ path: shot('results-overview') });
	for (const [i, row] of report.questions.entries()) {
		await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'PageDown');
		const planned = plan.questions[i]!;
		const q = planned.question;
		await expect(page.locator('.where')).toHaveText(`Results: question ${i + 1} of ${plan.questions.length}`);
		await expect(page.locator('.prompt')).toHaveText(q.prompt);
		await expect(page.locator('.share')).toHaveText(`${row.percent}% right`);
		const bars = page.getByRole('list', { name: 'How the class answered' }).getByRole('listitem');
		const none = results.filter((r) => r.given[i] === null).length;
		const pct = (n: number) => `${Math.round((n / results.length) * 100)}%`;
		if (q.type === 'multiple-choice' || q.type === 'true-false') {
			const options: (string | boolean)[] = q.type === 'multiple-choice' ? planned.shown : [true, false];
			const expected = options.map((o) => {
				const label = typeof o === 'boolean' ? (o ? 'True' : 'False') : o;
				const chose = results.filter((r) => r.given[i] === o).length;
				return new RegExp(
					`^\\s*[A-F]\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*${o === q.answer ? '✓\\s*right\\s*' : ''}${pct(chose)}\\s*$`
				);
			});
			await expect(bars).toHaveText(
				none > 0 ? [...expected, new RegExp(`^\\s*No answer\\s*${pct(none)}\\s*$`)] : expected
			);
		} else if (q.type === 'matching' || q.type === 'ordering') {
			await expect(bars.first()).toHaveText(new RegExp(`✓\\s*right\\s*${row.percent}%\\s*$`));
		}
		const wrongGiven = results.some((r) => r.given[i] !== null && !checkAnswer(q, r.given[i] as never).correct);
		await expect(page.locator('.reveal')).toContainText(
			wrongGiven
				? `Most common wrong ${q.type === 'matching' || q.type === 'ordering' ? 'arrangement' : 'answer'}: “`
				: row.percent === 100
					? 'Everyone got it right.'
					: 'No wrong answer given'
		);
		expect(await layoutProblems(page), `Q${i + 1} ${q.type}`).toEqual([]);
		if (i < 5) await page.screenshot({ path: shot(`results-${q.type}`) });
	}
	// Names stay off the wall.
	const wall = await page.locator('.projector').textContent();
	for (const name of names) expect(wall).not.toContain(name);
	// Back through the keys the clickers send, then to the quiz.
	await page.keyboard.press('PageUp');
	await expect(page.locator('.where')).toHaveText(
		`Results: question ${plan.questions.length - 1} of ${plan.questions.length}`
	);
	await page.getByRole('link', { name: 'Back to the quiz' }).click();
	await expect(page.locator('.where')).toHaveText(`${plan.questions.length} questions`);
	await context.close();
});

for (const colorScheme of ['light', 'dark'] as const) {
	test(`no accessibility violations on the projector's quiz and results (${colorScheme})`, async ({ browser }) => {
		test.setTimeout(90_000);
		const quiz: ClassQuiz = { ...everyQuestion, count: 5, types: ['multiple-choice'], order: 'shuffled', seed: 99 };
		const plan = planOf(quiz);
		const code = encodeResultCode(
			quizIdOf(encodeQuizCode(quiz)),
			plan,
			'Aida',
			answersOf(plan, 1),
			Date.UTC(2026, 2, 10, 9)
		);
		const { context, page } = await desktop(browser, { width: 1280, height: 720 }, colorScheme);
		const found: string[] = [];
		await page.goto(projectorLink(quiz, 'Axe'));
		await expect(page.getByRole('img', { name: 'QR code of the quiz link' })).toBeVisible();
		found.push(...(await axeViolations(page)).map((v) => `title screen: ${v}`));
		await page.keyboard.press('ArrowRight');
		found.push(...(await axeViolations(page)).map((v) => `question: ${v}`));
		await page.keyboard.press('ArrowRight');
		await expect(page.locator('.reveal')).toBeVisible();
		found.push(...(await axeViolations(page)).map((v) => `answer: ${v}`));
		await page.screenshot({ path: shot(`revealed-${colorScheme}`) });

		await page.goto(`/classroom/collect#${quizFragment(encodeQuizCode(quiz), 'Axe')}`);
		await page.getByLabel('Paste or type codes').fill(code);
		await page.getByRole('button', { name: 'Add codes' }).click();
		await page.getByRole('link', { name: 'Show on the projector' }).click();
		await expect(page.locator('.headline')).toBeVisible();
		found.push(...(await axeViolations(page)).map((v) => `results: ${v}`));
		await page.keyboard.press('ArrowRight');
		await expect(page.locator('.bars')).toBeVisible();
		found.push(...(await axeViolations(page)).map((v) => `results of a question: ${v}`));
		await page.screenshot({ path: shot(`results-${colorScheme}`) });
		expect(found).toEqual([]);
		await context.close();
	});
}
