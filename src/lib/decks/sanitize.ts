/**
 * Imported HTML (Anki fields with `#html:true`) is shown only through this: a small set of formatting
 * tags with no attribute at all, so no script, event handler, link or style survives. The one exception
 * is the media of an Anki package that are stored with its deck: an <img> or <audio> whose `src` names
 * one of them keeps that `src` (and nothing else); any other image or sound is removed.
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

const MEDIA_TAGS = ['img', 'audio'];
// A second instance for HTML that may name stored media: `storedMedia` is the set of the call under way.
const purifyWithMedia = DOMPurify();
let storedMedia: ReadonlySet<string> = new Set();
if (purifyWithMedia.isSupported) {
	purifyWithMedia.setConfig({
		ALLOWED_TAGS: [...CARD_HTML_TAGS, ...MEDIA_TAGS],
		ALLOWED_ATTR: ['src'],
		ALLOW_DATA_ATTR: false,
		ALLOW_ARIA_ATTR: false
	});
	purifyWithMedia.addHook('uponSanitizeAttribute', (node, data) => {
		if (
			data.attrName === 'src' &&
			!(MEDIA_TAGS.includes(node.nodeName.toLowerCase()) && storedMedia.has(data.attrValue))
		)
			data.keepAttr = false;
	});
	purifyWithMedia.addHook('afterSanitizeAttributes', (node) => {
		if (MEDIA_TAGS.includes(node.nodeName.toLowerCase()) && !node.hasAttribute('src')) node.remove();
	});
}

/**
 * The HTML with only CARD_HTML_TAGS left, every attribute removed, and the content of script, style and
 * the like dropped; with `media`, the names of the files stored with the deck, an <img> or <audio> naming
 * one of them is kept with its `src` alone. Where there is no DOM (server-side rendering) DOMPurify cannot
 * run, so any input not already within those tags is escaped instead: shown as text, never run.
 */
export function sanitizeCardHtml(html: string, media?: ReadonlySet<string>): string {
	if (WITHIN_CARD_HTML.test(html)) return html;
	if (!purify.isSupported) return escapeHtml(html);
	if (!media?.size) return purify.sanitize(html);
	storedMedia = media;
	try {
		return purifyWithMedia.sanitize(html);
	} finally {
		storedMedia = new Set();
	}
}
