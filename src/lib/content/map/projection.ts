/**
 * The one projection of the region map (build time only: d3-geo never reaches the browser). A conic
 * equal-area projection centred on Central Asia, fitted to the frame from the Caspian to western China
 * and from the Arabian Sea's coast to southern Siberia.
 */
import { geoConicEqualArea, type GeoProjection } from 'd3-geo';
import { MAP_HEIGHT, MAP_WIDTH } from './view';

/** West, south, east, north, in degrees: every named country whole, its neighbours' edges around. */
export const MAP_BOUNDS = [46, 28.5, 88, 56] as const;

function frame(): GeoJSON.Polygon {
	const [w, s, e, n] = MAP_BOUNDS;
	const ring: [number, number][] = [];
	// Clockwise, as d3-geo reads an outer ring on the sphere.
	for (let lon = w; lon <= e; lon += 2) ring.push([lon, n]);
	for (let lon = e; lon >= w; lon -= 2) ring.push([lon, s]);
	ring.push([w, n]);
	return { type: 'Polygon', coordinates: [ring] };
}

export function regionProjection(): GeoProjection {
	return geoConicEqualArea()
		.parallels([34, 50])
		.rotate([-67, 0])
		.fitExtent(
			[
				[0, 0],
				[MAP_WIDTH, MAP_HEIGHT]
			],
			frame()
		)
		.clipExtent([
			[0, 0],
			[MAP_WIDTH, MAP_HEIGHT]
		]);
}

const projection = regionProjection();

/** Where a longitude and latitude land on the map, in map units, to a tenth. */
export function projectPoint(lon: number, lat: number): { x: number; y: number } {
	const [x, y] = projection([lon, lat])!;
	return { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
}
