/**
 * The shape of a deck as written in `questions/<deck>/*.yaml`.
 * Structure is checked here with valibot; the rules that need the whole deck
 * (unique ids, answers among options, tags, paragraphs) live in `validate.ts`
 * so each can name the fact it concerns.
 */
import * as v from 'valibot';
import { LINT_RULES, QUESTION_TYPES, type Country, type QuestionType, type Theme } from './vocabulary';
import type { MapChoice, Place } from './map/places';

export * from './vocabulary';

const text = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));
const localId = v.pipe(
	v.string(),
	v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and hyphens')
);

const questionBase = {
	id: localId,
	prompt: text,
	explanation: text,
	// Lint rules this question is exempt from, each a deliberate choice of its author.
	allow: v.optional(
		v.array(
			v.picklist(
				LINT_RULES,
				(issue) => `unknown lint rule ${JSON.stringify(issue.input)} (expected one of ${LINT_RULES.join(', ')})`
			)
		)
	)
};

const MultipleChoice = v.strictObject({
	...questionBase,
	type: v.literal('multiple-choice'),
	options: v.pipe(v.array(text), v.minLength(3, 'needs 3 or 4 options'), v.maxLength(4, 'needs 3 or 4 options')),
	answer: text
});
const TrueFalse = v.strictObject({
	...questionBase,
	type: v.literal('true-false'),
	answer: v.boolean('must be true or false')
});
const Typed = v.strictObject({
	...questionBase,
	type: v.literal('typed'),
	answer: text,
	// Optional in the schema so that the validator can say precisely what is missing.
	accept: v.optional(v.array(text), [])
});
const Matching = v.strictObject({
	...questionBase,
	type: v.literal('matching'),
	pairs: v.pipe(
		v.array(v.tuple([text, text])),
		v.minLength(3, 'needs 3 to 6 pairs'),
		v.maxLength(6, 'needs 3 to 6 pairs')
	)
});
const Ordering = v.strictObject({
	...questionBase,
	type: v.literal('ordering'),
	items: v.pipe(v.array(text), v.minLength(3, 'needs 3 to 6 items'), v.maxLength(6, 'needs 3 to 6 items'))
});

const MapQuestion = v.strictObject({
	...questionBase,
	type: v.literal('map'),
	// A country of MAP_REGIONS, or a place of the deck's `places`.
	tap: v.picklist(['country', 'place'], 'must be "country" or "place"'),
	// What the map offers to tap; a country question offers all six countries when it names none.
	choices: v.optional(
		v.pipe(v.array(localId), v.minLength(3, 'needs 3 to 8 choices'), v.maxLength(8, 'needs 3 to 8 choices'))
	),
	answer: localId
});

export const QuestionSchema = v.variant(
	'type',
	[MultipleChoice, TrueFalse, Typed, Matching, Ordering, MapQuestion],
	(issue) => `unknown question type ${JSON.stringify(issue.input)} (expected one of ${QUESTION_TYPES.join(', ')})`
);

/** What a fact can be about besides the deck's subject: `source`, the source article itself (its publisher, disclaimer, keywords). */
export const ABOUT = ['source'] as const;

export const FactSchema = v.strictObject({
	id: localId,
	statement: text,
	paragraphs: v.pipe(v.array(v.pipe(v.number(), v.integer())), v.minLength(1, 'cites no source paragraph')),
	// A fact about the source is shown in the study guide only: never studied, quizzed or counted.
	about: v.optional(
		v.picklist(ABOUT, (issue) => `unknown "about" ${JSON.stringify(issue.input)} (expected ${ABOUT.join(' or ')})`)
	),
	// Tags are plain strings here; validate.ts names an unknown tag with the list it must come from,
	// and requires them of every fact but those about the source, which belong to no country or theme.
	countries: v.optional(v.array(v.string()), []),
	themes: v.optional(v.array(v.string()), []),
	cards: v.optional(v.array(v.strictObject({ front: text, back: text })), []),
	questions: v.optional(v.array(QuestionSchema), []),
	// What the fact's cards are about on the map: places of deck.yaml or countries of the map, shown on the
	// back of each card on a small locator map. validate.ts refuses an id the map does not know.
	places: v.optional(v.array(localId))
});

/**
 * A fact of a user's deck (made in the app, kept in the device's database): the bank's fact without
 * its vocabularies, so it may cite no paragraph and have no country or theme, and with free tags.
 */
