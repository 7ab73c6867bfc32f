/**
 * The quiz a classroom page's address names (#q=CODE&t=TITLE). A page follows it: reads it
 * when it opens and again whenever it changes (a link opened, or the code pasted into the address bar).
 */
import { readFragment } from './quizcode';

export type QuizFragment = ReturnType<typeof readFragment>;

/** Where the address comes from: the window, or a stand-in in tests. */
export interface AddressSource {
	readonly location: { readonly hash: string };
	addEventListener(type: 'hashchange', listener: () => void): void;
	removeEventListener(type: 'hashchange', listener: () => void): void;
}

/** Calls `onFragment` with the address's quiz now and at each change; returns a function that stops following. */
export function followFragment(
	onFragment: (fragment: QuizFragment) => void,
	source: AddressSource = window
): () => void {
	const read = () => onFragment(readFragment(source.location.hash));
	read();
	source.addEventListener('hashchange', read);
	return () => source.removeEventListener('hashchange', read);
}
