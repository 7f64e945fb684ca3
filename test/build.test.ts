// End to end: the five seeds built into a temp folder under the sub-path /x/, checked file by file.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Article, BuildReport } from '../src/types.ts';
import { toSiteData } from '../src/site/archiveData.ts';
import { assertWrittenPaths } from '../src/site/outputPaths.ts';
import { renderSite } from '../src/site/render.ts';
import { fixtureArchive } from './fixtures/site/archive.ts';
import { buildInto, htmlText, pick, type TempBuild } from './site/helpers.ts';

const SEEDS = join(import.meta.dirname, '..', 'seeds');
let site: TempBuild;
let articles: Article[];

before(async () => {
  site = await buildInto(SEEDS, '/x/');
  articles = JSON.parse(site.read('articles.json')) as Article[];
});
after(() => site?.cleanup());

describe('build of the seeds under --base /x/', () => {
  it('writes articles.json with the five records', () => {
    assert.equal(articles.length, 5);
    for (const a of articles) {
      assert.ok(a.slug && a.title && a.sha256.length === 64, `record ${a.slug} is complete`);
      assert.equal(typeof a.body, 'string');
    }
    assert.equal(new Set(articles.map((a) => a.slug)).size, 5, 'slugs are unique');
  });

  it('writes a page per article, with its headline as h1 and in <title>', () => {
    for (const a of articles) {
      const html = site.read(`articles/${a.slug}/index.html`);
      assert.equal(htmlText(pick(html, /<h1[^>]*>([\s\S]*?)<\/h1>/)), a.title);
      assert.ok(htmlText(pick(html, /<title>([\s\S]*?)<\/title>/)).startsWith(a.title));
      assert.match(html, /<article class="article" data-pagefind-body/);
      assert.match(site.read(`articles/${a.slug}/provenance/index.html`), new RegExp(`<code class="hash">${a.sha256}</code>`));
    }
  });

  it('shows catalogue values as such, and the undated article as undated', () => {
    const telesur = articles.find((a) => a.publisher === 'teleSUR');
    assert.ok(telesur, 'teleSUR article exists');
    const html = site.read(`articles/${telesur.slug}/index.html`);
    assert.match(html, /teleSUR<\/span> <span class="badge badge-catalogue"/);
    const undated = articles.filter((a) => a.published === null);
    assert.equal(undated.length, 1);
    assert.match(site.read(`articles/${undated[0]!.slug}/index.html`), /<span class="undated-mark">Undated<\/span>/);
  });

  it('lists the timeline in date order, grouped by year, undated last in a marked section', () => {
    const html = site.read('timeline/index.html');
    const links = [...html.matchAll(/<a href="\/x\/articles\/([^/"]+)\/">/g)].map((m) => m[1]);
    // An undated article placed beside an event is listed there too (marked), so compare first appearances of the dated ones.
    const dated = [...new Set(links)].filter((slug) => articles.find((a) => a.slug === slug)?.published);
    const expected = articles
      .filter((a) => a.published !== null)
      .sort((a, b) => a.published!.localeCompare(b.published!))
      .map((a) => a.slug);
    assert.deepEqual(dated, expected);
    const undatedAt = html.indexOf('id="undated"');
    assert.ok(undatedAt > 0, 'the undated section exists');
    const undatedSlug = articles.find((a) => a.published === null)!.slug;
    assert.ok(html.lastIndexOf(`/x/articles/${undatedSlug}/`) > undatedAt, 'the undated article sits in that section');
    assert.deepEqual([...html.matchAll(/<h2 id="y(\d{4})">/g)].map((m) => m[1]), ['2019', '2022']);
  });

  it('links each dated article to its neighbours in time', () => {
    const dated = articles.filter((a) => a.published !== null).sort((a, b) => a.published!.localeCompare(b.published!));
    dated.forEach((a, i) => {
      const html = site.read(`articles/${a.slug}/index.html`);
      const prev = dated[i - 1];
      const next = dated[i + 1];
      if (prev) assert.match(html, new RegExp(`class="prev" href="/x/articles/${prev.slug}/"`));
      else assert.doesNotMatch(html, /class="prev"/);
      if (next) assert.match(html, new RegExp(`class="next" href="/x/articles/${next.slug}/"`));
      else assert.doesNotMatch(html, /class="next"/);
    });
  });

  it('writes a well-formed Atom feed with five entries and absolute URLs', () => {
    const xml = site.read('feed.xml');
    assert.equal(XMLValidator.validate(xml), true);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml) as { feed: { entry: Array<{ id: string; title: string }> } };
    assert.equal(feed.feed.entry.length, 5);
    for (const entry of feed.feed.entry) assert.match(entry.id, /^https:\/\/example\.org\/x\/articles\/[^/]+\/$/);
  });

  it('writes a JSON Feed 1.1 with five items, undated without date_published', () => {
    const feed = JSON.parse(site.read('feed.json')) as { version: string; items: Array<{ url: string; date_published?: string; content_html: string }> };
    assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
    assert.equal(feed.items.length, 5);
    assert.equal(feed.items.filter((i) => i.date_published === undefined).length, 1);
    assert.equal(feed.items.at(-1)?.date_published, undefined, 'the undated item comes last');
    for (const item of feed.items) assert.match(item.url, /^https:\/\/example\.org\/x\/articles\//);
  });

  it('writes a sitemap of the pages and every article', () => {
    const xml = site.read('sitemap.xml');
    assert.equal(XMLValidator.validate(xml), true);
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    assert.ok(locs.includes('https://example.org/x/'));
    for (const a of articles) assert.ok(locs.includes(`https://example.org/x/articles/${a.slug}/`));
  });

  it('prefixes every internal href, src and action with /x/', () => {
    const html = site.files().filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'));
    assert.ok(html.length >= 9);
    let relative = 0;
    for (const file of html) {
      for (const [, attr, url] of site.read(file).matchAll(/\s(href|src|action)="([^"]*)"/g)) {
        if (/^(?:https?:|mailto:|#)/.test(url!)) continue;
        // An article page links its own files relative to itself (partials/cite.njk): under /x/ as it is.
        if (!url!.startsWith('/')) {
          relative++;
          assert.match(file, /^articles\/[^/]+\/(?:provenance\/)?index\.html$/, `${file}: ${attr}="${url}"`);
          continue;
        }
        assert.ok(url!.startsWith('/x/'), `${file}: ${attr}="${url}" lacks the /x/ prefix`);
      }
    }
    assert.ok(relative > 0, 'article pages link their own files relative to themselves');
    // Nor does any other attribute hold a root-relative URL outside /x/ (data-base-url, SVG links…).
    for (const file of html) {
      for (const [, attr, url] of site.read(file).matchAll(/\s([\w:-]+)="(\/[^"]*)"/g)) assert.ok(url!.startsWith('/x/'), `${file}: ${attr}="${url}" lacks the /x/ prefix`);
    }
    const search = site.read('search/index.html');
    assert.match(search, /data-base-url="\/x\/" data-bundle-path="\/x\/pagefind\/"/);
  });

  it('has no script but on the search page, and a CSP without inline script on every page', () => {
    for (const file of site.files().filter((f) => f.endsWith('.html'))) {
      const html = site.read(file);
      assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval';/);
      // An article's JSON-LD is a data block the browser never runs (the escaping test checks its content).
      assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)(?! type="application\/ld\+json">)/, `${file} has an inline script`);
      const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
      assert.deepEqual(scripts, file === 'search/index.html' ? ['/x/assets/search.js'] : [], file);
      assert.match(html, /<form class="site-search" action="\/x\/search\/" method="get" role="search"[^>]*>[\s\S]*?name="q"/);
    }
  });

  it('builds the Pagefind index of the five article pages, and a 404 page', () => {
    assert.equal(site.report.indexedPages, 5);
    assert.ok(site.files().includes('pagefind/pagefind.js'));
    assert.ok(site.files().includes('404.html'));
  });

  it('keeps the Pagefind files the search page loads and removes Pagefind\'s own search UIs and worker', () => {
    const bundle = site.files().filter((f) => /^pagefind\/[^/]+$/.test(f)).map((f) => f.slice('pagefind/'.length));
    for (const used of ['pagefind.js', 'pagefind-entry.json', 'wasm.en.pagefind']) assert.ok(bundle.includes(used), used);
    assert.deepEqual(bundle.filter((name) => /\.(?:js|css)$/.test(name)).sort(), ['pagefind.js']);
  });

  it('accounts for every input file in build-report.json and in the printed lines', () => {
    const report = JSON.parse(site.read('build-report.json')) as BuildReport;
    const inputs = readdirSync(SEEDS).sort();
    assert.deepEqual(report.files.map((f) => f.file).sort(), inputs);
    assert.equal(report.articles, 5);
    assert.equal(report.ok, true);
    for (const file of inputs) assert.equal(site.log.filter((l) => l.slice(2).startsWith(`${file}  `)).length, 1, `one line for ${file}`);
    assert.match(site.log.at(-1)!, /^✓ 6 files → 5 articles \(/);
    for (const a of articles) {
      const entry = report.files.find((f) => f.slug === a.slug);
      assert.equal(entry?.title, a.title);
      assert.equal(entry?.published, a.published);
    }
  });
});

