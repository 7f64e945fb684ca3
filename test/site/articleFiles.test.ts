// An article's citation downloads are written without a template (src/site/articleFiles.ts): the dev
// server's fast path gives every file the full build writes in an article's folder, byte for byte.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDevState, renderArticleFiles } from '../../src/site/devFastPath.ts';
import { renderSite } from '../../src/site/render.ts';

const SEEDS = join(import.meta.dirname, '../../seeds');

/** Every file under `dir`, as paths relative to `root`. */
function filesUnder(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(root, join(dir, e.name)) : [join(dir, e.name)]));
}

describe('an article\'s files', () => {
  it('are the same from the fast path as from the full build: its page, provenance page and citation downloads', async () => {
    const state = await loadDevState(SEEDS, { siteUrl: 'http://localhost:8080', base: '/' }, '2026-01-01');
    const root = mkdtempSync(join(tmpdir(), 'dossier-article-files-'));
    try {
      await renderSite(state.site, root, '/');
      for (const entry of state.site.articles) {
        const folder = join('articles', entry.article.slug);
        const fast = await renderArticleFiles(state, entry);
        assert.deepEqual(fast.map((f) => f.path).sort(), filesUnder(root, folder).sort(), `the files of ${folder}`);
        assert.ok(fast.some((f) => f.path === join(folder, 'citation.bib')), 'the citation downloads are among them');
        for (const file of fast) assert.equal(file.content, readFileSync(join(root, file.path), 'utf8'), `${file.path} differs`);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
