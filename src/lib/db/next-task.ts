/**
 * Resolves in a task of its own, after the current one ends.
 * A prerendered page hydrates in one task; work that opens the database or reads it waits for this,
 * so the page answers a tap sooner (the data would come no earlier: IndexedDB is asynchronous anyway).
 */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve));
