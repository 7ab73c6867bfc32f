/**
 * Checks a whole deck: every file, every fact, every rule, and reports each
 * problem with the file, the fact id and what is wrong. Pure: the caller reads
 * the files, so the tests can feed it broken decks without touching the disk.
 */
import * as v from 'valibot';
import {
	COUNTRIES,
	DeckMetaSchema,
	FactFileSchema,
	FactSchema,
	THEMES,
	UserDeckMetaSchema,
	UserFactSchema,
	type BundledDeck,
	type Country,
	type Deck,
	type DeckMeta,
	type Fact,
	type FactOutline,
	type Question,
	type Theme
} from './schema';
import { lintFact, type LintWarning } from './lint';
import { isMapRegion, mapChoiceIds, mapChoices, type Place } from './map/places';
import { pixelsPerUnitAt360, placeView, TOUCH_TARGET_PX } from './map/view';

/** Where a longitude and latitude land on the region map (map/projection.ts, which needs d3-geo: Node only). */
export type Projector = (lon: number, lat: number) => { x: number; y: number };

export interface DeckFile {
	/** Path shown in messages, e.g. `questions/central-asia-taliban/21-kazakhstan.yaml`. */
	path: string;
	/** Parsed YAML, or the parse error's message. */
	data: unknown;
	parseError?: string;
}

export interface DeckProblem {
	file: string;
	factId?: string;
	message: string;
}

export function formatProblem(p: DeckProblem): string {
	return p.factId ? `${p.file} › ${p.factId} › ${p.message}` : `${p.file} › ${p.message}`;
}

/** A lint warning with the file of its fact. */
export interface DeckWarning extends LintWarning {
	file: string;
}

export function formatWarning(w: DeckWarning): string {
	return `${w.file} › ${w.factId} › ${w.questionId} › ${w.rule} › ${w.message}`;
}

function issuesToMessages(issues: v.BaseIssue<unknown>[]): string[] {
	return issues.map((issue) => {
		const path = v.getDotPath(issue);
		return path ? `${path}: ${issue.message}` : issue.message;
	});
}

const normal = (s: string) => s.trim().toLowerCase();

function duplicates(values: string[]): string[] {
	const seen = new Set<string>();
	const dup = new Set<string>();
	for (const value of values) {
		const key = normal(value);
		if (seen.has(key)) dup.add(value);
		seen.add(key);
	}
	return [...dup];
}

/** The rules of the bank's vocabularies that a well-shaped fact can still break. */
/** `paragraphs` is undefined when deck.yaml itself is broken: then no paragraph can be judged. */
function bankFactProblems(
	fact: v.InferOutput<typeof FactSchema>,
	paragraphs: Set<number> | undefined,
	places: Map<string, Place> | undefined
): string[] {
	const problems: string[] = [];
	for (const n of fact.paragraphs) {
		if (paragraphs && !paragraphs.has(n)) problems.push(`source paragraph [${n}] does not exist in the source`);
	}
	if (fact.about === 'source') {
		// Shown in the study guide's "About the source" only: tags, cards and questions would never be used.
		for (const field of ['countries', 'themes', 'cards', 'questions', 'places'] as const) {
			if ((fact[field]?.length ?? 0) > 0)
				problems.push(`${field}: a fact about the source is never studied or quizzed, so it takes none`);
		}
		return problems;
	}
	if (fact.countries.length === 0) problems.push('countries: needs at least one country tag');
	if (fact.themes.length === 0) problems.push('themes: needs at least one theme tag');
	for (const tag of fact.countries) {
		if (!COUNTRIES.includes(tag as Country))
			problems.push(`unknown country tag "${tag}" (expected one of ${COUNTRIES.join(', ')})`);
	}
	for (const tag of fact.themes) {
		if (!THEMES.includes(tag as Theme))
			problems.push(`unknown theme tag "${tag}" (expected one of ${THEMES.join(', ')})`);
	}
	if (fact.cards.length === 0) problems.push('has no flashcard');
	const types = new Set(fact.questions.map((q) => q.type));
	if (types.size < 2)
		problems.push(
			`needs questions of at least two types, has ${fact.questions.length} question(s) of ${types.size} type(s)`
		);
	for (const q of fact.questions) if (q.type === 'map') problems.push(...mapProblems(q, places));
	problems.push(...locatorProblems(fact.places ?? [], places));
	return [...problems, ...questionProblems(fact.questions)];
}

