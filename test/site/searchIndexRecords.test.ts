// The search records Dossier sends Pagefind (src/site/searchIndexRecords.ts) must give each article the
// URL, meta, filters and sort that Pagefind itself reads from the article page's data-pagefind-*
// attributes, and only text the page shows. Checked against Pagefind: the seeds' built pages are
// indexed again with addHTMLFile, and the two sets of fragments (Pagefind's per-page records) compared.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { SEEDS_DIR } from '../support/build.ts';
import { buildInto, htmlText, pick, type TempBuild } from './helpers.ts';

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort?: Record<string, string>;
}

/** A fragment file: gzip of "pagefind_dcd" then JSON. */
const readFragment = (bytes: Uint8Array): Fragment => JSON.parse(gunzipSync(bytes).subarray('pagefind_dcd'.length).toString('utf8')) as Fragment;

/** Words without the punctuation Pagefind adds after headings and list items. */
const words = (text: string): Set<string> => new Set(text.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean));

describe('search records', () => {
  let site: TempBuild;
  let fromRecords: Fragment[];
  let fromPages: Map<string, Fragment>;

  before(async () => {
    site = await buildInto(SEEDS_DIR, '/');
    const dir = join(site.outDir, 'pagefind', 'fragment');
    fromRecords = readdirSync(dir).map((name) => readFragment(readFileSync(join(dir, name))));
    const created = await pagefind.createIndex({ forceLanguage: 'en' });
    const index = created.index!;
    for (const { url } of fromRecords) {
      const sourcePath = `${url.slice(1)}index.html`;
      await index.addHTMLFile({ sourcePath, content: site.read(sourcePath) });
    }
    const files = (await index.getFiles()).files.filter((f) => f.path.startsWith('fragment/'));
    fromPages = new Map(files.map((f) => readFragment(f.content)).map((f) => [f.url, f]));
    await pagefind.close();
  });
  after(() => site.cleanup());

  it('index every article page, by its URL', () => {
    assert.equal(fromRecords.length, site.report.indexedPages);
    assert.deepEqual(fromRecords.map((f) => f.url).sort(), [...fromPages.keys()].sort());
  });

  it('give each article the meta, filters and sort its page gives Pagefind', () => {
    for (const record of fromRecords) {
      const page = fromPages.get(record.url)!;
      const filters = Object.fromEntries(Object.entries(record.filters).filter(([name]) => name !== 'person' && name !== 'place'));
      assert.deepEqual(record.meta, page.meta, record.url);
      assert.deepEqual(filters, page.filters, record.url);
      assert.deepEqual(record.sort, page.sort, record.url);
    }
    assert.ok(fromRecords.some((f) => (f.filters['person'] ?? []).length > 0), 'the seeds name people');
  });

  // An article page shows only the names it is most about, with no filter attribute: the record holds the
  // person and place filters, each a name its provenance page lists in full.
  it('give each article a person and place filter value for names it holds', () => {
    for (const record of fromRecords) {
      const names = pick(site.read(`${record.url.slice(1)}provenance/index.html`), /<section class="article-entities"[^>]*>([\s\S]*?)<\/section>/);
      const listed = (section: string): string[] => [...names.matchAll(new RegExp(`<a href="/${section}/[^"]+/">([^<]*)</a>`, 'g'))].map((m) => htmlText(m[1]!));
      assert.deepEqual(record.filters['person'] ?? [], listed('people'), record.url);
      assert.deepEqual(record.filters['place'] ?? [], listed('places'), record.url);
    }
  });

  it('hold only words the page shows, and the whole body', () => {
    for (const record of fromRecords) {
      const page = fromPages.get(record.url)!.content;
      const pageWords = words(page);
      // A label and its value run together in Pagefind's text of a page (<dt>Event</dt><dd>Rome talks…).
      const extra = [...words(record.content)].filter((w) => !pageWords.has(w) && !page.includes(w));
      assert.deepEqual(extra, [], record.url);
    }
    const longest = fromRecords.reduce((a, b) => (a.content.length > b.content.length ? a : b));
    assert.ok(longest.content.length > 2000, 'an article body is in its record');
  });
});
