/**
 * The projector's steps. The quiz: 0 is the title screen, then two steps per question (asked,
 * then its answer revealed), then the end. The class results: 0 is the overview, then one step
 * per question.
 */

/** What the projector shows: the quiz as it is asked, or how the class answered it. */
export type ProjectorView = 'quiz' | 'results';

/** The step of the quiz's end screen. */
export const lastStep = (questions: number) => questions * 2 + 1;

/** The last step of a view. */
export const lastStepOf = (view: ProjectorView, questions: number) =>
	view === 'results' ? questions : lastStep(questions);

/** A step to go to, kept between the first and the last (clickers press on past either). */
export const clampStep = (step: number, questions: number, view: ProjectorView = 'quiz') =>
	Math.max(0, Math.min(lastStepOf(view, questions), step));

/** The question a step shows, by its index in the plan, and whether its answer shows; none on the title and the end. */
export function questionAt(step: number, questions: number): { index: number; revealed: boolean } | undefined {
	if (step < 1 || step > questions * 2) return undefined;
	return { index: Math.floor((step - 1) / 2), revealed: (step - 1) % 2 === 1 };
}

/** The view an address asks for: the class results with `show=results` after the quiz (#q=…&show=results), else the quiz. */
export const viewOf = (hash: string): ProjectorView =>
	new URLSearchParams(hash.replace(/^#/, '')).get('show') === 'results' ? 'results' : 'quiz';

/** The projector's fragment for a quiz's fragment (quizFragment) and a view. */
export const viewFragment = (quizFragment: string, view: ProjectorView) =>
	view === 'results' ? `${quizFragment}&show=results` : quizFragment;
