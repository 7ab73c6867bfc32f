/**
 * What an export leaves out, shared by the YAML and Anki text files and the share link so that all three
 * leave out the same and say so in the same words. None of them carries media (an Anki package's images
 * and sounds): a card one of whose sides is only an image or a sound (stored with no text on that side)
 * is left out, as the app's Import (and a link's opening) refuses a card with an empty side, so writing it
 * would make a file the app cannot read back whole, or a link it refuses; a card with text and media
 * beside it is written with its text alone.
 */
import type { CardMedia } from '$lib/db/rows';
import type { DraftCard } from './card';

type Sides = Pick<DraftCard, 'front' | 'back'> & { media?: CardMedia };

/** Whether both sides have text to write: a side with none is only an image or a sound. */
export const hasTextSides = (card: Sides): boolean => card.front.trim() !== '' && card.back.trim() !== '';

/**
 * What an export to `format` leaves out, in words, or '' when it writes every card. The words hold no
 * colon: the Anki text file carries them as a `#` line among its headers, where the app's Import reads
 * `#key:value` and reports an unknown key.
 */
export function leftOutOfExport(cards: readonly Sides[], format: string): string {
	const leftOut = cards.filter((card) => !hasTextSides(card)).length;
	const stripped = cards.filter(
		(card) => hasTextSides(card) && (card.media?.front.length ?? 0) + (card.media?.back.length ?? 0) > 0
	).length;
	return [
		leftOut > 0 &&
			`${leftOut} card${leftOut === 1 ? ' is' : 's are'} left out, as a side that is only an image or a sound cannot be written in ${format}.`,
		stripped > 0 &&
			`${stripped} card${stripped === 1 ? ' loses its' : 's lose their'} images or sounds, which ${format} cannot carry.`
	]
		.filter(Boolean)
		.join(' ');
}