/**
 * A fact's `places`, drawn on its cards' locator map: each a country of the map or a place of deck.yaml,
 * named once, and a place with its country for the map's text. `places` is undefined when deck.yaml is broken.
 */
function locatorProblems(ids: readonly string[], places: Map<string, Place> | undefined): string[] {
	if (!places) return [];
	const problems = duplicates([...ids]).map((id) => `places: "${id}" is listed twice`);
	for (const id of new Set(ids)) {
		if (isMapRegion(id)) continue;
		const place = places.get(id);
		if (!place)
			problems.push(`places: unknown place "${id}" (neither a country of the map nor among the places of deck.yaml)`);
		else if (!place.country)
			problems.push(`places: place "${id}" has no country in deck.yaml, which the locator map names`);
	}
	return problems;
}

/**
 * A map question's rules that need the deck's places: every choice a known country or place with
 * coordinates, and places far enough apart, where the question's view draws them on a 360 px phone,
 * for a finger to tell them apart. `places` is undefined when deck.yaml is broken.
 */
function mapProblems(q: Extract<Question, { type: 'map' }>, places: Map<string, Place> | undefined): string[] {
	if (!places) return [];
	const where = `question "${q.id}"`;
	const problems: string[] = [];
	const ids = mapChoiceIds(q);
	const known = (id: string) => (q.tap === 'country' ? isMapRegion(id) : places.has(id));
	const kind = q.tap === 'country' ? 'country' : 'place';
	for (const id of new Set([...ids, q.answer]))
		if (!known(id))
			problems.push(
				`${where}: unknown ${kind} "${id}"${q.tap === 'place' ? ' (not among the places of deck.yaml)' : ''}`
			);
	if (q.tap === 'place' && !q.choices)
		problems.push(`${where}: a place question lists the places it shows in "choices"`);
	else if (!ids.includes(q.answer))
		problems.push(
			`${where}: the answer "${q.answer}" is not among the ${kind === 'country' ? 'countries' : 'places'} it shows`
		);
	if (q.tap !== 'place') return problems;
	const shown = ids.flatMap((id) => places.get(id) ?? []).filter((p) => Number.isFinite(p.x));
	const scale = pixelsPerUnitAt360(placeView(shown));
	for (let i = 0; i < shown.length; i++)
		for (let j = i + 1; j < shown.length; j++) {
			const [a, b] = [shown[i]!, shown[j]!];
			const apart = Math.hypot(a.x - b.x, a.y - b.y) * scale;
			if (apart < TOUCH_TARGET_PX)
				problems.push(
					`${where}: "${a.id}" and "${b.id}" are ${Math.round(apart)} px apart on a 360 px screen, closer than a finger can tell apart (${TOUCH_TARGET_PX} px)`
				);
		}
	return problems;
}

/** The deck's places with their map positions, or the problems of its place list. */
function resolvePlaces(
	listed: v.InferOutput<typeof DeckMetaSchema>['places'],
	paragraphs: Set<number>,
	project: Projector | undefined
): { places: Place[]; problems: string[] } {
	const places: Place[] = [];
	const problems: string[] = [];
	if (!listed) return { places, problems };
	for (const id of duplicates(listed.map((p) => p.id))) problems.push(`place "${id}" is listed twice`);
	for (const place of listed) {
		for (const n of place.paragraphs)
			if (!paragraphs.has(n))
				problems.push(`place "${place.id}": source paragraph [${n}] does not exist in the source`);
		if (place.lat === undefined || place.lon === undefined) {
			problems.push(`place "${place.id}" has no coordinates (needs lat and lon)`);
			continue;
		}
		if (!project) {
			problems.push('the deck has places, so it must be validated with the map projection (load.ts passes it)');
			break;
		}
		places.push({ ...place, lat: place.lat, lon: place.lon, ...project(place.lon, place.lat) });
	}
	return { places, problems };
}

