/**
 * A Dexie live query as a Svelte store: the screen follows the database.
 * During prerendering there is no IndexedDB, so the store stays undefined there.
 */
import { liveQuery } from 'dexie';
import { readable, type Readable } from 'svelte/store';

export function live<T>(query: () => Promise<T>): Readable<T | undefined> {
	if (typeof indexedDB === 'undefined') return readable(undefined);
	return readable<T | undefined>(undefined, (set) => {
		const subscription = liveQuery(query).subscribe({ next: set, error: (e) => console.error(e) });
		return () => subscription.unsubscribe();
	});
}
