/**
 * The text to show a user for anything thrown: the first line of an Error's message (Dexie
 * appends the error it wraps on further lines; IndexedDB's DOMExceptions are Errors too),
 * or the thing itself written out. Kept free of imports so that every layer can use it.
 */
export function messageOf(error: unknown): string {
	return error instanceof Error ? error.message.split('\n')[0] || error.name : String(error);
}