/** The rules every question of any deck must keep, bundled or the user's. */
export function questionProblems(questions: readonly Question[]): string[] {
	const problems: string[] = [];
	for (const id of duplicates(questions.map((q) => q.id)))
		problems.push(`question id "${id}" is used twice in this fact`);

	for (const q of questions) {
		const where = `question "${q.id}"`;
		switch (q.type) {
			case 'multiple-choice':
				if (!q.options.some((o) => normal(o) === normal(q.answer)))
					problems.push(`${where}: the answer "${q.answer}" is not among its options`);
				for (const d of duplicates(q.options)) problems.push(`${where}: option "${d}" appears twice`);
				break;
			case 'typed':
				if (q.accept.length === 0)
					problems.push(`${where}: a typed answer needs at least one accepted variant in "accept"`);
				for (const d of duplicates([q.answer, ...q.accept]))
					problems.push(`${where}: accepted answer "${d}" is listed twice`);
				break;
			case 'matching':
				for (const d of duplicates(q.pairs.map((p) => p[0]))) problems.push(`${where}: left side "${d}" appears twice`);
				for (const d of duplicates(q.pairs.map((p) => p[1])))
					problems.push(`${where}: right side "${d}" appears twice`);
				break;
			case 'ordering':
				for (const d of duplicates(q.items)) problems.push(`${where}: item "${d}" appears twice`);
				break;
			case 'map':
				for (const d of duplicates(q.choices ?? [])) problems.push(`${where}: choice "${d}" appears twice`);
				break;
			case 'true-false':
				break;
		}
	}
	return problems;
}

/**
 * Checks a user's deck, in the browser, with the schema and the question rules of the bank: each fact
 * well shaped with one flashcard at least, fact ids unique, every question sound. The bank's
 * vocabulary rules (paragraphs, countries, themes, two question types per fact) do not apply: a
 * user's card may have no question of its own, the quiz makes some from its flashcard.
 * `file` names the deck in the messages (its title).
 */
export function validateUserDeck(deck: Deck, file: string): DeckProblem[] {
	const problems: DeckProblem[] = [];
	const meta = v.safeParse(UserDeckMetaSchema, { id: deck.id, title: deck.title, description: deck.description });
	if (!meta.success) for (const message of issuesToMessages(meta.issues)) problems.push({ file, message });
	const seen = new Set<string>();
	for (const fact of deck.facts) {
		const factId = fact.id;
		if (seen.has(factId)) problems.push({ file, factId, message: 'duplicate fact id' });
		seen.add(factId);
		const parsed = v.safeParse(UserFactSchema, {
			...fact,
			questions: fact.questions.map(({ key: _key, factId: _factId, ...q }) => q)
		});
		if (!parsed.success) {
			for (const message of issuesToMessages(parsed.issues)) problems.push({ file, factId, message });
			continue;
		}
		if (parsed.output.cards.length === 0) problems.push({ file, factId, message: 'has no flashcard' });
		for (const message of userQuestionProblems(parsed.output.questions)) problems.push({ file, factId, message });
	}
	return problems;
}

/** The rules a user's card's questions keep: the bank's question rules, and no map question (a user's deck has no places). */
export function userQuestionProblems(questions: readonly Question[]): string[] {
	return [
		...questions
			.filter((q) => q.type === 'map')
			.map((q) => `question "${q.id}": map questions need a bundled deck's places`),
		...questionProblems(questions)
	];
}

export interface DeckResult {
	deck?: BundledDeck;
	problems: DeckProblem[];
	/** The lint warnings of every fact that has no problem; they never keep the deck from loading. */
	warnings: DeckWarning[];
}

/**
 * `meta` is the deck's `deck.yaml`; `factFiles` are the other YAML files of
 * its folder. Returns the deck only when there is no problem at all.
 */
