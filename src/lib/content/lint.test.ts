import { describe, expect, it } from 'vitest';
import { lintFact } from './lint';
import type { LintRule, Question } from './schema';

const BACK = 'Serik Zhumangarin, the Deputy Prime Minister.';

function rulesBroken(...questions: Question[]): [string, LintRule][] {
	const fact = { id: 'kz-visit', cards: [{ front: 'Who visited Kabul for Kazakhstan?', back: BACK }], questions };
	return lintFact(fact).map((w) => [w.questionId, w.rule]);
}

const choice = (fields: Partial<Extract<Question, { type: 'multiple-choice' }>>): Question => ({
	id: 'mc',
	type: 'multiple-choice',
	prompt: 'Who led the Kazakh visit to Kabul?',
	options: ['Zhumangarin', 'Masarykov', 'Mirziyoyev', 'Rahmon'],
	answer: 'Zhumangarin',
	explanation: 'The Deputy Prime Minister led it.',
	...fields
});
const typed = (fields: Partial<Extract<Question, { type: 'typed' }>>): Question => ({
	id: 'typed',
	type: 'typed',
	prompt: 'Which group threatens the pipeline?',
	answer: 'ISKP',
	accept: ['Islamic State Khorasan Province'],
	explanation: 'ISKP vowed to destroy foreign projects.',
	...fields
});
const ordering = (fields: Partial<Extract<Question, { type: 'ordering' }>>): Question => ({
	id: 'order',
	type: 'ordering',
	prompt: 'Put the countries in the order the gas flows through them.',
	items: ['Turkmenistan', 'Afghanistan', 'Pakistan', 'India'],
	explanation: 'The pipeline starts in Turkmenistan.',
	...fields
});
const trueFalse = (fields: Partial<Extract<Question, { type: 'true-false' }>>): Question => ({
	id: 'tf',
	type: 'true-false',
	prompt: 'Zhumangarin visited Kabul in August 2023.',
	answer: true,
	explanation: 'True: he led a delegation there.',
	...fields
});

