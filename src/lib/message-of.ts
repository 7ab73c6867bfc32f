/**
 * The text to show a user for anything thrown: the first line of an Error's message (Dexie
 * appends the error it wraps on further lines), a DOMException's (IndexedDB's failures are
 * those), or the thing itself written out. Kept free of imports so that every layer can use it.
 */
export function messageOf(error: unknown): string {
	if (error instanceof Error) return error.message.split('\n')[0] || error.name;
	if (typeof error === 'string') return error;
	if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') return error.message;
	return String(error);
}
