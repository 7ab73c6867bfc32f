/** Hands a text file to the system's share sheet where the browser can share files, and as a download elsewhere. */
export async function shareOrDownload(
	name: string,
	text: string,
	type: string
): Promise<'shared' | 'downloaded' | 'cancelled'> {
	const file = new File([text], name, { type });
	if (navigator.canShare?.({ files: [file] })) {
		try {
			await navigator.share({ files: [file], title: name });
			return 'shared';
		} catch (e) {
			if ((e as Error).name === 'AbortError') return 'cancelled';
			// Any other refusal (no permission, a share target that failed): the download still works.
		}
	}
	const url = URL.createObjectURL(file);
	Object.assign(document.createElement('a'), { href: url, download: name }).click();
	URL.revokeObjectURL(url);
	return 'downloaded';
}

/** A file name made of the deck's title: letters, digits and dashes. */
export const fileNameOf = (title: string, extension: string): string =>
	`${
		title
			.normalize('NFKD')
			.replace(/[^\p{L}\p{N}]+/gu, '-')
			.replace(/^-|-$/g, '')
			.slice(0, 60) || 'deck'
	}.${extension}`;
