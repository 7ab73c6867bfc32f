/**
 * A Dexie middleware that keeps a table derived from another in step with it, whoever writes the source:
 * it adds the derived table to every write transaction of the source, and hands each write of the
 * source to `mutate`, which makes the write and then brings the derived table along in the same
 * transaction. A write made by an upgrade that runs before the derived table exists goes straight through
 * (the version that adds the derived table makes it from the source).
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, Middleware } from 'dexie';

export function derivedTableMiddleware(
	name: string,
	{ source, derived }: { source: string; derived: string },
	mutate: (down: DBCore, table: DBCoreTable, req: DBCoreMutateRequest) => Promise<DBCoreMutateResponse>
): Middleware<DBCore> {
	return {
		stack: 'dbcore',
		name,
		create: (down) => ({
			...down,
			transaction: (stores, mode, options) =>
				down.transaction(
					mode === 'readwrite' && stores.includes(source) && !stores.includes(derived) ? [...stores, derived] : stores,
					mode,
					options
				),
			table: (tableName) => {
				const table = down.table(tableName);
				if (tableName !== source) return table;
				return {
					...table,
					mutate: (req) =>
						(req.trans as unknown as IDBTransaction).objectStoreNames.contains(derived)
							? mutate(down, table, req)
							: table.mutate(req)
				};
			}
		})
	};
}
