// Property-based tests (fast-check) of every decoder of input the app does not control: quiz codes,
// result codes, the link's fragment, backup files and deck files. Each property prints how many
// cases it tried; FUZZ_SCALE=10 npx vitest run tests/unit/fuzz.test.ts tries ten times as many.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadDecks } from '../../src/lib/content/load';
import { COUNTRIES, QUESTION_TYPES, THEMES, type DeckQuestion } from '$lib/content/schema';
import { validateDeck, type DeckFile } from '$lib/content/validate';
import { projectPoint } from '$lib/content/map/projection';
import { buildQuiz, type PlannedQuestion } from '$lib/quiz/build';
import type { Given } from '$lib/quiz/answers';
import { capText, cleanLine, CROCKFORD } from '$lib/classroom/bits';
import {
	decodeQuizCode,
	encodeQuizCode,
	formatQuizCode,
	MAX_TITLE,
	quizConfigOf,
	quizFragment,
	quizIdOf,
	readFragment,
	TIMER_CHOICES,
	type ClassQuiz
} from '$lib/classroom/quizcode';
import {
	cleanName,
	decodeResultCode,
	encodeResultCode,
	MAX_NAME_BYTES,
	MAX_NAME_LENGTH,
	MAX_TYPED_BYTES
} from '$lib/classroom/resultcode';
import { csvField } from '$lib/classroom/report';
import { StudyDatabase } from '$lib/db/db';
import { addQuizAttempt, openTestDatabase } from '$lib/db/test-database';
import { recordReview } from '$lib/srs/review';
import { exportBackup, importBackup, TABLE_NAMES } from '$lib/backup/backup';
import { checkBackup } from '$lib/backup/format';

const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
// Each test runs up to a few thousand cases on a shared machine: seconds, not the default 5.
vi.setConfig({ testTimeout: 60_000 * SCALE });

/** Runs a property, prints how many cases it tried, and fails with fast-check's report (seed, shrunk case). */
async function holds<Ts>(name: string, property: fc.IRawProperty<Ts>, runs: number) {
	const details = await fc.check(property, { numRuns: Math.round(runs * SCALE) });
	console.log(`fuzz: ${name}: ${details.numRuns} cases${details.failed ? ', FAILED' : ''}`);
	if (details.failed) throw new Error(`${fc.defaultReportMessage(details)}\n${String(details.errorInstance)}`);
}

/** A refusal a user can act on: a sentence, not an exception's text. */
function isClearRefusal(read: { ok: boolean; message?: string }): boolean {
	return (
		!read.ok &&
		typeof read.message === 'string' &&
		/^[A-Z].{10,}[.)]$/s.test(read.message) &&
		!/NaN|\[object|Error:/.test(read.message)
	);
}

/** What an attacker types: markup, formula starts, controls, bidi overrides, joiners, accents, emoji, among letters. */
const HOSTILE = [
	...'<>"\'&=+-@ aZж',
	'\t',
	'\r',
	'\n',
	'\u0000',
	'\u0085',
	'\u00ad',
	'\u061c',
	'\u200b',
	'\u200d',
	'\u200e',
	'\u200f',
	'\u2028',
	'\u202a',
	'\u202e',
	'\u2066',
	'\u2069',
	'\u0301',
	'\u0489',
	'\ufe0f',
	'\ud83c',
	'👩',
	'🏽',
	'🇰',
	'é',
	'\ufeff'
];

/** Any UTF-16 text, unpaired surrogates included (what a paste or a hand-edited link can hold). */
const anyText = (maxLength: number) =>
	fc.oneof(
		fc.string({ unit: fc.constantFrom(...HOSTILE), maxLength }),
		fc.string({ unit: 'binary', maxLength }),
		fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)), maxLength }),
		fc.string({ unit: 'grapheme', maxLength })
	);
/** Text made of what codes are made of, so decoding gets past the first checks. */
const codeLike = (maxLength: number) =>
	fc.string({ unit: fc.constantFrom(...CROCKFORD, ...'rR-  iloIO\u200b'), maxLength });