describe('lintFact', () => {
	it('passes questions that give nothing away', () => {
		expect(rulesBroken(choice({}), typed({}), ordering({}), trueFalse({}))).toEqual([]);
	});

	describe('answer-in-prompt', () => {
		it('finds a multiple-choice answer in the prompt, whatever its case and accents', () => {
			expect(rulesBroken(choice({ prompt: 'Did ZHUMANGARÍN lead the Kazakh visit to Kabul?' }))).toEqual([
				['mc', 'answer-in-prompt']
			]);
		});

		it('finds any accepted variant of a typed answer', () => {
			const q = typed({
				prompt: 'Which province is Hairatan in: Balkh, Kunduz or Herat?',
				answer: 'Balkh Province',
				accept: ['Balkh']
			});
			expect(rulesBroken(q)).toEqual([['typed', 'answer-in-prompt']]);
		});

		it('looks for whole words only, and not for answers of one or two characters', () => {
			expect(rulesBroken(choice({ prompt: 'Who led the Zhumangarinov delegation?' }))).toEqual([]);
			expect(
				rulesBroken(
					typed({ prompt: 'Is it 3 or 4 of the states that border Afghanistan?', answer: '3', accept: ['three'] })
				)
			).toEqual([]);
		});

		it('does not judge true/false statements, which name their subject by design', () => {
			expect(rulesBroken(trueFalse({}))).toEqual([]);
		});
	});

	describe('long-right-option', () => {
		it('flags a right option more than twice as long as every distractor', () => {
			const q = choice({
				options: ['The international community, including Central Asian states', 'Pakistan alone', 'Tajikistan alone'],
				answer: 'The international community, including Central Asian states'
			});
			expect(rulesBroken(q)).toEqual([['mc', 'long-right-option']]);
		});

		it('passes a right option at most twice the longest distractor', () => {
			const q = choice({
				options: ['Uzbekistan and Kazakhstan', 'Tajikistan alone', 'Kyrgyzstan'],
				answer: 'Uzbekistan and Kazakhstan'
			});
			expect(rulesBroken(q)).toEqual([]);
		});
	});

	describe('acronym-spelled-out', () => {
		it('flags a prompt that spells out the acronym answer, across dashes and linking words', () => {
			expect(
				rulesBroken(
					typed({
						prompt: 'What is the acronym of the Turkmenistan–Afghanistan–Pakistan–India pipeline?',
						answer: 'TAPI',
						accept: ['TAPI pipeline']
					})
				)
			).toEqual([['typed', 'acronym-spelled-out']]);
			expect(
				rulesBroken(
					choice({
						prompt: 'Which acronym names Tehrik-e Taliban Tajikistan?',
						options: ['TTT', 'IMU', 'IJU'],
						answer: 'TTT'
					})
				)
			).toEqual([['mc', 'acronym-spelled-out']]);
		});

		it('flags an acronym among matching pairs that the prompt spells out', () => {
			const q: Question = {
				id: 'pairs',
				type: 'matching',
				prompt: 'Match each group with its aim; the Islamic Movement of Uzbekistan is one.',
				pairs: [
					['IMU', 'Turned to ISKP'],
					['TTT', 'Active in Badakhshan'],
					['NRF', 'Resists the Taliban']
				],
				explanation: 'Each group has its own aim.'
			};
			expect(rulesBroken(q)).toEqual([['pairs', 'acronym-spelled-out']]);
		});

		it('flags ordering items whose initials spell an acronym in the prompt', () => {
			expect(rulesBroken(ordering({ prompt: 'Put the countries in the order the TAPI acronym names them.' }))).toEqual([
				['order', 'acronym-spelled-out']
			]);
		});

		it('passes lower-case words that happen to share the initials, and prompts that only name the acronym', () => {
			expect(rulesBroken(typed({ prompt: 'Which group threatens the Afghan pipeline in its propaganda?' }))).toEqual(
				[]
			);
			expect(
				rulesBroken(
					typed({
						prompt: 'Which group, Islamic State in Khorasan, threatens the pipeline?',
						answer: 'ISKP',
						accept: ['IS-K']
					})
				)
			).toEqual([]);
			expect(
				rulesBroken(
					ordering({
						prompt: 'Put the countries of the TAPI pipeline in the order the gas flows.',
						items: ['Turkmenistan', 'Pakistan', 'Afghanistan', 'India']
					})
				)
			).toEqual([]);
		});
	});

	describe('explanation-repeats-back', () => {
		it("flags a true/false or multiple-choice explanation equal to a card's back, but for case and spaces", () => {
			const copy = `  ${BACK.toUpperCase()} `;
			expect(rulesBroken(trueFalse({ explanation: copy }), choice({ explanation: copy }))).toEqual([
				['tf', 'explanation-repeats-back'],
				['mc', 'explanation-repeats-back']
			]);
		});

		it('passes an explanation that says more than the back', () => {
			expect(rulesBroken(trueFalse({ explanation: `${BACK} He led Kazakhstan's delegation in August 2023.` }))).toEqual(
				[]
			);
		});
	});

	it('lets a question allow exactly the rules it names', () => {
		const both = choice({
			prompt: 'Was it Zhumangarin who led the visit?',
			options: ['Zhumangarin, the Deputy Prime Minister', 'Rahmon', 'Eli'],
			answer: 'Zhumangarin, the Deputy Prime Minister'
		});
		const prompt = 'Was it Zhumangarin, the Deputy Prime Minister, who led the visit?';
		expect(rulesBroken({ ...both, prompt })).toEqual([
			['mc', 'answer-in-prompt'],
			['mc', 'long-right-option']
		]);
		expect(rulesBroken({ ...both, prompt, allow: ['answer-in-prompt'] })).toEqual([['mc', 'long-right-option']]);
		expect(rulesBroken({ ...both, prompt, allow: ['answer-in-prompt', 'long-right-option'] })).toEqual([]);
	});
});
