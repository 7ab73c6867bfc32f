/**
 * Checking answers, for every question type. Pure functions: the quiz screen,
 * the stored history and the tests all go through `checkAnswer`.
 */
import { distance } from 'fastest-levenshtein';
import type { DeckQuestion, QuestionType } from '$lib/content/schema';
import { words } from '$lib/content/words';

export type MatchingGiven = [left: string, right: string][];

/** What a student gives, by question type; stored as is in the quiz history and the classroom's attempts. */
export interface GivenFor {
	/** The option's text. */
	'multiple-choice': string;
	'true-false': boolean;
	/** The text typed. */
	typed: string;
	matching: MatchingGiven;
	/** The items in the order given. */
	ordering: string[];
	/** The index, in the question's own order of choices, of the country or place tapped. */
	map: number;
}

/** What a student gives to a question of this type; where nothing may have been given, `Given | null`. */
export type Given<Q extends DeckQuestion = DeckQuestion> = GivenFor[Q['type']];

type QuestionOf = { [T in QuestionType]: Extract<DeckQuestion, { type: T }> };

/** A question and an answer of its type: what the functions below take. */
type PerType<R> = { [T in QuestionType]: (question: QuestionOf[T], given: GivenFor[T] | null) => R };

/** One function over every type, from one function per type; the answer must fit the question's type. */
function perType<R>(byType: PerType<R>) {
	return <T extends QuestionType>(question: QuestionOf[T] & { type: T }, given: GivenFor[T] | null): R => {
		const type: T = question.type;
		return byType[type](question, given);
	};
}

export interface Verdict {
	correct: boolean;
	/** For a typed answer accepted despite a small typo: the accepted form it was close to. */
	spelling?: string;
	/** Matching: whether each left item (in the question's order) got its right; ordering: each position. */
	parts?: boolean[];
}

// ————— Typed answers: text —————

/** The comparison key of a text: its words run together, so "multi vector" equals "multivector". */
export function textKey(text: string): string {
	return words(text).join('');
}

/**
 * How many edits a typed answer may be away from an accepted form of this many
 * letters: none for short answers (IMU, TTT, 2001), one from 4 letters, two from 8.
 */
export function typoAllowance(length: number): number {
	if (length >= 8) return 2;
	if (length >= 4) return 1;
	return 0;
}

// ————— Typed answers: numbers —————

const SCALES = { thousand: 1e3, million: 1e6, billion: 1e9 } as const;
type Scale = keyof typeof SCALES;
const SCALE_WORDS: Record<string, Scale> = {
	k: 'thousand',
	thousand: 'thousand',
	thousands: 'thousand',
	m: 'million',
	mn: 'million',
	mln: 'million',
	million: 'million',
	millions: 'million',
	b: 'billion',
	bn: 'billion',
	billion: 'billion',
	billions: 'billion'
};
const NUMBER_WORDS: Record<string, number> = {
	zero: 0,
	one: 1,
	two: 2,
	three: 3,
	four: 4,
	five: 5,
	six: 6,
	seven: 7,
	eight: 8,
	nine: 9,
	ten: 10,
	eleven: 11,
	twelve: 12,
	thirteen: 13,
	fourteen: 14,
	fifteen: 15,
	sixteen: 16,
	seventeen: 17,
	eighteen: 18,
	nineteen: 19,
	twenty: 20,
	thirty: 30,
	forty: 40,
	fifty: 50,
	sixty: 60,
	seventy: 70,
	eighty: 80,
	ninety: 90,
	hundred: 100
};
/** Words that may come before a number without changing it ("in 2001", "about 472"). */
const LEADING = '(?:in|about|approximately|approx|around|roughly|some|circa|ca|c|~)';

// Longest first, and whole words only: "fourteen" is not "four" followed by "teen".
const NUMBER_WORD = Object.keys(NUMBER_WORDS)
	.sort((a, b) => b.length - a.length)
	.join('|');
const NUMBER_PATTERN = new RegExp(
	`^(?:${LEADING}\\.?\\s*)?(-?\\d+(?:\\.\\d+)?|\\.\\d+|(?:${NUMBER_WORD})\\b)\\s*([a-z]+)?\\b(.*)$`
);

