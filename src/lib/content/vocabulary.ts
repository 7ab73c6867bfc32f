/**
 * The bank's vocabularies: country and theme tags, question types, lint rules. Apart from the schema
 * (schema.ts, which re-exports them) so a page that only names a tag loads no valibot.
 */
export const COUNTRIES = ['kazakhstan', 'kyrgyzstan', 'tajikistan', 'turkmenistan', 'uzbekistan', 'regional'] as const;
export const THEMES = [
	'security',
	'economy',
	'diplomacy',
	'history',
	'militant-groups',
	'refugees',
	'minorities',
	'infrastructure'
] as const;
export const QUESTION_TYPES = ['multiple-choice', 'true-false', 'typed', 'matching', 'ordering', 'map'] as const;

/** The checks of lint.ts: warnings a question can silence one by one with `allow`. */
export const LINT_RULES = [
	'answer-in-prompt',
	'long-right-option',
	'acronym-spelled-out',
	'explanation-repeats-back'
] as const;

/** The countries a map question can ask for, west to east by their centre; the neighbours around them are only drawn. */
export const MAP_REGIONS = [
	'turkmenistan',
	'uzbekistan',
	'afghanistan',
	'kazakhstan',
	'tajikistan',
	'kyrgyzstan'
] as const;
export type MapRegion = (typeof MAP_REGIONS)[number];
export const MAP_REGION_NAMES: Record<MapRegion, string> = {
	afghanistan: 'Afghanistan',
	kazakhstan: 'Kazakhstan',
	kyrgyzstan: 'Kyrgyzstan',
	tajikistan: 'Tajikistan',
	turkmenistan: 'Turkmenistan',
	uzbekistan: 'Uzbekistan'
};

export type Country = (typeof COUNTRIES)[number];
export type Theme = (typeof THEMES)[number];
export type QuestionType = (typeof QUESTION_TYPES)[number];
export type LintRule = (typeof LINT_RULES)[number];
