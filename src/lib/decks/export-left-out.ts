/**
 * The cards an export leaves out, shared by the YAML and Anki text files and the share link so that all
 * three leave out the same cards and say so in the same words: a card one of whose sides is only an image
 * or a sound (an Anki package's, stored with no text on that side). None of them carries media, and the
 * app's Import (and a link's opening) refuses a card with an empty side, so writing it would make a file
 * the app cannot read back whole, or a link it refuses.
 */
import type { DraftCard } from './card';

type Sides = Pick<DraftCard, 'front' | 'back'>;

/** Whether both sides have text to write: a side with none is only an image or a sound. */
export const hasTextSides = (card: Sides): boolean => card.front.trim() !== '' && card.back.trim() !== '';

/**
 * What an export to `format` leaves out, in words, or '' when it writes every card. The words hold no
 * colon: the Anki text file carries them as a `#` line among its headers, where the app's Import reads
 * `#key:value` and reports an unknown key.
 */
export function leftOutOfExport(cards: readonly Sides[], format: string): string {
	const count = cards.filter((card) => !hasTextSides(card)).length;
	return count === 0
		? ''
		: `${count} card${count === 1 ? ' is' : 's are'} left out, as a side that is only an image or a sound cannot be written in ${format}.`;
}
