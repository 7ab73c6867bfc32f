import { describe, expect, it } from 'vitest';
import type { Deck } from '$lib/content/schema';
import { COUNTRIES, QUESTION_TYPES, THEMES } from '$lib/content/vocabulary';
import type { UserCardRow, UserDeckRow } from '$lib/db/rows';
import { deckFromCards } from '$lib/decks/deck-from-cards';
import { fitsInQrCode, QR_MAX_BYTES } from '$lib/decks/share';
import { buildQuiz } from '$lib/quiz/build';
import { carriedDeckId, carryQuiz, openCarriedQuiz } from './carried';
import { decodeQuizCode, encodeQuizCode, quizConfigOf, quizFragment, readFragment, type ClassQuiz } from './quizcode';

const DECK: UserDeckRow = {
	id: 'u-3f0c2a5e-8b1d-4c6e-9f7a-2d4b6c8e0a1f',
	title: 'Spanish verbs',
	description: '',
	created: 0,
	updated: 0
};
/** A typical deck of vocabulary: short fronts and backs, UUIDs for ids as the app makes them. */
const VERBS = [
	['to speak', 'hablar'],
	['to eat', 'comer'],
	['to live', 'vivir'],
	['to be (lasting)', 'ser'],
	['to be (state)', 'estar'],
	['to have', 'tener'],
	['to do, to make', 'hacer'],
	['to go', 'ir'],
	['to see', 'ver'],
	['to give', 'dar'],
	['to know (a fact)', 'saber'],
	['to want', 'querer'],
	['to arrive', 'llegar'],
	['to pass', 'pasar'],
	['to owe, must', 'deber'],
	['to put', 'poner'],
	['to seem', 'parecer'],
	['to stay', 'quedar'],
	['to believe', 'creer'],
	['to take, to carry', 'llevar'],
	['to leave (behind)', 'dejar'],
	['to follow', 'seguir'],
	['to find', 'encontrar'],
	['to call', 'llamar'],
	['to come', 'venir'],
	['to think', 'pensar'],
	['to go out', 'salir'],
	['to return', 'volver'],
	['to take', 'tomar'],
	['to know (someone)', 'conocer']
];
const uuid = (i: number) =>
	`${(0x1000_0000 + i * 7919).toString(16)}-8b1d-4c6e-9f7a-${(0x1000_0000_0000 + i).toString(16)}`;
const cards: UserCardRow[] = VERBS.map(([front, back], position) => ({
	id: uuid(position),
	deckId: DECK.id,
	position,
	front: front!,
	back: back!,
	tags: ['verbs']
}));
const deck: Deck = deckFromCards(DECK, cards);

const quiz = (count: number | 'all', seed = 12345): ClassQuiz => ({
	deckId: DECK.id,
	count,
	countries: [...COUNTRIES],
	themes: [...THEMES],
	types: [...QUESTION_TYPES],
	order: 'shuffled',
	timer: 30,
	seed
});

/** What the teacher's builder makes: the carried questions and the code that names them. */
async function make(count: number | 'all', seed?: number) {
	const config = quiz(count, seed);
	const plan = buildQuiz(deck, quizConfigOf(config));
	const carried = await carryQuiz(plan, DECK.title);
	return { plan, carried, code: encodeQuizCode({ ...config, deckId: carriedDeckId(carried) }) };
}

/** A take link as the builder shows it, from a 40-character origin, with a title. */
const takeLink = (code: string, carried: string) =>
	`https://steppe-cards.example.org:8443/app/classroom/take#${quizFragment(code, 'Unit 4: irregular verbs', carried)}`;

const asked = (q: { question: Deck['facts'][number]['questions'][number]; shown: string[] }) => {
	const { key: _key, factId: _factId, ...question } = q.question;
	return { question, shown: [...q.shown].sort() };
};

describe('a class quiz from a user deck carries its questions in its link', () => {
	it('students get the teacher’s questions, in the teacher’s order, from the link alone', async () => {
		const { plan, carried, code } = await make(10);
		const hash = readFragment(`#${quizFragment(code, 'Unit 4', carried)}`);
		expect(hash.carried).toBe(carried);
		const opened = await openCarriedQuiz(hash.code!, hash.carried!);
		if (!opened.ok) throw new Error(opened.message);
		expect(opened.value.plan.questions).toHaveLength(10);
		expect(opened.value.plan.questions.map(asked)).toEqual(plan.questions.map(asked));
		expect(opened.value.deck.title).toBe(DECK.title);
		expect(opened.value.carried).toBe(carried);
	});

	it('every device builds the same quiz from the same link: same keys, same option order', async () => {
		const { carried, code } = await make(10);
		const [a, b] = await Promise.all([openCarriedQuiz(code, carried), openCarriedQuiz(code, carried)]);
		if (!a.ok || !b.ok) throw new Error('not opened');
		expect(a.value.plan).toEqual(b.value.plan);
		expect(a.value.id).toBe(b.value.id);
	});

	it('a link whose questions were changed, cut or swapped for another quiz’s is refused with a plain message', async () => {
		const { carried, code } = await make(10);
		const other = await make(10, 999);
		const flipped = carried.slice(0, 40) + (carried[40] === 'A' ? 'B' : 'A') + carried.slice(41);
		const refused = async (c: string, d: string) => {
			const opened = await openCarriedQuiz(c, d);
			expect(opened.ok).toBe(false);
			return opened.ok ? '' : opened.message;
		};
		expect(await refused(code, flipped)).toMatch(
			/^The questions in this quiz link cannot be read \(This deck link was changed/
		);
		expect(await refused(code, carried.slice(0, -30))).toMatch(/cut short/);
		expect(await refused(code, other.carried)).toBe(
			'This quiz link was changed: its code and its questions do not belong together.'
		);
	});

	it('the code typed alone, without the link, tells the student to open the link', async () => {
		const { code } = await make(10);
		const read = decodeQuizCode(code, ['central-asia-taliban']);
		expect(read.ok).toBe(false);
		if (!read.ok) expect(read.message).toMatch(/open it from the teacher's link or QR code/);
	});
});

describe('the size of a carried quiz’s link', () => {
	it('a quiz of 40 questions of short cards fits in the QR code, one of 60 does not (as carried.ts states)', async () => {
		const sizes: { count: number; bytes: number }[] = [];
		for (const count of [5, 10, 20, 30, 40, 50, 60, 80]) {
			const { carried, code } = await make(count);
			sizes.push({ count, bytes: new TextEncoder().encode(takeLink(code, carried)).length });
		}
		// A sanity print of the measure that carried.ts states.
		console.log(`take link bytes by question count (a QR code holds ${QR_MAX_BYTES}):`, sizes);
		const fits = (count: number) => fitsInQrCode('x'.repeat(sizes.find((s) => s.count === count)!.bytes));
		expect([5, 10, 20, 30, 40].every(fits)).toBe(true);
		expect([60, 80].some(fits)).toBe(false);
	});

	it('a quiz of every question of the deck still opens from its link, too long for a QR code', async () => {
		const { plan, carried, code } = await make('all');
		const link = takeLink(code, carried);
		expect(fitsInQrCode(link)).toBe(false);
		const opened = await openCarriedQuiz(readFragment(link.slice(link.indexOf('#'))).code!, carried);
		if (!opened.ok) throw new Error(opened.message);
		expect(opened.value.plan.questions).toHaveLength(plan.questions.length);
	});
});
