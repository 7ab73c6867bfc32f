import { describe, expect, it } from 'vitest';
import { nextStudyDayStart, studyDayKey, studyDayStart } from './day';
import { at } from '../test-fixtures';

describe('study days', () => {
	it('start at the rollover hour of the local day', () => {
		expect(studyDayStart(at(10, 3, 59).getTime(), 4)).toBe(at(9, 4).getTime());
		expect(studyDayStart(at(10, 4).getTime(), 4)).toBe(at(10, 4).getTime());
		expect(nextStudyDayStart(at(10, 23).getTime(), 4)).toBe(at(11, 4).getTime());
		expect(studyDayKey(at(10, 2).getTime(), 4)).toBe('2026-11-09');
	});
});
