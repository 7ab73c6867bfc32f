// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { sanitizeCardHtml } from './sanitize';

describe('sanitizeCardHtml keeps formatting and nothing that runs', () => {
	test.each([
		['<script>alert(1)</script>safe', 'safe'],
		['<img src=x onerror=alert(1)>caption', 'caption'],
		['<b onmouseover="alert(1)">bold</b>', '<b>bold</b>'],
		['<a href="javascript:alert(1)">link text</a>', 'link text'],
		['<svg><script>alert(1)</script></svg>after', 'after'],
		['<svg onload=alert(1)><circle r="5"></circle></svg>x', 'x'],
		['<span style="background:url(javascript:alert(1))">styled</span>', 'styled'],
		['<i style="color:red">red</i>', '<i>red</i>'],
		['<style>body{display:none}</style>text', 'text'],
		['<iframe src="https://example.com"></iframe>frame', 'frame'],
		['<math><mi xlink:href="javascript:alert(1)">m</mi></math>', ''],
		['<p class="x" id="y">para</p>', '<p>para</p>'],
		['<div>line one</div><div>line two<br>three</div>', '<div>line one</div><div>line two<br>three</div>'],
		['<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u>', '<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u>'],
		['H<sub>2</sub>O and x<sup>2</sup>', 'H<sub>2</sub>O and x<sup>2</sup>'],
		['<ul><li>one</li></ul><ol><li>two</li></ol>', '<ul><li>one</li></ul><ol><li>two</li></ol>'],
		['<font color="red">old</font> &amp; <table><tr><td>cell</td></tr></table>', 'old &amp; cell'],
		['a < b and c > d', 'a &lt; b and c &gt; d'],
		['<B>x</B><br/>y<br />z > w &amp;', '<B>x</B><br/>y<br />z > w &amp;'],
		['<b >spaced</b ><bx>not a b tag</bx>', '<b>spaced</b>not a b tag'],
		['<br\nonerror=alert(1)>', '<br>']
	])('%s → %s', (html, shown) => {
		expect(sanitizeCardHtml(html)).toBe(shown);
	});
});

describe('sanitizeCardHtml keeps an image or a sound only where it names a file stored with the deck', () => {
	const stored = new Set(['flag.png', 'anthem.mp3', 'a&b.png']);
	test.each([
		['<img src="flag.png" onerror="alert(1)" width="9">', '<img src="flag.png">'],
		['<audio src="anthem.mp3" autoplay></audio>', '<audio src="anthem.mp3"></audio>'],
		['<img src="a&amp;b.png">', '<img src="a&amp;b.png">'],
		['x<img src="other.png">', 'x'],
		['<img src="https://example.com/flag.png">', ''],
		['<img src="javascript:alert(1)">', ''],
		['<img>', ''],
		['<video src="flag.png"></video>v', 'v'],
		['<b src="flag.png">b</b>', '<b>b</b>'],
		['<a href="flag.png">link</a>', 'link']
	])('%s → %s', (html, shown) => {
		expect(sanitizeCardHtml(html, stored)).toBe(shown);
	});

	test('without stored media every image is removed, as before', () => {
		expect(sanitizeCardHtml('<img src="flag.png">caption')).toBe('caption');
		// And the media allowed in one call are not allowed in the next.
		sanitizeCardHtml('<img src="flag.png">', stored);
		expect(sanitizeCardHtml('<img src="flag.png">', new Set(['other.png']))).toBe('');
	});
});
