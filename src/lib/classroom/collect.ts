/** The teacher's collect screen in words: what became of each code read, and each question's most common wrong answer. */
import type { StudyDatabase } from '$lib/db/db';
import type { QuizPlan } from '$lib/quiz/build';
import type { QuestionRow } from './report';
import { decodeResultCode, splitCodes } from './resultcode';
import { addClassResults, type AddOutcome } from './records';

/** One code read: kept (`ok`) or refused, and what the teacher is told. */
export interface CodeRead {
	code: string;
	ok: boolean;
	text: string;
}

const OUTCOME_TEXT: Record<AddOutcome, string> = {
	added: 'added',
	replaced: 'updated (a later result replaces the earlier one)',
	'kept-newer': 'kept the later result already here',
	'already-collected': 'already collected'
};

/** Reads every result code in a text (pasted or scanned) against the quiz, and keeps the readable ones. */
export async function collectCodes(
	db: StudyDatabase,
	quiz: { id: string; plan: QuizPlan },
	text: string,
	now: number
): Promise<CodeRead[]> {
	const read = splitCodes(text).map((code) => ({ code, read: decodeResultCode(code, quiz.id, quiz.plan) }));
	const added = await addClassResults(
		db,
		read.flatMap((r) => (r.read.ok ? [{ result: r.read.value, code: r.code }] : [])),
		now
	);
	let k = 0;
	return read.map(({ code, read }) =>
		read.ok
			? { code, ok: true, text: `${read.value.name}: ${OUTCOME_TEXT[added[k++]!]}` }
			: { code, ok: false, text: read.message }
	);
}

export function commonWrongText({ commonWrong }: QuestionRow): string {
	if (!commonWrong) return 'No wrong answers.';
	const what = commonWrong.text === null ? 'no answer given' : `“${commonWrong.text}”`;
	return `Most common wrong answer: ${what} (${commonWrong.count}).`;
}
