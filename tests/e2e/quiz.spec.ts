import { expect, test, type Locator, type Page } from '@playwright/test';
import { loadDecks } from '../../src/lib/content/load';
import type { DeckQuestion, QuestionType } from '../../src/lib/content/schema';
import { paragraphList } from '../../src/lib/content/guide';
import { axeViolations, databaseNames, startQuizOfType } from './app';

const deck = loadDecks('questions').decks[0]!;
const questions = new Map<string, DeckQuestion>(deck.facts.flatMap((f) => f.questions).map((q) => [q.prompt, q]));
const shot = (name: string) => `test-results/screens/quiz-${name}.png`;

type Way = 'taps' | 'keys';

/** Typed answers get a typo when they are long enough and not a number. */
const hasTypo = (answer: string) => !/^\d/.test(answer) && answer.length >= 6;
/** The answer without its first letter after the second character: "Zhumangarin" → "Zhmangarin". */
const dropLetter = (answer: string) => {
	const at = [...answer].findIndex((c, i) => i >= 2 && /\p{L}/u.test(c));
	return answer.slice(0, at) + answer.slice(at + 1);
};

/** The question on screen, found in the bank by its prompt. */
async function onScreen(page: Page): Promise<DeckQuestion> {
	const prompt = (await page.locator('form.question legend').textContent())?.trim() ?? '';
	const question = questions.get(prompt);
	expect(question, `no question in the bank reads "${prompt}"`).toBeDefined();
	return question!;
}

/** Nothing wider than the phone, and every control at least 44 px each way. */
async function checkLayout(page: Page) {
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	const small = await page
		.locator('main button:visible, main .button:visible, main label:has(input):visible')
		.evaluateAll((els) =>
			els
				.map((el) => ({ text: (el.textContent ?? '').trim().slice(0, 40), box: el.getBoundingClientRect() }))
				.filter(({ box }) => box.height < 44 || box.width < 44)
				.map(({ text, box }) => `${text} ${Math.round(box.width)}×${Math.round(box.height)}`)
		);
	expect(small).toEqual([]);
}

const press = async (target: Locator, way: Way) => {
	if (way === 'taps') await target.tap();
	else {
		await target.focus();
		await target.press('Enter');
	}
};
const item = (list: Locator, text: string) =>
	list.locator('.item').filter({ has: list.page().getByText(text, { exact: true }) });

/** Makes an answer (right or deliberately wrong) by taps or by keys, then checks it. */
async function answer(page: Page, q: DeckQuestion, right: boolean, way: Way, screenshot?: string) {
	const check = page.getByRole('button', { name: /^(Check|Answer)/ });
	switch (q.type) {
		case 'multiple-choice': {
			const pick = right ? q.answer : q.options.find((o) => o !== q.answer)!;
			if (way === 'taps') await page.getByRole('radio', { name: pick, exact: true }).tap();
			else {
				const shown = await page.locator('form.question .option .text').allTextContents();
				await page.keyboard.press(String(shown.indexOf(pick) + 1));
			}
			await expect(page.getByRole('radio', { name: pick, exact: true })).toBeChecked();
			break;
		}
		case 'true-false': {
			const pick = right ? q.answer : !q.answer;
			if (way === 'taps') await page.getByRole('radio', { name: pick ? 'True' : 'False' }).tap();
			else await page.keyboard.press(pick ? 't' : 'f');
			await expect(page.getByRole('radio', { name: pick ? 'True' : 'False' })).toBeChecked();
			break;
		}
		case 'typed': {
			const input = page.getByLabel('Your answer');
			await expect(input).toBeFocused();
			// A right answer with a small typo where the answer is long enough (and not a number).
			const typo = hasTypo(q.answer) ? dropLetter(q.answer) : q.answer;
			await page.keyboard.type(right ? typo : 'no idea at all');
			break;
		}
		case 'matching': {
			const lefts = page.getByRole('list', { name: 'Items' });
			const rights = page.getByRole('list', { name: 'Matches' });
			const shown = await rights.locator('.text').allTextContents();
			for (const [i, [left, match]] of q.pairs.entries()) {
				await press(item(lefts, left), way);
				await press(item(rights, right ? match : shown[i]!), way);
			}
			break;
		}
		case 'ordering': {
			if (right) {
				for (const [target, text] of q.items.entries()) {
					const now = await page.locator('ol.order .text').allTextContents();
					const at = now.findIndex((t) => t.trim() === text);
					for (let k = at; k > target; k--)
						await press(page.getByRole('button', { name: `Move up: ${text}`, exact: true }), way);
				}
				await expect(page.locator('ol.order .text')).toHaveText(q.items);
			}
			break;
		}
		case 'map': {
			const pick = q.choicesOnMap!.find((c) => (c.id === q.answer) === right)!.name;
			const spot = page.locator('svg.map').getByRole('radio', { name: pick, exact: true });
			if (way === 'taps') await spot.tap();
			else {
				await spot.focus();
				await page.keyboard.press('Space');
			}
			await expect(spot).toHaveAttribute('aria-checked', 'true');
			break;
		}
	}
	if (screenshot) {
		await checkLayout(page);
		await page.screenshot({ path: shot(screenshot), fullPage: true });
	}
	if (way === 'taps') await check.tap();
	else if (q.type === 'matching' || q.type === 'ordering') await press(check, 'keys');
	else await page.keyboard.press('Enter');
}

