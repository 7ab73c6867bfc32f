/** The smallest of 1, 2, 3, 4, 5, 6, 8, 10, 20, 30… that is at least `n`: the top of a chart's axis. */
export function niceCeiling(n: number): number {
	if (n <= 1) return 1;
	let step = 1;
	for (;;) {
		for (const m of [1, 2, 3, 4, 5, 6, 8]) if (m * step >= n) return m * step;
		step *= 10;
	}
}
