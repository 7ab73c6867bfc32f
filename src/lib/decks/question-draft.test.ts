import { describe, expect, it } from 'vitest';
import { cardProblems } from '$lib/db/user-deck-edits';
import { emptyDraft, toDraft, toQuestion, type QuestionDraft } from './question-draft';

const card = (draft: QuestionDraft) => ({
	front: 'Capital of Kyrgyzstan',
	back: 'Bishkek',
	questions: [toQuestion(draft, 1)]
});
const sound: QuestionDraft[] = [
	{
		...emptyDraft('multiple-choice'),
		prompt: 'Capital?',
		explanation: 'It is.',
		answer: 'Bishkek',
		lines: 'Osh\nNaryn'
	},
	{ ...emptyDraft('true-false'), prompt: 'Bishkek is the capital.', explanation: 'It is.', truth: true },
	{ ...emptyDraft('typed'), prompt: 'Capital?', explanation: 'It is.', answer: 'Bishkek', lines: 'Frunze' },
	{ ...emptyDraft('matching'), prompt: 'Match.', explanation: 'They are.', lines: 'a = 1\nb = 2\nc = 3' },
	{ ...emptyDraft('ordering'), prompt: 'Order.', explanation: 'It is.', lines: 'one\ntwo\nthree' }
];

describe('question drafts', () => {
	it('makes a sound question of each of the five types, and reads it back', () => {
		for (const draft of sound) {
			expect(cardProblems(card(draft))).toEqual([]);
			expect(toDraft(toQuestion(draft, 1))).toEqual(draft);
		}
	});

	it('says what the validator says while a question is incomplete', () => {
		expect(cardProblems(card({ ...sound[0]!, lines: 'Osh' }))).toEqual(['question 1: needs 3 or 4 options']);
		expect(cardProblems(card({ ...sound[2]!, lines: '' }))).toEqual([
			'question "q1": a typed answer needs at least one accepted variant in "accept"'
		]);
		expect(cardProblems(card({ ...sound[0]!, lines: 'Bishkek\nOsh' }))).toEqual([
			'question "q1": option "Bishkek" appears twice'
		]);
	});

	it('refuses a map question on a user card, which has no map of places', () => {
		const map = {
			id: 'q1',
			type: 'map',
			tap: 'country',
			prompt: 'Tap it.',
			answer: 'kyrgyzstan',
			explanation: 'It is.'
		};
		expect(cardProblems({ front: 'Kyrgyzstan', back: 'No border', questions: [map as never] })).toEqual([
			"question 1: a map question needs a bank deck's map"
		]);
	});
});
