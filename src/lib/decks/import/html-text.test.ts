import { describe, expect, test } from 'vitest';
import { htmlToPlainText } from './html-text';

describe('htmlToPlainText gives the text a reader sees', () => {
	test.each([
		['<b>Amu&nbsp;Darya</b>', 'Amu Darya'],
		['one<br>two<div>three</div>', 'one two three'],
		['&lt;tag&gt; &amp; &quot;q&quot; &#39;s&#39; &#x41;', '<tag> & "q" \'s\' A'],
		['&unknown; stays', '&unknown; stays'],
		['  spaced \n out  ', 'spaced out']
	])('%s → %s', (html, text) => {
		expect(htmlToPlainText(html)).toBe(text);
	});
});
