/** Mastery by country and by theme: how many of a tag's facts are mature. */
import { COUNTRIES, THEMES, type Country, type Theme } from '$lib/content/vocabulary';
import { keyOf, type StatsFact, type StoredStates } from './facts';

export interface Mastery<T extends string> {
	tag: T;
	facts: number;
	/** Facts with a stored state: reviewed at least once. */
	studied: number;
	/** Facts in review with an interval of 21 days or more. */
	mature: number;
	/** Mature facts as a share of the tag's facts, rounded to a whole percent. */
	percent: number;
}

function masteryBy<T extends string>(
	facts: readonly StatsFact[],
	stored: StoredStates,
	order: readonly T[],
	tagsOf: (fact: StatsFact) => readonly T[]
): Mastery<T>[] {
	const studied = new Set(stored.studied);
	const mature = new Set(stored.mature);
	const rows = new Map(order.map((tag) => [tag, { tag, facts: 0, studied: 0, mature: 0, percent: 0 }]));
	for (const fact of facts) {
		const key = keyOf(fact);
		for (const tag of new Set(tagsOf(fact))) {
			const row = rows.get(tag);
			if (!row) continue;
			row.facts++;
			if (studied.has(key)) row.studied++;
			if (mature.has(key)) row.mature++;
		}
	}
	return [...rows.values()]
		.filter((r) => r.facts > 0)
		.map((r) => ({ ...r, percent: Math.round((100 * r.mature) / r.facts) }));
}

/** Per country tag, in the order of the schema; tags no fact carries are left out. */
export function masteryByCountry(facts: readonly StatsFact[], stored: StoredStates): Mastery<Country>[] {
	return masteryBy(facts, stored, COUNTRIES, (f) => f.countries);
}

/** Per theme tag, in the order of the schema; tags no fact carries are left out. */
export function masteryByTheme(facts: readonly StatsFact[], stored: StoredStates): Mastery<Theme>[] {
	return masteryBy(facts, stored, THEMES, (f) => f.themes);
}
