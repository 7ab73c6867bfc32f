/**
 * Type that shrinks to fit: a box sets its type from a factor `--fit` (1 at most); this finds the
 * largest factor, down to `min`, at which the content fits the box without scrolling. Below `min`
 * the box scrolls: type too small to read from the back of a room is worse than a scroll bar.
 */
export function fitType(box: HTMLElement, min: number): number {
	const fits = (factor: number) => {
		box.style.setProperty('--fit', String(factor));
		return box.scrollHeight <= box.clientHeight + 1 && box.scrollWidth <= box.clientWidth + 1;
	};
	if (fits(1)) return 1;
	if (!fits(min)) return min;
	// `fitting` always fits and `over` never does: halve the gap a few times (to within 0.5 %).
	let [fitting, over] = [min, 1];
	while (over - fitting > 0.005) {
		const middle = (fitting + over) / 2;
		if (fits(middle)) fitting = middle;
		else over = middle;
	}
	fits(fitting);
	return fitting;
}
