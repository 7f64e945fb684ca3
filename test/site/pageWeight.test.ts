// Page weight: an article page, its HTML and the stylesheets it links, stays within 30,000 bytes (issue 6):
// every seed page, and every page of a generated corpus of 300-1,500-word articles (bench/corpus.ts), weighed
// as the bench weighs them (src/site/stylesheets.ts articlePageWeights: the sheets read from each page's
// links); no page passes 250 KB, and each page loads only the sheets it uses. Sizes are read from real
// builds, never written down here.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus, readSeedTexts } from '../../bench/corpus.ts';
import { ARTICLE_PAGE_BUDGET, articlePageWeights, linkedStylesheets, pageBytes, summariseArticlePages, type ArticlePageWeight } from '../../src/site/stylesheets.ts';
import type { Article } from '../../src/types.ts';
import { sharedSite, SEEDS_DIR, type BuiltSite } from '../support/build.ts';
import { buildInto, htmlText, pick, type TempBuild } from './helpers.ts';

const ANY_PAGE_BUDGET = 250 * 1024;
/** Generated articles: enough that some come near the corpus's longest (1,500 words). */
const GENERATED_ARTICLES = 30;

let site: BuiltSite;
let generated: TempBuild;
let corpusDir: string;
before(async () => {
  site = await sharedSite({ base: '/' });
  corpusDir = mkdtempSync(join(tmpdir(), 'dossier-weight-'));
  for (const file of generateCorpus(GENERATED_ARTICLES, readSeedTexts(SEEDS_DIR))) writeFileSync(join(corpusDir, file.name), file.text);
  generated = await buildInto(corpusDir, '/');
});
after(() => {
  generated?.cleanup();
  if (corpusDir) rmSync(corpusDir, { recursive: true, force: true });
});

const htmlPages = (dir: string, prefix = ''): string[] =>
  readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) => {
    const path = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) return path === 'pagefind' ? [] : htmlPages(dir, path);
    return e.name.endsWith('.html') ? [path] : [];
  });

/** Every article page of a build, weighed and printed, each checked to link its stylesheets and to be within the budget. */
function assertWithinBudget(outDir: string, slugs: readonly string[]): ArticlePageWeight[] {
  const weights = articlePageWeights(outDir, '/');
  assert.deepEqual(weights.map((w) => w.slug), [...slugs].sort(), 'a weight for every article page');
  for (const w of weights) {
    console.log(`# ${w.slug}: ${w.html} B HTML + ${w.css} B CSS = ${w.total} B`);
    assert.ok(w.css > 0, `${w.slug} links its stylesheets`);
    assert.ok(w.total <= ARTICLE_PAGE_BUDGET, `${w.slug} weighs ${w.total} B, over ${ARTICLE_PAGE_BUDGET} B`);
  }
  const summary = summariseArticlePages(weights);
  console.log(`# ${summary.pages} article pages: median ${summary.median} B, largest ${summary.largest?.total} B, ${summary.over} over ${ARTICLE_PAGE_BUDGET} B`);
  return weights;
}