const { places: _bankOnly, ...factEntries } = FactSchema.entries;
export const UserFactSchema = v.strictObject({
	...factEntries,
	paragraphs: v.array(v.pipe(v.number(), v.integer())),
	countries: v.array(v.string()),
	themes: v.array(v.string()),
	tags: v.optional(v.array(text))
});

export const FactFileSchema = v.strictObject({ facts: v.array(v.unknown()) });

const SourceSchema = v.strictObject({
	title: text,
	publisher: text,
	publisherShort: text,
	keywords: v.array(text),
	// One line per paragraph, in our own words, so a fact can point to where it comes from.
	paragraphs: v.pipe(v.array(v.strictObject({ n: v.pipe(v.number(), v.integer()), topic: text })), v.minLength(1))
});

/** A place a map question can ask for. Coordinates are optional here so the validator can name a place without them. */
export const PlaceSchema = v.strictObject({
	id: localId,
	name: text,
	lat: v.optional(v.pipe(v.number(), v.minValue(-90), v.maxValue(90))),
	lon: v.optional(v.pipe(v.number(), v.minValue(-180), v.maxValue(180))),
	// The country the place is in, as a card's locator map names it for a screen reader; required of a place a fact shows.
	country: v.optional(text),
	paragraphs: v.pipe(v.array(v.pipe(v.number(), v.integer())), v.minLength(1, 'cites no source paragraph'))
});

export const DeckMetaSchema = v.strictObject({
	id: localId,
	title: text,
	description: text,
	source: SourceSchema,
	places: v.optional(v.array(PlaceSchema))
});

/** A user's deck's title and description, checked as the bank's are. */
export const UserDeckMetaSchema = v.strictObject({ id: v.string(), title: text, description: v.string() });

export type Question = v.InferOutput<typeof QuestionSchema>;
export type FactInput = v.InferOutput<typeof FactSchema>;
/** A bundled deck's metadata: it always cites its source; its places carry where they land on the map. */
export type DeckMeta = Omit<v.InferOutput<typeof DeckMetaSchema>, 'places'> & { places?: Place[] };
export type DeckSource = DeckMeta['source'];
/** The metadata of any deck: a user's deck has no source. */
export type AnyDeckMeta = Omit<DeckMeta, 'source'> & { source?: DeckSource };

/** A fact as the app uses it: tags narrowed, questions carrying deck-wide ids. */
export interface Fact extends Omit<FactInput, 'countries' | 'themes' | 'questions'> {
	/** Empty, as `themes` and `paragraphs` are, in a user's deck. */
	countries: Country[];
	themes: Theme[];
	questions: DeckQuestion[];
	/** A user's deck's free tags. */
	tags?: string[];
}
/**
 * `key` is `<fact id>/<question id>`: stable, unique in the deck, what quiz history stores.
 * `choicesOnMap`: a bank's map question's choices, resolved to names and positions in its own order.
 */
export type DeckQuestion = Question & { key: string; factId: string; choicesOnMap?: MapChoice[] };

/** Any deck, bundled or the user's: what study, quizzes, statistics and backups work with. */
export interface Deck extends AnyDeckMeta {
	/** The facts to study and be quizzed on. */
	facts: Fact[];
	/** The facts about the source article itself (`about: source`), for the study guide; none when absent. */
	aboutSource?: FactOutline[];
}

/** A deck of the question bank. */
export interface BundledDeck extends Deck {
	source: DeckSource;
}

/** A fact without its quiz questions: what studying, the guide and the stats need. */
export type FactOutline = Omit<Fact, 'questions'>;

/** A deck without its quiz questions, in a chunk a third the size of the whole deck. */
export interface DeckOutline extends AnyDeckMeta {
	facts: FactOutline[];
}

export interface BundledDeckOutline extends DeckOutline {
	source: DeckSource;
}

/** What the quiz builder needs of a deck to offer its topics and count the questions a choice matches. */
export interface QuizIndex {
	id: string;
	title: string;
	/** Per fact, in source order: its tags, and the type of each of its questions. */
	facts: { countries: Country[]; themes: Theme[]; types: QuestionType[] }[];
}

/** What the home page needs, without the facts themselves. */
export interface DeckSummary {
	id: string;
	title: string;
	description: string;
	factCount: number;
	questionCount: number;
	cardCount: number;
}
