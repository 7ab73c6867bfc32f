/**
 * Imported HTML (Anki fields with `#html:true`) is shown only through this: a small set of formatting
 * tags with no attribute at all, so no script, event handler, link, style or image survives.
 */
import DOMPurify from 'dompurify';

/** Bold, italic, underline, line breaks (Anki writes them as <br>, <div> or <p>), sub/superscript and lists. */
export const CARD_HTML_TAGS = ['b', 'strong', 'i', 'em', 'u', 'br', 'div', 'p', 'sub', 'sup', 'ul', 'ol', 'li'];

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The HTML with only CARD_HTML_TAGS left, every attribute removed, and the content of script, style and
 * the like dropped. Where there is no DOM (server-side rendering) DOMPurify cannot run, so the whole
 * input is escaped instead: shown as text, never run.
 */
export function sanitizeCardHtml(html: string): string {
	if (!DOMPurify.isSupported) return escapeHtml(html);
	return DOMPurify.sanitize(html, {
		ALLOWED_TAGS: CARD_HTML_TAGS,
		ALLOWED_ATTR: [],
		ALLOW_DATA_ATTR: false,
		ALLOW_ARIA_ATTR: false
	});
}

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
