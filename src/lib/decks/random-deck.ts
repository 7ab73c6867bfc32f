/**
 * Seeded decks full of awkward text (separators, quotes, line breaks, `#`, HTML, scripts beyond
 * Latin, emoji), for the round-trip tests of the Anki export and the share link.
 */
import type { Question } from '$lib/content/schema';
import { randomIndex, seededRandom, type Random } from '$lib/quiz/random';
import type { SharedDeck } from './share';

const PIECES = [
	'Astana',
	'Samarkand',
	'1997',
	'$472 million',
	'Қазақстан',
	'Тоҷикистон',
	'ئۆزبېكىستان',
	'😀',
	'a\tb',
	'"quoted"',
	"it's",
	'line\nbreak',
	'crlf\r\nend',
	'lone\rcr',
	'#hash',
	'C#',
	'<b>bold</b>',
	'<script>alert(1)</script>',
	'&amp;',
	'\\',
	'{"json": [1]}',
	'\u2028',
	'   '
];

const TAGS = ['geo', 'history', 'c#', 'Қала', 'tag-with-dash', 'under_score', '"q"'];

/** Valid questions as the schema gives them back (trimmed, `accept` present), to attach to cards. */
const QUESTIONS: Question[] = [
	{
		id: 'capital',
		type: 'multiple-choice',
		prompt: 'Capital?',
		options: ['Astana', 'Almaty', 'Shymkent'],
		answer: 'Astana',
		explanation: 'Since 1997.'
	},
	{ id: 'is-it', type: 'true-false', prompt: 'Astana is the capital.', answer: true, explanation: 'It is.' },
	{
		id: 'typed',
		type: 'typed',
		prompt: 'Capital, typed?',
		answer: 'Astana',
		accept: ['Nur-Sultan'],
		explanation: 'Renamed twice.'
	}
];

const pick = <T>(items: readonly T[], random: Random): T => items[randomIndex(random, items.length)]!;

function awkwardText(random: Random, nonBlank: boolean): string {
	const parts = Array.from({ length: 1 + randomIndex(random, 4) }, () => pick(PIECES, random));
	const text = parts.join(pick(['', ' ', '\t', '\n'], random));
	return nonBlank && text.trim() === '' ? `x${text}` : text;
}

export interface RandomDeckOptions {
	/** Whether tags may hold whitespace (a shared deck keeps it; Anki cannot). */
	spacedTags: boolean;
}

/** A deck of 1 to 12 cards; the same seed gives the same deck. */
export function randomDeck(seed: string, options: RandomDeckOptions): SharedDeck {
	const random = seededRandom(seed);
	const chance = (p: number) => random() < p;
	const cards = Array.from({ length: 1 + randomIndex(random, 12) }, () => {
		// A card's tags are distinct, as every importer and the editor keep them.
		const tags = [
			...new Set(
				Array.from({ length: randomIndex(random, 4) }, () =>
					options.spacedTags && chance(0.3) ? `${pick(TAGS, random)} ${pick(TAGS, random)}` : pick(TAGS, random)
				)
			)
		];
		return {
			front: awkwardText(random, true),
			back: awkwardText(random, true),
			tags,
			...(chance(0.5) && { explanation: awkwardText(random, true) }),
			...(chance(0.2) && { questions: QUESTIONS.slice(0, 1 + randomIndex(random, QUESTIONS.length)) })
		};
	});
	return {
		title: awkwardText(random, true),
		...(chance(0.5) && { description: awkwardText(random, false) }),
		cards
	};
}
