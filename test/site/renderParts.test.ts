// Rendering in parts: every article and entity page falls in exactly one part, and a site rendered in
// many small parts is byte for byte the site rendered in one.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ingestFolder } from '../../src/ingest/index.ts';
import { toSiteData } from '../../src/site/archiveData.ts';
import { renderSite } from '../../src/site/render.ts';
import { cutInto, siteParts } from '../../src/site/renderParts.ts';
import type { SiteData } from '../../src/types.ts';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');
let site: SiteData;

before(async () => {
  site = toSiteData(await ingestFolder(SEEDS, { today: '2026-01-01' }), null, { siteUrl: 'https://example.org', base: '/' });
});

/** Every file under `dir` with its bytes, by path. */
function tree(dir: string): Map<string, string> {
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  return new Map(walk(dir).map((file) => [relative(dir, file), readFileSync(file, 'latin1')]));
}

describe('cutInto and siteParts', () => {
  it('cuts a list into runs that keep every item once, in order', () => {
    const items = Array.from({ length: 7 }, (_, i) => i);
    assert.deepEqual(cutInto(items, 3), [[0, 1, 2], [3, 4, 5], [6]]);
    assert.deepEqual(cutInto(items, 1), [items]);
    assert.deepEqual(cutInto([], 2), [[], []]);
  });

  it('puts each article and entity page of the seeds in exactly one part, with only what their templates read', () => {
    assert.ok(site.entities.pages.length > 20, `the seeds have ${site.entities.pages.length} entity pages`);
    const parts = siteParts(site, { articles: 2, entityPages: 10 });
    assert.equal(parts.length, Math.max(Math.ceil(5 / 2), Math.ceil(site.entities.pages.length / 10)));
    assert.deepEqual(parts.flatMap((p) => p.articles), site.articles);
    assert.deepEqual(parts.flatMap((p) => p.entities.pages), site.entities.pages);
    for (const part of parts) {
      // Only what the per-item templates read is carried: the event pages, and the entities of the part's own articles.
      assert.equal(part.timeline.eventPages, site.timeline.eventPages);
      assert.deepEqual(Object.keys(part.entities.byArticle), part.articles.map((s) => s.article.slug).filter((slug) => site.entities.byArticle[slug]));
      assert.deepEqual([part.timeline.pages, part.entities.indexPages, part.newestFirst], [[], [], []]);
    }
    assert.equal(siteParts(site).length, 1, 'the seeds fit in one part by default');
  });
});

describe('renderSite in parts', () => {
  it('writes the same files, byte for byte, in one part and in many (rendered by child processes)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'dossier-parts-'));
    try {
      const one = await renderSite(site, join(root, 'one'), '/');
      const many = await renderSite(site, join(root, 'many'), '/', { partSizes: { articles: 1, entityPages: 7 } });
      assert.equal(many.written, one.written);
      const [a, b] = [tree(join(root, 'one')), tree(join(root, 'many'))];
      assert.deepEqual([...b.keys()].sort(), [...a.keys()].sort());
      for (const [path, bytes] of a) assert.equal(b.get(path), bytes, `${path} differs`);
      assert.ok(a.has('articles/' + site.articles[0]!.article.slug + '/index.html'));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
