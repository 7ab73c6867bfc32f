// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateDeck } from '$lib/content/validate';
import type { StudyDatabase } from '$lib/db/db';
import { openTestDatabase } from '$lib/db/test-database';
import { createDeckWithCards, deleteDeck } from '$lib/db/user-deck-edits';
import { readUserDeck } from '$lib/db/user-decks';
import { checkDeckFile } from './deck-file-check';
import { exportUserDeckYaml, leftOutOfYaml } from './export-yaml';
import { ImportSession } from './import-session.svelte';
import { parseYamlDeck } from './import/yaml';
import { randomDeck } from './random-deck';

let db: StudyDatabase;
beforeEach(async () => {
	db = await openTestDatabase();
});
afterEach(() => db.delete());

const T0 = new Date(2026, 10, 1, 9).getTime();
const bytes = (text: string) => new TextEncoder().encode(text);

/** A deck as stored, without the times its writes stamp. */
async function stored(deckId: string) {
	const read = (await readUserDeck(db, deckId))!;
	const { created: _c, updated: _u, ...deck } = read.deck;
	return { deck, cards: read.cards };
}

/** The file, imported through the Import screen as a person picks it. */
async function importFile(text: string) {
	const session = new ImportSession();
	session.readFile('exported.yaml', bytes(text));
	expect(session.format).toBe('yaml');
	expect(session.preview.problems).toEqual([]);
	return session.confirm(db, T0 + 1000);
}

describe('a user deck exported as YAML imports back as the same deck', () => {
	it.each(Array.from({ length: 25 }, (_, i) => `seed-${i}`))(
		'awkward deck %s: same title, description, cards, tags, explanations, questions, order and ids',
		async (seed) => {
			const made = randomDeck(seed, { spacedTags: true });
			const { deck } = await createDeckWithCards(db, made, made.cards, T0);
			const before = await stored(deck.id);
			const text = exportUserDeckYaml(before.deck, before.cards);
			await deleteDeck(db, deck.id);

			const imported = await importFile(text);
			expect(imported.deck.id).toBe(deck.id);
			expect(await stored(deck.id)).toEqual(before);
		}
	);

	it('beside the deck it came from, it is a copy under new ids, the original untouched', async () => {
		const { deck } = await createDeckWithCards(
			db,
			{ title: 'Capitals', description: 'Of Central Asia' },
			[
				{ front: 'Kazakhstan', back: 'Astana', tags: ['asia'] },
				{ front: 'Kyrgyzstan', back: 'Bishkek', explanation: 'Since 1991.' }
			],
			T0
		);
		const before = await stored(deck.id);
		const copy = await importFile(exportUserDeckYaml(before.deck, before.cards));
		expect(copy.idsKept).toBe(false);
		expect(copy.deck.id).not.toBe(deck.id);
		expect(await stored(deck.id)).toEqual(before);
		const copied = await stored(copy.deck.id);
		expect(copied.deck).toMatchObject({ title: 'Capitals', description: 'Of Central Asia' });
		expect(copied.cards.map(({ front, back, tags, explanation }) => ({ front, back, tags, explanation }))).toEqual(
			before.cards.map(({ front, back, tags, explanation }) => ({ front, back, tags, explanation }))
		);
		expect(copied.cards.every((card, i) => card.id !== before.cards[i]!.id)).toBe(true);
	});

	it('the file is one fact per card, with the deck on top, and its comment points to questions/FORMAT.md', () => {
		const text = exportUserDeckYaml({ id: 'u-deck-1', title: 'Capitals', description: '' }, [
			{
				id: 'c1',
				deckId: 'u-deck-1',
				position: 0,
				front: 'Kazakhstan',
				back: 'Astana',
				tags: ['asia'],
				explanation: 'Astana is the capital of Kazakhstan.'
			},
			{ id: 'c2', deckId: 'u-deck-1', position: 1, front: 'Kyrgyzstan', back: 'Bishkek', tags: [] }
		]);
		expect(text).toContain('questions/FORMAT.md');
		expect(parse(text)).toEqual({
			deck: { id: 'u-deck-1', title: 'Capitals', description: '' },
			facts: [
				{
					id: 'c1',
					statement: 'Astana is the capital of Kazakhstan.',
					tags: ['asia'],
					cards: [{ front: 'Kazakhstan', back: 'Astana' }]
				},
				{ id: 'c2', cards: [{ front: 'Kyrgyzstan', back: 'Bishkek' }] }
			]
		});
	});

	it('with what questions/FORMAT.md tells a maintainer to add, it is a deck `npm run validate` accepts', () => {
		const text = exportUserDeckYaml({ id: 'u-deck-1', title: 'Capitals', description: 'Of Central Asia' }, [
			{
				id: 'kz-capital',
				deckId: 'u-deck-1',
				position: 0,
				front: 'Capital of Kazakhstan?',
				back: 'Astana',
				tags: ['asia'],
				explanation: 'Astana is the capital of Kazakhstan.',
				questions: [
					{
						id: 'is-it',
						type: 'true-false',
						prompt: 'Almaty is the capital.',
						answer: false,
						explanation: 'Not since 1997.'
					}
				]
			}
		]);
		const file = parse(text) as { deck: { title: string; description: string }; facts: Record<string, unknown>[] };
		// The steps of FORMAT.md, "A user's deck": deck.yaml from `deck:`, then per fact paragraphs, countries,
		// themes in place of tags, and a second question type.
		const meta = {
			id: 'capitals',
			title: file.deck.title,
			description: file.deck.description,
			source: {
				title: 'Capitals',
				publisher: 'Steppe Cards',
				publisherShort: 'SC',
				keywords: ['capitals'],
				paragraphs: [{ n: 1, topic: 'Capitals' }]
			}
		};
		const facts = file.facts.map(({ tags: _tags, ...fact }) => ({
			...fact,
			paragraphs: [1],
			countries: ['kazakhstan'],
			themes: ['history'],
			questions: [
				...(fact.questions as unknown[]),
				{
					id: 'which',
					type: 'multiple-choice',
					prompt: 'Which city is the capital of Kazakhstan?',
					options: ['Astana', 'Almaty', 'Shymkent'],
					answer: 'Astana',
					explanation: 'It moved from Almaty in 1997.'
				}
			]
		}));
		const result = validateDeck({ path: 'deck.yaml', data: meta }, [{ path: 'facts.yaml', data: { facts } }]);
		expect(result.problems).toEqual([]);
	});
});

