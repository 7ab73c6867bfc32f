/**
 * Imported HTML (Anki fields with `#html:true`) is shown only through this: a small set of formatting
 * tags with no attribute at all, so no script, event handler, link, style or image survives.
 */
import DOMPurify from 'dompurify';

/** Bold, italic, underline, line breaks (Anki writes them as <br>, <div> or <p>), sub/superscript and lists. */
export const CARD_HTML_TAGS = ['b', 'strong', 'i', 'em', 'u', 'br', 'div', 'p', 'sub', 'sup', 'ul', 'ol', 'li'];

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
