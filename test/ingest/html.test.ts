// .html input (issue 4 §4): the page's own metadata first (JSON-LD, Open Graph, article:*, citation_*,
// canonical, lang), Readability for the article, Markdown through the same steps as text; nothing
// active in the page ever reaches a record or the site.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { emptyCatalogue, ingestText } from '../../src/ingest/index.ts';
import { readHtml } from '../../src/ingest/html.ts';
import { toDate } from '../../src/ingest/htmlMetadata.ts';
import { languageTag } from '../../src/ingest/language.ts';
import { inputKind } from '../../src/ingest/read.ts';
import type { Article } from '../../src/types.ts';
import { buildInto, startTags, type TempBuild } from '../site/helpers.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'html');

function ingest(name: string): Article {
  const result = ingestText(name, readFileSync(join(FIXTURES, name)), emptyCatalogue());
  assert.ok(result.article, `${name} becomes an article: ${result.diagnostics.map((d) => d.reason).join('; ')}`);
  return result.article;
}

const rules = (article: Article): Record<string, string> =>
  Object.fromEntries(Object.entries(article.provenance).map(([field, source]) => [field, source.rule]));

describe('html input', () => {
  it('routes .html and .htm by name, in any case, and nothing else', () => {
    assert.deepEqual(['a.html', 'b/c.HTM', 'd.txt', 'e.md', 'f.pdf', 'html', 'x.html/y'].map(inputKind), ['html', 'html', 'text', 'markdown', null, null, null]);
  });

  it('takes JSON-LD before Open Graph and article:published_time, and the canonical link', () => {
    const article = ingest('jsonld.html');
    assert.equal(article.title, 'Harbour Pilots Train on New Tugboat', 'the JSON-LD headline, not og:title');
    assert.equal(article.published, '2019-03-20', 'datePublished, not article:published_time (21st) nor dateModified');
    assert.equal(article.publisher, 'The Coastal Ledger', 'publisher.name, not og:site_name');
    assert.deepEqual(article.authors, ['Jane Doe', 'Omar Haddad']);
    assert.equal(article.url, 'https://www.coastal-ledger.example/news/2019/03/20/harbour-pilots-tugboat/');
    assert.deepEqual(rules(article), {
      title: 'title/json-ld', published: 'date/json-ld', publisher: 'publisher/json-ld', authors: 'authors/json-ld', url: 'url/canonical', language: 'language/html-lang',
    });
    assert.equal(article.language, 'en-GB');
  });

  it('keeps the article and drops the page: menus, most-read box, footer out; relative links made absolute', () => {
    const article = ingest('jsonld.html');
    assert.match(article.body, /^The harbour's pilots spent Tuesday/);
    assert.match(article.body, /regional development fund\.$/);
    for (const chrome of ['Subscribe', 'Most read', 'Ferry fares', 'All rights reserved', 'Privacy', 'By Jane Doe']) assert.ok(!article.body.includes(chrome), chrome);
    assert.ok(article.body.includes('[Ledger](https://www.coastal-ledger.example/news/2019/03/01/harbour-budget/)'));
    assert.equal(article.body.split('\n\n').length, 4, 'four paragraphs');
    assert.deepEqual(article.captions.map((c) => c.text), ['The new tugboat at the north quay.']);
  });

  it('reads a page with Open Graph tags only', () => {
    const article = ingest('og-only.html');
    assert.deepEqual(
      [article.title, article.published, article.publisher, article.authors, article.url],
      ['Ferry Timetable Changes in June', '2021-05-28', 'Island Courier', ['Sam Lee'], 'https://islandcourier.example/ferry-timetable-june'],
    );
    assert.deepEqual(rules(article), {
      title: 'title/meta-og', published: 'date/meta-article-published', publisher: 'publisher/meta-og-site-name', authors: 'authors/meta-author', url: 'url/meta-og', language: 'language/detected',
    });
    assert.equal(article.language, 'en', 'no lang attribute: detected from the body');
    assert.ok(!/Share on|newsletter|Weather/.test(article.body));
    assert.equal(article.body.split('\n\n').length, 3);
  });

  it('falls back to Readability and the text rules on a page with no metadata', () => {
    const article = ingest('bare.html');
    assert.equal(article.title, 'Lifeboat crew honoured for night rescue');
    assert.equal(article.provenance.title?.rule, 'title/readability');
    // The byline and date lines of the page are read by the same rules as in a .txt capture.
    assert.deepEqual([article.published, article.provenance.published?.origin], ['2020-02-03', 'text']);
    assert.deepEqual(article.authors, ['Martin Pryce']);
    assert.equal(article.publisher, null);
    assert.match(article.body, /^The volunteer crew/);
  });

  it('reads citation_* tags and turns meta dates and language tags into ISO forms', () => {
    const page = readHtml(`<html lang="pt_br"><head><meta name="citation_title" content="Tidal Range at Westhaven">
      <meta name="citation_author" content="Rui Costa"><meta name="citation_author" content="Ana Lima">
      <meta name="citation_publication_date" content="2017/06/09"><meta name="citation_journal_title" content="Coastal Studies"></head>
      <body><p>${'The tidal range was measured for a year. '.repeat(20)}</p></body></html>`);
    assert.deepEqual(
      [page.metadata.title?.value, page.metadata.authors?.value, page.metadata.published?.value, page.metadata.publisher?.value, page.metadata.language?.value],
      ['Tidal Range at Westhaven', ['Rui Costa', 'Ana Lima'], { iso: '2017-06-09', precision: 'day' }, 'Coastal Studies', 'pt-BR'],
    );
    assert.deepEqual(
      [page.metadata.title?.provenance.rule, page.metadata.authors?.provenance.rule, page.metadata.published?.provenance.rule, page.metadata.language?.provenance.rule],
      ['title/meta-citation', 'authors/meta-citation', 'date/meta-citation', 'language/html-lang'],
    );
    assert.deepEqual(toDate('2019-03-20T23:30:00-05:00'), { iso: '2019-03-20', precision: 'day' }, 'the day as written, not moved to UTC');
    assert.equal(toDate('2019-02-31'), null);
    assert.equal(languageTag('not a tag'), null);
  });
});

describe('a hostile .html page', () => {
  const JUNK = /alert|javascript|noscript text|injected by script|evil\.example|onerror|onclick|onload/i;
  it('gives a record whose body and fields carry no script, handler, frame or javascript: link', () => {
    const article = ingest('hostile.html');
    assert.ok(!JUNK.test(article.body), article.body);
    assert.match(article.body, /\[The council's page\]\(https:\/\/council\.example\/sea-wall\)/);
    assert.match(article.body, /Read the plans or see the map or the data\./, 'unsafe links keep their text only');
    assert.ok(!/\]\((?!https:)/.test(article.body), 'no link other than https');
    assert.ok(!article.captions.some((c) => JUNK.test(c.text)));
  });

  let site: TempBuild;
  before(async () => {
    site = await buildInto(FIXTURES, '/');
  });
  after(() => site?.cleanup());

  it('builds every page into the site, where the page text is inert', () => {
    const records = JSON.parse(site.read('articles.json')) as Article[];
    assert.deepEqual(records.map((a) => a.sourceFile).sort(), ['bare.html', 'hostile.html', 'jsonld.html', 'og-only.html']);
    const hostile = records.find((a) => a.sourceFile === 'hostile.html')!;
    const html = site.read(`articles/${hostile.slug}/index.html`);
    for (const tag of startTags(html)) {
      assert.ok(!['img', 'iframe', 'svg', 'object', 'embed', 'style', 'noscript'].includes(tag.name), `<${tag.name}> in the page`);
      if (tag.name === 'script') assert.ok(tag.attributes.some(([name, value]) => name === 'type' && value === 'application/ld+json'), 'only the JSON-LD data block');
      for (const [name, value] of tag.attributes) {
        assert.ok(!name.startsWith('on'), `<${tag.name} ${name}>`);
        assert.ok(!/^\s*(?:javascript|data):/i.test(value), `<${tag.name} ${name}="${value}">`);
      }
    }
    assert.ok(!/noscript text|injected by script|evil\.example/.test(html));
  });
});