describe('`npm run validate -- <file>` accepts an exported deck byte for byte', () => {
	/** A seeded deck as stored, and its file exactly as "Export as YAML" downloads it. */
	async function exported(seed: string) {
		const made = randomDeck(seed, { spacedTags: true });
		const { deck } = await createDeckWithCards(db, made, made.cards, T0);
		const { deck: row, cards } = await stored(deck.id);
		return { cards, bytes: bytes(exportUserDeckYaml(row, cards)) };
	}

	it.each(Array.from({ length: 25 }, (_, i) => `seed-${i}`))('awkward deck %s: no problem', async (seed) => {
		const { cards, bytes } = await exported(seed);
		const report = checkDeckFile('deck.yaml', bytes);
		expect(report.problems).toEqual([]);
		expect(report.summary).toMatch(
			new RegExp(`^deck\\.yaml: the deck ".*", ${cards.length} cards?, \\d+ questions? of their own — valid`, 's')
		);
	});

	it('a broken id or a missing back is named with the file, its line and the card', async () => {
		const { deck } = await createDeckWithCards(
			db,
			{ title: 'Capitals', description: '' },
			[
				{ front: 'Kazakhstan', back: 'Astana' },
				{ front: 'Kyrgyzstan', back: 'Bishkek' }
			],
			T0
		);
		const { deck: row, cards } = await stored(deck.id);
		const text = exportUserDeckYaml(row, cards);
		const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
		const [first, second] = [cards[0]!.id, cards[1]!.id];
		expect(checkDeckFile('capitals.yaml', bytes(text.replace(first, 'Card One'))).problems).toEqual([
			`capitals.yaml:${lineOf(first)} › card "Card One": id: must be kebab-case: lower-case letters, digits and hyphens; this card is left out`
		]);
		expect(checkDeckFile('capitals.yaml', bytes(text.replace(/\n +back: Bishkek/, ''))).problems).toEqual([
			`capitals.yaml:${lineOf('front: Kyrgyzstan')} › card "${second}": cards.0.back: is missing; this card is left out`
		]);
	});

	it('a question the app could not save is a problem of its card', () => {
		const text = exportUserDeckYaml({ id: 'u-deck-1', title: 'Capitals', description: '' }, [
			{
				id: 'kz',
				deckId: 'u-deck-1',
				position: 0,
				front: 'Kazakhstan',
				back: 'Astana',
				tags: [],
				questions: [
					{
						id: 'which',
						type: 'multiple-choice',
						prompt: 'Capital?',
						options: ['Almaty', 'Shymkent', 'Taraz'],
						answer: 'Astana',
						explanation: 'Since 1997.'
					}
				]
			}
		]);
		const line = text.slice(0, text.indexOf('- id: which')).split('\n').length;
		expect(checkDeckFile('capitals.yaml', bytes(text)).problems).toEqual([
			`capitals.yaml:${line} › card "kz": question "which": the answer "Astana" is not among its options; this card is left out`
		]);
	});

	it('a file that is not UTF-8 is refused as the Import refuses it', () => {
		expect(checkDeckFile('deck.yaml', new Uint8Array([0x64, 0x65, 0xff, 0x0a])).problems).toEqual([
			'deck.yaml:1 › the file is not UTF-8 text (line 1 has bytes that are not UTF-8, as in a file saved as Windows-1252 or Latin-1): save or export it as UTF-8'
		]);
	});

	it('a card whose side is only an image is left out, and the file and the panel say so', () => {
		const cards = [
			{
				id: 'fr',
				deckId: 'u-flags',
				position: 0,
				front: '',
				back: 'France',
				tags: [],
				media: { front: ['fr.png'], back: [] }
			},
			{ id: 'kz', deckId: 'u-flags', position: 1, front: 'Kazakhstan', back: 'Astana', tags: [] }
		];
		const text = exportUserDeckYaml({ id: 'u-flags', title: 'Flags', description: '' }, cards);
		const leftOut = '1 card is left out, as a side that is only an image or a sound cannot be written in YAML.';
		// Said in the file's first lines, and by the export panel.
		expect(text).toContain(`# ${leftOut}\n`);
		expect(leftOutOfYaml(cards)).toBe(leftOut);
		const report = checkDeckFile('flags.yaml', bytes(text));
		expect(report.problems).toEqual([]);
		expect(report.summary).toBe(
			`flags.yaml: the deck "Flags", 1 card, 0 questions of their own — valid: the app's Import reads it whole`
		);
	});
});

