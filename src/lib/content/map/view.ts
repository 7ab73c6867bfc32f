/**
 * The region map's frame and the part of it a question shows. Pure and free of d3, so the validator,
 * the quiz screen and the tests agree on where a place is drawn and how far apart two places are.
 */

/** The map's own units: the SVG's viewBox is 0 0 MAP_WIDTH MAP_HEIGHT. */
export const MAP_WIDTH = 400;
export const MAP_HEIGHT = 320;

/** How wide the map is drawn on a 360 px phone: the screen less the page's side padding. */
export const MAP_PIXELS_AT_360 = 328;

/** A finger tells two places apart when their centres are this far apart on screen (and a target is this wide). */
export const TOUCH_TARGET_PX = 44;

export interface View {
	x: number;
	y: number;
	width: number;
	height: number;
}

export const WHOLE_MAP: View = { x: 0, y: 0, width: MAP_WIDTH, height: MAP_HEIGHT };

/** The smallest part of the map a place question zooms to, so the country around a place stays recognisable. */
const MIN_VIEW_WIDTH = 150;
/** Room around the outermost places, in map units, so their markers are never cut. */
const MARGIN = 30;

/**
 * The view of a place question: the places' bounding box with a margin, widened to the map's proportions
 * and at least MIN_VIEW_WIDTH wide, kept inside the map.
 */
export function placeView(points: readonly { x: number; y: number }[]): View {
	if (points.length === 0) return WHOLE_MAP;
	const xs = points.map((p) => p.x);
	const ys = points.map((p) => p.y);
	const aspect = MAP_HEIGHT / MAP_WIDTH;
	let width = Math.max(MIN_VIEW_WIDTH, Math.max(...xs) - Math.min(...xs) + 2 * MARGIN);
	width = Math.max(width, (Math.max(...ys) - Math.min(...ys) + 2 * MARGIN) / aspect);
	width = Math.min(width, MAP_WIDTH);
	const height = width * aspect;
	const centreX = (Math.max(...xs) + Math.min(...xs)) / 2;
	const centreY = (Math.max(...ys) + Math.min(...ys)) / 2;
	const clamp = (v: number, max: number) => Math.min(Math.max(v, 0), max);
	return {
		x: clamp(centreX - width / 2, MAP_WIDTH - width),
		y: clamp(centreY - height / 2, MAP_HEIGHT - height),
		width,
		height
	};
}

/** How many screen pixels one map unit takes in this view on a 360 px phone. */
export function pixelsPerUnitAt360(view: View): number {
	return MAP_PIXELS_AT_360 / view.width;
}

/** The view as an SVG viewBox attribute. */
export function viewBox(view: View): string {
	return [view.x, view.y, view.width, view.height].map((n) => Math.round(n * 10) / 10).join(' ');
}
