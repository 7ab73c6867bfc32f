/**
 * Builds the region map's shapes from Natural Earth's 1:50m countries (public domain, through the
 * world-atlas package's TopoJSON): SVG path data for the six named countries and for the neighbours
 * drawn around them. Node only, run by the build; the browser gets the paths as plain strings.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { MAP_REGIONS, type MapRegion } from '../vocabulary';
import { regionProjection } from './projection';
import { MAP_HEIGHT, MAP_WIDTH } from './view';

/** ISO 3166 numeric codes, as world-atlas names its countries. */
const REGION_CODES: Record<MapRegion, string> = {
	afghanistan: '004',
	kazakhstan: '398',
	kyrgyzstan: '417',
	tajikistan: '762',
	turkmenistan: '795',
	uzbekistan: '860'
};
/** The neighbours, drawn for context only. */
const CONTEXT_CODES = { iran: '364', pakistan: '586', china: '156', russia: '643' } as const;

export interface RegionMap {
	width: number;
	height: number;
	/** The named countries, in MAP_REGIONS order (west to east). */
	regions: { id: MapRegion; d: string; centre: { x: number; y: number } }[];
	context: { id: string; d: string }[];
	/** Where the shapes come from, shown under every map. */
	attribution: string;
}

function readTopology(): Topology<{ countries: GeometryCollection }> {
	const path = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
	return JSON.parse(readFileSync(path, 'utf8'));
}

/** Points closer than this to the last one kept are dropped: a map unit is under a pixel on a phone. */
const MIN_STEP = 0.8;

/**
 * d3's path data (`Mx,yLx,y…Z` rings) made compact: whole map units, points closer than MIN_STEP to the
 * last one dropped, each point relative to the one before.
 */
export function compactPath(d: string): string {
	return d
		.split('M')
		.filter(Boolean)
		.map((ring) => {
			const points = ring
				.replace(/Z$/, '')
				.split('L')
				.map((p) => p.split(',').map(Number) as [number, number]);
			const kept: [number, number][] = [];
			for (const [x, y] of points) {
				const last = kept.at(-1);
				if (!last || Math.hypot(x - last[0], y - last[1]) >= MIN_STEP) kept.push([x, y]);
			}
			if (kept.length < 3) return '';
			const rounded = kept.map(([x, y]) => [Math.round(x), Math.round(y)] as const);
			let out = `M${rounded[0]![0]} ${rounded[0]![1]}l`;
			const steps: string[] = [];
			for (let i = 1; i < rounded.length; i++) {
				const dx = rounded[i]![0] - rounded[i - 1]![0];
				const dy = rounded[i]![1] - rounded[i - 1]![1];
				if (dx !== 0 || dy !== 0) steps.push(`${dx} ${dy}`);
			}
			out += steps.join(' ').replace(/ -/g, '-');
			return `${out}z`;
		})
		.join('');
}

export function buildRegionMap(): RegionMap {
	const topology = readTopology();
	const countries = feature(topology, topology.objects.countries);
	const byCode = new Map(countries.features.map((f) => [String(f.id), f]));
	const path = geoPath(regionProjection());
	const shape = (code: string) => {
		const found = byCode.get(code);
		if (!found) throw new Error(`world-atlas has no country ${code}`);
		return found;
	};
	return {
		width: MAP_WIDTH,
		height: MAP_HEIGHT,
		regions: MAP_REGIONS.map((id) => {
			const f = shape(REGION_CODES[id]);
			const [x, y] = path.centroid(f);
			return { id, d: compactPath(path(f) ?? ''), centre: { x: Math.round(x), y: Math.round(y) } };
		}),
		context: Object.entries(CONTEXT_CODES).map(([id, code]) => ({ id, d: compactPath(path(shape(code)) ?? '') })),
		attribution: 'Country shapes: Natural Earth (public domain).'
	};
}
