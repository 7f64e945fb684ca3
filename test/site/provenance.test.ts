// Provenance and exports of a real build of the seeds: source.txt byte for byte with the hash the pages show,
// the provenance page beside each article (the lines removed as chrome with their rules, the fields the
// capture did not yield), the Wayback Machine link, the head metadata, and the
// archive-wide .bib, .ris, CSL-JSON and CSV files read back by their parsers.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cite } from '@citation-js/core';
import { parse as parseCsv } from 'csv-parse/sync';
import { CSV_COLUMNS } from '../../src/site/citations.ts';
import { SourceChangedError, waybackUrl, writeSourceCopies } from '../../src/site/provenance.ts';
import type { Article, CslItem } from '../../src/types.ts';
import { makeArticle } from '../fixtures/site/archive.ts';
import { buildInto, htmlText, pick, type TempBuild } from './helpers.ts';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');
let site: TempBuild;
let articles: Article[];

before(async () => {
  site = await buildInto(SEEDS, '/');
  articles = JSON.parse(site.read('articles.json')) as Article[];
});
after(() => site?.cleanup());

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

describe('source.txt', () => {
  it('is each seed byte for byte, linked from the article page, and its sha256 is the one its provenance page shows', () => {
    assert.equal(articles.length, 5);
    for (const a of articles) {
      const served = readFileSync(join(site.outDir, 'articles', a.slug, 'source.txt'));
      assert.ok(served.equals(readFileSync(join(SEEDS, a.sourceFile))), `${a.slug}: source.txt differs from ${a.sourceFile}`);
      const provenance = site.read(`articles/${a.slug}/provenance/index.html`);
      assert.equal(createHash('sha256').update(served).digest('hex'), pick(provenance, /<code class="hash">([0-9a-f]{64})<\/code>/), a.slug);
      assert.match(provenance, new RegExp(`<a href="/articles/${a.slug}/source.txt" class="source-link"`), a.slug);
      const page = site.read(`articles/${a.slug}/index.html`);
      assert.ok(page.includes(`<code>${escapeHtml(a.sourceFile)}</code> (<a href="source.txt" type="text/plain">raw capture</a>)`), a.slug);
      assert.doesNotMatch(page, /class="hash"/, `${a.slug}: the hash is on the provenance page only`);
    }
  });

  it('is written only for bytes that still match the hash the ingest recorded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-source-'));
    try {
      writeFileSync(join(dir, 'a.txt'), 'changed since');
      const article = makeArticle({ slug: 'a', title: 'A', sourceFile: 'a.txt', sha256: createHash('sha256').update('as ingested').digest('hex') });
      await assert.rejects(writeSourceCopies(dir, join(dir, 'out'), [article]), SourceChangedError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the provenance page', () => {
  it('is linked from the article page, which counts the lines kept out of the body', () => {
    for (const a of articles) {
      const section = pick(site.read(`articles/${a.slug}/index.html`), /<section class="provenance"[^>]*>([\s\S]*?)<\/section>/);
      assert.ok(section.includes('<a href="provenance/">Full provenance</a>'), a.slug);
      if (a.removed.length > 0) assert.ok(htmlText(section).includes(`the ${a.removed.length} line${a.removed.length === 1 ? '' : 's'} kept out of the body`), a.slug);
      assert.doesNotMatch(section, /class="removed"|<table/, `${a.slug}: the lists stay on the provenance page`);
    }
  });

  it('lists a chrome line of a seed with the rule that removed it', () => {
    const withChrome = articles.flatMap((a) => a.removed.filter((r) => r.class === 'chrome').map((r) => ({ a, r })));
    assert.ok(withChrome.length > 0, 'the seeds hold chrome lines');
    for (const { a, r } of withChrome) {
      const html = site.read(`articles/${a.slug}/provenance/index.html`);
      const table = pick(html, /<table class="removed">([\s\S]*?)<\/table>/);
      assert.equal(table.match(/<tr><td>/g)?.length, a.removed.length, `${a.slug}: every removed line`);
      assert.ok(table.includes(`<tr><td>${r.line}</td><td>chrome</td><td><code>${r.rule}</code></td><td>${escapeHtml(r.text)}</td></tr>`), `${a.slug}: line ${r.line} ${r.rule}`);
    }
  });

  it('links the original in the Wayback Machine at the publication day, only for an http(s) URL', () => {
    for (const a of articles) {
      const html = site.read(`articles/${a.slug}/provenance/index.html`);
      if (a.url === null) {
        assert.doesNotMatch(html, /class="wayback-link"/, a.slug);
        continue;
      }
      const href = pick(html, /<a href="([^"]*)" rel="nofollow noopener noreferrer" class="wayback-link">/);
      assert.equal(href, `https://web.archive.org/web/${a.published!.replace(/-/g, '')}/${a.url}`);
    }
    assert.equal(waybackUrl({ url: 'https://e.org/x', published: null, datePrecision: null }), 'https://web.archive.org/web/*/https://e.org/x');
    assert.equal(waybackUrl({ url: 'https://e.org/x', published: '2019-03-01', datePrecision: 'month' }), 'https://web.archive.org/web/201903/https://e.org/x');
    assert.equal(waybackUrl({ url: 'javascript:alert(1)', published: null, datePrecision: null }), null);
  });

  it('holds the quotes the article page links to: the count it gives, each in the body and under its speaker', () => {
    const quoted = articles.filter((a) => site.read(`articles/${a.slug}/index.html`).includes('<a href="provenance/#quotes">'));
    assert.ok(quoted.length > 0, 'some seed has attributed quotes');
    for (const a of quoted) {
      const page = site.read(`articles/${a.slug}/index.html`);
      const count = Number(pick(page, /<a href="provenance\/#quotes">(\d+) quotes? and their speakers<\/a>/));
      const list = pick(site.read(`articles/${a.slug}/provenance/index.html`), /<dl class="quotes-by-speaker">([\s\S]*?)<\/dl>/);
      const quotes = [...list.matchAll(/<blockquote>“([\s\S]*?)”<\/blockquote>/g)].map((m) => htmlText(m[1]!));
      assert.equal(quotes.length, count, a.slug);
      assert.ok(/<dt><a href="\/people\/[^"]+\/">/.test(list), `${a.slug}: speakers link to their pages`);
      const body = htmlText(pick(page, /<div class="article-body">([\s\S]*?)<\/div>/)).replace(/\s+/g, ' ');
      // The quote's opening words (its text is normalised: "the [Venezuelan] people" is quoted as "the Venezuelan people").
      for (const q of quotes) assert.ok(body.includes(q.split(/\s+/).slice(0, 4).join(' ')), `${a.slug}: "${q.slice(0, 40)}" is in the body`);
    }
  });

  it('names the fields the capture did not yield', () => {
    const undated = articles.find((a) => a.published === null)!;
    const note = htmlText(pick(site.read(`articles/${undated.slug}/provenance/index.html`), /<p class="note absent-fields">([\s\S]*?)<\/p>/));
    assert.match(note, /\bDate\b/);
  });
});

