import { describe, expect, it } from 'vitest';
import { clampStep, lastStep, lastStepOf, questionAt, viewFragment, viewOf } from './slides';

describe('the projector’s steps', () => {
	it('show the title, each question asked then revealed, then the end', () => {
		const steps = Array.from({ length: lastStep(2) + 1 }, (_, step) => questionAt(step, 2));
		expect(steps).toEqual([
			undefined,
			{ index: 0, revealed: false },
			{ index: 0, revealed: true },
			{ index: 1, revealed: false },
			{ index: 1, revealed: true },
			undefined
		]);
	});

	it('stay between the title and the end', () => {
		expect([clampStep(-1, 2), clampStep(3, 2), clampStep(6, 2)]).toEqual([0, 3, 5]);
		expect(clampStep(4, 0)).toBe(1);
	});

	it('walk the class results from the overview to the last question', () => {
		expect(lastStepOf('results', 3)).toBe(3);
		expect([clampStep(-1, 3, 'results'), clampStep(2, 3, 'results'), clampStep(9, 3, 'results')]).toEqual([0, 2, 3]);
	});

	it('read the view from the address, the quiz unless it asks for the results', () => {
		expect(viewOf('#q=ABCD-EFGH&t=Unit%203')).toBe('quiz');
		expect(viewOf(`#${viewFragment('q=ABCD-EFGH&t=Unit%203', 'results')}`)).toBe('results');
		expect(viewFragment('q=ABCD', 'quiz')).toBe('q=ABCD');
	});
});
