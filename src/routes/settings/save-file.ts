/** Hands the browser a JSON file to save, as a download. */
export function saveJsonFile(name: string, data: unknown): void {
	const url = URL.createObjectURL(new Blob([JSON.stringify(data)], { type: 'application/json' }));
	Object.assign(document.createElement('a'), { href: url, download: name }).click();
	URL.revokeObjectURL(url);
}
