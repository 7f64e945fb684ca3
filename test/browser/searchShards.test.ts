// A search index written in shards (src/site/searchIndex.ts, as a large archive is): the seeds built
// under /x/ with at most 2 pages per shard give three bundles, and the search page, merging them,
// finds every article that mentions a word, whichever shard holds them. (A shard without the word may
// add its closest match: Pagefind falls back to similar words per index, e.g. Lavrov for Ryabkov.)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../../src/build.ts';
import { searchShardPath } from '../../src/site/searchIndex.ts';
import type { BuildReport } from '../../src/types.ts';
import { launchChromium, requireChromiumOrSkip, type BrowserSession } from '../support/chromium.ts';
import { readArticles, SEEDS_DIR } from '../support/build.ts';
import { articlePath, articlesMentioning, pagefindResults, pagefindResultsAsShown, searchDateOrder } from '../support/site.ts';
import { serveStatic, type StaticServer } from '../support/server.ts';

const SUITE = 'browser: search index in shards';
const chromium = requireChromiumOrSkip(SUITE);

const pageCount = (outDir: string, bundle: string): number => {
  const entry = JSON.parse(readFileSync(join(outDir, bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
};

describe(SUITE, () => {
  let root: string;
  let outDir: string;
  let report: BuildReport;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'dossier-shards-'));
    outDir = join(root, 'out');
    report = await build({ seedsDir: SEEDS_DIR, outDir, base: '/x/', strict: false, siteUrl: 'https://example.org', searchShardPages: 2 }, () => {});
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  test('five articles at two pages a shard make three bundles holding every article once', () => {
    const counts = [0, 1, 2].map((n) => pageCount(outDir, searchShardPath(n)));
    assert.deepEqual(counts, [2, 2, 1]);
    assert.equal(report.indexedPages, 5);
    const search = readFileSync(join(outDir, 'search', 'index.html'), 'utf8');
    assert.match(search, /data-bundle-path="\/x\/pagefind\/" data-merge-bundles="\/x\/pagefind\/shard-2\/ \/x\/pagefind\/shard-3\/"/);
  });

  test('a second build writes the same bundles, byte for byte (pages are sent one at a time)', async () => {
    const again = join(root, 'again');
    await build({ seedsDir: SEEDS_DIR, outDir: again, base: '/x/', strict: false, siteUrl: 'https://example.org', searchShardPages: 2 }, () => {});
    const files = (dir: string): string[] => readdirSync(join(dir, 'pagefind'), { recursive: true, encoding: 'utf8' }).sort();
    assert.deepEqual(files(again), files(outDir));
    for (const file of files(outDir).filter((f) => f.includes('.'))) {
      assert.ok(readFileSync(join(again, 'pagefind', file)).equals(readFileSync(join(outDir, 'pagefind', file))), file);
    }
  });

  describe('searched in Chromium', { skip: chromium.skipReason ?? false }, () => {
    let server: StaticServer;
    let browser: BrowserSession | null;
    before(async () => {
      server = await serveStatic(outDir, { base: '/x/' });
      browser = await launchChromium(SUITE);
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    const search = async (word: string): Promise<string[]> => {
      const page = await browser!.context.newPage();
      try {
        await page.goto(server.url(`search/?q=${word}`));
        return (await pagefindResults(page, word)).map((href) => new URL(href, page.url()).pathname).sort();
      } finally {
        await page.close();
      }
    };

    for (const word of ['Ryabkov', 'Pompeo', 'Venezuela']) {
      test(`/search/?q=${word} finds every article that mentions it, from every shard`, async () => {
        const expected = articlesMentioning(readArticles(outDir), word).map((slug) => articlePath('/x/', slug));
        assert.ok(expected.length > 0);
        const found = await search(word);
        for (const path of expected) assert.ok(found.includes(path), `${path} not found; found ${found.join(', ')}`);
      });
    }

    /**
     * The articles `/search/?q=word` shows, checked to be in date order (newest or oldest first, the undated
     * last), each once, the undated one among them. With `splitFails`, the page is served a searchOrder.js whose
     * splitByBundle gives up, so the search page takes its fallback: each bundle searched on its own.
     */
    const assertDateOrder = async (word: string, sort: '' | 'oldest', splitFails: boolean): Promise<void> => {
      const newestFirst = sort === '';
      const dateOf = new Map(readArticles(outDir).map((a) => [articlePath('/x/', a.slug), a.published]));
      const page = await browser!.context.newPage();
      let served = false;
      if (splitFails) {
        await page.route('**/assets/searchOrder.js', async (route) => {
          const response = await route.fetch();
          const original = await response.text();
          const body = original.replace(/export function splitByBundle\(results, counts\) \{/, '$&\n  return null;');
          assert.notEqual(body, original, 'splitByBundle not found in searchOrder.js');
          served = true;
          await route.fulfill({ response, body });
        });
      }
      try {
        await page.goto(server.url(`search/?q=${word}${sort ? `&sort=${sort}` : ''}`));
        const shown = (await pagefindResultsAsShown(page, word)).map((href) => new URL(href, page.url()).pathname);
        const dates: (string | null)[] = shown.map((path) => (dateOf.has(path) ? dateOf.get(path)! : `not an article: ${path}`));
        assert.ok(shown.length >= 3, `${shown.length} results`);
        assert.deepEqual(dates, searchDateOrder(dates, newestFirst));
        assert.equal(new Set(shown).size, shown.length, 'an article listed twice');
        assert.ok(dates.includes(null), 'the test needs the undated article among the results');
        assert.equal(served, splitFails, 'the failing searchOrder.js was not loaded');
      } finally {
        await page.close();
      }
    };

    // Pagefind merges bundles by score, which under a sort is a page's place in its own bundle: before the
    // search page merged the bundles' lists itself, Ryabkov came out undated, 14 May, 20 March 2019.
    for (const sort of ['', 'oldest'] as const) {
      for (const word of ['Ryabkov', 'Venezuela']) {
        test(`/search/?q=${word}${sort ? `&sort=${sort}` : ''} lists the articles from every shard ${sort ? 'oldest' : 'newest'} first`, () => assertDateOrder(word, sort, false));
      }
      test(`/search/?q=Venezuela${sort ? `&sort=${sort}` : ''} in the same order when the scores cannot be split (each shard searched alone)`, () =>
        assertDateOrder('Venezuela', sort, true));
    }

    // What the search page relies on to split Pagefind's merged list (public/assets/searchOrder.js): under a
    // sort a result scores its place in its bundle times the bundle's index weight. Checked on Pagefind as
    // pinned: each bundle's list read from the merged one is the list a search of that bundle alone gives.
    for (const [word, dir] of [['Venezuela', 'desc'], ['Venezuela', 'asc'], ['Ryabkov', 'desc'], ['Ryabkov', 'asc']] as const) {
      test(`Pagefind's results for ${word}, dates ${dir}, split back into each bundle's own list`, async () => {
        const page = await browser!.context.newPage();
        try {
          await page.goto(server.url('search/'));
          const { split, alone } = await page.evaluate(async ([q, dir]) => {
            const form = document.getElementById('search')!;
            const bundles = (form.dataset['mergeBundles'] ?? '').split(' ').filter(Boolean);
            const order = await import(new URL('../assets/searchOrder.js', location.href).href);
            const pagefind = await import(`${form.dataset['bundlePath']}pagefind.js`);
            await pagefind.options({ baseUrl: '/x/', noWorker: true, mergeFilter: { bundle: '0' } });
            for (const [i, path] of bundles.entries()) await pagefind.mergeIndex(path, { baseUrl: '/x/', indexWeight: order.bundleWeight(i + 1), mergeFilter: { bundle: String(i + 1) } });
            const ids = ['0', ...bundles.map((_, i) => String(i + 1))];
            const found = await pagefind.search(q, { sort: { date: dir } });
            const lists = order.splitByBundle(found.results, ids.map((id) => found.filters.bundle?.[id] ?? 0));
            const alone = [];
            for (const id of ids) alone.push((await pagefind.search(q, { sort: { date: dir }, filters: { bundle: id } })).results.map((r: { id: string }) => r.id));
            return { split: lists?.map((list: { id: string }[]) => list.map((r) => r.id)) ?? null, alone };
          }, [word, dir] as const);
          assert.notEqual(split, null, 'the scores did not read as places in bundles');
          assert.deepEqual(split, alone);
          assert.equal(alone.length, 3);
        } finally {
          await page.close();
        }
      });
    }

    test('a word every article has finds each article exactly once', async () => {
      const articles = readArticles(outDir);
      assert.equal(articlesMentioning(articles, 'Venezuela').length, articles.length, 'the test needs a word in every article');
      assert.deepEqual(await search('Venezuela'), articles.map((a) => articlePath('/x/', a.slug)).sort());
    });
  });
});
