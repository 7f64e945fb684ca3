import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { humanDate, json, monthLabel, plural, rfc3339, searchLabel } from '../../src/site/filters.ts';
import { isSafeLink, renderMarkdown, webUrl } from '../../src/site/markdown.ts';
import { startTags } from './helpers.ts';

describe('date filters', () => {
  it('formats at the precision the date is known to', () => {
    assert.equal(humanDate('2019-03-20', 'day'), '20 March 2019');
    assert.equal(humanDate('2019-03-01', 'month'), 'March 2019');
    assert.equal(humanDate('2019-01-01', 'year'), '2019');
    assert.equal(humanDate(null, null), 'Undated');
    assert.equal(monthLabel('2022-03'), 'March 2022');
    assert.equal(monthLabel(null), 'Month unknown');
    assert.equal(rfc3339('2019-03-20'), '2019-03-20T00:00:00Z');
  });
});

describe('plural and json', () => {
  it('gets plurals right', () => {
    assert.equal(plural(1, 'article'), '1 article');
    assert.equal(plural(0, 'article'), '0 articles');
    assert.equal(plural(2, 'article has', 'articles have'), '2 articles have');
    assert.equal(plural(2362, 'word'), '2,362 words');
  });

  it("escapes '<', '>' and '&' so JSON can never end a script element", () => {
    const text = json({ t: '</script><b>&' });
    assert.equal(text, '{"t":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}');
    assert.deepEqual(JSON.parse(text), { t: '</script><b>&' });
  });
});

describe('markdown', () => {
  it('renders Markdown with raw HTML, images and unsafe links off', () => {
    const html = renderMarkdown('Hi <script>alert(1)</script> [a](javascript:alert(1)) [b](DATA:text/html,x) ![i](https://e.org/i.png) [ok](https://e.org/)');
    assert.ok(html.includes('&lt;script&gt;'));
    assert.deepEqual(startTags(html).map((t) => t.name), ['p', 'a', 'a']);
    assert.ok(html.includes('<a href="https://e.org/" rel="nofollow noopener noreferrer">ok</a>'));
  });

  it('gives Pagefind filter values without angle brackets, since Pagefind UI shows them as HTML', () => {
    assert.equal(searchLabel('Pub <script>alert(1)</script> & <img src=x>'), 'Pub ‹script›alert(1)‹/script› & ‹img src=x›');
    assert.equal(searchLabel('The Moscow Times'), 'The Moscow Times');
  });

  it('leaves obfuscated javascript:, data: and vbscript: links as text', () => {
    const links = [
      '[a](JaVaScRiPt:alert(1))',
      '[b](&#106;avascript:alert(1))',
      '[c](&#x6A;avascript&#x3A;alert(1))',
      '[d](javascript&colon;alert(1))',
      '[e](<java\tscript:alert(1)>)',
      '[f](java&#9;script:alert(1))',
      '[g](jav&#x0A;ascript:alert(1))',
      '[h](vbscript:msgbox(1))',
      '[i](data:text/html;base64,PHNjcmlwdD4=)',
      '[j](//evil.example/x)',
      '<javascript:alert(1)>',
    ];
    for (const link of links) {
      const html = renderMarkdown(link);
      assert.deepEqual(startTags(html).map((t) => t.name), ['p'], `${link} became ${html}`);
    }
  });

  it('accepts http(s) with a host, mailto and in-page links only', () => {
    for (const url of ['#x', 'https://e.org', 'HTTP://e.org/a?b#c', 'mailto:a@b.c']) assert.ok(isSafeLink(url), url);
    const unsafe = ['javascript:alert(1)', ' JavaScript:x', 'JaVaScRiPt:x', 'java%09script:x', 'java\tscript:x', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd'];
    // Relative and protocol-relative links pointed into the original site: here they would break or leave unmarked.
    unsafe.push('/a/', 'b/c', '//evil.example/x', '\\\\evil.example/x', 'https:///x', 'https://');
    for (const url of unsafe) assert.ok(!isSafeLink(url), url);
    assert.equal(webUrl('https://e.org/a'), 'https://e.org/a');
    assert.equal(webUrl('javascript:alert(1)'), null);
    assert.equal(webUrl('//e.org/a'), null);
    assert.equal(webUrl(null), null);
  });

  it('finds tags and attributes, and not text that looks like them inside a value', () => {
    const tags = startTags('<p title="a <img src=x onerror=y>">x</p><img src=x onerror=alert(1)>');
    assert.deepEqual(tags.map((t) => t.name), ['p', 'img']);
    assert.deepEqual(tags[1]?.attributes, [['src', 'x'], ['onerror', 'alert(1)']]);
  });
});
