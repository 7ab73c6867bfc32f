/**
 * Digests of the fact states: of each stored state, just what the statistics need (its FSRS state,
 * interval and due date), packed by deck into a few rows. The statistics read a deck's digests as
 * 64 rows instead of one key or row per fact: IndexedDB costs per entry read, and a long history has a
 * state for every fact (the README's bench notes give the figures).
 *
 * Kept by a Dexie middleware in the transaction of every write to `factStates`, whoever makes it (a
 * rating, an undo, an import, a reset, a deck's deletion): it adds `stateDigests` to the transaction
 * and sets or removes the entry of each fact the write touched. A fact's entry lives in the row of
 * its deck and shard (a hash of the fact id), so a rating rewrites one row of a few hundred entries,
 * never a deck's all.
 */
import Dexie, {
	type DBCoreKeyRange,
	type DBCoreMutateRequest,
	type DBCoreMutateResponse,
	type DBCoreTable,
	type DBCoreTransaction
} from 'dexie';
import { derivedTableMiddleware } from './derived-table';
import type { FactState } from './rows';

/** Of a stored state: its FSRS state, its interval in days and when it falls due (epoch ms). */
export type StateDigest = readonly [state: number, scheduledDays: number, due: number];

/** The digests of one shard of a deck's states, by fact id. */
export interface StateDigestRow {
	deckId: string;
	shard: number;
	states: Map<string, StateDigest>;
}

/** Enough shards that a rating rewrites a small row even in a deck of 100,000 cards, few enough that a deck reads fast. */
export const DIGEST_SHARDS = 64;

/** The shard of a fact's digest: FNV-1a of its id, so a fact always lands in the same row. */
export function shardOf(factId: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < factId.length; i++) hash = Math.imul(hash ^ factId.charCodeAt(i), 0x01000193);
	return (hash >>> 0) % DIGEST_SHARDS;
}

export const digestOf = (state: FactState): StateDigest => [state.state, state.scheduled_days, state.due];

/** A fact's entry to set (a digest) or remove (`undefined`). */
type Change = { deckId: string; factId: string; digest: StateDigest | undefined };

/** A state as the change that sets its digest. */
const toChange = (state: FactState): Change => ({
	deckId: state.deckId,
	factId: state.factId,
	digest: digestOf(state)
});

/** Changes by the row of their deck and shard. */
function byRow(changes: readonly Change[]): Map<string, { deckId: string; shard: number; changes: Change[] }> {
	const rows = new Map<string, { deckId: string; shard: number; changes: Change[] }>();
	for (const change of changes) {
		const shard = shardOf(change.factId);
		const id = `${shard}/${change.deckId}`;
		let row = rows.get(id);
		if (!row) rows.set(id, (row = { deckId: change.deckId, shard, changes: [] }));
		row.changes.push(change);
	}
	return rows;
}

/** The digest rows of the given states, as the middleware keeps them (the upgrade that makes them and tests use it). */
export const digestRows = (states: readonly FactState[]): StateDigestRow[] =>
	[...byRow(states.map(toChange)).values()].map(({ deckId, shard, changes }) => ({
		deckId,
		shard,
		states: new Map(changes.map((change) => [change.factId, change.digest!]))
	}));

const STATES = 'factStates';
const DIGESTS = 'stateDigests';
const ANY_KEY = 3 as DBCoreKeyRange['type'];

/** The states a put or an add wrote, but for any it failed to. */
const writtenBy = (values: readonly FactState[], response: DBCoreMutateResponse): Change[] =>
	values.filter((_, i) => !response.failures[i]).map(toChange);

/**
 * A deletion's read of the rows it removes, issued before it (a transaction's requests run in order):
 * their keys do not say where the deck id ends. `'all'` for a clear, which needs no read.
 */
function readRemoved(table: DBCoreTable, req: DBCoreMutateRequest): Promise<unknown[]> | 'all' | undefined {
	if (req.type === 'delete') return table.getMany({ trans: req.trans, keys: req.keys });
	if (req.type !== 'deleteRange') return undefined;
	if (req.range.type === ANY_KEY) return 'all';
	return table
		.query({ trans: req.trans, values: true, query: { index: table.schema.primaryKey, range: req.range } })
		.then((response) => response.result);
}

