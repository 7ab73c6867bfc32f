/** Mastery by country and by theme: how many of a tag's facts are mature. */
import { COUNTRIES, THEMES, type Country, type Theme } from '$lib/content/vocabulary';
import { Progress, type StatsFact } from './facts';

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

/** `progress` is each fact's, in the order of `facts` (`factProgress`). */
function masteryBy<T extends string>(
	facts: readonly StatsFact[],
	progress: readonly Progress[],
	order: readonly T[],
	tagsOf: (fact: StatsFact) => readonly T[]
): Mastery<T>[] {
	const rows = new Map(order.map((tag) => [tag, { tag, facts: 0, studied: 0, mature: 0, percent: 0 }]));
	facts.forEach((fact, i) => {
		const p = progress[i];
		const tags = tagsOf(fact);
		tags.forEach((tag, j) => {
			const row = rows.get(tag);
			// A tag given twice counts once.
			if (!row || tags.indexOf(tag) !== j) return;
			row.facts++;
			if (p !== Progress.Unseen) row.studied++;
			if (p === Progress.Mature) row.mature++;
		});
	});
	return [...rows.values()]
		.filter((r) => r.facts > 0)
		.map((r) => ({ ...r, percent: Math.round((100 * r.mature) / r.facts) }));
}

/** Per country tag, in the order of the schema; tags no fact carries are left out. */
export function masteryByCountry(facts: readonly StatsFact[], progress: readonly Progress[]): Mastery<Country>[] {
	return masteryBy(facts, progress, COUNTRIES, (f) => f.countries);
}

/** Per theme tag, in the order of the schema; tags no fact carries are left out. */
export function masteryByTheme(facts: readonly StatsFact[], progress: readonly Progress[]): Mastery<Theme>[] {
	return masteryBy(facts, progress, THEMES, (f) => f.themes);
}
