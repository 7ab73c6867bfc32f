/**
 * Quiz questions made from plain front/back cards, so a deck nobody wrote questions for still has a
 * quiz: multiple choice, true/false, typed and matching. The questions are the bank's own `Question`s,
 * so the quiz builder, the checker and the question screens take them as they are. Pure and seeded:
 * the same cards and seed give the same questions on every device, as a classroom code needs.
 */
import { lintFact } from '$lib/content/lint';
import type { Question, QuestionType } from '$lib/content/schema';
import { numbersMatch, parseNumber, textKey, type ParsedNumber } from '$lib/quiz/answers';
import { seededRandom, shuffled, type Random } from '$lib/quiz/random';
import type { DraftCard } from './card';

/**
 * A card of a deck: a draft card with its id, the questions its author wrote for it, if any, and the
 * images and sounds its front shows (an Anki package's), if any.
 */
export interface SourceCard extends Pick<DraftCard, 'front' | 'back' | 'explanation'> {
	id: string;
	questions?: Question[];
	media?: { front: readonly string[] };
}

/** Thrown by `generateQuestions` for cards it cannot tell apart; nothing else is thrown. */
export class GenerateError extends Error {
	override name = 'GenerateError';
}

/** The ids of generated questions: one question of a type per card, so its id names the type. */
export const AUTO_IDS = {
	'multiple-choice': 'auto-mc',
	'true-false': 'auto-tf',
	typed: 'auto-typed',
	matching: 'auto-match'
} as const satisfies Partial<Record<QuestionType, string>>;

/**
 * A back longer than this is read, not typed, and too long for one side of a matching question on a
 * phone.
 */
const LONGEST_SHORT_ANSWER = 120;
/** Backs whose lengths differ by up to this factor look alike as options. */
const SIMILAR_LENGTH = Math.log(2);
/** Multiple choice: four options where the deck has them, never fewer than three (the schema's minimum). */
const MOST_DISTRACTORS = 3;
const FEWEST_DISTRACTORS = 2;
/** Matching: four pairs where the deck has them, never fewer than three (the schema's minimum). */
const MOST_PAIRS = 4;
const FEWEST_PAIRS = 3;

// ————— What kind of answer a back is —————

/** What a back is, so that options and false statements are drawn from backs of the same kind. */
export type Kind = 'number' | 'date' | 'name' | 'phrase' | 'sentence';

/**
 * The kinds a multiple choice borrows distractors from when its own kind has too few: numbers
 * and dates pass for each other, and short texts for each other, but never a number for a word.
 */
const NEAREST_KINDS: Record<Kind, Kind[]> = {
	number: ['date'],
	date: ['number'],
	name: ['phrase'],
	phrase: ['name', 'sentence'],
	sentence: ['phrase']
};
const KINDS = Object.keys(NEAREST_KINDS) as Kind[];

const MONTH =
	'(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
const ERA = '(?:bce?|ce|ad)';
/** Words a date may start with and still be just the date. */
const DATE_LEAD = /^(?:on|in|since|by|from|until|circa|c\.|ca\.|around|about)\s+/i;
const DATE_PATTERNS = [
	/^1\d{3}$|^20\d{2}$/, // a year in digits alone: 1000–2099; other 4-digit numbers are counts
	new RegExp(`^\\d{1,4}\\s*${ERA}$|^${ERA}\\s*\\d{1,4}$`, 'i'), // 44 BC, AD 79
	/^\d{3}0s$/, // the 1990s
	new RegExp(`^\\d{1,2}(?:st|nd|rd|th)\\s+(?:century|millennium)(?:\\s+${ERA})?$`, 'i'),
	/^\d{4}-\d{2}(?:-\d{2})?$/, // ISO
	/^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/,
	new RegExp(`^${DAY}\\s+(?:of\\s+)?${MONTH}(?:,?\\s+\\d{1,4})?$`, 'i'), // 29 December 2023
	new RegExp(`^${MONTH}\\s+${DAY}(?:,?\\s+\\d{1,4})?$`, 'i'), // December 29, 2023
	new RegExp(`^${MONTH},?\\s+\\d{4}$`, 'i') // July 1969
];

