/**
 * Building a quiz: a pure function of the deck and the config (its seed
 * included), so every device builds the same quiz from the same config — after a
 * reload, or from a seed carried in a link.
 */
import type { QuizConfig } from '$lib/db/rows';
import type { Deck, DeckQuestion, Fact, QuestionType, QuizIndex } from '$lib/content/schema';
import { COUNTRIES, QUESTION_TYPES, THEMES } from '$lib/content/vocabulary';
import { derangedOrder, randomIndex, seedFromTime, seededRandom, shuffled } from './random';

export const COUNT_CHOICES = [5, 10, 20, 'all'] as const;

export const TYPE_NAMES: Record<QuestionType, string> = {
	'multiple-choice': 'Multiple choice',
	'true-false': 'True or false',
	typed: 'Typed answer',
	matching: 'Matching',
	ordering: 'Ordering',
	map: 'Map'
};

/** One question as this quiz shows it. */
export interface PlannedQuestion {
	key: string;
	question: DeckQuestion;
	fact: Fact;
	/**
	 * The order things are shown in: multiple choice, its options; matching, the
	 * right-hand sides; ordering, the items as first laid out (never already right).
	 * Empty for true/false, typed and map questions (a map shows its choices where they are).
	 */
	shown: string[];
}

export interface QuizPlan {
	deckId: string;
	seed: string;
	questions: PlannedQuestion[];
}

/** The builder's choices, without the deck and the seed. */
export type QuizChoice = Omit<QuizConfig, 'deckId' | 'seed'>;

/** "Quick 10": ten questions from every topic and of every type, shuffled, with feedback after each. */
export const QUICK_CHOICE: QuizChoice = {
	count: 10,
	countries: [...COUNTRIES],
	themes: [...THEMES],
	types: [...QUESTION_TYPES],
	order: 'shuffled',
	feedback: 'each'
};

/** A practice quiz's config: its seed is made from the time it starts. */
export function practiceConfig(deckId: string, choice: QuizChoice, now: number): QuizConfig {
	return { deckId, ...choice, seed: seedFromTime(now) };
}

/**
 * The deck's questions that the config's topics and types allow, in source
 * order. A fact is in when one of its countries and one of its themes are chosen.
 */
export function questionPool(deck: Deck, config: TopicChoice): DeckQuestion[] {
	const types = new Set(config.types);
	return factsInTopics(deck.facts, config).flatMap((f) => f.questions.filter((q) => types.has(q.type)));
}

/** How many questions `questionPool` would give, counted from the deck's quiz index alone. */
export function matchingCount(index: QuizIndex, config: TopicChoice): number {
	const types = new Set(config.types);
	return factsInTopics(index.facts, config).reduce((n, f) => n + f.types.filter((t) => types.has(t)).length, 0);
}

/** The topics and question types a quiz draws from. */
export type TopicChoice = Pick<QuizConfig, 'countries' | 'themes' | 'types'>;

function factsInTopics<F extends { countries: readonly string[]; themes: readonly string[] }>(
	facts: F[],
	config: TopicChoice
): F[] {
	const countries = new Set<string>(config.countries);
	const themes = new Set<string>(config.themes);
	// A user's deck has no countries or themes: its facts are in every topic.
	const inTopics = (tags: readonly string[], chosen: Set<string>) =>
		tags.length === 0 || tags.some((t) => chosen.has(t));
	return facts.filter((f) => inTopics(f.countries, countries) && inTopics(f.themes, themes));
}

/**
 * Which questions, in which order. With fewer questions than the pool holds,
 * every chosen type gets at least one question first (so a ten-question quiz of
 * five types shows all five), and no fact is asked twice while another fact is
 * left — two questions on one fact give each other away.
 */
export function chooseQuestions(deck: Deck, config: QuizConfig): string[] {
	const pool = questionPool(deck, config);
	const count = config.count === 'all' ? pool.length : Math.max(0, Math.min(config.count, pool.length));
	let chosen: DeckQuestion[];
	if (count === pool.length) {
		chosen = pool;
	} else {
		const random = seededRandom(`${config.seed}|pick`);
		chosen = [];
		const usedFacts = new Set<string>();
		const take = (q: DeckQuestion) => {
			chosen.push(q);
			usedFacts.add(q.factId);
		};
		const types = shuffled(
			QUESTION_TYPES.filter((t) => pool.some((q) => q.type === t)),
			random
		);
		for (const type of types) {
			if (chosen.length >= count) break;
			const fresh = pool.filter((q) => q.type === type && !usedFacts.has(q.factId));
			const candidates = fresh.length > 0 ? fresh : pool.filter((q) => q.type === type && !chosen.includes(q));
			if (candidates.length > 0) take(candidates[randomIndex(random, candidates.length)]!);
		}
		const rest = shuffled(
			pool.filter((q) => !chosen.includes(q)),
			random
		);
		for (const q of rest) if (chosen.length < count && !usedFacts.has(q.factId)) take(q);
		for (const q of rest) if (chosen.length < count && !chosen.includes(q)) take(q);
	}
	const ordered =
		config.order === 'shuffled'
			? shuffled(chosen, seededRandom(`${config.seed}|order`))
			: [...chosen].sort((a, b) => pool.indexOf(a) - pool.indexOf(b));
	return ordered.map((q) => q.key);
}

/**
 * The questions of the given keys, each with its own shuffle of options, right
 * sides or items, drawn from the seed and the question's key (so a question looks
 * the same whatever else the quiz holds). Keys no longer in the bank are left out.
 */
export function presentQuiz(deck: Deck, keys: string[], seed: string): QuizPlan {
	const byKey = new Map<string, { question: DeckQuestion; fact: Fact }>();
	for (const fact of deck.facts) for (const question of fact.questions) byKey.set(question.key, { question, fact });
	const questions: PlannedQuestion[] = [];
	for (const key of keys) {
		const found = byKey.get(key);
		if (!found) continue;
		const random = seededRandom(`${seed}|${key}`);
		const q = found.question;
		const shown =
			q.type === 'multiple-choice'
				? shuffled(q.options, random)
				: q.type === 'matching'
					? derangedOrder(
							q.pairs.map(([, right]) => right),
							random
						)
					: q.type === 'ordering'
						? derangedOrder(q.items, random)
						: [];
		questions.push({ key, ...found, shown });
	}
	return { deckId: deck.id, seed, questions };
}

/** The whole quiz a config describes. */
export function buildQuiz(deck: Deck, config: QuizConfig): QuizPlan {
	return presentQuiz(deck, chooseQuestions(deck, config), config.seed);
}