export function validateDeck(meta: DeckFile, factFiles: DeckFile[], project?: Projector): DeckResult {
	const problems: DeckProblem[] = [];
	const warnings: DeckWarning[] = [];
	for (const file of [meta, ...factFiles]) {
		if (file.parseError) problems.push({ file: file.path, message: `not valid YAML: ${file.parseError}` });
	}

	let deckMeta: DeckMeta | undefined;
	let placeById: Map<string, Place> | undefined;
	if (!meta.parseError) {
		const parsed = v.safeParse(DeckMetaSchema, meta.data);
		if (parsed.success) {
			const resolved = resolvePlaces(
				parsed.output.places,
				new Set(parsed.output.source.paragraphs.map((p) => p.n)),
				project
			);
			for (const message of resolved.problems) problems.push({ file: meta.path, message });
			const { places: _listed, ...rest } = parsed.output;
			deckMeta = resolved.places.length > 0 ? { ...rest, places: resolved.places } : rest;
			placeById = new Map(resolved.places.map((p) => [p.id, p]));
		} else for (const message of issuesToMessages(parsed.issues)) problems.push({ file: meta.path, message });
	}
	const paragraphs = deckMeta && new Set(deckMeta.source.paragraphs.map((p) => p.n));

	const facts: Fact[] = [];
	const aboutSource: FactOutline[] = [];
	const factFileOf = new Map<string, string>();
	// A front shown by two facts would be studied twice as two cards, and tells a reader nothing of which fact it asks.
	const factOfFront = new Map<string, string>();
	for (const file of factFiles) {
		if (file.parseError) continue;
		const outer = v.safeParse(FactFileSchema, file.data);
		if (!outer.success) {
			for (const message of issuesToMessages(outer.issues)) problems.push({ file: file.path, message });
			continue;
		}
		outer.output.facts.forEach((raw, index) => {
			const rawId = (raw as { id?: unknown } | null)?.id;
			const factId = typeof rawId === 'string' ? rawId : `facts[${index}]`;
			const parsed = v.safeParse(FactSchema, raw);
			if (!parsed.success) {
				for (const message of issuesToMessages(parsed.issues)) problems.push({ file: file.path, factId, message });
				return;
			}
			const fact = parsed.output;
			const earlier = factFileOf.get(fact.id);
			if (earlier !== undefined) {
				problems.push({ file: file.path, factId, message: `duplicate fact id (first used in ${earlier})` });
				return;
			}
			factFileOf.set(fact.id, file.path);
			const own = bankFactProblems(fact, paragraphs, placeById);
			for (const card of fact.cards) {
				const front = card.front.trim().toLowerCase();
				const other = factOfFront.get(front);
				if (other !== undefined) own.push(`flashcard "${card.front}" is also a flashcard of fact ${other}`);
				else factOfFront.set(front, fact.id);
			}
			for (const message of own) problems.push({ file: file.path, factId, message });
			if (own.length > 0) return;
			if (fact.about === 'source') {
				const { questions: _none, ...outline } = fact;
				aboutSource.push({ ...outline, countries: [], themes: [] });
			} else {
				for (const warning of lintFact(fact)) warnings.push({ file: file.path, ...warning });
				facts.push({
					...fact,
					countries: fact.countries as Country[],
					themes: fact.themes as Theme[],
					questions: fact.questions.map((q) => {
						const ids = { key: `${fact.id}/${q.id}`, factId: fact.id };
						return q.type === 'map'
							? { ...q, ...ids, choicesOnMap: mapChoices(q, deckMeta?.places ?? []) }
							: { ...q, ...ids };
					})
				});
			}
		});
	}
	if (factFiles.length === 0) problems.push({ file: meta.path, message: 'the deck folder has no fact files' });

	if (problems.length > 0 || !deckMeta) return { problems, warnings };
	return { deck: { ...deckMeta, facts, ...(aboutSource.length > 0 && { aboutSource }) }, problems, warnings };
}
