/**
 * A card's front as a list of cards shows it (flagged, suspended) and names its buttons for screen readers:
 * an imported Anki card's front may be only an image or a sound, stored with no text.
 */
export const listedFront = (front: string): string => front.trim() || 'A card whose front is an image or a sound';