export interface ParsedNumber {
	value: number;
	scale?: Scale;
}

/**
 * The number a text states, or undefined when it is not one number: "472",
 * "$472 million", "472m", "US$ 987.9 mn", "70%", "70 per cent", "1,250", "four soldiers".
 * Units after the number (tons, soldiers, per cent, dollars) are allowed and ignored;
 * a scale word (thousand, million, billion and their short forms) is kept.
 */
export function parseNumber(text: string): ParsedNumber | undefined {
	const s = text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/(\d)[,\u00a0\u202f ](?=\d{3}(?!\d))/g, '$1') // thousands separators: 1,250 or 1 250
		.replace(/(\d),(\d)/g, '$1.$2') // a decimal comma: 987,9
		.replace(/us\$|[$€£]|\busd\b/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	const match = NUMBER_PATTERN.exec(s);
	if (!match) return undefined;
	const [, digits, unit, rest] = match as unknown as [string, string, string | undefined, string];
	// Anything after the number must be words (a unit), never another number.
	if (/\d/.test(rest) || /[^\p{L}\s%.]/u.test(rest)) return undefined;
	const value = digits in NUMBER_WORDS ? NUMBER_WORDS[digits]! : Number(digits);
	if (!Number.isFinite(value)) return undefined;
	const scale = unit ? SCALE_WORDS[unit] : undefined;
	return scale ? { value, scale } : { value };
}

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
const full = (n: ParsedNumber) => n.value * (n.scale ? SCALES[n.scale] : 1);

/**
 * Whether a stated number equals one of the accepted ones. "472" matches
 * "$472 million" (the question gave the unit); "472 billion" does not, nor does
 * "472 thousand"; "472,000,000" and "0.472 billion" do, by value.
 */
export function numbersMatch(given: ParsedNumber, accepted: ParsedNumber[]): boolean {
	const anyScale = accepted.some((a) => a.scale);
	return accepted.some(
		(a) =>
			(same(given.value, a.value) && (!given.scale || given.scale === a.scale || !anyScale)) ||
			((given.scale || a.scale) && same(full(given), full(a)))
	);
}

/** Whether the expected answer of a typed question is a number, so answers are compared by value. */
export function isNumericAnswer(answer: string): boolean {
	return /^\s*-?\d/.test(answer) && parseNumber(answer) !== undefined;
}

export function checkTyped(question: { answer: string; accept?: string[] }, typed: string): Verdict {
	const variants = [question.answer, ...(question.accept ?? [])];
	const key = textKey(typed);
	if (key === '') return { correct: false };
	if (isNumericAnswer(question.answer)) {
		// By value, and with no typo allowed: 2011 is not a misspelt 2001, nor 9879 a 987.9.
		const given = parseNumber(typed);
		const accepted = variants.map(parseNumber).filter((n): n is ParsedNumber => n !== undefined);
		if (given) return { correct: numbersMatch(given, accepted) };
		return { correct: variants.some((v) => !parseNumber(v) && textKey(v) === key) };
	}
	if (variants.some((v) => textKey(v) === key)) return { correct: true };
	let best: { variant: string; over: number } | undefined;
	for (const variant of variants) {
		const target = textKey(variant);
		const over = distance(key, target) - typoAllowance(target.length);
		if (over <= 0 && (!best || over < best.over)) best = { variant, over };
	}
	return best ? { correct: true, spelling: best.variant } : { correct: false };
}

// ————— Every type —————

const isText = (stored: unknown): stored is string => typeof stored === 'string';
const isTextList = (stored: unknown): stored is string[] => Array.isArray(stored) && stored.every(isText);

