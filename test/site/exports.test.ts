// The streamed exports: piece by piece they give the same bytes as the whole-string serialisations they
// replace, for the seeds and for hostile records, and nothing is lost between writes.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestFolder } from '../../src/ingest/index.ts';
import { toSiteData } from '../../src/site/archiveData.ts';
import { articlesCsv } from '../../src/site/citations.ts';
import { archiveExports, jsonArrayChunks, writeChunks, writeExports } from '../../src/site/exports.ts';
import { json } from '../../src/site/filters.ts';
import type { SiteData } from '../../src/types.ts';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { sitemapFiles, sitemapPaths } from '../../src/site/sitemap.ts';
import { HOSTILE } from '../fixtures/site/archive.ts';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');
let site: SiteData;

before(async () => {
  site = toSiteData(await ingestFolder(SEEDS, { today: '2026-01-01' }), null, { siteUrl: 'https://example.org', base: '/' });
});

const text = (chunks: Iterable<string>): string => [...chunks].join('');

describe('jsonArrayChunks', () => {
  it('gives the bytes of json(items, 2) and a newline, for the seeds, hostile text, one item and none', () => {
    const records = site.articles.map((s) => s.article);
    assert.equal(records.length, 5);
    for (const items of [records, [HOSTILE, { a: [1, { b: '</script>\n&' }] }], [records[0]], []]) {
      assert.equal(text(jsonArrayChunks(items)), `${json(items, 2)}\n`);
    }
  });
});

describe('archiveExports', () => {
  it('names each export once, and articles.csv equals the whole-string CSV', () => {
    const files = archiveExports(site);
    assert.deepEqual(files.map((f) => f.path), ['articles.json', 'articles.csv', 'citations.bib', 'citations.ris', 'citations.json', 'sitemap.xml']);
    assert.equal(text(files[1]!.chunks()), articlesCsv(site.articles));
  });

  it('writes articles.json that parses back to the records, in the site order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-exports-'));
    try {
      assert.equal(await writeExports(dir, site), 6);
      const written = JSON.parse(readFileSync(join(dir, 'articles.json'), 'utf8')) as Array<{ slug: string }>;
      assert.deepEqual(written.map((a) => a.slug), site.articles.map((s) => s.article.slug));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('writeChunks', () => {
  it('keeps every chunk, in order, across buffer flushes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-chunks-'));
    try {
      // 3,000 chunks of 1,000 characters pass the 1 MiB buffer twice.
      const chunks = Array.from({ length: 3000 }, (_, i) => `${String(i).padStart(6, '0')}${'x'.repeat(993)}\n`);
      await writeChunks(join(dir, 'nested', 'out.txt'), chunks);
      assert.equal(readFileSync(join(dir, 'nested', 'out.txt'), 'utf8'), chunks.join(''));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('sitemap', () => {
  const locs = (xml: string, tag: 'url' | 'sitemap'): string[] => {
    assert.equal(XMLValidator.validate(xml), true);
    const parsed = new XMLParser().parse(xml) as Record<string, Record<string, Array<{ loc: string }> | { loc: string }>>;
    const list = Object.values(parsed).find((v) => typeof v === 'object')?.[tag] ?? [];
    return (Array.isArray(list) ? list : [list]).map((e) => e.loc);
  };

  it('lists the home page, the timeline, every article and every entity page of the seeds, once each', () => {
    const [file] = sitemapFiles(site);
    const urls = locs(text(file!.chunks()), 'url');
    assert.equal(new Set(urls).size, urls.length);
    assert.equal(urls[0], 'https://example.org/');
    for (const s of site.articles) assert.ok(urls.includes(`https://example.org/articles/${s.article.slug}/`), s.article.slug);
    for (const page of site.entities.pages) assert.ok(urls.includes(`https://example.org${page.url}`), page.url);
    assert.ok(urls.includes('https://example.org/people/'));
  });

  it('becomes an index of parts past the limit, the parts holding every address in order', () => {
    const all = [...sitemapPaths(site)].map((p) => `https://example.org/${p}`);
    const files = sitemapFiles(site, 10);
    assert.equal(files.length, 1 + Math.ceil(all.length / 10));
    assert.deepEqual(locs(text(files[0]!.chunks()), 'sitemap'), files.slice(1).map((f) => `https://example.org/${f.path}`));
    assert.deepEqual(files.slice(1).flatMap((f) => locs(text(f.chunks()), 'url')), all);
  });

  it('escapes a site address that XML would read as markup', () => {
    const [file] = sitemapFiles({ ...site, rootUrl: "https://example.org/a&b'/" });
    assert.match(text(file!.chunks()), /<loc>https:\/\/example\.org\/a&amp;b&#39;\/<\/loc>/);
  });
});
