import { describe, expect, it } from 'vitest';
import { State } from 'ts-fsrs';
import { at, card, MATURE, NOW, review, ROLLOVER, talliesOf } from './fixtures';
import { retentionSummary, trueRetention } from './retention';

describe('true retention', () => {
	const reviews = [
		review(at(15, 9), 3, null), // a first review: not of a mature fact
		review(at(15, 9), 1, card(State.Review, 20)), // young
		review(at(15, 9), 3, card(State.Learning, 30)),
		review(at(15, 9), 1, card(State.Relearning, 30)),
		review(at(15, 9), 1, MATURE), // failed
		review(at(14, 9), 2, MATURE), // Hard passes
		review(at(10, 9), 3, card(State.Review, 100)),
		review(at(17, 4, 0, 9), 4, MATURE), // 17 Oct at the rollover: the first moment of the 30 days
		review(at(17, 3, 59, 9), 1, MATURE), // a minute earlier: the 16th, outside them
		review(at(1, 9, 0, 8), 3, MATURE) // 1 September
	];

	it('is the share of Hard, Good and Easy among reviews of mature facts', () => {
		expect(trueRetention(talliesOf(reviews))).toEqual({ rate: 4 / 6, passed: 4, count: 6 });
	});

	it('is given overall and for the last 30 days', () => {
		expect(retentionSummary(talliesOf(reviews), NOW, ROLLOVER)).toEqual({
			overall: { rate: 4 / 6, passed: 4, count: 6 },
			recent: { rate: 3 / 4, passed: 3, count: 4 }
		});
	});

	it('is undefined when no mature fact was reviewed', () => {
		expect(trueRetention(talliesOf([review(at(15, 9), 3, null), review(at(15, 9), 3, card(State.Review, 5))]))).toEqual(
			{
				rate: undefined,
				passed: 0,
				count: 0
			}
		);
		expect(trueRetention(new Map())).toEqual({ rate: undefined, passed: 0, count: 0 });
	});
});
