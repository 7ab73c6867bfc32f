/** The map's choices as the app uses them: a country or a place, with its name and where it is drawn. */
import { MAP_REGIONS, MAP_REGION_NAMES, type MapRegion } from '../vocabulary';

/** A place of a deck, with its position on the region map (map units), worked out at build time. */
export interface Place {
	id: string;
	name: string;
	lat: number;
	lon: number;
	/** The country it is in, as the locator map's text names it. */
	country?: string;
	paragraphs: number[];
	x: number;
	y: number;
}

export interface MapQuestionFields {
	tap: 'country' | 'place';
	choices?: readonly string[];
	answer: string;
}

/** The ids a map question offers, in its own order: the order a classroom code's index counts in. */
export function mapChoiceIds(question: MapQuestionFields): readonly string[] {
	return question.choices ?? (question.tap === 'country' ? MAP_REGIONS : []);
}

export interface MapChoice {
	id: string;
	name: string;
	/** A place's position; a country is its shape on the map. */
	at?: { x: number; y: number };
}

export function isMapRegion(id: string): id is MapRegion {
	return (MAP_REGIONS as readonly string[]).includes(id);
}

/** A map question's choices with their names and positions; an id the deck does not know is left out. */
export function mapChoices(question: MapQuestionFields, places: readonly Place[]): MapChoice[] {
	const byId = new Map(places.map((p) => [p.id, p]));
	return mapChoiceIds(question).flatMap((id): MapChoice[] => {
		if (question.tap === 'country') return isMapRegion(id) ? [{ id, name: MAP_REGION_NAMES[id] }] : [];
		const place = byId.get(id);
		return place ? [{ id, name: place.name, at: { x: place.x, y: place.y } }] : [];
	});
}

/** A place or country a card's locator map shows: a place with its position and country, a country by its shape. */
export interface LocatorPlace {
	id: string;
	name: string;
	/** A place's country (a country has none: it is its own shape). */
	country?: string;
	at?: { x: number; y: number };
}

/** A fact's `places` (place or country ids) with their names and positions; an id the deck does not know is left out. */
export function locatorPlaces(ids: readonly string[], places: readonly Place[]): LocatorPlace[] {
	const byId = new Map(places.map((p) => [p.id, p]));
	return ids.flatMap((id): LocatorPlace[] => {
		if (isMapRegion(id)) return [{ id, name: MAP_REGION_NAMES[id] }];
		const place = byId.get(id);
		return place ? [{ id, name: place.name, country: place.country, at: { x: place.x, y: place.y } }] : [];
	});
}
