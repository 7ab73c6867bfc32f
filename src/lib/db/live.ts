/**
 * A Dexie live query as a Svelte store: the screen follows the database.
 * During prerendering there is no IndexedDB, so the store stays undefined there.
 */
import { liveQuery, type Subscription } from 'dexie';
import { readable, type Readable } from 'svelte/store';
import { nextTask } from './next-task';
import { databaseExists } from './db';

/**
 * `whenNothingStored`, if given, gives what the query would find in an empty database: on a device
 * that has no database yet (a first visit), the store holds that and the database is not created
 * just to be read. The page's own writes come from actions that leave the page, so it is fresh
 * again when the student comes back.
 */
export function live<T>(query: () => Promise<T>, whenNothingStored?: () => T): Readable<T | undefined> {
	if (typeof indexedDB === 'undefined') return readable(undefined);
	return readable<T | undefined>(undefined, (set) => {
		let subscription: Subscription | undefined;
		let stopped = false;
		// The query (and the database's opening, on a page's first query) runs after the page has hydrated.
		void nextTask().then(async () => {
			if (whenNothingStored && !(await databaseExists())) {
				if (!stopped) set(whenNothingStored());
				return;
			}
			if (!stopped) subscription = liveQuery(query).subscribe({ next: set, error: (e) => console.error(e) });
		});
		return () => {
			stopped = true;
			subscription?.unsubscribe();
		};
	});
}
