// Text from the inputs is data: markup and scripts in headlines, bodies, captions, comments and front
// matter come out as text everywhere (pages, <title>, attributes, feeds, JSON), never as elements,
// attributes or links.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Article } from '../src/types.ts';
import { buildInto, htmlText, pick, startTags, type TempBuild } from './site/helpers.ts';

/** An attribute value as the browser reads it: every character reference decoded, tabs and newlines dropped. */
function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&(?:colon|Tab|NewLine);/gi, (m) => ({ '&colon;': ':', '&tab;': '\t', '&newline;': '\n' })[m.toLowerCase()] ?? m)
    .replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
    .replace(/[\t\n\r]/g, '')
    .trim();
}

/** Text with the control characters the site drops (src/site/transforms.ts) dropped. */
const printed = (text: string): string => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '');

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
    assert.equal(articles.length, 4);
    const titles = articles.map((a) => a.title).join('\n');
    assert.ok(titles.includes(SCRIPT) && titles.includes(IMG));
  });

  it('never writes the markup as elements or attributes in any page', () => {
    for (const file of outputs().filter((f) => f.endsWith('.html'))) {
      const html = site.read(file);
      assert.ok(!html.includes(SCRIPT), `${file} holds a live <script>`);
      for (const tag of startTags(html)) {
        assert.ok(!['img', 'b', 'iframe', 'object', 'embed'].includes(tag.name), `${file} holds a <${tag.name}> element`);
        // The one script element that is data, not code: an article's JSON-LD (checked in the CSP test below).
        const jsonLd = tag.attributes.length === 1 && tag.attributes[0]?.[0] === 'type' && tag.attributes[0][1] === 'application/ld+json';
        if (tag.name === 'script' && !jsonLd) assert.ok(file === 'search/index.html' && tag.attributes.some(([n]) => n === 'src'), `${file} holds a script`);
        for (const [name, value] of tag.attributes) {
          assert.ok(!name.startsWith('on'), `${file}: <${tag.name} ${name}=…> is an event handler`);
          if (['href', 'src', 'action', 'formaction', 'srcset', 'poster', 'cite'].includes(name)) {
            // Only the site's own root-relative addresses, paths relative to the page (a word before any '/', so
            // no scheme), in-page fragments and http(s) links: no other scheme in any spelling.
            assert.match(decodeEntities(value), /^(?:\/(?!\/)|#|https?:\/\/[^/\s]|[\w.-]+(?:\/|$))/i, `${file}: <${tag.name} ${name}="${value}">`);
          }
        }
      }
    }
  });

  it('shows the markup as text in the headline, <title>, meta description, body, caption, comment and byline (on the provenance page)', () => {
    for (const a of articles) {
      const html = site.read(`articles/${a.slug}/index.html`);
      assert.equal(htmlText(pick(html, /<h1[^>]*>([\s\S]*?)<\/h1>/)), printed(a.title));
      assert.equal(htmlText(pick(html, /<title>([\s\S]*?)<\/title>/)), `${printed(a.title)} · Dossier`);
      // The provenance page's title and description are computed from the headline: escaped once, not twice.
      const provenance = site.read(`articles/${a.slug}/provenance/index.html`);
      assert.equal(htmlText(pick(provenance, /<title>([\s\S]*?)<\/title>/)), `Provenance of “${printed(a.title)}” · Dossier`);
      assert.ok(htmlText(pick(provenance, /<meta name="description" content="([^"]*)">/)).includes(`“${printed(a.title)}”`), a.sourceFile);
      if (a.sourceFile !== 'front-matter.md' && a.sourceFile !== 'text.txt') continue;
      assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), a.sourceFile);
      assert.match(html, /<meta name="description" content="[^"<>]*&lt;[^"<>]*">/);
    }
    const slug = articles.find((a) => a.sourceFile === 'text.txt')!.slug;
    const text = site.read(`articles/${slug}/index.html`);
    assert.ok(text.includes('<blockquote>A reader writes &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; in a comment.</blockquote>'));
    assert.ok(text.includes('The &lt;img src=x onerror=alert(1)&gt; caption of a photo.'));
    // The byline line is kept out of the body: the provenance page lists it, as text.
    assert.ok(site.read(`articles/${slug}/provenance/index.html`).includes('Jane &lt;b&gt;Roe&lt;/b&gt;'));
  });

  it('leaves javascript: and data: links in the body and front matter as text', () => {
    const a = articles.find((x) => x.sourceFile === 'front-matter.md')!;
    const html = site.read(`articles/${a.slug}/index.html`);
    assert.ok(html.includes('[link](javascript:alert(1))'), 'the javascript: link stays Markdown text');
    assert.ok(html.includes('[data link](data:text/html;base64,'), 'the data: link stays Markdown text');
    assert.ok(html.includes('<code>javascript:alert(1)</code>'), 'the javascript: original URL is shown, not linked');
    assert.ok(html.includes('&lt;a href=&quot;javascript:alert(1)&quot;&gt;raw html&lt;/a&gt;') || html.includes('&lt;a href="javascript:alert(1)"&gt;raw html&lt;/a&gt;'));
  });

  it('leaves obfuscated javascript:, vbscript:, data: and protocol-relative links in the body as text', () => {
    const a = articles.find((x) => x.sourceFile === 'links.md')!;
    const html = site.read(`articles/${a.slug}/index.html`);
    const body = pick(html, /<div class="article-body">([\s\S]*?)<\/div>/);
    const anchors = startTags(body).filter((t) => t.name === 'a');
    assert.deepEqual(anchors.map((t) => t.attributes), [[['href', 'https://example.com/story'], ['rel', 'nofollow noopener noreferrer']]]);
    for (const label of ['mixed case', 'a leading space', 'a decimal entity', 'hex entities', 'a named entity', 'a tab', 'a tab entity', 'a newline entity', 'a vbscript link', 'a data link', 'protocol relative']) {
      assert.ok(body.includes(`[${label}](`), `[${label}](…) stays Markdown text`);
    }
    assert.ok(body.includes('&lt;javascript:alert(1)&gt;') && body.includes('&lt;vbscript:msgbox(1)&gt;'), 'autolinks stay text');
  });

  it('never links an original URL that is not http(s), however it is spelled', () => {
    for (const [file, url] of [['front-matter.md', 'javascript:alert(1)'], ['links.md', 'JaVaScRiPt:alert(1)'], ['tab-url.md', 'java\tscript:alert(1)']] as const) {
      const a = articles.find((x) => x.sourceFile === file)!;
      assert.equal(a.url?.trim(), url, `${file}: the record keeps the address as data`);
      const html = site.read(`articles/${a.slug}/index.html`);
      assert.doesNotMatch(html, /class="original-url"/, `${file}: no link to the original`);
      assert.ok(html.includes(`<code>${url}</code>`), `${file}: the address is shown as text`);
      const item = (JSON.parse(site.read('feed.json')) as { items: Array<{ id: string; external_url?: string }> }).items.find((i) => i.id.includes(a.slug));
      assert.equal(item?.external_url, undefined, `${file}: no external_url in feed.json`);
    }
  });

  it('shows related titles from the capture as text', () => {
    const a = articles.find((x) => x.sourceFile === 'tab-url.md')!;
    assert.equal(a.related.length, 1, 'the fixture has a hostile related title');
    const html = site.read(`articles/${a.slug}/index.html`);
    const rail = pick(html, /<section class="captured-related"[^>]*>([\s\S]*?)<\/section>/);
    assert.ok(rail.includes('&lt;img src=x onerror=alert(1)&gt; Related &lt;script&gt;alert(1)&lt;/script&gt; title'));
    assert.deepEqual(startTags(rail).map((t) => t.name), ['h2', 'p', 'ul', 'li']);
  });

  it('prints the report with control characters made visible, never raw', () => {
    const links = articles.find((x) => x.sourceFile === 'links.md')!;
    assert.ok(links.title.includes('\u001b[31m'), 'the fixture title holds an escape sequence');
    for (const line of site.log) assert.doesNotMatch(line, /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/, `raw control character in ${JSON.stringify(line)}`);
    const line = site.log.find((l) => l.includes('links.md  '));
    assert.ok(line?.includes('"Links \\u001b[31mred\\u001b[0m\\u0007 and'), line);
    assert.ok(line?.includes('\\u202eevil\\u202c Pub'), line);
  });

  it('gives every page a Content-Security-Policy, first in <head>, that allows no inline script, and no page an inline script', () => {
    const pages = site.files().filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'));
    assert.ok(pages.length >= 4 + 4, `pages: ${pages.join(', ')}`);
    for (const file of pages) {
      const html = site.read(file);
      const head = pick(html, /<head>([\s\S]*?)<\/head>/);
      const metas = [...head.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g)].map((m) => m[1]!);
      assert.equal(metas.length, 1, `${file}: one CSP`);
      assert.ok(head.indexOf('Content-Security-Policy') < head.indexOf('<title>'), `${file}: the CSP comes before any input text`);
      const policy = new Map(metas[0]!.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
      const scriptSrc = policy.get('script-src') ?? policy.get('default-src') ?? [];
      assert.deepEqual(scriptSrc, ["'self'", "'wasm-unsafe-eval'"], `${file}: script-src`);
      assert.deepEqual(policy.get('default-src'), ["'self'"]);
      assert.deepEqual(policy.get('object-src'), ["'none'"]);
      assert.deepEqual(policy.get('base-uri'), ["'none'"]);
      assert.equal(policy.has('script-src-attr') || policy.has('script-src-elem'), false, `${file}: no looser script-src-*`);
      // No inline script: each script element has a src and is empty, except an article's JSON-LD, which the
      // browser never runs (a data block): it must parse as JSON and hold no '<', so no text can close it.
      for (const [, attributes, content] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
        if (attributes === ' type="application/ld+json"') {
          assert.ok(file.startsWith('articles/'), `${file}: JSON-LD outside an article page`);
          assert.doesNotMatch(content!, /</, `${file}: JSON-LD holds a '<'`);
          assert.equal((JSON.parse(content!) as { '@type': string })['@type'], 'NewsArticle', `${file}: JSON-LD`);
          continue;
        }
        assert.match(attributes!, /\ssrc="\/[^"]+\.js"/, `${file}: <script${attributes}> has no src`);
        assert.equal(content, '', `${file}: a script element holds text`);
      }
      assert.equal((html.match(/<script\b/gi) ?? []).length, (html.match(/<\/script\s*>/gi) ?? []).length, `${file}: a '</script>' in text ended or began an element`);
    }
  });

  it('escapes the markup in the Atom feed and the sitemap, which stay well-formed', () => {
    const xml = site.read('feed.xml');
    assert.equal(XMLValidator.validate(xml), true);
    assert.ok(!xml.includes(SCRIPT) && !/<img\b/.test(xml));
    const feed = new XMLParser({ processEntities: true, htmlEntities: true }).parse(xml) as { feed: { entry: Array<{ title: string }> } };
    assert.deepEqual(feed.feed.entry.map((e) => e.title).sort(), articles.map((a) => printed(a.title)).sort());
    assert.ok(!/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(xml), 'no control character XML forbids');
    const links = [...xml.matchAll(/<link href="([^"]*)"/g)].map((m) => m[1]!);
    assert.ok(links.length > 4);
    for (const href of links) assert.match(href, /^https:\/\/example\.org\//, `feed.xml: <link href="${href}">`);
    for (const html of [...xml.matchAll(/<content type="html">([\s\S]*?)<\/content>/g)].map((m) => htmlText(m[1]!))) {
      for (const tag of startTags(html)) {
        assert.ok(['p', 'a', 'em', 'strong', 'blockquote', 'ul', 'ol', 'li', 'code', 'pre', 'h2', 'h3', 'h4', 'br', 'hr'].includes(tag.name), `feed content holds <${tag.name}>`);
        for (const [name, value] of tag.attributes) {
          assert.ok(['href', 'rel'].includes(name), `feed content: <${tag.name} ${name}>`);
          if (name === 'href') assert.match(value, /^https?:\/\//, `feed content: <a href="${value}">`);
        }
      }
    }
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

describe("an entity's name on its page", () => {
  // An organisation named 'AT&T' (the catalogue's spelling) and a person named "Liam O'Neill": each name is
  // escaped once in the page's <title> and meta description, as in its heading ('AT&amp;T', never 'AT&amp;amp;T').
  const ENTITY_NAMES = join(import.meta.dirname, 'fixtures', 'site', 'entity-names');
  let named: TempBuild;
  before(async () => {
    named = await buildInto(ENTITY_NAMES, '/');
  });
  after(() => named?.cleanup());

  /** The entity page whose heading is `name`. */
  const pageOf = (section: string, name: string): string => {
    const pages = named.files().filter((f) => f.startsWith(`${section}/`) && f.split('/').length === 3 && f.endsWith('/index.html'));
    const page = pages.find((f) => htmlText(pick(named.read(f), /<h1>([\s\S]*?)<\/h1>/)) === name);
    assert.ok(page, `no page of ${name} among ${pages.join(', ')}`);
    return named.read(page);
  };

  for (const [section, name, escaped] of [
    ['organizations', 'AT&T', 'AT&amp;T'],
    ['people', "Liam O'Neill", 'Liam O&#39;Neill'],
  ] as const) {
    it(`writes ${name} escaped once in the <title> and meta description`, () => {
      const html = pageOf(section, name);
      const title = pick(html, /<title>([\s\S]*?)<\/title>/);
      const description = pick(html, /<meta name="description" content="([^"]*)">/);
      assert.ok(title.startsWith(`${escaped} · `), title);
      assert.equal(htmlText(title), `${name} · Dossier`);
      assert.equal(htmlText(description), `Articles of the archive that name ${name}, in date order.`);
      for (const text of [title, description]) assert.doesNotMatch(text, /&amp;(?:amp|#39);/, 'escaped twice');
    });
  }
});