async function next(page: Page, way: Way) {
	const button = page.getByRole('button', { name: /^(Next question|See your results)$/ });
	await expect(button).toBeFocused();
	if (way === 'taps') await button.tap();
	else await page.keyboard.press('Enter');
}

test('a ten-question quiz of every type, by taps and keys, resumed after a reload, scored, in history, and retried', async ({
	page
}) => {
	// Twelve questions answered step by step, with screenshots: longer than the default 30 s on a busy machine.
	test.setTimeout(120_000);
	await page.goto('/');
	await page.getByRole('article', { name: deck.title }).getByRole('link', { name: 'Quiz' }).tap();
	await expect(page.getByRole('heading', { level: 1, name: `Quiz: ${deck.title}` })).toBeVisible();
	await expect(page.getByText('No quiz yet.')).toBeVisible();

	// The builder opens under its heading: ten questions, every type, shuffled, feedback after each.
	const disclosure = page.getByRole('heading', { name: 'Build your own quiz' }).getByRole('button');
	await expect(disclosure).toHaveAttribute('aria-expanded', 'false');
	await expect(page.getByRole('button', { name: 'Start quiz' })).toHaveCount(0);
	await disclosure.tap();
	await expect(disclosure).toHaveAttribute('aria-expanded', 'true');
	await page.getByRole('radio', { name: '20' }).tap();
	await page.getByRole('radio', { name: '10' }).tap();
	const types = page.getByRole('group', { name: 'Question types' });
	await types.getByRole('button', { name: /Clear all/ }).tap();
	await expect(page.getByText('No question matches these choices')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Start quiz' })).toBeDisabled();
	await types.getByRole('button', { name: /Select all/ }).tap();
	for (const name of ['Multiple choice', 'True or false', 'Typed answer', 'Matching', 'Ordering'])
		await expect(types.getByRole('checkbox', { name })).toBeChecked();
	await expect(page.getByRole('radio', { name: 'Shuffled' })).toBeChecked();
	await expect(page.getByRole('radio', { name: 'After each question' })).toBeChecked();
	await expect(
		page.getByText(`${deck.facts.flatMap((f) => f.questions).length} questions match; the quiz will ask 10.`)
	).toBeVisible();
	await checkLayout(page);
	await page.screenshot({ path: shot('builder'), fullPage: true });
	await page.getByRole('button', { name: 'Start quiz' }).tap();

	const seen = new Set<QuestionType>();
	const missed: string[] = [];
	const missedFacts = new Set<string>();
	const quizFacts = new Set<string>();
	const wrongAt = new Set([1, 6]);
	for (let i = 0; i < 10; i++) {
		await expect(page.getByRole('heading', { name: `Question ${i + 1} of 10` })).toBeVisible();
		const q = await onScreen(page);
		const way: Way = i % 2 === 0 ? 'taps' : 'keys';
		const right = !wrongAt.has(i);
		if (!right) missed.push(q.prompt);
		if (!right) missedFacts.add(q.factId);
		quizFacts.add(q.factId);
		const first = !seen.has(q.type);
		seen.add(q.type);
		await answer(page, q, right, way, first ? q.type : undefined);

		// Feedback, read out by the live region: right or wrong, the answer, the explanation and the source.
		const feedback = page
			.locator('[aria-live="polite"]')
			.filter({ has: page.getByRole('heading', { name: /Correct|Not quite/ }) });
		await expect(feedback.getByRole('heading', { name: right ? 'Correct' : 'Not quite' })).toBeVisible();
		await expect(feedback.getByText(q.explanation)).toBeVisible();
		await expect(feedback.getByText(/Source: ¶\d+/)).toBeVisible();
		if (!right && (q.type === 'multiple-choice' || q.type === 'typed'))
			await expect(feedback.getByText(q.answer, { exact: true })).toBeVisible();
		if (right && q.type === 'typed' && hasTypo(q.answer))
			await expect(feedback.getByText(`Accepted — check the spelling: ${q.answer}`)).toBeVisible();
		if (first && (q.type === 'matching' || q.type === 'typed' || !right)) {
			await checkLayout(page);
			await page.screenshot({ path: shot(`feedback-${q.type}`), fullPage: true });
		}
		await expect(page.getByText(`${i + 1 - missed.length} right so far`)).toBeVisible();

		if (i === 4) {
			// Reload in the middle: the quiz resumes at the same (next) question.
			await next(page, way);
			const before = await onScreen(page);
			await page.reload();
			await expect(page.getByRole('heading', { name: 'Question 6 of 10' })).toBeVisible();
			expect((await onScreen(page)).prompt).toBe(before.prompt);
			continue;
		}
		await next(page, way);
	}
	expect([...seen].sort()).toEqual(['map', 'matching', 'multiple-choice', 'ordering', 'true-false', 'typed']);

	// Results.
	await expect(page).toHaveURL(/\/results\?attempt=/);
	await expect(page.getByText('8 of 10 right')).toBeVisible();
	const facts = page.getByRole('definition');
	await expect(facts.nth(0)).toHaveText('80%');
	await expect(facts.nth(1)).toHaveText(/^\d+ s$|^\d+ min \d\d s$/);
	await expect(facts.nth(2)).toHaveText('2');
	await expect(page.getByRole('heading', { name: 'Missed questions (2)' })).toBeVisible();
	for (const prompt of missed) await expect(page.locator('.misses').getByText(prompt, { exact: true })).toBeVisible();
	await expect(page.getByRole('table', { name: 'Countries' })).toBeVisible();
	await expect(page.getByRole('table', { name: 'Themes' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Study these as flashcards' })).toHaveAttribute(
		'href',
		`/study/${deck.id}?${new URLSearchParams({ facts: [...missedFacts].join(',') })}`
	);
	await checkLayout(page);
	await page.screenshot({ path: shot('results'), fullPage: true });
	await page.screenshot({ path: shot('results-top') });

	// The missed facts as flashcards: a session of exactly those facts, each shown now.
	const resultsUrl = page.url();
	await page.getByRole('link', { name: 'Study these as flashcards' }).tap();
	const factOfFront = new Map(deck.facts.flatMap((f) => f.cards.map((c) => [c.front, f.id] as const)));
	const studied = new Set<string>();
	for (let i = 0; i < missedFacts.size; i++) {
		await expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible();
		studied.add(factOfFront.get((await page.locator('#card-front').textContent()) ?? '') ?? 'a card of no missed fact');
		await page.getByRole('button', { name: /Show answer/ }).tap();
		await page.getByRole('button', { name: /^Easy / }).tap();
	}
	await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();
	expect(studied).toEqual(missedFacts);
	await expect(
		page.getByText(`You reviewed ${missedFacts.size} ${missedFacts.size === 1 ? 'card' : 'cards'}`)
	).toBeVisible();
	await page.goto(resultsUrl);

	// History on the quiz page, best score on the home page.
	await page.getByRole('link', { name: 'New quiz' }).tap();
	const history = page.getByRole('region', { name: 'Your quizzes' });
	await expect(history.getByRole('listitem')).toHaveCount(1);
	await expect(history.getByRole('listitem').first()).toContainText('8/10 · 80%');
	await page.getByRole('link', { name: 'Steppe Cards' }).tap();
	await expect(page.getByRole('article', { name: deck.title })).toContainText('Best quiz score: 8/10 (80%)');
	// The quiz's facts are reviewed, but leave the day's new flashcards as they were.
	await expect(page.getByRole('article', { name: deck.title })).toContainText(
		`${quizFacts.size} new facts met in quizzes today`
	);
	await expect(page.getByRole('article', { name: deck.title }).locator('dd.kind-new')).toHaveText('20');

	// Retry the misses: a new attempt of the two missed questions.
	await page.goto(`/quiz/${deck.id}`);
	await history.getByRole('link').first().tap();
	await page.getByRole('button', { name: 'Retry the missed ones (2)' }).tap();
	for (let i = 0; i < 2; i++) {
		await expect(page.getByRole('heading', { name: `Question ${i + 1} of 2` })).toBeVisible();
		const q = await onScreen(page);
		expect(missed).toContain(q.prompt);
		await answer(page, q, true, 'keys');
		await next(page, 'keys');
	}
	await expect(page.getByText('2 of 2 right')).toBeVisible();
	await expect(page.getByText(/a retry of the misses of the quiz of/)).toBeVisible();
	await page.goto(`/quiz/${deck.id}`);
	await expect(history.getByRole('listitem')).toHaveCount(2);
	await expect(history.getByRole('listitem').first()).toContainText('2/2 · 100%');
	await expect(history.getByRole('listitem').first()).toContainText('Retry of misses');
	// A retry is not a whole quiz: the best score stays.
	await page.goto('/');
	await expect(page.getByRole('article', { name: deck.title })).toContainText('Best quiz score: 8/10 (80%)');
	await page.screenshot({ path: shot('home'), fullPage: true });
});

test('leaving mid-quiz offers to resume; feedback at the end goes straight on', async ({ page }) => {
	test.setTimeout(60_000);
	await page.goto(`/quiz/${deck.id}`);
	// A first visit does not create the database just to find no history in it.
	await expect(page.getByRole('button', { name: 'Quick 10' })).toBeEnabled();
	await page.waitForTimeout(500);
	expect(await databaseNames(page)).toEqual([]);
	await expect(page.getByText('No quiz yet.')).toBeVisible();
	await page.getByRole('button', { name: 'Build your own quiz' }).tap();
	await page.getByRole('radio', { name: '5' }).tap();
	await page.getByRole('radio', { name: 'At the end' }).tap();
	await page.getByRole('radio', { name: 'As in the article' }).tap();
	await page.getByRole('button', { name: 'Start quiz' }).tap();
	await expect(page.getByRole('heading', { name: 'Question 1 of 5' })).toBeVisible();
	await answer(page, await onScreen(page), true, 'keys');
	// No feedback: the next question at once, and no running score.
	await expect(page.getByRole('heading', { name: 'Question 2 of 5' })).toBeVisible();
	await expect(page.getByText(/right so far/)).toHaveCount(0);

	await page.getByRole('link', { name: 'Leave the quiz' }).tap();
	await expect(page.getByRole('heading', { name: 'Quiz in progress' })).toBeVisible();
	await expect(page.getByText('1 of 5 questions answered')).toBeVisible();
	await page.getByRole('link', { name: 'Resume quiz' }).tap();
	await expect(page.getByRole('heading', { name: 'Question 2 of 5' })).toBeVisible();
	for (let i = 2; i <= 5; i++) {
		await expect(page.getByRole('heading', { name: `Question ${i} of 5` })).toBeVisible();
		await answer(page, await onScreen(page), false, i % 2 ? 'taps' : 'keys');
	}
	await expect(page.getByText('1 of 5 right')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Missed questions (4)' })).toBeVisible();
});

// The first matching and ordering questions in the article's order have the longest feedback of the bank
// (five long pairs; seven paragraphs, ¶1–4, 6, 7, 14): focusing "Next question" would scroll their verdict away.
for (const [type, key] of [
	['Matching', 'overview-five-stances/match-stances'],
	['Ordering', 'history-timeline/long-view']
] as const) {
	test(`a wrong ${type.toLowerCase()} answer keeps its verdict and the right answer in view, with a short source line`, async ({
		page
	}) => {
		// "All" questions of one type, built and answered by taps: slow when the machine is busy.
		test.setTimeout(60_000);
		await startQuizOfType(page, type, { count: 'All', order: 'As in the article' });
		const q = await onScreen(page);
		expect(q.key).toBe(key);
		if (q.type === 'ordering') {
			// One move that leaves the order wrong. The items are laid out by a seed from the time, so the last
			// right item may be shown first, where its "Move up" is disabled: the move is of an item shown lower.
			const shown = (await page.locator('ol.order .text').allTextContents()).map((t) => t.trim());
			const movedUp = (i: number) => [...shown.slice(0, i - 1), shown[i]!, shown[i - 1]!, ...shown.slice(i + 1)];
			const at = [...shown.keys()].slice(1).find((i) => movedUp(i).some((t, k) => t !== q.items[k]))!;
			await page.getByRole('button', { name: `Move up: ${shown[at]}`, exact: true }).tap();
			await expect(page.locator('ol.order .text')).toHaveText(movedUp(at));
		}
		await answer(page, q, false, 'taps');
		const feedback = page.locator('section.feedback');
		await expect(feedback.getByRole('heading', { name: 'Not quite' })).toBeInViewport({ ratio: 1 });
		await expect(feedback.locator('.answer-list')).toBeInViewport({ ratio: 1 });
		await expect(page.getByRole('button', { name: 'Next question' })).toBeFocused();
		const paragraphs = deck.facts.find((f) => f.id === q.factId)!.paragraphs;
		await expect(feedback.getByText(/^Source: ¶/)).toHaveText(`Source: ¶${paragraphList(paragraphs)}`);
	});
}

for (const scheme of ['light', 'dark'] as const) {
	test(`the feedback of every question type shows its verdict and right answer in view (${scheme})`, async ({
		page
	}) => {
		test.setTimeout(60_000);
		await page.emulateMedia({ colorScheme: scheme });
		await page.goto(`/quiz/${deck.id}`);
		await page.getByRole('button', { name: 'Build your own quiz' }).tap();
		await page.getByRole('radio', { name: '5' }).tap();
		await page.getByRole('button', { name: 'Start quiz' }).tap();
		// Five questions, one of each type, each answered wrong so that the right answer shows.
		for (let i = 0; i < 5; i++) {
			await expect(page.getByRole('heading', { name: `Question ${i + 1} of 5` })).toBeVisible();
			const q = await onScreen(page);
			await answer(page, q, false, 'taps');
			const feedback = page.locator('section.feedback');
			const verdict = feedback.getByRole('heading', { name: /^(Correct|Not quite)$/ });
			await expect(verdict).toBeInViewport({ ratio: 1 });
			// A wrong order can be right by chance (the items are shuffled): then there is no answer to show.
			if ((await verdict.textContent())?.includes('Not quite')) {
				const answerShown =
					q.type === 'matching' || q.type === 'ordering'
						? feedback.locator('.answer-list')
						: feedback.getByText(/^The answer:/);
				await expect(answerShown).toBeInViewport({ ratio: 1 });
			}
			await expect(page.getByRole('button', { name: /^(Next question|See your results)$/ })).toBeFocused();
			const paragraphs = deck.facts.find((f) => f.id === q.factId)!.paragraphs;
			const source = feedback.getByText(/^Source: ¶/);
			if (paragraphs.length > 1) await expect(source).toHaveText(`Source: ¶${paragraphList(paragraphs)}`);
			else await expect(source).toHaveText(new RegExp(`^Source: ¶${paragraphs[0]} \\S`));
			await page.screenshot({ path: shot(`feedback-in-view-${q.type}-${scheme}`) });
			await page.getByRole('button', { name: /^(Next question|See your results)$/ }).tap();
		}
		await expect(page.getByText('0 of 5 right').or(page.getByText('1 of 5 right'))).toBeVisible();
	});
}

test.describe('in dark mode', () => {
	test.use({ colorScheme: 'dark' });

	test('a matching question and its feedback stay readable', async ({ page }) => {
		await startQuizOfType(page, 'Matching', { count: '5' });
		const q = await onScreen(page);
		expect(q.type).toBe('matching');
		// Two pairs made, one still selected: the states that must be told apart.
		if (q.type !== 'matching') return;
		const lefts = page.getByRole('list', { name: 'Items' });
		const rights = page.getByRole('list', { name: 'Matches' });
		await item(rights, q.pairs[0]![1]).tap();
		await item(rights, q.pairs[1]![1]).tap();
		await expect(item(lefts, q.pairs[2]![0])).toHaveAttribute('aria-pressed', 'true');
		await checkLayout(page);
		await page.screenshot({ path: shot('dark-matching'), fullPage: true });
		for (const [, right] of q.pairs.slice(2)) await item(rights, right).tap();
		await page.getByRole('button', { name: 'Check' }).tap();
		await expect(page.getByRole('heading', { name: 'Correct' })).toBeVisible();
		await page.screenshot({ path: shot('dark-feedback'), fullPage: true });
	});
});

for (const scheme of ['light', 'dark'] as const) {
	test(`no accessibility violations in the builder, every question type, its feedback and the results (${scheme})`, async ({
		page
	}) => {
		test.setTimeout(120_000);
		const violations = async (where: string) => (await axeViolations(page)).map((v) => `${where} ${v}`);
		await page.emulateMedia({ colorScheme: scheme });
		const found: string[] = [];

		await page.goto(`/quiz/${deck.id}`);
		found.push(...(await violations('quiz page')));
		await page.getByRole('button', { name: 'Build your own quiz' }).tap();
		await page.getByRole('radio', { name: '5' }).tap();
		found.push(...(await violations('builder')));
		await page.getByRole('button', { name: 'Start quiz' }).tap();
		// Five questions, one of each type (the builder shows every type it can).
		for (let i = 0; i < 5; i++) {
			await expect(page.getByRole('heading', { name: `Question ${i + 1} of 5` })).toBeVisible();
			const q = await onScreen(page);
			found.push(...(await violations(q.type)));
			await answer(page, q, i % 2 === 0, 'keys');
			await expect(page.getByRole('heading', { name: /^(Correct|Not quite)$/ })).toBeVisible();
			found.push(...(await violations(`${q.type} answered`)));
			await next(page, 'keys');
		}
		await expect(page.getByText('3 of 5 right')).toBeVisible();
		found.push(...(await violations('results')));
		await page.goto(`/quiz/${deck.id}`);
		await expect(page.getByRole('region', { name: 'Your quizzes' }).getByRole('listitem')).toHaveCount(1);
		found.push(...(await violations('history')));
		expect(found).toEqual([]);
	});
}