/** Small words that names leave in lower case: Leonardo da Vinci, Bay of Bengal, Mazar-i-Sharif. */
const NAME_LINKS = new Set(
	'of the and de da di del della der den van von du la le el al bin ibn y e i upon on in for'.split(' ')
);
const MOST_NAME_WORDS = 5;
/** More words than this make a sentence even without a full stop. */
const MOST_PHRASE_WORDS = 8;
const END_STOP = /[.!?…]+$/u;

/**
 * The kind of a text: a number ("472", "$472 million", "8,849 m", "seven"), a date ("1991",
 * "29 December 2023", "44 BC"), a short name (up to five capitalised words: "Paris", "Leonardo da
 * Vinci", "NATO"), a sentence (ends with a full stop after three words or more, or has more than
 * eight words) or a phrase (anything else: "bonjour", "to run", "the powerhouse of the cell").
 */
export function kindOf(text: string): Kind {
	const plain = text.trim().replace(END_STOP, '');
	const date = plain.replace(DATE_LEAD, '');
	if (DATE_PATTERNS.some((pattern) => pattern.test(date))) return 'date';
	const wordList = plain.split(/\s+/).filter(Boolean);
	// A number word counts alone ("seven"), not at the head of a name ("Ten Downing Street").
	if (parseNumber(plain) && (/\d/.test(plain) || wordList.length === 1)) return 'number';
	const stopped = END_STOP.test(text.trim());
	if (wordList.length > MOST_PHRASE_WORDS || (stopped && wordList.length >= 3)) return 'sentence';
	const letters = wordList.map((w) => w.replace(/^[^\p{L}\p{N}]+/u, ''));
	const capitalised = (w: string) => /^[\p{Lu}\p{N}]/u.test(w) || NAME_LINKS.has(w);
	if (wordList.length <= MOST_NAME_WORDS && /^\p{Lu}/u.test(letters[0] ?? '') && letters.every(capitalised))
		return 'name';
	return 'phrase';
}

// ————— Accepted variants of a typed answer —————

const BRACKETED = /\s*(?:\(([^()]*)\)|\[([^[\]]*)\])/g;
/** What a text holds in brackets: often another name for the answer, though not one to accept when typed. */
const bracketed = (text: string) => [...text.matchAll(BRACKETED)].map((m) => m[1] ?? m[2] ?? '');
/** "colour / color", "big; large": alternatives the card gives side by side. */
const ALTERNATIVES = /\s+\/\s+|\s*;\s*/;
const NUMBER_LEAD = /^(?:on|in|about|around|approximately|roughly|circa|c\.|ca\.)\s+(?=\d)/i;
const DAY_FIRST = new RegExp(`^(${DAY})\\s+(?:of\\s+)?(${MONTH}),?\\s+(\\d{3,4})$`, 'i');
const MONTH_FIRST = new RegExp(`^(${MONTH})\\s+(${DAY}),?\\s+(\\d{3,4})$`, 'i');

/** Each rule gives other ways to write an answer; they apply one after another, so they combine. */
const VARIANT_RULES: ((text: string) => string[])[] = [
	(t) => [t.replace(BRACKETED, '')], // Canberra (ACT) → Canberra
	(t) => t.split(ALTERNATIVES),
	(t) => [t.replace(/^(?:the|an?)\s+/i, '')], // the Nile → Nile
	(t) => [t.replace(/^to\s+(?=\p{Ll})/u, '')], // to run → run
	(t) => [t.replace(NUMBER_LEAD, '')], // on 29 December 2023 → 29 December 2023
	(t) => {
		const dayFirst = DAY_FIRST.exec(t);
		if (dayFirst) return [`${dayFirst[2]} ${dayFirst[1]}, ${dayFirst[3]}`];
		const monthFirst = MONTH_FIRST.exec(t);
		return monthFirst ? [`${monthFirst[2]} ${monthFirst[1]} ${monthFirst[3]}`] : [];
	},
	(t) => {
		// 206 bones → 206; a scale word stays, as "472" is not "472 million".
		const unit = /^(-?\d[\d,.]*)\s*\p{L}/u.exec(t);
		const parsed = unit && parseNumber(t);
		return unit && parsed && !parsed.scale ? [unit[1]!] : [];
	},
	(t) => [t.normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFC')] // Zürich → Zurich
];

const tidy = (text: string) => text.replace(/\s+/g, ' ').trim().replace(END_STOP, '');
/** What a variant must change: its letters or digits. Case, spaces and punctuation alone the checker ignores. */
const spelling = (text: string) =>
	text
		.normalize('NFC')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]/gu, '');

