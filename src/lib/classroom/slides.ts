/**
 * The projector's steps through a quiz: 0 is the title screen, then two steps per question
 * (asked, then its answer revealed), then the end.
 */

/** The step of the end screen. */
export const lastStep = (questions: number) => questions * 2 + 1;

/** A step to go to, kept between the title and the end (clickers press on past either). */
export const clampStep = (step: number, questions: number) => Math.max(0, Math.min(lastStep(questions), step));

/** The question a step shows, by its index in the plan, and whether its answer shows; none on the title and the end. */
export function questionAt(step: number, questions: number): { index: number; revealed: boolean } | undefined {
	if (step < 1 || step > questions * 2) return undefined;
	return { index: Math.floor((step - 1) / 2), revealed: (step - 1) % 2 === 1 };
}
