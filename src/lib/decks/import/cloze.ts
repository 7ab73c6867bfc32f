/**
 * Anki cloze notes, `{{c1::answer}}` or `{{c1::answer::hint}}`, made into one card per cloze number, as
 * Anki renders them: on the front that number's deletions become `[…]` (or `[hint]`) and the others show
 * their text; the back shows the whole text.
 */
import { htmlToPlainText } from './html-text';
import type { ClozeBlank, ImportProblem } from './result';

// As Anki's own: c and a number, the text up to the first `::` or `}}`, an optional hint.
const CLOZE = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/gi;
const CLOZE_OPENING = /\{\{c\d+::/i;

export function hasCloze(text: string): boolean {
	return CLOZE_OPENING.test(text);
}

export interface ClozeSides {
	front: string;
	back: string;
	cloze: ClozeBlank;
}

/**
 * One card per cloze number, in number order. `html` says the text is HTML, so the answers a typed
 * question compares are taken as the text a reader sees. A number with an empty deletion gets no
 * card; a deletion never closed is reported.
 */
export function expandCloze(text: string, line: number, html: boolean, problems: ImportProblem[]): ClozeSides[] {
	const deletions = [...text.matchAll(CLOZE)].map((match) => ({
		number: Number(match[1]),
		answer: match[2] ?? '',
		hint: match[3]
	}));
	const unclosed = text.replace(CLOZE, '').match(CLOZE_OPENING);
	if (unclosed) problems.push({ line, message: `the cloze deletion "${unclosed[0]}…" is never closed with "}}"` });

	const back = text.replace(CLOZE, (_match, _number, answer: string) => answer);
	const numbers = [...new Set(deletions.map((d) => d.number))].sort((a, b) => a - b);
	const cards: ClozeSides[] = [];
	for (const number of numbers) {
		const mine = deletions.filter((d) => d.number === number);
		const answers = mine.map((d) => (html ? htmlToPlainText(d.answer) : d.answer.trim()));
		if (answers.some((answer) => answer === '')) {
			problems.push({
				line,
				message: `cloze c${number} has no answer (write it as {{c${number}::answer}}): no card is made for it`
			});
			continue;
		}
		const front = text.replace(CLOZE, (_match, n: string, answer: string, hint: string | undefined) =>
			Number(n) === number ? `[${hint?.trim() || '…'}]` : answer
		);
		cards.push({ front, back, cloze: { number, answers } });
	}
	return cards;
}
