import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { MAP_REGIONS } from '../vocabulary';
import { projectPoint } from './projection';
import { buildRegionMap } from './region-map';
import { MAP_HEIGHT, MAP_WIDTH, pixelsPerUnitAt360, placeView, WHOLE_MAP } from './view';

const map = buildRegionMap();

/** The rings of a compact path (`M x y l dx dy … z`), as absolute points. */
function rings(d: string): [number, number][][] {
	return d
		.split('M')
		.filter(Boolean)
		.map((ring) => {
			const numbers = ring.replace(/[lz]/g, ' ').match(/-?\d+/g)!.map(Number);
			const points: [number, number][] = [[numbers[0]!, numbers[1]!]];
			for (let i = 2; i < numbers.length; i += 2) {
				const [x, y] = points.at(-1)!;
				points.push([x + numbers[i]!, y + numbers[i + 1]!]);
			}
			return points;
		});
}

/** Even-odd rule, as SVG fills a path. */
function inside(d: string, { x, y }: { x: number; y: number }): boolean {
	let odd = false;
	for (const ring of rings(d))
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const [xi, yi] = ring[i]!;
			const [xj, yj] = ring[j]!;
			if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
		}
	return odd;
}

const pathOf = (id: string) => map.regions.find((r) => r.id === id)!.d;

describe('the region map, built from Natural Earth', () => {
	it.each([
		['afghanistan', 'Kabul', 69.17, 34.53],
		['afghanistan', 'Mazar-i-Sharif', 67.11, 36.71],
		['turkmenistan', 'Ashgabat', 58.38, 37.95],
		['kazakhstan', 'Astana', 71.43, 51.17],
		['kyrgyzstan', 'Bishkek', 74.59, 42.87],
		['tajikistan', 'Dushanbe', 68.78, 38.56],
		['uzbekistan', 'Tashkent', 69.28, 41.31]
	])('draws %s around %s', (country, _city, lon, lat) => {
		const at = projectPoint(lon, lat);
		expect(inside(pathOf(country), at)).toBe(true);
		for (const other of MAP_REGIONS.filter((r) => r !== country)) expect(inside(pathOf(other), at), other).toBe(false);
	});

	it('puts every named country inside the frame, listed west to east', () => {
		for (const region of map.regions) {
			expect(region.centre.x).toBeGreaterThan(0);
			expect(region.centre.x).toBeLessThan(MAP_WIDTH);
			expect(region.centre.y).toBeGreaterThan(0);
			expect(region.centre.y).toBeLessThan(MAP_HEIGHT);
		}
		const xs = map.regions.map((r) => r.centre.x);
		expect(xs).toEqual([...xs].sort((a, b) => a - b));
	});

	it('stays within 15 KB gzip', () => {
		expect(gzipSync(JSON.stringify(map)).length).toBeLessThan(15_000);
	});
});

describe('the view of a place question', () => {
	it('zooms in on the places it shows, inside the map', () => {
		const view = placeView([projectPoint(69.17, 34.53), projectPoint(67.11, 36.71)]);
		expect(view.width).toBeLessThan(WHOLE_MAP.width);
		expect(view.x).toBeGreaterThanOrEqual(0);
		expect(view.y + view.height).toBeLessThanOrEqual(MAP_HEIGHT);
		expect(pixelsPerUnitAt360(view)).toBeGreaterThan(pixelsPerUnitAt360(WHOLE_MAP));
	});
});
