import { expect, test } from 'vitest';
import { sanitizeCardHtml } from './sanitize';

// Server-side rendering has no DOM for DOMPurify: there, imported HTML must come out as inert text.
test('without a DOM, input with a tag outside the allowed ones is escaped whole', () => {
	expect(sanitizeCardHtml('<b>x</b><img src=x onerror=alert(1)>')).toBe(
		'&lt;b&gt;x&lt;/b&gt;&lt;img src=x onerror=alert(1)&gt;'
	);
});
