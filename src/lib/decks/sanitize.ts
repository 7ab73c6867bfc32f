/**
 * Imported HTML (Anki fields with `#html:true`) is shown only through this: a small set of formatting
 * tags with no attribute at all, so no script, event handler, link, style or image survives.
 */
import DOMPurify from 'dompurify';

/** Bold, italic, underline, line breaks (Anki writes them as <br>, <div> or <p>), sub/superscript and lists. */
export const CARD_HTML_TAGS = ['b', 'strong', 'i', 'em', 'u', 'br', 'div', 'p', 'sub', 'sup', 'ul', 'ol', 'li'];

const escapeHtml = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// An instance of our own, configured once: the configuration is not parsed again on every call, and
// no other use of DOMPurify in the app can change it.
const purify = DOMPurify();
if (purify.isSupported)
	purify.setConfig({ ALLOWED_TAGS: CARD_HTML_TAGS, ALLOWED_ATTR: [], ALLOW_DATA_ATTR: false, ALLOW_ARIA_ATTR: false });

// Text whose only tags are CARD_HTML_TAGS without attributes is already all DOMPurify would keep. Most
// fields of an Anki export are so (text, <br>, <div>), and passing them by keeps a large import fast.
const WITHIN_CARD_HTML = new RegExp(`^(?:[^<]|</?(?:${CARD_HTML_TAGS.join('|')})\\s*/?>)*$`, 'i');

/**
 * The HTML with only CARD_HTML_TAGS left, every attribute removed, and the content of script, style and
 * the like dropped. Where there is no DOM (server-side rendering) DOMPurify cannot run, so any input not
 * already within those tags is escaped instead: shown as text, never run.
 */
export function sanitizeCardHtml(html: string): string {
	if (WITHIN_CARD_HTML.test(html)) return html;
	return purify.isSupported ? purify.sanitize(html) : escapeHtml(html);
}
