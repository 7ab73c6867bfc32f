import initSqlJs from 'sql.js';
import { expect, test } from 'vitest';
import { largeCollection, writePackage } from './fixture-writer';
import { readAnkiPackage } from './read-package';

const NOTES = 10_000;
const REVIEWS_PER_CARD = 10;

// Speed is a benchmark's business, not a test's: this checks that a package of this size is read whole.
test('10,000 notes with 100,000 reviews are all read, every card with its rebuilt state', async () => {
	const sql = await initSqlJs();
	const { collection } = largeCollection({ notes: NOTES, reviewsPerCard: REVIEWS_PER_CARD });
	const zip = writePackage(sql, collection, 'latest');
	const started = performance.now();
	const preview = readAnkiPackage(zip, { sql, sanitize: (html) => html });
	const seconds = (performance.now() - started) / 1000;
	console.info(`read ${preview.counts.notes} notes and ${preview.counts.reviews} reviews in ${seconds.toFixed(2)} s`);
	expect(preview.counts).toMatchObject({ notes: NOTES, cards: NOTES, reviews: NOTES * REVIEWS_PER_CARD, decks: 5 });
	expect(preview.cards.every((card) => card.state !== undefined)).toBe(true);
}, 60_000);
