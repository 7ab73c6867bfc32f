/** Imported HTML read as text, apart from sanitize.ts so that parsers of plain text do not load DOMPurify. */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * The text a reader sees in a piece of HTML, for comparing a typed answer with it: tags dropped,
 * line breaks made spaces, the usual entities decoded. Its result is text, never HTML.
 */
export function htmlToPlainText(html: string): string {
	return html
		.replace(/<br\s*\/?>|<\/?(div|p|li)\b[^>]*>/gi, ' ')
		.replace(/<[^>]*>/g, '')
		.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
			if (name[0] === '#') {
				const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
				return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
			}
			return ENTITIES[name.toLowerCase()] ?? entity;
		})
		.replace(/\s+/g, ' ')
		.trim();
}