/**
 * Other ways to write an answer that a typed question should accept: without a bracketed part,
 * each of the alternatives given with " / " or ";", without a leading article, "to" or preposition,
 * a date with day and month swapped, a number without its unit, the words without accents. Only
 * variants that differ in letters or digits count; an answer with none gets no typed question (see
 * `generateQuestions`).
 */
export function acceptedVariants(answer: string): string[] {
	let forms = [tidy(answer)];
	for (const rule of VARIANT_RULES) forms = [...new Set([...forms, ...forms.flatMap(rule).map(tidy)])];
	const seen = new Set([spelling(answer)]);
	return forms.filter((form) => {
		const key = spelling(form);
		if (key === '' || seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

// ————— Cards prepared for comparison —————

interface Prepared {
	id: string;
	/** Its place in the deck. */
	position: number;
	front: string;
	back: string;
	explanation: string | undefined;
	kind: Kind;
	variants: string[];
	/**
	 * The comparison keys, as the typed-answer checker compares them, of the back, its variants and
	 * what it holds in brackets ("Kyiv (Kiev)"): a back sharing one is never offered as wrong.
	 */
	keys: Set<string>;
	number: ParsedNumber | undefined;
	frontKey: string;
	/** Every card with the same front (this one among them): each of their backs is right for it. */
	sameFront: Prepared[];
}

function prepare(card: SourceCard, position: number): Prepared | undefined {
	const front = card.front.trim();
	const back = card.back.trim();
	// A front that shows an image or a sound means nothing without it, and a question shows only text.
	if (front === '' || back === '' || textKey(front) === '' || card.media?.front.length) return undefined;
	const variants = acceptedVariants(back);
	return {
		id: card.id,
		position,
		front,
		back,
		explanation: card.explanation?.trim() || undefined,
		kind: kindOf(back),
		variants,
		keys: new Set([back, ...variants, ...bracketed(back)].map(textKey).filter(Boolean)),
		number: /\d/.test(back) ? parseNumber(back) : undefined,
		frontKey: textKey(front),
		sameFront: []
	};
}

/** Whether two backs say the same: a variant of one is a variant of the other, or they state the same number. */
function sameAnswer(a: Prepared, b: Prepared): boolean {
	for (const key of a.keys) if (b.keys.has(key)) return true;
	return !!a.number && !!b.number && (numbersMatch(a.number, [b.number]) || numbersMatch(b.number, [a.number]));
}

/** Whether two cards can stand side by side in a question: no back of either is right for the other's front. */
function compatible(a: Prepared, b: Prepared): boolean {
	return (
		a.frontKey !== b.frontKey &&
		!a.sameFront.some((right) => sameAnswer(right, b)) &&
		!b.sameFront.some((right) => sameAnswer(right, a))
	);
}

const closeness = (a: Prepared, b: Prepared) => Math.abs(Math.log(a.back.length / b.back.length));
/** The order of a kind's group: by back length, and among backs of one length by place in the deck. */
const byLength = (a: Prepared, b: Prepared) => a.back.length - b.back.length || a.position - b.position;

/**
 * How many cards of a kind, the closest in back length, a question chooses among. They are plenty to
 * choose from, and they keep a deck of thousands of cards quick: no card looks at the whole deck.
 */
const CANDIDATES = 24;
/** How many cards of a kind a card looks at to find them, so that hundreds of identical backs stay quick too. */
const MOST_LOOKED_AT = 8 * CANDIDATES;

/**
 * The cards of `group` (one kind, in `byLength` order) that can stand beside `card`, up to
 * CANDIDATES of them, closest in back length first, among the MOST_LOOKED_AT closest. Among backs
 * of one length it starts from the card's place in the deck, so that neighbours in the deck, often
 * on one topic, meet, and cards far apart draw on different cards.
 */
function alike(group: Prepared[], card: Prepared): Prepared[] {
	let low = 0;
	let high = group.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (byLength(group[middle]!, card) < 0) low = middle + 1;
		else high = middle;
	}
	let shorter = low - 1;
	let longer = low;
	const found: Prepared[] = [];
	let looked = 0;
	while (found.length < CANDIDATES && looked++ < MOST_LOOKED_AT && (shorter >= 0 || longer < group.length)) {
		const takeShorter =
			longer >= group.length || (shorter >= 0 && closeness(group[shorter]!, card) <= closeness(group[longer]!, card));
		const next = takeShorter ? group[shorter--]! : group[longer++]!;
		if (next !== card && compatible(card, next)) found.push(next);
	}
	return found;
}

/**
 * Up to `count` of `candidates` (closest in length first), none saying the same as another or as
 * one of `taken`. Among backs of similar length the seed chooses; beyond them, the closest.
 */
function pickAlike(
	candidates: Prepared[],
	to: Prepared,
	count: number,
	random: Random,
	taken: Prepared[] = []
): Prepared[] {
	const similar = candidates.filter((p) => closeness(p, to) <= SIMILAR_LENGTH);
	const order = [...shuffled(similar, random), ...candidates.slice(similar.length)];
	const chosen: Prepared[] = [];
	for (const p of order) {
		if (chosen.length === count) break;
		if (!taken.some((q) => sameAnswer(p, q)) && !chosen.some((q) => sameAnswer(p, q))) chosen.push(p);
	}
	return chosen;
}

/** A deck's usable cards, by kind, each kind shortest back first. */
type Groups = Map<Kind, Prepared[]>;

/** `alike` over several kinds at once. */
function alikeOfKinds(groups: Groups, kinds: Kind[], card: Prepared): Prepared[] {
	return kinds
		.flatMap((kind) => alike(groups.get(kind)!, card))
		.map((p): [number, Prepared] => [closeness(p, card), p])
		.sort((a, b) => a[0] - b[0])
		.map(([, p]) => p);
}

// ————— The questions —————

const sentence = (text: string) => (END_STOP.test(text) ? text : `${text}.`);

/** What a generated question teaches after the answer: the card itself, and its explanation if it has one. */
function explain(card: Prepared, verdict?: string): string {
	const recap = sentence(`${card.front} → ${card.back}`);
	return [verdict, recap, card.explanation].filter(Boolean).join(' ');
}

/**
 * Each question takes the card, `sameKind`: the cards of its kind that can stand beside it (`alike`,
 * found once for all its questions), the deck's groups for other kinds, and its own random stream.
 */
function multipleChoice(card: Prepared, sameKind: Prepared[], groups: Groups, random: Random): Question | undefined {
	const chosen = pickAlike(sameKind, card, MOST_DISTRACTORS, random);
	// Three options of the right kind are better than four with an odd one out: borrow only below three.
	if (chosen.length < FEWEST_DISTRACTORS) {
		const nearest = alikeOfKinds(groups, NEAREST_KINDS[card.kind], card);
		chosen.push(...pickAlike(nearest, card, MOST_DISTRACTORS - chosen.length, random, chosen));
	}
	if (chosen.length < FEWEST_DISTRACTORS) return undefined;
	return {
		id: AUTO_IDS['multiple-choice'],
		type: 'multiple-choice',
		prompt: card.front,
		options: shuffled([card.back, ...chosen.map((p) => p.back)], random),
		answer: card.back,
		explanation: explain(card)
	};
}

function trueFalse(card: Prepared, sameKind: Prepared[], random: Random): Question | undefined {
	// Only a deck with a plausible wrong back for this card can ask it, whichever way the seed falls.
	if (sameKind.length === 0) return undefined;
	const truth = random() < 0.5;
	const shown = truth ? card : pickAlike(sameKind, card, 1, random)[0]!;
	return {
		id: AUTO_IDS['true-false'],
		type: 'true-false',
		prompt: `${card.front} → ${shown.back}`,
		answer: truth,
		explanation: explain(card, truth ? 'True:' : 'False:')
	};
}

function typed(card: Prepared): Question | undefined {
	if (card.kind === 'sentence' || card.back.length > LONGEST_SHORT_ANSWER || card.variants.length === 0)
		return undefined;
	return {
		id: AUTO_IDS.typed,
		type: 'typed',
		prompt: card.front,
		answer: card.back,
		accept: card.variants,
		explanation: explain(card)
	};
}

const isShort = (card: Prepared) =>
	card.front.length <= LONGEST_SHORT_ANSWER && card.back.length <= LONGEST_SHORT_ANSWER;

function matching(card: Prepared, sameKind: Prepared[], groups: Groups, random: Random): Question | undefined {
	if (!isShort(card)) return undefined;
	const chosen = [card];
	const addFrom = (candidates: Prepared[]) => {
		for (const p of shuffled(candidates.filter(isShort), random)) {
			if (chosen.length === MOST_PAIRS) break;
			if (chosen.every((q) => compatible(p, q))) chosen.push(p);
		}
	};
	// Backs of one kind make the pairs hard to guess by their look; other kinds only fill in.
	addFrom(sameKind);
	if (chosen.length < MOST_PAIRS)
		addFrom(
			alikeOfKinds(
				groups,
				KINDS.filter((kind) => kind !== card.kind),
				card
			)
		);
	if (chosen.length < FEWEST_PAIRS) return undefined;
	return {
		id: AUTO_IDS.matching,
		type: 'matching',
		prompt: 'Match each front with its back.',
		pairs: shuffled(chosen, random).map((p): [string, string] => [p.front, p.back]),
		explanation: 'Each pair is one of your cards.'
	};
}

/**
 * The questions of each card, by card id: first those its author wrote, then one generated question
 * of each type they do not cover, where the deck allows it:
 * - multiple choice: the front, its back and two or three other backs of the same kind and of
 *   similar length (with fewer than two of its kind, the nearest kinds lend theirs: see
 *   NEAREST_KINDS); never a back that says the same as the answer or that is right for the front;
 * - true/false: the front with its own back or another back of the same kind, as the seed falls;
 *   only for a card whose back has another of its kind in the deck;
 * - typed: the back, accepting `acceptedVariants`; not for sentences or backs over 120 characters,
 *   which are read rather than typed, nor for a back with no variant (the bank requires one,
 *   and the checker already forgives case, accents, articles, punctuation and small typos);
 * - matching: four fronts (three where the deck has no more) and their backs, the card's among them.
 * Cards with an empty front or back, or whose front shows an image or a sound (a question's prompt, its
 * options and pairs are text alone, so neither the image nor the text beside it can be asked: "Which
 * flag is this?" is no question without the flag), get no generated question and lend nothing to
 * others; their own questions are kept. A question
 * that the bank's lint would warn about (an answer given away by its prompt, a right option twice as
 * long as the others) is left out. The seed chooses distractors, true or false, and every order.
 */
export function generateQuestions(cards: SourceCard[], seed: string | number): Map<string, Question[]> {
	const positions = new Map<string, number>();
	cards.forEach((card, i) => {
		const first = positions.get(card.id);
		if (first !== undefined)
			throw new GenerateError(`card id "${card.id}" is used twice: by card ${first + 1} and by card ${i + 1}`);
		positions.set(card.id, i);
	});

	const prepared = cards.map((card, i) => prepare(card, i));
	const usable = prepared.filter((p): p is Prepared => p !== undefined);
	const byFront = new Map<string, Prepared[]>();
	for (const p of usable) {
		const same = byFront.get(p.frontKey);
		if (same) same.push(p);
		else byFront.set(p.frontKey, [p]);
	}
	for (const p of usable) p.sameFront = byFront.get(p.frontKey)!;
	const groups: Groups = new Map(KINDS.map((kind) => [kind, usable.filter((p) => p.kind === kind).sort(byLength)]));

	const out = new Map<string, Question[]>();
	cards.forEach((card, i) => {
		const own = card.questions ?? [];
		const p = prepared[i];
		if (!p) {
			out.set(card.id, [...own]);
			return;
		}
		const randomFor = (type: QuestionType) => seededRandom(`${seed}|${card.id}|${type}`);
		const sameKind = alike(groups.get(p.kind)!, p);
		const generated = [
			multipleChoice(p, sameKind, groups, randomFor('multiple-choice')),
			trueFalse(p, sameKind, randomFor('true-false')),
			typed(p),
			matching(p, sameKind, groups, randomFor('matching'))
		].filter((q): q is Question => q !== undefined && !own.some((o) => o.type === q.type || o.id === q.id));
		const flagged = new Set(lintFact({ id: card.id, cards: [p], questions: generated }).map((w) => w.questionId));
		out.set(card.id, [...own, ...generated.filter((q) => !flagged.has(q.id))]);
	});
	return out;
}
