/**
 * Seeds the app's IndexedDB database from inside the page (pass to `page.evaluate`):
 * everything it uses must be defined inside the function. The database must exist
 * already (the app creates it); its fact states and their digests, review log (rows and packed chunks, as the app holds them)
 * and review tallies (per hour and per day) are filled, the rest left alone.
 * With no facts and `reviews` 0 it empties the fact states and reviews (the settings row is written either way).
 */
import type { StoredCard } from '../../src/lib/db/rows';

export interface SeedArgs {
	deckId: string;
	/** The facts' ids and the shard of each one's digest (src/lib/db/state-digests.ts), worked out outside the page. */
	factIds: string[];
	shards: number[];
	reviews: number;
	reviewsToday: number;
	rolloverHour: number;
}

/** Raw IndexedDB, big transactions; the rows match FactState / ReviewRow of src/lib/db/rows.ts. */
export async function seedInPage(args: SeedArgs) {
	const DAY = 86_400_000;
	const now = Date.now();
	const dayStartDate = new Date(now);
	dayStartDate.setHours(args.rolloverHour, 0, 0, 0);
	if (dayStartDate.getTime() > now) dayStartDate.setDate(dayStartDate.getDate() - 1);
	const dayStart = dayStartDate.getTime();

	// A small deterministic PRNG (mulberry32), so every run seeds the same history.
	let seed = 20_000;
	const random = () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = seed;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
	const between = (a: number, b: number) => a + random() * (b - a);

	const reviewCard = (due: number): StoredCard => {
		const scheduled = Math.max(1, Math.round(between(1, 120)));
		return {
			due,
			stability: scheduled * between(0.8, 1.2),
			difficulty: between(1, 10),
			elapsed_days: scheduled,
			scheduled_days: scheduled,
			learning_steps: 0,
			reps: Math.round(between(3, 30)),
			lapses: Math.floor(between(0, 4)),
			state: 2,
			last_review: due - scheduled * DAY
		};
	};
	const learningCard = (state: 1 | 3, due: number): StoredCard => ({
		due,
		stability: between(0.1, 3),
		difficulty: between(3, 9),
		elapsed_days: 0,
		scheduled_days: 0,
		learning_steps: state === 1 ? 1 : 0,
		reps: state === 1 ? 1 : Math.round(between(4, 20)),
		lapses: state === 1 ? 0 : Math.round(between(1, 5)),
		state,
		last_review: due - 10 * 60_000
	});

	const db = await new Promise<IDBDatabase>((resolve, reject) => {
		const request = indexedDB.open('steppe-cards');
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
	const write = (store: string, rows: unknown[], clear: boolean) =>
		new Promise<void>((resolve, reject) => {
			const tx = db.transaction(store, 'readwrite', { durability: 'relaxed' });
			const os = tx.objectStore(store);
			if (clear) os.clear();
			for (const row of rows) os.put(row);
			tx.oncomplete = () => resolve();
			tx.onerror = () => reject(tx.error);
			tx.onabort = () => reject(tx.error);
		});

	const started = performance.now();
	// States: 98% Review, due from a week ago to 90 days ahead (about 1,500 due today);
	// 1% Learning and 1% Relearning, due between two days ago and an hour from now.
	const states = [];
	const counts = { review: 0, learning: 0, relearning: 0 };
	const facts = args.factIds.length;
	for (let i = 0; i < facts; i++) {
		const r = random();
		let card: StoredCard;
		if (r < 0.01) {
			card = learningCard(1, Math.round(between(now - 2 * DAY, now + 3_600_000)));
			counts.learning++;
		} else if (r < 0.02) {
			card = learningCard(3, Math.round(between(now - 2 * DAY, now + 3_600_000)));
			counts.relearning++;
		} else {
			card = reviewCard(Math.round(between(now - 7 * DAY, now + 90 * DAY)));
			counts.review++;
		}
		const id = args.factIds[i]!;
		states.push({ key: `${args.deckId}/${id}`, deckId: args.deckId, factId: id, ...card });
	}
	await write('factStates', states, true);
	// And their digests for the statistics, packed by shard as the app keeps them (src/lib/db/state-digests.ts).
	const digests = new Map<number, { deckId: string; shard: number; states: Map<string, number[]> }>();
	states.forEach((state, i) => {
		const shard = args.shards[i]!;
		const row = digests.get(shard) ?? { deckId: args.deckId, shard, states: new Map() };
		row.states.set(state.factId, [state.state, state.scheduled_days, state.due]);
		digests.set(shard, row);
	});
	await write('stateDigests', [...digests.values()], true);

	// Reviews: over the past year, a few hundred of them today; one in ten a first review.
	// The app keeps the log tallied per local clock hour (src/lib/db/review-hours.ts); the seed must too.
	type Tally = { hour: number; reviews: number; mature: number; maturePassed: number };
	const tallies = new Map<number, Tally>();
	const reviews = [];
	for (let written = 0; written < args.reviews; written++) {
		const today = written < args.reviewsToday;
		const time = Math.round(today ? between(dayStart, now) : between(now - 365 * DAY, dayStart));
		const fact = args.factIds[Math.floor(random() * facts)]!;
		const isFirst = !today && random() < 0.1;
		const before = isFirst ? null : reviewCard(time + Math.round(between(-2 * DAY, 2 * DAY)));
		const after = reviewCard(time + Math.round(between(1, 120)) * DAY);
		const rating = 1 + Math.floor(random() * 4);
		const hour = new Date(time).setMinutes(0, 0, 0);
		const tally = tallies.get(hour) ?? { hour, reviews: 0, mature: 0, maturePassed: 0 };
		const mature = before !== null && before.state === 2 && before.scheduled_days >= 21;
		tally.reviews++;
		if (mature) tally.mature++;
		if (mature && rating >= 2) tally.maturePassed++;
		tallies.set(hour, tally);
		reviews.push({
			id: 0,
			factKey: `${args.deckId}/${fact}`,
			deckId: args.deckId,
			factId: fact,
			time,
			rating,
			elapsedDays: before ? before.scheduled_days : 0,
			durationMs: Math.round(between(1500, 20_000)),
			source: 'flashcard',
			before,
			after
		});
	}
	// As the app holds a long history (src/lib/db/review-log.ts): ids in order of time; the reviews from
	// before yesterday's study day packed 500 to a row of reviewArchive (one deck here), the rest one row each.
	reviews.sort((a, b) => a.time - b.time);
	reviews.forEach((review, i) => (review.id = i + 1));
	const yesterday = new Date(dayStart);
	yesterday.setDate(yesterday.getDate() - 1);
	const kept = reviews.findIndex((review) => review.time >= yesterday.getTime());
	const packed = kept === -1 ? reviews : reviews.slice(0, kept);
	const chunks = [];
	for (let i = 0; i < packed.length; i += 500) {
		const part = packed.slice(i, i + 500);
		chunks.push({
			deckId: args.deckId,
			firstTime: part[0]!.time,
			lastTime: part.at(-1)!.time,
			count: part.length,
			reviews: part
		});
	}
	await write('reviewArchive', chunks, true);
	await write('reviews', kept === -1 ? [] : reviews.slice(kept), true);
	await write('reviewHours', [...tallies.values()], true);
	// And folded into calendar days of 24 hours each, as the app keeps them for the statistics (src/lib/db/review-days.ts).
	type DayTally = { day: number; reviews: number[]; mature: number[]; maturePassed: number[] };
	const days = new Map<number, DayTally>();
	for (const t of tallies.values()) {
		const date = new Date(t.hour);
		const slot = date.getHours();
		const day = date.setHours(0, 0, 0, 0);
		const zeros = () => Array<number>(24).fill(0);
		const row = days.get(day) ?? { day, reviews: zeros(), mature: zeros(), maturePassed: zeros() };
		row.reviews[slot]! += t.reviews;
		row.mature[slot]! += t.mature;
		row.maturePassed[slot]! += t.maturePassed;
		days.set(day, row);
	}
	await write('reviewDays', [...days.values()], true);
	await write(
		'settings',
		[{ id: 'study', newPerDay: 20, maxReviewsPerDay: 9999, retention: 0.9, rolloverHour: args.rolloverHour }],
		true
	);

	const count = (store: string) =>
		new Promise<number>((resolve, reject) => {
			const request = db.transaction(store).objectStore(store).count();
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
	const result = {
		ms: performance.now() - started,
		factStates: await count('factStates'),
		reviews: reviews.length,
		reviewRows: await count('reviews'),
		reviewChunks: await count('reviewArchive'),
		...counts
	};
	db.close();
	return result;
}
