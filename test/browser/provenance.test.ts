// The raw captures of the hostile fixture in Chromium: each source.txt is served as text/plain, by the test
// server and by the dev server's MIME table, and opens as text: the <script> and <img onerror> it holds
// stay characters, no element is made, no dialog opens, no request leaves for them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { sharedSite, type BuiltSite } from '../support/build.ts';
import { launchChromium, requireChromiumOrSkip, type BrowserSession } from '../support/chromium.ts';
import { contentTypeFor, serveStatic, type StaticServer } from '../support/server.ts';
import { watchPage } from '../support/site.ts';

const SUITE = 'browser: raw captures (source.txt)';
const chromium = requireChromiumOrSkip(SUITE);
const HOSTILE = join(import.meta.dirname, '..', 'fixtures', 'site', 'hostile');
const BASE = '/archive/';

describe(SUITE, { skip: chromium.skipReason ?? false }, () => {
  let site: BuiltSite;
  let server: StaticServer;
  let browser: BrowserSession;

  before(async () => {
    site = await sharedSite({ base: BASE, seedsDir: HOSTILE });
    server = await serveStatic(site.outDir, { base: site.base });
    const session = await launchChromium(SUITE);
    if (session === null) throw new Error(`${SUITE}: no Chromium, and the suite was not skipped`);
    browser = session;
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the dev server and the test server both call a .txt text/plain', () => {
    // The dev server (@11ty/eleventy-dev-server) types files by the `mime` package it depends on.
    const fromDevServer = createRequire(createRequire(import.meta.url).resolve('@11ty/eleventy-dev-server'))('mime') as { getType(path: string): string | null };
    assert.equal(fromDevServer.getType('articles/x/source.txt'), 'text/plain');
    assert.match(contentTypeFor('articles/x/source.txt'), /^text\/plain\b/);
  });

  test('every source.txt opens as plain text holding the capture, and nothing in it runs', async () => {
    const withMarkup = site.articles.filter((a) => readFileSync(join(HOSTILE, a.sourceFile), 'utf8').includes('<script>'));
    assert.ok(withMarkup.length >= 3, 'the fixture captures hold <script>');
    for (const article of site.articles) {
      const page = await browser.context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      try {
        const activity = watchPage(page);
        const response = await page.goto(server.url(`articles/${article.slug}/source.txt`), { waitUntil: 'load' });
        assert.match(response?.headers()['content-type'] ?? '', /^text\/plain\b/, article.slug);
        const seen = await page.evaluate(() => ({
          contentType: document.contentType,
          elements: Array.from(document.querySelectorAll('body *')).map((e) => e.tagName.toLowerCase()),
          text: document.body.innerText,
        }));
        assert.equal(seen.contentType, 'text/plain', article.slug);
        assert.deepEqual(seen.elements.filter((tag) => tag !== 'pre'), [], `${article.slug}: elements made from the text`);
        assert.equal(seen.text.trim(), readFileSync(join(HOSTILE, article.sourceFile), 'utf8').trim(), `${article.slug}: the capture, as text`);
        assert.deepEqual(dialogs, [], article.slug);
        // A document with no <link rel="icon"> (any text file) makes Chromium ask for /favicon.ico at the
        // origin's root on its own, sometimes; that request and its 404 are the browser's, not the file's.
        const byBrowser = (text: string): boolean => text.includes(`${server.origin}/favicon.ico`);
        assert.deepEqual(activity.errors.filter((e) => !byBrowser(e)), [], article.slug);
        const fetched = activity.requests.map((r) => r.url).filter((url) => !byBrowser(url));
        assert.deepEqual(fetched, [server.url(`articles/${article.slug}/source.txt`)], `${article.slug}: only the file itself is fetched`);
      } finally {
        await page.close();
      }
    }
  });
});
