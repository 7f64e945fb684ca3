// The hostile fixture in Chromium: every page opened and the archive searched through Pagefind UI, under
// /archive/. Titles and excerpts full of markup must show as text: no dialog, no injected element or
// event handler, no link with a scheme other than http(s), no console error (CSP violations land there).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { sharedSite, type BuiltSite } from '../support/build.ts';
import { launchChromium, requireChromiumOrSkip, type BrowserSession } from '../support/chromium.ts';
import { serveStatic, type StaticServer } from '../support/server.ts';
import { articlesMentioning, pagefindResults, pagesOf, watchPage } from '../support/site.ts';

const SUITE = 'browser: hostile inputs';
const chromium = requireChromiumOrSkip(SUITE);
const HOSTILE = join(import.meta.dirname, '..', 'fixtures', 'site', 'hostile');
const BASE = '/archive/';

/** What the page's DOM holds that input text must never have made: elements, handlers, links with a scheme. */
function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of Array.from(document.querySelectorAll('*'))) {
      const tag = element.tagName.toLowerCase();
      // The timeline's chart is the site's own SVG, the one child of its scroll area; any other is injected.
      const ownChart = tag === 'svg' && element.parentElement?.classList.contains('timeline-chart-scroll') === true;
      if (['img', 'iframe', 'object', 'embed', 'b', 'svg', 'video', 'audio'].includes(tag) && !ownChart) found.push(`<${tag}>`);
      // An article's JSON-LD is a data block, never run (its content is checked in test/escaping.test.ts).
      const jsonLd = tag === 'script' && element.getAttribute('type') === 'application/ld+json' && !element.hasAttribute('src');
      if (tag === 'script' && !jsonLd && !/\/assets\/search\.js$/.test(element.getAttribute('src') ?? '')) found.push(`<script src="${element.getAttribute('src') ?? ''}">`);
      for (const attribute of Array.from(element.attributes)) {
        if (attribute.name.startsWith('on')) found.push(`<${tag} ${attribute.name}>`);
        // Resolved as the browser would follow it: anything but http(s) (javascript:, data:, vbscript:) is an injection.
        if (['href', 'src', 'action', 'formaction'].includes(attribute.name) && !/^https?:$/.test(new URL(attribute.value, document.baseURI).protocol)) {
          found.push(`<${tag} ${attribute.name}="${attribute.value}">`);
        }
      }
    }
    return found;
  });
}

describe(SUITE, { skip: chromium.skipReason ?? false }, () => {
  let site: BuiltSite;
  let server: StaticServer;
  let browser: BrowserSession;
  const dialogs: string[] = [];

  before(async () => {
    site = await sharedSite({ base: BASE, seedsDir: HOSTILE });
    server = await serveStatic(site.outDir, { base: site.base });
    const session = await launchChromium(SUITE);
    if (session === null) throw new Error(`${SUITE}: no Chromium, and the suite was not skipped`);
    browser = session;
    browser.context.on('page', (page) => page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()} on ${page.url()}`);
      void dialog.dismiss();
    }));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the fixture is hostile: its titles hold <script> and its articles mention Ryabkov', () => {
    assert.equal(site.articles.length, 4);
    assert.ok(site.articles.filter((a) => a.title.includes('<script>')).length >= 3);
  });

  test('every page opens without a dialog, an injected element, a console error or a failed request', async () => {
    const pages = pagesOf(listFiles(site)).filter((p) => !p.file.startsWith('pagefind/'));
    assert.ok(pages.length >= 8, `${pages.length} pages`);
    for (const { path } of pages) {
      const page = await browser.context.newPage();
      try {
        const activity = watchPage(page);
        await page.goto(server.url(path), { waitUntil: 'load' });
        assert.deepEqual(await injected(page), [], path);
        // The 404 page is asked for at a missing address: its own 404 is the one expected error.
        assert.deepEqual(activity.errors.filter((e) => !(path === 'no/such/page/' && /status of 404/.test(e))), [], path);
        assert.deepEqual(activity.failures.filter((f) => !f.includes('no/such/page')), [], path);
      } finally {
        await page.close();
      }
    }
    assert.deepEqual(dialogs, []);
  });

  test('search results and excerpts for Ryabkov show the markup as text, and inject nothing', async () => {
    const page = await browser.context.newPage();
    try {
      const activity = watchPage(page);
      await page.goto(server.url('search/?q=Ryabkov'));
      const results = await pagefindResults(page, 'Ryabkov');
      const expected = articlesMentioning(site.articles, 'Ryabkov').length;
      assert.equal(results.length, expected, 'every hostile article that mentions Ryabkov is found');
      assert.ok(expected >= 3);
      const titles = await page.locator('.search-result-title').allTextContents();
      assert.ok(titles.some((t) => t.includes('<script>alert(1)</script>')), `titles show the markup as text: ${titles.join(' | ')}`);
      const excerpts = await page.locator('.search-result-excerpt').evaluateAll((nodes) => nodes.map((n) => n.innerHTML));
      assert.equal(excerpts.length, expected);
      for (const html of excerpts) {
        const tags = [...html.matchAll(/<\/?([a-z][a-z0-9-]*)/gi)].map((m) => m[1]!.toLowerCase());
        assert.deepEqual([...new Set(tags)].filter((t) => t !== 'mark'), [], `only <mark> in an excerpt: ${html}`);
      }
      assert.ok(excerpts.some((html) => html.includes('&lt;script&gt;') || html.includes('&lt;img')), 'some excerpt shows the markup, escaped');
      assert.deepEqual(await injected(page), []);
      assert.deepEqual(activity.errors, []);
      assert.deepEqual(dialogs, []);
    } finally {
      await page.close();
    }
  });
});

/** Every file of the built site, relative to its folder. */
function listFiles(built: BuiltSite): string[] {
  return readdirSync(built.outDir, { recursive: true, encoding: 'utf8' }).map((f) => f.split('\\').join('/'));
}