/** A code changed the ways a code gets changed: characters replaced, dropped or added, cut short. */
const mutatedCode = (code: string) =>
	fc
		.array(
			fc.tuple(
				fc.constantFrom('replace', 'drop', 'insert', 'cut'),
				fc.nat(),
				fc.constantFrom(...CROCKFORD, '-', ' ', 'U', '!')
			),
			{ minLength: 1, maxLength: 3 }
		)
		.map((edits) =>
			edits.reduce((text, [kind, at, c]) => {
				const i = at % (text.length + 1);
				if (kind === 'replace') return text.slice(0, i) + c + text.slice(i + 1);
				if (kind === 'drop') return text.slice(0, i) + text.slice(i + 1);
				if (kind === 'insert') return text.slice(0, i) + c + text.slice(i);
				return text.slice(0, i);
			}, code)
		);

const deck = loadDecks('questions').decks[0]!;
const decks = [deck.id];
const BIDI_OR_CONTROL = /[\p{Cc}\p{Cs}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const graphemeCount = (text: string) =>
	[...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].length;

const classQuiz: fc.Arbitrary<ClassQuiz> = fc.record({
	deckId: fc.constant(deck.id),
	count: fc.oneof(fc.constant('all' as const), fc.integer({ min: 1, max: 127 })),
	countries: fc.subarray([...COUNTRIES], { minLength: 1 }),
	themes: fc.subarray([...THEMES], { minLength: 1 }),
	// A quiz code asks for map questions with multiple choice (quizcode.ts).
	types: fc
		.subarray([...QUESTION_TYPES], { minLength: 1 })
		.map((types) => QUESTION_TYPES.filter((t) => types.includes(t === 'map' ? 'multiple-choice' : t)))
		.filter((types) => types.length > 0),
	order: fc.constantFrom('shuffled' as const, 'source' as const),
	timer: fc.constantFrom(...TIMER_CHOICES),
	seed: fc.integer({ min: 0, max: 0xffffffff })
});

describe('quiz codes and links', () => {
	it('decode(encode(quiz)) is the quiz, however the code is typed', async () => {
		await holds(
			'quiz code round trip',
			fc.property(classQuiz, fc.boolean(), (quiz, typedLoosely) => {
				const code = encodeQuizCode(quiz);
				const text = typedLoosely
					? formatQuizCode(code).toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l')
					: formatQuizCode(code);
				expect(decodeQuizCode(text, decks)).toEqual({ ok: true, value: { code, id: quizIdOf(code), quiz } });
				return true;
			}),
			300
		);
	});

	it('any text gives a quiz that encodes back to its code, or a clear refusal', async () => {
		const valid = encodeQuizCode({
			deckId: deck.id,
			count: 10,
			countries: [...COUNTRIES],
			themes: [...THEMES],
			types: [...QUESTION_TYPES],
			order: 'shuffled',
			timer: 0,
			seed: 7
		});
		await holds(
			'quiz code decoder',
			fc.property(fc.oneof(anyText(60), codeLike(40), mutatedCode(valid)), (text) => {
				const read = decodeQuizCode(text, decks);
				if (read.ok) expect(encodeQuizCode(read.value.quiz)).toBe(read.value.code);
				else expect(read, JSON.stringify(text)).toSatisfy(isClearRefusal);
				return true;
			}),
			2000
		);
	});

	it('a link gives back its code and a clean title; any fragment reads without throwing', async () => {
		await holds(
			'fragment round trip',
			fc.property(classQuiz, anyText(200), (quiz, title) => {
				const code = encodeQuizCode(quiz);
				expect(readFragment(`#${quizFragment(code, title)}`)).toEqual({
					code: formatQuizCode(code),
					title: cleanLine(title, MAX_TITLE)
				});
				return true;
			}),
			300
		);
		await holds(
			'fragment reader',
			fc.property(
				fc.oneof(
					anyText(200),
					fc.webFragments(),
					fc
						.array(fc.tuple(fc.constantFrom('q', 't', 'x'), anyText(30)))
						.map((kv) => `#${kv.map(([k, v]) => `${k}=${v}`).join('&')}`)
				),
				(hash) => {
					const { code, title } = readFragment(hash);
					expect(code === undefined || typeof code === 'string').toBe(true);
					expect(title).not.toMatch(BIDI_OR_CONTROL);
					expect(graphemeCount(title)).toBeLessThanOrEqual(MAX_TITLE);
					expect(cleanLine(title, MAX_TITLE)).toBe(title);
					return true;
				}
			),
			1000
		);
	});
});

describe('student names', () => {
	it('any text cleans to one line: no control or bidi character, at most 40 graphemes and 63 bytes, cleaned once for all', async () => {
		await holds(
			'name cleaning',
			fc.property(fc.oneof(anyText(300), fc.string({ unit: 'grapheme-composite', maxLength: 80 })), (typed) => {
				const name = cleanName(typed);
				expect(name).not.toMatch(BIDI_OR_CONTROL);
				expect(name).not.toMatch(/^\s|\s$|\s\s/);
				expect(graphemeCount(name)).toBeLessThanOrEqual(MAX_NAME_LENGTH);
				expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(MAX_NAME_BYTES);
				expect(cleanName(name)).toBe(name);
				// In the CSV, no name starts a formula.
				expect(csvField(name)).not.toMatch(/^"?[=+\-@\t\r]/);
				return true;
			}),
			2000
		);
	});
});

describe('result codes', () => {
	const quiz: ClassQuiz = {
		deckId: deck.id,
		count: 'all',
		countries: ['kazakhstan', 'kyrgyzstan'],
		themes: [...THEMES],
		types: [...QUESTION_TYPES],
		order: 'shuffled',
		timer: 30,
		seed: 42
	};
	const quizId = quizIdOf(encodeQuizCode(quiz));
	const plan = buildQuiz(deck, quizConfigOf(quiz));

	/** Any answer a student can give to a planned question, with what the code gives back for it. */
	function answer(planned: PlannedQuestion): fc.Arbitrary<{ given: Given | null; read: Given | null }> {
		const q: DeckQuestion = planned.question;
		const none = fc.constant({ given: null, read: null });
		switch (q.type) {
			case 'multiple-choice':
				return fc.oneof(
					none,
					fc.constantFrom(...q.options).map((o) => ({ given: o, read: o }))
				);
			case 'true-false':
				return fc.oneof(
					none,
					fc.boolean().map((b) => ({ given: b, read: b }))
				);
			case 'typed':
				return fc.oneof(
					none,
					fc
						.string({ unit: 'grapheme', maxLength: 140 })
						.map((s) => ({ given: s, read: capText(s.trim(), MAX_TYPED_BYTES) || null }))
				);
			case 'matching':
				return fc.tuple(...q.pairs.map(() => fc.option(fc.constantFrom(...planned.shown)))).map((rights) => {
					const pairs = q.pairs.flatMap(([left], i): [string, string][] =>
						rights[i] == null ? [] : [[left, rights[i]!]]
					);
					return { given: pairs, read: pairs.length > 0 ? pairs : null };
				});
			case 'ordering':
				return fc.oneof(
					none,
					fc
						.shuffledSubarray([...q.items], { minLength: q.items.length })
						.map((order) => ({ given: order, read: order }))
				);
			case 'map':
				return fc.oneof(
					none,
					fc.nat({ max: q.choicesOnMap!.length - 1 }).map((i) => ({ given: i, read: i }))
				);
		}
	}
	const answers = fc.tuple(...plan.questions.map(answer));
	const finishedAt = fc.integer({ min: 0, max: 2 ** 32 - 1 }).map((minutes) => minutes * 60_000);

	it('decode(encode(result)) gives the cleaned name, the time and every answer', async () => {
		expect(new Set(plan.questions.map((p) => p.question.type)).size).toBe(QUESTION_TYPES.length);
		await holds(
			'result code round trip',
			fc.property(anyText(80), answers, finishedAt, (name, given, at) => {
				const read = decodeResultCode(
					encodeResultCode(
						quizId,
						plan,
						name,
						given.map((g) => g.given),
						at
					),
					quizId,
					plan
				);
				if (cleanName(name) === '')
					expect(read).toEqual({ ok: false, message: 'This result code has no student name.' });
				else
					expect(read).toEqual({
						ok: true,
						value: { quizId, name: cleanName(name), finishedAt: at, given: given.map((g) => g.read) }
					});
				return true;
			}),
			300
		);
	});

	it('any text gives a result of this quiz, or a clear refusal', async () => {
		const valid = encodeResultCode(quizId, plan, 'Aida', [], 0);
		await holds(
			'result code decoder',
			fc.property(
				fc.oneof(
					anyText(120),
					codeLike(200).map((s) => `R1${s}`),
					codeLike(120),
					mutatedCode(valid)
				),
				(text) => {
					const read = decodeResultCode(text, quizId, plan);
					if (read.ok) {
						expect(read.value.quizId).toBe(quizId);
						expect(read.value.name).toBe(cleanName(read.value.name));
						expect(read.value.given).toHaveLength(plan.questions.length);
					} else expect(read, JSON.stringify(text)).toSatisfy(isClearRefusal);
					return true;
				}
			),
			2000
		);
	});

	it('a pasted megabyte is refused at once', () => {
		const started = performance.now();
		expect(decodeResultCode(`R1${'Z'.repeat(1_000_000)}`, quizId, plan)).toSatisfy(isClearRefusal);
		expect(decodeResultCode(`R9${'Z'.repeat(1_000_000)}`, quizId, plan)).toSatisfy(isClearRefusal);
		expect(decodeQuizCode('Z'.repeat(1_000_000), decks)).toSatisfy(isClearRefusal);
		expect(performance.now() - started).toBeLessThan(5_000);
	});
});

/** Every place in a JSON value where a value can be changed: [parent, key]. */
function slots(value: unknown, out: [Record<string, unknown> | unknown[], string | number][] = []) {
	if (Array.isArray(value)) value.forEach((v, i) => (out.push([value, i]), slots(v, out)));
	else if (value && typeof value === 'object')
		for (const [k, v] of Object.entries(value)) {
			out.push([value as Record<string, unknown>, k]);
			slots(v, out);
		}
	return out;
}

type Mutation = [kind: 'set' | 'delete' | 'duplicate', at: number, value: unknown];
const mutations = fc.array(
	fc.tuple(
		fc.constantFrom('set' as const, 'delete' as const, 'duplicate' as const),
		fc.nat(),
		fc.jsonValue({ maxDepth: 2 })
	),
	{ maxLength: 3 }
);

/** A copy of a JSON value with some values replaced by any JSON, keys removed or array items repeated. */
function mutate<T>(original: T, edits: Mutation[]): T {
	const copy = structuredClone(original);
	for (const [kind, at, value] of edits) {
		const all = slots(copy);
		if (all.length === 0) break;
		const [parent, key] = all[at % all.length]!;
		if (kind === 'set') (parent as Record<string | number, unknown>)[key] = value;
		else if (Array.isArray(parent))
			parent.splice(
				key as number,
				kind === 'delete' ? 1 : 0,
				...(kind === 'duplicate' ? [structuredClone(parent[key as number])] : [])
			);
		else if (kind === 'delete') delete parent[key as string];
	}
	return copy;
}

describe('backup files', () => {
	const T0 = new Date(2026, 10, 1, 9).getTime();
	let home: StudyDatabase;
	let file: object;
	let before: unknown;
	const snapshot = (db: StudyDatabase) => Promise.all(db.tables.map((t) => t.toArray()));

	beforeAll(async () => {
		home = await openTestDatabase();
		for (const [i, factId] of ['a', 'b', 'c'].entries())
			await recordReview(home, {
				deckId: 'd',
				factId,
				rating: 3,
				now: new Date(T0 + i * 60_000),
				retention: 0.9,
				source: 'flashcard',
				durationMs: 900
			});
		await addQuizAttempt(home, T0);
		await home.classQuizzes.add({ id: 'ABCDEFG', code: '1'.repeat(20), title: 'Unit 3', createdAt: T0 });
		await home.classResults.add({
			quizId: 'ABCDEFG',
			student: 'aida',
			name: 'Aida',
			finishedAt: T0,
			given: ['X', null],
			code: 'R1XYZ',
			addedAt: T0
		});
		await home.classAttempts.add({
			id: 'ABCDEFG@1',
			quizId: 'ABCDEFG',
			code: '1'.repeat(20),
			title: '',
			name: 'Aida',
			startedAt: T0,
			answers: [{ given: 'X', correct: true, timeMs: 5 }]
		});
		file = JSON.parse(await (await exportBackup(home, T0)).file.text());
		before = await snapshot(home);
	});
	afterAll(() => home.delete());

	const repeatedRows = fc.array(fc.tuple(fc.constantFrom(...TABLE_NAMES), fc.nat()), { maxLength: 2 });

	/** What the settings page does with a file: check it, and import it only when the check passes. */
	async function importFile(db: StudyDatabase, text: string, mode: 'replace' | 'merge') {
		const checked = checkBackup(text);
		if (checked.ok) await importBackup(db, checked.backup, mode);
		return checked;
	}

	it('any text is refused with a clear reason, and the database is unchanged', async () => {
		await holds(
			'backup of any text',
			fc.asyncProperty(
				fc.oneof(
					anyText(300),
					fc.json({ maxDepth: 3 }),
					fc
						.jsonValue({ maxDepth: 3 })
						.map((v) => JSON.stringify({ format: 'steppe-cards-backup', version: 1, tables: v }))
				),
				fc.constantFrom('replace' as const, 'merge' as const),
				async (text, mode) => {
					const checked = await importFile(home, text, mode);
					expect(checked, text).toSatisfy(isClearRefusal);
					expect(await snapshot(home)).toEqual(before);
					return true;
				}
			),
			300
		);
	});

	it('a changed or cut backup is imported whole, or refused with a clear reason and nothing written', async () => {
		const stored = await snapshot(home);
		await holds(
			'backup mutations',
			fc.asyncProperty(
				mutations,
				repeatedRows,
				fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
				fc.constantFrom('replace' as const, 'merge' as const),
				async (edits, repeats, cutAt, mode) => {
					const changed = mutate(file, edits) as { tables?: Record<string, unknown> };
					// Rows repeated as a whole, which a change deep inside a row seldom makes.
					for (const [table, at] of repeats) {
						const rows = changed.tables?.[table];
						if (Array.isArray(rows) && rows.length > 0) rows.push(structuredClone(rows[at % rows.length]));
					}
					const full = JSON.stringify(changed);
					const text = cutAt === null ? full : full.slice(0, Math.floor(full.length * cutAt));
					const checked = checkBackup(text);
					if (!checked.ok) {
						expect(checked, text).toSatisfy(isClearRefusal);
						return true;
					}
					// A file the check lets through must import: into a copy of the home database.
					const db = await openTestDatabase();
					const fresh = checkBackup(JSON.stringify(file));
					if (fresh.ok) await importBackup(db, fresh.backup, 'replace');
					await expect(importBackup(db, checked.backup, mode), text).resolves.toBeDefined();
					await db.delete();
					return true;
				}
			),
			150
		);
		expect(await snapshot(home)).toEqual(stored);
	});
});

describe('deck files', () => {
	const folder = `questions/${deck.id}`;
	const metaData: unknown = parse(readFileSync(`${folder}/deck.yaml`, 'utf8'));
	const factsData: unknown = parse(readFileSync(`${folder}/21-kazakhstan.yaml`, 'utf8'));
	const PATHS = [`${folder}/deck.yaml`, `${folder}/21-kazakhstan.yaml`];

	/** A deck file as the loader makes it from a file's text. */
	function fromText(path: string, text: string): DeckFile {
		try {
			return { path, data: parse(text) };
		} catch (error) {
			return { path, data: undefined, parseError: (error as Error).message.split('\n')[0] };
		}
	}

	/** A deck comes back only with no problem; each problem names one of the files and what is wrong. */
	function judged(meta: DeckFile, facts: DeckFile) {
		const result = validateDeck(meta, [facts]);
		expect(result.deck === undefined).toBe(result.problems.length > 0);
		for (const p of result.problems) {
			expect(PATHS).toContain(p.file);
			expect(p.message).toMatch(/\S/);
			expect(p.message).not.toMatch(/\[object/);
		}
		return true;
	}

	it('the real files are a deck', () => {
		expect(
			validateDeck({ path: PATHS[0]!, data: metaData }, [{ path: PATHS[1]!, data: factsData }], projectPoint).problems
		).toEqual([]);
	});

	it('any YAML text or value, or a changed deck, gives the deck or problems, never an exception', async () => {
		await holds(
			'deck YAML text',
			fc.property(anyText(300), anyText(300), (meta, facts) =>
				judged(fromText(PATHS[0]!, meta), fromText(PATHS[1]!, facts))
			),
			300
		);
		await holds(
			'deck values',
			fc.property(fc.anything({ maxDepth: 3 }), fc.anything({ maxDepth: 3 }), (meta, facts) =>
				judged({ path: PATHS[0]!, data: meta }, { path: PATHS[1]!, data: facts })
			),
			500
		);
		await holds(
			'deck mutations',
			fc.property(mutations, mutations, fc.boolean(), (metaEdits, factEdits, both) =>
				judged(
					{ path: PATHS[0]!, data: both ? mutate(metaData, metaEdits) : metaData },
					{ path: PATHS[1]!, data: mutate(factsData, factEdits) }
				)
			),
			500
		);
	});
});
