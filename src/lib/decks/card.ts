/** A card as it comes out of an import or the editor, before it becomes part of a deck. */
export interface DraftCard {
	front: string;
	back: string;
	tags: string[];
	explanation?: string;
	/** Where it came from in the input (1-based line of its first line), for the preview's messages. */
	line?: number;
}
