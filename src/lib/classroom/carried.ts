/**
 * A class quiz made from a user's deck. Students do not have the teacher's deck, so the quiz's link
 * carries its questions: `#q=CODE&t=TITLE&d=<questions>`, `<questions>` a share link's fragment
 * (`$lib/decks/share.ts`: deflate-raw, base64url, CRC-32, checked with its schema on the way in) of a
 * deck holding one card per question of the quiz, in the quiz's order, each with that one question.
 * Only what the quiz asks travels, not the deck, so the link's size follows the quiz's, whatever the
 * deck's. A QR code holds a link of up to QR_MAX_BYTES (2,331 bytes: version 40 at level M, as for a
 * shared deck); measured in carried.test.ts on short vocabulary cards, a 40-question quiz fits and a
 * 60-question one does not (10 questions: about 870 bytes). Above it the builder draws no QR code and
 * says to send the link, or to ask fewer questions; the link itself still opens the quiz.
 *
 * Every device, the teacher's too, builds the quiz from what the link carries, never from the deck,
 * so the projector, the students and the report agree even after the teacher edits or deletes the deck.
 * The code's deck field is the hash of `carriedDeckId`, which is made from the carried text: a code
 * opens only with the questions it was made with, and a typed code alone says to open the link instead.
 */
import type { Deck, Fact, Question } from '$lib/content/schema';
import { decodeShareFragment, encodeShareFragment, ShareLinkError, type SharedDeck } from '$lib/decks/share';
import { presentQuiz, type QuizPlan } from '$lib/quiz/build';
import { fnv1a } from './bits';
import { decodeQuizCode, quizConfigOf, type Decoded, type ReadQuiz } from './quizcode';

/** The id every device gives the carried quiz's deck: made from the carried text, so the code checks it. */
export const carriedDeckId = (carried: string): string => `carried-${fnv1a(carried.replace(/\s+/g, '')).toString(36)}`;

const withoutKey = ({ key: _key, factId: _factId, ...question }: Question & { key: string; factId: string }) =>
	question;

/** The questions of a quiz, in its order, packed for its link (what follows `d=`). */
export async function carryQuiz(plan: QuizPlan, title: string): Promise<string> {
	return encodeShareFragment({
		title,
		cards: plan.questions.map(({ question, fact }) => ({
			front: fact.cards[0]?.front ?? question.prompt,
			back: fact.cards[0]?.back ?? question.prompt,
			tags: [],
			questions: [withoutKey(question)]
		}))
	});
}

/** The deck of a carried quiz: card i is fact `q<i>` with its one question. */
export function carriedDeck(deckId: string, shared: SharedDeck): Deck {
	return {
		id: deckId,
		title: shared.title,
		description: shared.description ?? '',
		facts: shared.cards.map((card, i): Fact => {
			const id = `q${i + 1}`;
			return {
				id,
				statement: card.explanation ?? `${card.front} — ${card.back}`,
				paragraphs: [],
				countries: [],
				themes: [],
				cards: [{ front: card.front, back: card.back }],
				questions: (card.questions ?? []).map((q) => ({ ...q, key: `${id}/${q.id}`, factId: id }))
			};
		})
	};
}

/** The quiz of a code and the questions its link carries, or why it cannot be opened. */
export async function openCarriedQuiz(
	code: string,
	carried: string
): Promise<Decoded<ReadQuiz & { deck: Deck; plan: QuizPlan; carried: string }>> {
	let shared: SharedDeck;
	try {
		shared = await decodeShareFragment(carried);
	} catch (error) {
		if (!(error instanceof ShareLinkError)) throw error;
		return {
			ok: false,
			message: `The questions in this quiz link cannot be read (${error.message.replace(/\.$/, '')}). Open the link again from your teacher.`
		};
	}
	const deckId = carriedDeckId(carried);
	const read = decodeQuizCode(code, [deckId]);
	if (!read.ok) {
		const changed = /deck this app does not have/.test(read.message);
		return changed
			? { ok: false, message: 'This quiz link was changed: its code and its questions do not belong together.' }
			: read;
	}
	const deck = carriedDeck(deckId, shared);
	const keys = deck.facts.flatMap((fact) => fact.questions.map((q) => q.key));
	const plan = presentQuiz(deck, keys, quizConfigOf(read.value.quiz).seed);
	return { ok: true, value: { ...read.value, deck, plan, carried } };
}
