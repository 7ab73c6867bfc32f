/**
 * The media a card names: images in <img src>, sounds as Anki's [sound:name] (or, once read, <audio src>);
 * and each file's type by its extension.
 */

const MEDIA_ELEMENT = /<(?:img|audio)\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
const SOUND = /\[sound:([^\]]+)\]/g;

const decodeEntities = (name: string) =>
	name
		.replace(/&amp;/g, '&')
		.replace(/&quot;/g, '"')
		.replace(/&#39;|&apos;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>');

/** The file names the HTML names, each once, in order. Links to other sites are not media of the package. */
export function mediaNames(html: string): string[] {
	const names: string[] = [];
	for (const match of html.matchAll(MEDIA_ELEMENT)) names.push(decodeEntities(match[1] ?? match[2] ?? match[3] ?? ''));
	for (const match of html.matchAll(SOUND)) names.push(match[1] as string);
	return [...new Set(names.filter((name) => name !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(name)))];
}

const escapeAttribute = (name: string) => name.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The HTML with each [sound:…] tag, which Anki plays, made an <audio> element that the card shows with controls. */
export function soundTagsAsAudio(html: string): string {
	return html.replace(SOUND, (_, name: string) => `<audio src="${escapeAttribute(name)}"></audio>`);
}

const MIME_TYPES: Record<string, string> = {
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	png: 'image/png',
	gif: 'image/gif',
	webp: 'image/webp',
	avif: 'image/avif',
	svg: 'image/svg+xml',
	bmp: 'image/bmp',
	mp3: 'audio/mpeg',
	ogg: 'audio/ogg',
	oga: 'audio/ogg',
	opus: 'audio/ogg',
	wav: 'audio/wav',
	m4a: 'audio/mp4',
	aac: 'audio/aac',
	flac: 'audio/flac',
	webm: 'audio/webm',
	mp4: 'video/mp4'
};

export function mimeType(name: string): string {
	const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
	return MIME_TYPES[extension] ?? 'application/octet-stream';
}
