import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDecks } from '../content/load';
import { StudyDatabase } from '$lib/db/db';
import type { DeckQuestion } from '$lib/content/schema';
import { buildQuiz } from '$lib/quiz/build';
import { classReport, csvField, csvFileName, reportRows, toCsv } from './report';
import { encodeQuizCode, quizConfigOf, quizIdOf, type ClassQuiz } from './quizcode';
import { addClassResults, classResultsOf, deleteClassQuiz, saveClassQuiz } from './store';

const deck = loadDecks('questions').decks[0]!;
const quiz: ClassQuiz = { deckId: deck.id, count: 4, countries: ['kazakhstan'], themes: ['economy', 'diplomacy', 'security', 'history'], types: ['multiple-choice', 'true-false'], order: 'shuffled', timer: 0, seed: 99 };
const plan = buildQuiz(deck, quizConfigOf(quiz));
const right = (q: DeckQuestion) => (q.type === 'multiple-choice' || q.type === 'true-false' ? q.answer : null);
const wrong = (q: DeckQuestion) => (q.type === 'multiple-choice' ? q.options.find((o) => o !== q.answer)! : q.type === 'true-false' ? !q.answer : null);

describe('the class report', () => {
	const qs = plan.questions.map((p) => p.question);
	// Q1: 3 of 3 right; Q2: 2 right, 1 wrong; Q3: 1 right, 2 the same wrong; Q4: nobody right (one no answer).
	const results = [
		{ name: 'Bolat', given: [right(qs[0]!), right(qs[1]!), wrong(qs[2]!), null] },
		{ name: 'Aida', given: [right(qs[0]!), right(qs[1]!), right(qs[2]!), wrong(qs[3]!)] },
		{ name: 'Chingiz', given: [right(qs[0]!), wrong(qs[1]!), wrong(qs[2]!), wrong(qs[3]!)] }
	];
	const report = classReport(plan, results);

	it('scores each student, in name order', () => {
		expect(plan.questions).toHaveLength(4);
		expect(report.students.map((s) => [s.name, s.correct, s.total, s.percent])).toEqual([
			['Aida', 3, 4, 75],
			['Bolat', 2, 4, 50],
			['Chingiz', 1, 4, 25]
		]);
		expect(report.percent).toBe(50);
	});

	it('gives each question its percent, and the hardest with their most common wrong answer', () => {
		expect(report.questions.map((q) => [q.correct, q.percent])).toEqual([
			[3, 100],
			[2, 67],
			[1, 33],
			[0, 0]
		]);
		expect(report.hardest.map((q) => q.number)).toEqual([4, 3, 2]);
		const text = (v: unknown) => (typeof v === 'boolean' ? (v ? 'True' : 'False') : String(v));
		expect(report.hardest[1]!.commonWrong).toEqual({ text: text(wrong(qs[2]!)), count: 2 });
		expect(report.questions[0]!.commonWrong).toBeUndefined();
	});

	it('breaks the results down by country and theme', () => {
		const kz = report.byCountry.find((t) => t.id === 'kazakhstan')!;
		expect([kz.correct, kz.total]).toEqual([6, 12]);
		const themeTotal = report.byTheme.reduce((n, t) => n + t.total, 0);
		expect(themeTotal).toBe(plan.questions.reduce((n, p) => n + p.fact.themes.length, 0) * 3);
	});

	it('writes RFC 4180 CSV: CRLF, quotes doubled, fields with commas, quotes or line breaks quoted', () => {
		expect(csvField('plain')).toBe('plain');
		expect(csvField(42)).toBe('42');
		expect(csvField('Nur, Aida')).toBe('"Nur, Aida"');
		expect(csvField('Aida "Ace"')).toBe('"Aida ""Ace"""');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
		expect(csvField('cr\rhere')).toBe('"cr\rhere"');
		expect(toCsv([['a', 'b,c'], [1, '"']])).toBe('a,"b,c"\r\n1,""""\r\n');
		const rows = reportRows(classReport(plan, [{ name: 'Nur, "Ace"', given: results[1]!.given }]));
		expect(rows[0]!.slice(0, 4)).toEqual(['Student', 'Correct', 'Questions', 'Percent']);
		expect(rows[1]).toEqual(['Nur, "Ace"', 3, 4, 75, 1, 1, 1, 0]);
		expect(rows[2]).toEqual(['Percent correct', '', '', 75, 100, 100, 100, 0]);
		expect(toCsv(rows).split('\r\n')[1]).toBe('"Nur, ""Ace""",3,4,75,1,1,1,0');
		expect(csvFileName('Unit 3: Trade & Borders', 'ABC1234')).toBe('class-results-unit-3-trade-borders-ABC1234.csv');
	});
});

describe('collected results in the database', () => {
	let db: StudyDatabase;
	let n = 0;
	beforeEach(async () => {
		db = new StudyDatabase(`class-${++n}`);
		await db.open();
	});
	afterEach(() => db.delete());
	const quizId = quizIdOf(encodeQuizCode(quiz));
	const r = (name: string, finishedAt: number) => ({ result: { quizId, name, finishedAt, given: [finishedAt] }, code: `R1${finishedAt}` });

	it('keeps one result per student, the latest, whichever order the codes come in', async () => {
		await saveClassQuiz(db, { id: quizId, code: encodeQuizCode(quiz), title: '', createdAt: 1 });
		expect(await addClassResults(db, [r('Aida', 100), r('Bolat', 100), r('aida ', 300), r('AIDA', 200)], 5)).toEqual(['added', 'added', 'replaced', 'kept-newer']);
		const rows = await classResultsOf(db, quizId);
		expect(rows.map((x) => [x.name, x.finishedAt])).toEqual([
			['aida', 300],
			['Bolat', 100]
		]);
		// A title given later fills an empty one.
		expect((await saveClassQuiz(db, { id: quizId, code: '', title: 'Unit 3', createdAt: 2 })).title).toBe('Unit 3');
		await deleteClassQuiz(db, quizId);
		expect(await classResultsOf(db, quizId)).toEqual([]);
		expect(await db.classQuizzes.count()).toBe(0);
	});
});
