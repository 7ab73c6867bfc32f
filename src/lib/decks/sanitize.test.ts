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