const SHAPES: { [T in QuestionType]: { is: (stored: unknown) => stored is GivenFor[T]; named: string } } = {
	'multiple-choice': { is: isText, named: 'an option (text)' },
	'true-false': { is: (stored): stored is boolean => typeof stored === 'boolean', named: 'true or false' },
	typed: { is: isText, named: 'text' },
	matching: {
		is: (stored): stored is MatchingGiven =>
			Array.isArray(stored) && stored.every((pair) => isTextList(pair) && pair.length === 2),
		named: 'a list of [left, right] pairs'
	},
	ordering: { is: isTextList, named: 'a list of items' },
	map: {
		is: (stored): stored is number => Number.isInteger(stored) && (stored as number) >= 0,
		named: 'the index of a country or place'
	}
};

/**
 * An answer read back from where it was kept (IndexedDB, a backup), checked against its question's
 * type: a question may have changed type since, or the data been damaged. Undefined and null are
 * nothing given; any other shape than the type's is refused with what was expected.
 */
export function readGiven<T extends QuestionType>(
	question: QuestionOf[T] & { type: T },
	stored: unknown
): GivenFor[T] | null {
	if (stored === undefined || stored === null) return null;
	const type: T = question.type;
	const shape = SHAPES[type];
	if (shape.is(stored)) return stored;
	throw new Error(
		`The answer kept for question ${question.key} (${type}) should be ${shape.named}, not ${JSON.stringify(stored)}.`
	);
}

/** The pairs of a matching answer, by left item. */
const pairsOf = (given: MatchingGiven | null) => new Map(given ?? []);

export const checkAnswer = perType<Verdict>({
	'multiple-choice': (question, given) => ({ correct: given === question.answer }),
	'true-false': (question, given) => ({ correct: given === question.answer }),
	typed: (question, given) => (given === null ? { correct: false } : checkTyped(question, given)),
	matching: (question, given) => {
		const chosen = pairsOf(given);
		const parts = question.pairs.map(([left, right]) => chosen.get(left) === right);
		return { correct: parts.every(Boolean), parts };
	},
	ordering: (question, given) => {
		const order = given ?? [];
		const parts = question.items.map((item, i) => order[i] === item);
		return { correct: order.length === question.items.length && parts.every(Boolean), parts };
	},
	map: (question, given) => ({ correct: given !== null && question.choicesOnMap?.[given]?.id === question.answer })
});

/** Whether an answer is complete enough to be checked (every pair made, some text typed…). */
export const isComplete = perType<boolean>({
	'multiple-choice': (question, given) => given !== null && question.options.includes(given),
	'true-false': (_, given) => given !== null,
	typed: (_, given) => given !== null && given.trim() !== '',
	matching: (question, given) => question.pairs.every(([left]) => pairsOf(given).has(left)),
	ordering: (question, given) => given !== null && given.length === question.items.length,
	map: (question, given) => given !== null && given < (question.choicesOnMap?.length ?? 0)
});

const yesNo = (b: boolean) => (b ? 'True' : 'False');

/** The right answer, as one line of text for feedback and for screen readers. */
export function correctAnswerText(question: DeckQuestion): string {
	switch (question.type) {
		case 'multiple-choice':
		case 'typed':
			return question.answer;
		case 'true-false':
			return yesNo(question.answer);
		case 'matching':
			return question.pairs.map(([l, r]) => `${l} → ${r}`).join('; ');
		case 'ordering':
			return question.items.map((item, i) => `${i + 1}. ${item}`).join('; ');
		case 'map':
			return question.choicesOnMap?.find((c) => c.id === question.answer)?.name ?? question.answer;
	}
}

const textOrDash = (given: string | null) => (given !== null && given.trim() !== '' ? given : '—');

/** What the student gave, as one line of text. */
export const givenText = perType<string>({
	'multiple-choice': (_, given) => textOrDash(given),
	'true-false': (_, given) => (given === null ? '—' : yesNo(given)),
	typed: (_, given) => textOrDash(given),
	matching: (question, given) => {
		const chosen = pairsOf(given);
		return question.pairs.map(([l]) => `${l} → ${chosen.get(l) ?? '—'}`).join('; ');
	},
	ordering: (_, given) => (given === null ? '—' : given.map((item, i) => `${i + 1}. ${item}`).join('; ')),
	map: (question, given) => (given === null ? '—' : (question.choicesOnMap?.[given]?.name ?? '—'))
});