describe('head metadata and the Cite block', () => {
  it('carries citation_*, Open Graph and NewsArticle JSON-LD that agree with the record', () => {
    for (const a of articles) {
      const html = site.read(`articles/${a.slug}/index.html`);
      const head = pick(html, /<head>([\s\S]*?)<\/head>/);
      assert.equal(htmlText(pick(head, /<meta name="citation_title" content="([^"]*)">/)), a.title);
      assert.deepEqual([...head.matchAll(/<meta name="citation_author" content="([^"]*)">/g)].map((m) => htmlText(m[1]!)), a.authors);
      assert.match(head, /<meta property="og:type" content="article">/);
      assert.match(head, new RegExp(`<meta property="og:url" content="https://example.org/articles/${a.slug}/">`));
      const jsonLd = JSON.parse(pick(head, /<script type="application\/ld\+json">([\s\S]*?)<\/script>/)) as Record<string, unknown>;
      assert.equal(jsonLd.headline, a.title);
      assert.equal(jsonLd.datePublished, a.published ?? undefined);
      if (a.published) {
        assert.equal(pick(head, /<meta name="citation_publication_date" content="([^"]*)">/), a.published.replace(/-/g, '/'));
        assert.equal(pick(head, /<meta property="article:published_time" content="([^"]*)">/), a.published);
      } else assert.doesNotMatch(head, /citation_publication_date|published_time/, `${a.slug} is undated`);
    }
  });

  it('shows APA on the article page and three reference styles a click away, and links the three machine formats, not copied inline', () => {
    const referencesIn = (cite: string): string[] => [...cite.matchAll(/class="reference">([\s\S]*?)<\/span>/g)].map((m) => htmlText(m[1]!));
    const downloadsIn = (cite: string): string[][] => [...cite.matchAll(/<a href="([^"]+)" download="([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[1]!, m[2]!, m[3]!]);
    for (const a of articles) {
      const html = site.read(`articles/${a.slug}/index.html`);
      const cite = pick(html, /<section class="cite"[^>]*>([\s\S]*?)<\/section>/);
      const [apa, ...others] = referencesIn(cite);
      assert.ok(cite.includes('APA') && apa !== undefined, a.slug);
      assert.deepEqual(others, [], `${a.slug}: one style on the article page`);
      assert.ok(cite.includes('<a href="provenance/#cite">In MLA and Chicago style</a>'), a.slug);
      const full = pick(site.read(`articles/${a.slug}/provenance/index.html`), /<section class="cite"[^>]*>([\s\S]*?)<\/section>/);
      for (const label of ['APA', 'MLA', 'Chicago']) assert.ok(full.includes(label), `${a.slug}: ${label}`);
      // Each reference names the article (its title may be re-cased or quoted, so compare the first word).
      const references = referencesIn(full);
      assert.equal(references.length, 3, a.slug);
      assert.equal(references[0], apa, `${a.slug}: the same APA reference on both pages`);
      for (const r of references) assert.ok(r.toLowerCase().includes(a.title.split(' ')[0]!.toLowerCase()), `${a.slug}: ${r}`);
      assert.deepEqual(downloadsIn(cite), [
        ['citation.bib', 'citation.bib', 'BibTeX (.bib)'],
        ['citation.ris', 'citation.ris', 'RIS (.ris)'],
        ['citation.json', 'citation.json', 'CSL-JSON (.json)'],
      ]);
      assert.deepEqual(downloadsIn(full).map(([href]) => href), ['../citation.bib', '../citation.ris', '../citation.json']);
      const bib = site.read(`articles/${a.slug}/citation.bib`);
      assert.deepEqual((new Cite(bib).data as Array<{ title: string }>).map((e) => e.title), [a.title]);
      assert.ok(!cite.includes(escapeHtml(bib.trim())), `${a.slug}: the .bib is a download, not a copy in every page`);
      assert.match(site.read(`articles/${a.slug}/citation.ris`), /^TY {2}- NEWS$/m);
      assert.equal((JSON.parse(site.read(`articles/${a.slug}/citation.json`)) as CslItem[])[0]?.title, a.title);
    }
  });
});

describe('archive-wide exports', () => {
  it('citations.bib, .ris and .json hold every article and parse back', () => {
    const bib = new Cite(site.read('citations.bib')).data as Array<{ title: string }>;
    assert.deepEqual(bib.map((e) => e.title).sort(), articles.map((a) => a.title).sort());
    const ris = site.read('citations.ris');
    assert.equal(ris.match(/^TY {2}- NEWS$/gm)?.length, articles.length);
    assert.equal((new Cite(ris).data as unknown[]).length, articles.length);
    const csl = JSON.parse(site.read('citations.json')) as CslItem[];
    assert.deepEqual(csl.map((c) => c.id).sort(), articles.map((a) => a.slug).sort());
  });

  it('articles.csv parses back into every record with the named columns, linked from every page', () => {
    const records = parseCsv(site.read('articles.csv'), { columns: true }) as Array<Record<string, string>>;
    assert.equal(records.length, articles.length);
    assert.deepEqual(Object.keys(records[0]!), [...CSV_COLUMNS]);
    assert.deepEqual(records.map((r) => r.sha256).sort(), articles.map((a) => a.sha256).sort());
    for (const file of ['index.html', 'timeline/index.html']) {
      for (const path of ['/articles.csv', '/citations.bib', '/citations.ris', '/citations.json']) assert.ok(site.read(file).includes(`href="${path}"`), `${file} links ${path}`);
    }
  });
});
