import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDecks } from '../content/load';
import { StudyDatabase } from '$lib/db/db';
import { buildQuiz } from '$lib/quiz/build';
import { collectCodes, commonWrongText } from './collect';
import { encodeQuizCode, quizConfigOf, quizIdOf, type ClassQuiz } from './quizcode';
import { classReport } from './report';
import { encodeResultCode } from './resultcode';

const deck = loadDecks('questions').decks[0]!;
const config: ClassQuiz = {
	deckId: deck.id,
	count: 3,
	countries: ['kazakhstan'],
	themes: ['economy', 'diplomacy', 'security', 'history'],
	types: ['true-false'],
	order: 'shuffled',
	timer: 0,
	seed: 7
};
const quiz = { id: quizIdOf(encodeQuizCode(config)), plan: buildQuiz(deck, quizConfigOf(config)) };
const answer = (right: boolean) =>
	quiz.plan.questions.map((p) => (p.question.type === 'true-false' ? p.question.answer === right : null));
const MINUTE = 60_000;

describe('collecting result codes', () => {
	let db: StudyDatabase;
	let n = 0;
	beforeEach(async () => {
		db = new StudyDatabase(`collect-test-${++n}`);
		await db.open();
	});
	afterEach(() => db.delete());

	it('tells the teacher what became of each code: added, updated, kept, already collected or refused', async () => {
		const first = encodeResultCode(quiz.id, quiz.plan, 'Aida', answer(false), 10 * MINUTE);
		const later = encodeResultCode(quiz.id, quiz.plan, 'Aida', answer(true), 20 * MINUTE);
		const said = async (text: string) => (await collectCodes(db, quiz, text, 0)).map((r) => [r.ok, r.text]);
		expect(await said(`${first}\nhello`)).toEqual([
			[true, 'Aida: added'],
			[false, expect.stringMatching(/not a result code/)]
		]);
		expect(await said(`${first.toLowerCase()}, ${later} ${later}`)).toEqual([
			[true, 'Aida: already collected'],
			[true, 'Aida: updated (a later result replaces the earlier one)'],
			[true, 'Aida: already collected']
		]);
		expect(await said(first)).toEqual([[true, 'Aida: kept the later result already here']]);
	});

	it('names the most common wrong answer in words, never a dash', () => {
		const report = classReport(quiz.plan, [
			{ name: 'Aida', given: answer(true) },
			{ name: 'Bolat', given: [answer(false)[0], null, ...answer(true).slice(2)] }
		]);
		const wrong =
			quiz.plan.questions[0]!.question.type === 'true-false' && quiz.plan.questions[0]!.question.answer
				? 'False'
				: 'True';
		expect(report.questions.map(commonWrongText)).toEqual([
			`Most common wrong answer: “${wrong}” (1).`,
			'Most common wrong answer: no answer given (1).',
			'No wrong answers.'
		]);
	});
});