describe('--strict', () => {
  it('fails the build when an input has warnings (the undated seed), and passes without --strict', async () => {
    const strict = await buildInto(SEEDS, '/');
    strict.cleanup();
    assert.equal(strict.report.ok, true);
    const failing = await buildInto(SEEDS, '/', true);
    failing.cleanup();
    assert.equal(failing.report.ok, false);
    assert.equal(failing.report.problemFiles, 1);
    assert.ok(failing.log.some((l) => l.startsWith('✗ --strict: 1 file has warnings')));
  });
});

describe('output paths', () => {
  const TRAVERSAL = join(import.meta.dirname, 'fixtures', 'site', 'traversal');

  it("builds headlines, slugs and permalinks that say '../../x' into /articles/<slug>/, never beside the output folder", async () => {
    const built = await buildInto(TRAVERSAL, '/');
    try {
      const root = join(built.outDir, '..');
      assert.deepEqual(readdirSync(root), ['out'], 'nothing was written beside the output folder');
      const records = JSON.parse(built.read('articles.json')) as Article[];
      assert.deepEqual(records.map((a) => a.sourceFile).sort(), ['dots.txt', 'escape.md']);
      const pages = built.files().filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'));
      const articlePages = pages.filter((f) => f.startsWith('articles/'));
      assert.deepEqual(articlePages.sort(), records.flatMap((a) => [`articles/${a.slug}/index.html`, `articles/${a.slug}/provenance/index.html`]).sort());
      for (const a of records) assert.match(a.slug, /^[\p{L}\p{N}][\p{L}\p{N}._~-]*$/u, `${a.sourceFile}: slug ${a.slug}`);
      // Entity pages (people, organisations, places) have slugs made of [a-z0-9-] from the names.
      const entityPages = pages.filter((f) => /^(?:people|organizations|places)\//u.test(f));
      for (const f of entityPages) assert.match(f, /^(?:people|organizations|places)\/(?:[a-z0-9-]+\/)?index\.html$/u);
      // Timeline pages per year (timeline/<year>/…) are named by dates, never by the inputs.
      const other = pages.filter((f) => !f.startsWith('articles/') && !entityPages.includes(f) && !/^timeline\/(\d{4}|undated)\//u.test(f));
      assert.deepEqual(other.sort(), ['404.html', 'index.html', 'search/index.html', 'timeline/index.html']);
    } finally {
      built.cleanup();
    }
  });

  it('fails the build with the file and slug, writing nothing, when a record carries a slug that climbs out', async () => {
    const archive = fixtureArchive();
    const hostile = { ...archive, articles: archive.articles.map((a, i) => (i === 0 ? { ...a, slug: '../../x' } : a)) };
    const root = mkdtempSync(join(tmpdir(), 'dossier-paths-'));
    try {
      const site = { ...toSiteData(fixtureArchive(), null, { siteUrl: 'https://e.org', base: '/' }) };
      // toSiteData refuses the record at once...
      assert.throws(() => toSiteData(hostile, null, { siteUrl: 'https://e.org', base: '/' }), /talks-stall\.txt: slug "\.\.\/\.\.\/x" cannot be a page address: it holds '\.\.'/);
      // ...and the renderer refuses it too when handed such site data directly.
      site.articles = site.articles.map((s) => (s.article.slug === 'talks-stall' ? { ...s, article: { ...s.article, slug: '../../x' } } : s));
      const out = join(root, 'a', 'b', 'out');
      await assert.rejects(renderSite(site, out, '/'), (error: Error) => error.name === 'OutputPathError' && /cannot be a page address/.test(error.message));
      assert.deepEqual(readdirSync(root), [], 'nothing written at all, in the output folder or beside it');
      assert.ok(!existsSync(out));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('checks what Eleventy wrote: inside the output folder, one page per article at articles/<slug>/index.html', () => {
    const out = '/tmp/site';
    const ok = [{ outputPath: '/tmp/site/index.html' }, { outputPath: '/tmp/site/articles/a/index.html' }, { outputPath: false as const }];
    assert.doesNotThrow(() => assertWrittenPaths(out, ok, ['a']));
    assert.throws(() => assertWrittenPaths(out, [...ok, { outputPath: '/tmp/x/index.html' }], ['a']), /\/tmp\/x\/index\.html lies outside the output folder/);
    assert.throws(() => assertWrittenPaths(out, [...ok, { outputPath: '/tmp/site/../site2/a.html' }], ['a']), /site2\/a\.html lies outside/);
    assert.throws(() => assertWrittenPaths(out, [...ok, { outputPath: '/tmp/site/articles/b/c/index.html' }], ['a']), /is not articles\/<slug>\/index\.html/);
    assert.throws(() => assertWrittenPaths(out, ok, ['a', 'b']), /\/tmp\/site\/articles\/b\/index\.html was not written/);
  });
});