describe('page weight', () => {
  it('keeps every seed article page, HTML and linked CSS, within 30,000 bytes', () => {
    assert.equal(site.articles.length, 5);
    assertWithinBudget(site.outDir, site.articles.map((a) => a.slug));
  });

  it('keeps every page of a generated corpus of long articles, naming many people, organisations and places, within 30,000 bytes', () => {
    const articles = JSON.parse(generated.read('articles.json')) as Article[];
    assert.equal(articles.length, GENERATED_ARTICLES);
    assert.ok(Math.max(...articles.map((a) => a.wordCount)) >= 1400, 'the corpus holds articles near its longest');
    const weights = assertWithinBudget(generated.outDir, articles.map((a) => a.slug));
    // The same as a reader's browser finds it: the sheets each page links, read from its whole HTML.
    const longest = articles.reduce((x, y) => (y.wordCount > x.wordCount ? y : x));
    const html = generated.read(`articles/${longest.slug}/index.html`);
    const css = linkedStylesheets(html).reduce((sum, href) => sum + Buffer.byteLength(generated.read(href.slice(1))), 0);
    assert.equal(weights.find((w) => w.slug === longest.slug)?.total, Buffer.byteLength(html) + css);
  });

  // A long article names dozens of people, organisations and places: its page shows the most named of each
  // kind and links to the full list on its provenance page.
  it('shows the most named names of each kind and links to all of them, on the provenance page', () => {
    const articles = JSON.parse(generated.read('articles.json')) as Article[];
    let cut = 0;
    for (const a of articles) {
      const page = generated.read(`articles/${a.slug}/index.html`);
      const provenance = generated.read(`articles/${a.slug}/provenance/index.html`);
      const names = (html: string): string[][] =>
        [...(/<section class="article-entities"[^>]*>([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '').matchAll(/<dd><ul class="entity-links">([\s\S]*?)<\/ul><\/dd>/g)].map((m) =>
          [...m[1]!.matchAll(/<a href="([^"]+)">/g)].map((link) => link[1]!),
        );
      const [shown, all] = [names(page), names(provenance)];
      assert.equal(shown.length, all.length, `${a.slug}: the same kinds`);
      shown.forEach((kind, i) => assert.deepEqual(kind, all[i]!.slice(0, kind.length), `${a.slug}: the first names of each kind`));
      const total = all.flat().length;
      if (shown.flat().length < total) {
        cut++;
        assert.equal(htmlText(pick(page, /<a href="provenance\/#names">([^<]+)<\/a>/)), `All ${total} names`, a.slug);
        assert.match(provenance, /<h2 id="names">/, a.slug);
      } else assert.doesNotMatch(page, /provenance\/#names/, `${a.slug}: no link when every name is shown`);
    }
    assert.ok(cut > 0, 'some generated article names more than its page shows');
  });

  it('keeps the lists a reader rarely needs off the article page, on its provenance page', () => {
    for (const a of site.articles) {
      const page = readFileSync(join(site.outDir, `articles/${a.slug}/index.html`), 'utf8');
      assert.doesNotMatch(page, /class="removed"|class="provenance-fields"|class="quotes-by-speaker"|class="provenance-file"|class="hash"/, a.slug);
      const provenance = readFileSync(join(site.outDir, `articles/${a.slug}/provenance/index.html`), 'utf8');
      assert.match(provenance, /class="provenance-fields"/, a.slug);
      if (a.removed.length > 0) assert.match(provenance, /<table class="removed">/, a.slug);
    }
  });

  it('gives an article page the base sheet and the article sheet only, its provenance page the provenance sheet, other pages the listings sheet', () => {
    for (const page of htmlPages(site.outDir)) {
      const sheets = linkedStylesheets(readFileSync(join(site.outDir, page), 'utf8')).filter((s) => !s.includes('/pagefind/'));
      const kind = /^articles\/[^/]+\/provenance\//.test(page) ? 'provenance' : page.startsWith('articles/') ? 'article' : 'listings';
      assert.deepEqual(sheets, ['/assets/dossier.css', `/assets/${kind}.css`], page);
    }
  });

  it('serves the stylesheets minified, and no page over 250 KB', () => {
    for (const sheet of ['dossier', 'article', 'provenance', 'listings']) {
      const served = readFileSync(join(site.outDir, 'assets', `${sheet}.css`), 'utf8');
      const source = readFileSync(join(import.meta.dirname, '..', '..', 'public', 'assets', `${sheet}.css`), 'utf8');
      assert.ok(!served.includes('/*') && !served.includes('\n'), `${sheet}.css has comments or line breaks`);
      assert.ok(served.length < source.length, `${sheet}.css is not smaller than its source`);
    }
    for (const page of htmlPages(site.outDir)) {
      const { html, css } = pageBytes(site.outDir, site.base, page);
      assert.ok(html + css <= ANY_PAGE_BUDGET, `${page}: ${html + css} B`);
    }
  });
});
