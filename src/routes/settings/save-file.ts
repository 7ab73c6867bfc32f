/** Hands the browser a JSON file to save, as a download. */
export function saveJsonFile(name: string, data: unknown): void {
	saveFile(name, [JSON.stringify(data)]);
}

/** Hands the browser a file made of the given parts of JSON text to save, as a download. */
export function saveFile(name: string, parts: BlobPart[]): void {
	const url = URL.createObjectURL(new Blob(parts, { type: 'application/json' }));
	Object.assign(document.createElement('a'), { href: url, download: name }).click();
	URL.revokeObjectURL(url);
}
