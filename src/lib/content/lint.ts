/**
 * Warnings about questions that are valid but give their answer away or teach nothing new.
 * Unlike validate.ts's problems they do not stop the build: a question may keep one on purpose
 * by naming its rule in `allow`. Pure and without Node, so a deck written in the browser can be
 * linted the same way as the bank.
 */
import { words } from './words';
import type { FactInput, LintRule, Question } from './schema';

export interface LintWarning {
	factId: string;
	questionId: string;
	rule: LintRule;
	message: string;
}

/**
 * Answers shorter than this (once folded) are not looked for in the prompt: one- and two-character
 * answers ("a", "of", "UN", "5") turn up in prompts by chance far more often than as a giveaway.
 */
const SHORTEST_ANSWER_LOOKED_FOR = 3;

/** Whether `phrase` stands in `text` as whole words, ignoring case, accents, punctuation and articles. */
function containsPhrase(text: string, phrase: string): boolean {
	const key = words(phrase).join(' ');
	return key.length >= SHORTEST_ANSWER_LOOKED_FOR && ` ${words(text).join(' ')} `.includes(` ${key} `);
}

/** What a question asks the student to give, pick or arrange. */
function answersOf(q: Question): string[] {
	switch (q.type) {
		case 'multiple-choice':
			return [q.answer];
		case 'typed':
			return [q.answer, ...q.accept];
		case 'matching':
			return q.pairs.flat();
		case 'ordering':
			return q.items;
		case 'true-false':
		case 'map':
			return [];
	}
}

function answerInPrompt(q: Question): string | undefined {
	if (q.type !== 'multiple-choice' && q.type !== 'typed') return;
	const given = answersOf(q).find((a) => containsPhrase(q.prompt, a));
	return given && `the prompt contains the answer "${given}"`;
}

function longRightOption(q: Question): string | undefined {
	if (q.type !== 'multiple-choice') return;
	const right = q.answer.trim().length;
	const longest = Math.max(...q.options.filter((o) => o.trim() !== q.answer.trim()).map((o) => o.trim().length));
	if (right > 2 * longest)
		return `the right option has ${right} characters, more than twice the longest distractor (${longest}): length alone gives it away`;
}

const ACRONYM = /^[A-Z]{2,6}$/;
/** Small words a name may hold that its acronym leaves out: Islamic Movement *of* Uzbekistan, Tehrik-*e* Taliban Tajikistan. */
const LINKING_WORDS = new Set(['a', 'an', 'and', 'de', 'e', 'for', 'i', 'in', 'of', 'on', 'the', 'to']);

/** The words of a text as written, without possessive 's; dashes and slashes separate words, as in "Turkmenistan–Afghanistan–Pakistan–India". */
const namesOf = (text: string) =>
	text
		.split(/[\s\p{Pd}/]+/u)
		.map((w) => w.replace(/['’]s$/u, '').replace(/^\P{L}+|\P{L}+$/gu, ''))
		.filter(Boolean);

/** The capitalised words of `text` whose initials, in a row, spell `acronym`; linking words may come between them. */
function spelledOut(acronym: string, text: string): string | undefined {
	const names = namesOf(text);
	const letters = acronym.toLowerCase();
	for (let start = 0; start < names.length; start++) {
		let matched = 0;
		let end = start;
		while (end < names.length && matched < letters.length) {
			const name = names[end]!;
			const linking = LINKING_WORDS.has(name.toLowerCase());
			if (!linking && /^\p{Lu}/u.test(name) && name.normalize('NFKD')[0]!.toLowerCase() === letters[matched]) matched++;
			else if (!(linking && matched > 0)) break;
			end++;
		}
		if (matched === letters.length) return names.slice(start, end).join(' ');
	}
}

function acronymSpelledOut(q: Question): string | undefined {
	for (const acronym of answersOf(q).filter((a) => ACRONYM.test(a.trim()))) {
		const spelled = spelledOut(acronym.trim(), q.prompt);
		if (spelled) return `the prompt spells out "${spelled}", whose initials give "${acronym.trim()}"`;
	}
	if (q.type !== 'ordering') return;
	const initials = q.items.map((item) => namesOf(item)[0]?.[0]?.toUpperCase() ?? '').join('');
	const named = namesOf(q.prompt).find((w) => ACRONYM.test(w) && w === initials);
	if (named) return `the items' initials in order spell "${named}", which the prompt names`;
}

const flat = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

function explanationRepeatsBack(q: Question, backs: string[]): string | undefined {
	if (q.type !== 'true-false' && q.type !== 'multiple-choice') return;
	if (backs.some((back) => flat(back) === flat(q.explanation)))
		return "the explanation repeats a flashcard's back word for word; say why the answer is right instead";
}

/** The warnings of every question of a fact, in question order, minus those each question allows. */
export function lintFact(fact: Pick<FactInput, 'id' | 'cards' | 'questions'>): LintWarning[] {
	const backs = fact.cards.map((c) => c.back);
	return fact.questions.flatMap((q) => {
		const found: [LintRule, string | undefined][] = [
			['answer-in-prompt', answerInPrompt(q)],
			['long-right-option', longRightOption(q)],
			['acronym-spelled-out', acronymSpelledOut(q)],
			['explanation-repeats-back', explanationRepeatsBack(q, backs)]
		];
		return found
			.filter(([rule, message]) => message !== undefined && !q.allow?.includes(rule))
			.map(([rule, message]) => ({ factId: fact.id, questionId: q.id, rule, message: message! }));
	});
}