const removedFrom = (rows: unknown[]): Change[] =>
	(rows as (FactState | undefined)[]).flatMap((row) =>
		row ? [{ deckId: row.deckId, factId: row.factId, digest: undefined }] : []
	);

/**
 * The digest rows a transaction has read, by deck and shard, shared by its writes: two writes in flight at
 * once (a `Promise.all`) change the same row objects, and each writes them back whole, so the last write
 * holds every change. (Reading the row again in each write would lose one of two changes made between.)
 */
const rowsRead = new WeakMap<
	DBCoreTransaction,
	{ rows: Map<string, StateDigestRow>; reading: Map<string, PromiseLike<unknown>> }
>();

/**
 * Applies changes to the digest rows of the shards they touch, in the write's transaction. Written as
 * chains of Dexie's own promises, never `await`: Dexie's layers below, and the caller's next steps, find
 * the transaction in a zone that Dexie's promises carry and an async function's do not.
 */
function apply(digests: DBCoreTable, trans: DBCoreTransaction, changes: Change[] | 'all'): PromiseLike<unknown> {
	let read = rowsRead.get(trans);
	if (!read) rowsRead.set(trans, (read = { rows: new Map(), reading: new Map() }));
	const { rows, reading } = read;
	if (changes === 'all') {
		rows.clear();
		reading.clear();
		return digests.mutate({ type: 'deleteRange', trans, range: { type: ANY_KEY, lower: undefined, upper: undefined } });
	}
	const groups = byRow(changes);
	const unread = [...groups].filter(([id]) => !rows.has(id) && !reading.has(id));
	if (unread.length > 0) {
		const read = digests.getMany({ trans, keys: unread.map(([, g]) => [g.deckId, g.shard]) }).then((stored) =>
			unread.forEach(([id, { deckId, shard }], i) => {
				rows.set(id, (stored[i] as StateDigestRow | undefined) ?? { deckId, shard, states: new Map() });
				reading.delete(id);
			})
		);
		for (const [id] of unread) reading.set(id, read);
	}
	const waits = new Set([...groups.keys()].flatMap((id) => reading.get(id) ?? []));
	return Dexie.Promise.all([...waits]).then(() => {
		// From here to the writes nothing waits, so no other write of the transaction changes the rows between.
		const written: StateDigestRow[] = [];
		const emptied: [string, number][] = [];
		for (const [id, group] of groups) {
			const row = rows.get(id)!;
			for (const { factId, digest } of group.changes) {
				if (digest) row.states.set(factId, digest);
				else row.states.delete(factId);
			}
			if (row.states.size > 0) written.push(row);
			else emptied.push([row.deckId, row.shard]);
		}
		const writes: PromiseLike<unknown>[] = [];
		if (written.length > 0) writes.push(digests.mutate({ type: 'put', trans, values: written }));
		if (emptied.length > 0) writes.push(digests.mutate({ type: 'delete', trans, keys: emptied }));
		return Dexie.Promise.all(writes);
	});
}

/**
 * Keeps `stateDigests` equal to the digests of `factStates` (see above). Registered by the database (db.ts);
 * the upgrades before version 12 run before the digests' table exists, and version 12 makes them all.
 * Dexie's promises only, no `await` (see `apply`).
 */
export const stateDigestsMiddleware = derivedTableMiddleware(
	'StateDigests',
	{ source: STATES, derived: DIGESTS },
	(down, table, req) => {
		const removing = readRemoved(table, req);
		return table.mutate(req).then((response) =>
			Dexie.Promise.resolve<unknown[] | 'all' | undefined>(removing)
				.then((removed) =>
					apply(
						down.table(DIGESTS),
						req.trans,
						'values' in req ? writtenBy(req.values, response) : removed === 'all' ? 'all' : removedFrom(removed ?? [])
					)
				)
				.then(() => response)
		);
	}
);
