// The search index's shards are indexed two at a time, each by a Pagefind process of its own
// (src/site/searchIndex.ts). The bundles must not depend on it: the seeds indexed in three shards by
// one process after another and by two at once give the same files, byte for byte, every article once.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { indexArticles, type SearchIndexResult } from '../../src/site/searchIndex.ts';
import { loadSite } from '../../src/site/loadSiteData.ts';
import type { SiteData } from '../../src/types.ts';

const filesOf = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

describe('search index shards, one process at a time or two at once', () => {
  let root: string;
  let site: SiteData;
  let oneByOne: SearchIndexResult;
  let twoAtOnce: SearchIndexResult;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'dossier-lanes-'));
    site = (await loadSite('seeds', { siteUrl: 'https://example.org', base: '/' })).site;
    oneByOne = await indexArticles(join(root, 'one'), site, 3, 1);
    twoAtOnce = await indexArticles(join(root, 'two'), site, 3, 2);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('indexes every article once either way, in three bundles', () => {
    assert.equal(oneByOne.pages, site.articles.length);
    assert.equal(twoAtOnce.pages, site.articles.length);
    const entries = filesOf(join(root, 'two')).filter((f) => f.endsWith('pagefind-entry.json'));
    assert.deepEqual(entries, ['pagefind/pagefind-entry.json', 'pagefind/shard-2/pagefind-entry.json', 'pagefind/shard-3/pagefind-entry.json']);
    assert.equal(twoAtOnce.unordered, null);
  });

  it('writes the same files, byte for byte', () => {
    const files = filesOf(join(root, 'one'));
    assert.deepEqual(filesOf(join(root, 'two')), files);
    const contents = files.filter((f) => /\.[a-z_]+$/.test(f));
    assert.ok(contents.length > 20, `only ${contents.length} files`);
    for (const file of contents) assert.ok(readFileSync(join(root, 'two', file)).equals(readFileSync(join(root, 'one', file))), file);
  });
});
