import initSqlJs from 'sql.js';
import { expect, test } from 'vitest';
import { STOCK, writePackage, type FixtureCollection } from './fixture-writer';
import { readAnkiPackage } from './read-package';

const NOTES = 10_000;
const REVIEWS_PER_CARD = 10;
const DAY = 86_400_000;

/** A collection of the size of a serious learner's: 10,000 notes, 100,000 reviews. */
function largeCollection(): FixtureCollection {
	const start = Date.UTC(2022, 0, 1);
	const notes = Array.from({ length: NOTES }, (_, i) => ({
		id: 1_000_000 + i,
		noteTypeId: STOCK.basic.id,
		fields: [`word ${i} <b>bold</b>`, `meaning ${i}<br>with a second line`],
		tags: ['vocab', `lesson${i % 40}`],
		cards: [{ id: 2_000_000 + i, ord: 0, deckId: 1 + (i % 5) }]
	}));
	const revlog = notes.flatMap((note, i) =>
		Array.from({ length: REVIEWS_PER_CARD }, (_, n) => ({
			time: start + i * 1000 + n * n * 3 * DAY,
			cardId: note.cards[0]!.id,
			ease: n % 7 === 3 ? 1 : 3,
			type: n === 0 ? 0 : 1
		}))
	);
	return {
		noteTypes: [STOCK.basic],
		decks: Array.from({ length: 5 }, (_, i) => ({ id: i + 1, name: `Big::Part ${i + 1}` })),
		notes,
		revlog
	};
}

// Speed is a benchmark's business, not a test's: this checks that a package of this size is read whole.
test('10,000 notes with 100,000 reviews are all read, every card with its rebuilt state', async () => {
	const sql = await initSqlJs();
	const zip = writePackage(sql, largeCollection(), 'latest');
	const started = performance.now();
	const preview = readAnkiPackage(zip, { sql, sanitize: (html) => html });
	const seconds = (performance.now() - started) / 1000;
	console.info(`read ${preview.counts.notes} notes and ${preview.counts.reviews} reviews in ${seconds.toFixed(2)} s`);
	expect(preview.counts).toMatchObject({ notes: NOTES, cards: NOTES, reviews: NOTES * REVIEWS_PER_CARD, decks: 5 });
	expect(preview.cards.every((card) => card.state !== undefined)).toBe(true);
}, 60_000);
