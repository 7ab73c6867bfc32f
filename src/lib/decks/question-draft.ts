/**
 * A question as the card editor's form holds it: plain text fields, lists one item a line, so that
 * each of the five types is written with the keyboard of a phone. `toQuestion` turns it into the
 * bank's Question, which storage checks with the validator's rules (cardProblems), shown as you type.
 */
import { QUESTION_TYPES, type Question, type QuestionType } from '$lib/content/schema';

/** The types a user card can hold: a map question needs the places of a bank deck's map. */
export type DraftType = Exclude<QuestionType, 'map'>;
export const DRAFT_TYPES = QUESTION_TYPES.filter((type): type is DraftType => type !== 'map');

export interface QuestionDraft {
	type: DraftType;
	prompt: string;
	explanation: string;
	/** The right answer: multiple choice and typed. */
	answer: string;
	/** One a line: distractors (multiple choice), other accepted answers (typed), items in order (ordering), `left = right` pairs (matching). */
	lines: string;
	/** True/false's answer. */
	truth: boolean;
}

export const QUESTION_TYPE_NAMES: Record<DraftType, string> = {
	'multiple-choice': 'Multiple choice',
	'true-false': 'True or false',
	typed: 'Typed answer',
	matching: 'Matching',
	ordering: 'Ordering'
};

/** What the list field holds, per type; undefined where the type has no list. */
export const LINES_LABELS: Partial<Record<DraftType, string>> = {
	'multiple-choice': 'Wrong answers, 2 or 3, one a line',
	typed: 'Other accepted answers, one a line (at least one)',
	matching: 'Pairs, 3 to 6, one a line as: left = right',
	ordering: 'Items in the right order, 3 to 6, one a line'
};

export const emptyDraft = (type: DraftType = 'multiple-choice'): QuestionDraft => ({
	type,
	prompt: '',
	explanation: '',
	answer: '',
	lines: '',
	truth: true
});

const lines = (text: string) =>
	text
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean);

/** The draft as a Question with the id `q<n>`, n its 1-based place on the card. */
export function toQuestion(draft: QuestionDraft, n: number): Question {
	const base = { id: `q${n}`, prompt: draft.prompt.trim(), explanation: draft.explanation.trim() };
	switch (draft.type) {
		case 'multiple-choice':
			return {
				...base,
				type: draft.type,
				answer: draft.answer.trim(),
				options: [draft.answer.trim(), ...lines(draft.lines)]
			};
		case 'true-false':
			return { ...base, type: draft.type, answer: draft.truth };
		case 'typed':
			return { ...base, type: draft.type, answer: draft.answer.trim(), accept: lines(draft.lines) };
		case 'matching':
			return {
				...base,
				type: draft.type,
				pairs: lines(draft.lines).map((line): [string, string] => {
					const at = line.indexOf('=');
					return at < 0 ? [line, ''] : [line.slice(0, at).trim(), line.slice(at + 1).trim()];
				})
			};
		case 'ordering':
			return { ...base, type: draft.type, items: lines(draft.lines) };
	}
}

/** A stored Question back in the form's fields. */
export function toDraft(question: Question): QuestionDraft {
	if (question.type === 'map')
		throw new Error(`question "${question.id}" is a map question, which a user card cannot hold`);
	const draft = { ...emptyDraft(question.type), prompt: question.prompt, explanation: question.explanation };
	switch (question.type) {
		case 'multiple-choice':
			return {
				...draft,
				answer: question.answer,
				lines: question.options.filter((o) => o !== question.answer).join('\n')
			};
		case 'true-false':
			return { ...draft, truth: question.answer };
		case 'typed':
			return { ...draft, answer: question.answer, lines: question.accept.join('\n') };
		case 'matching':
			return { ...draft, lines: question.pairs.map(([l, r]) => `${l} = ${r}`).join('\n') };
		case 'ordering':
			return { ...draft, lines: question.items.join('\n') };
	}
}
