/** From a quiz code to the quiz: the deck, and the plan every device builds alike. */
import { deckIds, loadDeck } from '$lib/content/decks';
import type { Deck } from '$lib/content/schema';
import { buildQuiz, type QuizPlan } from '$lib/quiz/build';
import { decodeQuizCode, quizConfigOf, type Decoded, type ReadQuiz } from './quizcode';

export interface OpenQuiz extends ReadQuiz {
	deck: Deck;
	plan: QuizPlan;
}

export function planFor(deck: Deck, read: ReadQuiz): QuizPlan {
	return buildQuiz(deck, quizConfigOf(read.quiz));
}

/** Reads a code and builds its quiz; a message instead when the code or its quiz is not usable. */
export async function openQuiz(text: string): Promise<Decoded<OpenQuiz>> {
	const read = decodeQuizCode(text, deckIds());
	if (!read.ok) return read;
	const deck = await loadDeck(read.value.quiz.deckId);
	if (!deck) return { ok: false, message: 'This quiz uses a deck this app does not have.' };
	const plan = planFor(deck, read.value);
	if (plan.questions.length === 0)
		return { ok: false, message: 'This quiz has no questions: no question of the deck matches its topics and types.' };
	return { ok: true, value: { ...read.value, deck, plan } };
}