describe('problems of a user deck file name their line, and nothing bad is imported', () => {
	const deck = 'deck:\n  title: Capitals\nfacts:\n';
	it.each<[string, string, { line: number; message: string }[], number]>([
		[
			'two cards in one fact',
			`${deck}  - id: a\n    cards:\n      - { front: A, back: B }\n      - { front: C, back: D }\n`,
			[
				{
					line: 6,
					message: `card "a": cards: must hold exactly one card (a user's deck has one card per fact); this card is left out`
				}
			],
			0
		],
		[
			'a repeated id',
			`${deck}  - id: a\n    cards: [{ front: A, back: B }]\n  - id: a\n    cards: [{ front: C, back: D }]\n`,
			[{ line: 6, message: 'card "a": the id "a" is used by an earlier card; this card is left out' }],
			1
		],
		[
			'a deck without a title',
			'deck:\n  description: none\nfacts: []\n',
			[{ line: 2, message: 'deck: title: is missing; nothing is imported' }],
			0
		],
		[
			'a deck id that is not a user deck id',
			'deck:\n  id: central-asia\n  title: Capitals\nfacts: []\n',
			[
				{
					line: 2,
					message: 'deck: id: must be "u-" followed by lower-case letters, digits and hyphens; nothing is imported'
				}
			],
			0
		]
	])('%s', (_name, text, problems, cardCount) => {
		const result = parseYamlDeck(text);
		expect(result.problems).toEqual(problems);
		expect(result.cards).toHaveLength(cardCount);
	});
});
