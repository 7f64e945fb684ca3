// Text from the inputs is data: markup and scripts in headlines, bodies, captions, comments and front
// matter come out as text everywhere (pages, <title>, attributes, feeds, JSON), never as elements,
// attributes or links.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Article } from '../src/types.ts';
import { buildInto, htmlText, pick, startTags, type TempBuild } from './site/helpers.ts';

const HOSTILE = join(import.meta.dirname, 'fixtures', 'site', 'hostile');
const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';
let site: TempBuild;
let articles: Article[];

before(async () => {
  site = await buildInto(HOSTILE, '/');
  articles = JSON.parse(site.read('articles.json')) as Article[];
});
after(() => site?.cleanup());

/** Output files that carry input text (the Pagefind bundle and the copied assets are not ours to check here). */
const outputs = (): string[] => site.files().filter((f) => !f.startsWith('pagefind/') && !f.startsWith('assets/') && f !== 'favicon.svg');

describe('hostile input', () => {
  it('keeps the hostile text in the records, as data', () => {
    assert.equal(articles.length, 2);
    const titles = articles.map((a) => a.title).join('\n');
    assert.ok(titles.includes(SCRIPT) && titles.includes(IMG));
  });

  it('never writes the markup as elements or attributes in any page', () => {
    for (const file of outputs().filter((f) => f.endsWith('.html'))) {
      const html = site.read(file);
      assert.ok(!html.includes(SCRIPT), `${file} holds a live <script>`);
      for (const tag of startTags(html)) {
        assert.ok(!['img', 'b', 'iframe', 'object', 'embed'].includes(tag.name), `${file} holds a <${tag.name}> element`);
        if (tag.name === 'script') assert.ok(file === 'search/index.html' && tag.attributes.some(([n]) => n === 'src'), `${file} holds a script`);
        for (const [name, value] of tag.attributes) {
          assert.ok(!name.startsWith('on'), `${file}: <${tag.name} ${name}=…> is an event handler`);
          if (['href', 'src', 'action', 'formaction'].includes(name)) {
            assert.doesNotMatch(value.trim(), /^(?:javascript|data|vbscript):/i, `${file}: <${tag.name} ${name}="${value}">`);
          }
        }
      }
    }
  });

  it('shows the markup as text in the headline, <title>, meta description, body, caption, comment and byline', () => {
    for (const a of articles) {
      const html = site.read(`articles/${a.slug}/index.html`);
      assert.equal(htmlText(pick(html, /<h1[^>]*>([\s\S]*?)<\/h1>/)), a.title);
      assert.equal(htmlText(pick(html, /<title>([\s\S]*?)<\/title>/)), `${a.title} · Dossier`);
      assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
      assert.match(html, /<meta name="description" content="[^"<>]*&lt;[^"<>]*">/);
    }
    const text = site.read(`articles/${articles.find((a) => a.sourceFile === 'text.txt')!.slug}/index.html`);
    assert.ok(text.includes('<blockquote>A reader writes &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; in a comment.</blockquote>'));
    assert.ok(text.includes('The &lt;img src=x onerror=alert(1)&gt; caption of a photo.'));
    assert.ok(text.includes('Jane &lt;b&gt;Roe&lt;/b&gt;'));
  });

  it('leaves javascript: and data: links in the body and front matter as text', () => {
    const a = articles.find((x) => x.sourceFile === 'front-matter.md')!;
    const html = site.read(`articles/${a.slug}/index.html`);
    assert.ok(html.includes('[link](javascript:alert(1))'), 'the javascript: link stays Markdown text');
    assert.ok(html.includes('[data link](data:text/html;base64,'), 'the data: link stays Markdown text');
    assert.ok(html.includes('<code>javascript:alert(1)</code>'), 'the javascript: original URL is shown, not linked');
    assert.ok(html.includes('&lt;a href=&quot;javascript:alert(1)&quot;&gt;raw html&lt;/a&gt;') || html.includes('&lt;a href="javascript:alert(1)"&gt;raw html&lt;/a&gt;'));
  });

  it('escapes the markup in the Atom feed and the sitemap, which stay well-formed', () => {
    const xml = site.read('feed.xml');
    assert.equal(XMLValidator.validate(xml), true);
    assert.ok(!xml.includes(SCRIPT) && !/<img\b/.test(xml));
    const feed = new XMLParser({ processEntities: true, htmlEntities: true }).parse(xml) as { feed: { entry: Array<{ title: string }> } };
    assert.deepEqual(feed.feed.entry.map((e) => e.title).sort(), articles.map((a) => a.title).sort());
    assert.equal(XMLValidator.validate(site.read('sitemap.xml')), true);
  });

  it("escapes '<' in every JSON file, so none can close a script element, and the data survives", () => {
    for (const file of ['feed.json', 'articles.json', 'build-report.json']) {
      const raw = site.read(file);
      assert.ok(!raw.includes('<'), `${file} holds a raw '<'`);
      assert.ok(raw.includes('\\u003cscript\\u003e'), `${file} holds the escaped text`);
    }
    const feed = JSON.parse(site.read('feed.json')) as { items: Array<{ title: string; content_html: string }> };
    assert.deepEqual(feed.items.map((i) => i.title).sort(), articles.map((a) => a.title).sort());
    for (const item of feed.items) {
      assert.ok(!item.content_html.includes(SCRIPT) && !/<img\b/.test(item.content_html), 'content_html holds escaped text only');
    }
  });
});
