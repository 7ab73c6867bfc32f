import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDecks } from '../content/load';
import { StudyDatabase } from '$lib/db/db';
import { openTestDatabase } from '$lib/db/test-database';
import type { DeckQuestion } from '$lib/content/schema';
import { buildQuiz } from '$lib/quiz/build';
import { classReport, csvField, csvFileName, reportRows, toCsv } from './report';
import { encodeQuizCode, quizConfigOf, quizIdOf, type ClassQuiz } from './quizcode';
import { addClassResults, classResultsOf, deleteClassQuiz, saveClassQuiz } from './records';

const deck = loadDecks('questions').decks[0]!;
const quiz: ClassQuiz = {
	deckId: deck.id,
	count: 4,
	countries: ['kazakhstan'],
	themes: ['economy', 'diplomacy', 'security', 'history'],
	types: ['multiple-choice', 'true-false'],
	order: 'shuffled',
	timer: 0,
	seed: 99
};
const plan = buildQuiz(deck, quizConfigOf(quiz));
// Multiple choice brings the map questions of these countries with it (a class quiz asks both).
const mapIndex = (q: DeckQuestion, isRight: boolean) =>
	q.type === 'map' ? q.choicesOnMap!.findIndex((c) => (c.id === q.answer) === isRight) : null;
const right = (q: DeckQuestion) =>
	q.type === 'multiple-choice' || q.type === 'true-false' ? q.answer : mapIndex(q, true);
const wrong = (q: DeckQuestion) =>
	q.type === 'multiple-choice'
		? q.options.find((o) => o !== q.answer)!
		: q.type === 'true-false'
			? !q.answer
			: mapIndex(q, false);

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
		expect(
			toCsv([
				['a', 'b,c'],
				[1, '"']
			])
		).toBe('a,"b,c"\r\n1,""""\r\n');
		const rows = reportRows(classReport(plan, [{ name: 'Nur, "Ace"', given: results[1]!.given }]));
		expect(rows[0]!.slice(0, 4)).toEqual(['Student', 'Correct', 'Questions', 'Percent']);
		expect(rows[1]).toEqual(['Nur, "Ace"', 3, 4, 75, 1, 1, 1, 0]);
		expect(rows[2]).toEqual(['Percent correct', '', '', 75, 100, 100, 100, 0]);
		expect(toCsv(rows).split('\r\n')[1]).toBe('"Nur, ""Ace""",3,4,75,1,1,1,0');
		expect(csvFileName('Unit 3: Trade & Borders', 'ABC1234')).toBe('class-results-unit-3-trade-borders-ABC1234.csv');
	});
});

describe('a name typed to attack the spreadsheet or the page', () => {
	it("runs nothing when the CSV is opened: formula fields start with ' (OWASP), quoted when they must be", () => {
		expect(csvField('=HYPERLINK("http://evil.example","score")')).toBe(
			'"\'=HYPERLINK(""http://evil.example"",""score"")"'
		);
		expect(csvField('+1+1')).toBe("'+1+1");
		expect(csvField('-2+3')).toBe("'-2+3");
		expect(csvField('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
		expect(csvField('\t=1+1')).toBe('"\'\t=1+1"');
		expect(csvField('\r=1+1')).toBe('"\'\r=1+1"');
		// A separator some spreadsheets split on cannot start a cell of its own.
		expect(csvField('Aida;=1+1')).toBe('"Aida;=1+1"');
		expect(csvField('Aida\t=1+1')).toBe('"Aida\t=1+1"');
		// Numbers (the scores) and plain names are written as they are.
		expect(csvField(-3)).toBe('-3');
		expect(csvField('Aida = top')).toBe('Aida = top');
	});

	it('shows the name as typed in the report, and neutralised in the CSV only', () => {
		const name = '=HYPERLINK("http://x.example","score")';
		const rows = reportRows(classReport(plan, [{ name, given: [] }]));
		expect(rows[1]![0]).toBe(name);
		expect(toCsv(rows).split('\r\n')[1]).toBe('"\'=HYPERLINK(""http://x.example"",""score"")",0,4,0,0,0,0,0');
	});

	it('cleans names from any source (a backup can hold anything): no bidi controls, at most 40 graphemes', () => {
		const report = classReport(plan, [{ name: `Aida\u202e${'z'.repeat(100)}`, given: [] }]);
		expect(report.students[0]!.name).toBe(`Aida${'z'.repeat(36)}`);
	});
});

describe('collected results in the database', () => {
	let db: StudyDatabase;
	beforeEach(async () => {
		db = await openTestDatabase();
	});
	afterEach(() => db.delete());
	const quizId = quizIdOf(encodeQuizCode(quiz));
	const r = (name: string, finishedAt: number) => ({
		result: { quizId, name, finishedAt, given: [String(finishedAt)] },
		code: `R1${finishedAt}`
	});

	it('keeps one result per student, the latest, whichever order the codes come in', async () => {
		await saveClassQuiz(db, { id: quizId, code: encodeQuizCode(quiz), title: '', createdAt: 1 });
		expect(await addClassResults(db, [r('Aida', 100), r('Bolat', 100), r('aida ', 300), r('AIDA', 200)], 5)).toEqual([
			'added',
			'added',
			'replaced',
			'kept-newer'
		]);
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
