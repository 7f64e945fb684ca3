// What pages load, watched in Chromium with the site's own Content-Security-Policy in force:
// pages other than search load no JavaScript; no page asks another host for anything;
// nothing fails to load and nothing is reported on the console (CSP violations included).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { requireChromiumOrSkip } from '../support/chromium.ts';
import { listFiles } from '../support/links.ts';
import { openSite, pagefindResults, pagesOf, watchPage, type SiteUnderTest } from '../support/site.ts';

const SUITE = 'browser: requests';
const chromium = requireChromiumOrSkip(SUITE);

/** data: and blob: URLs are not requests to anyone. */
function isOffSite(url: string, origin: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return false;
  return parsed.origin !== origin;
}

describe(SUITE, { skip: chromium.skipReason ?? false }, () => {
  let env: SiteUnderTest;
  before(async () => {
    env = await openSite('/', SUITE);
  });
  after(async () => {
    await env?.close();
  });

  test('pages other than search load no JavaScript and ask no other host for anything', async () => {
    const problems: string[] = [];
    const pages = pagesOf(listFiles(env.site.outDir)).filter((p) => p.path !== 'search/');
    assert.ok(pages.length >= 4, `only ${pages.length} pages besides search`);
    for (const { path } of pages) {
      const page = await env.browser.context.newPage();
      try {
        const activity = watchPage(page);
        const response = await page.goto(env.server.url(path), { waitUntil: 'load' });
        const expectedStatus = path === 'no/such/page/' ? 404 : 200;
        if (response?.status() !== expectedStatus) problems.push(`/${path}: status ${response?.status()}, expected ${expectedStatus}`);
        for (const { url, type } of activity.requests) {
          if (isOffSite(url, env.server.origin)) problems.push(`/${path}: request to another host: ${type} ${url}`);
          if (type === 'script') problems.push(`/${path}: loads JavaScript: ${url}`);
        }
        const documentUrl = env.server.url(path);
        for (const failure of activity.failures) {
          if (!(expectedStatus === 404 && failure === `404 ${documentUrl}`)) problems.push(`/${path}: ${failure}`);
        }
        // Chromium logs the 404 status of the page itself as an error; anything else is a problem.
        const ownStatus = `console.error: Failed to load resource: the server responded with a status of 404 (Not Found) (at ${documentUrl})`;
        for (const error of activity.errors) {
          if (!(expectedStatus === 404 && error === ownStatus)) problems.push(`/${path}: ${error}`);
        }
        const scripting = await page.evaluate(() => {
          const found: string[] = [];
          for (const script of document.querySelectorAll('script')) {
            if (script.type !== 'application/ld+json') found.push(`<script${script.src ? ` src="${script.src}"` : ''}> element`);
          }
          for (const element of document.querySelectorAll('*')) {
            for (const attr of element.attributes) {
              if (attr.name.startsWith('on')) found.push(`${attr.name} attribute on <${element.localName}>`);
              if (/^\s*javascript:/i.test(attr.value)) found.push(`javascript: URL in ${attr.name} on <${element.localName}>`);
            }
          }
          return found;
        });
        for (const item of scripting) problems.push(`/${path}: ${item}`);
      } finally {
        await page.close();
      }
    }
    assert.deepEqual(problems, [], `\n${problems.join('\n')}`);
  });

  test('the search page, while searching, asks no other host and breaks no rule of its CSP', async () => {
    const page = await env.browser.context.newPage();
    try {
      const activity = watchPage(page);
      await page.goto(env.server.url('search/?q=Ryabkov'));
      const results = await pagefindResults(page, 'Ryabkov');
      assert.ok(results.length > 0, 'the search found nothing, so it exercised little');
      const problems = [
        ...activity.requests.filter(({ url }) => isOffSite(url, env.server.origin)).map(({ type, url }) => `request to another host: ${type} ${url}`),
        ...activity.failures,
        ...activity.errors,
      ];
      assert.deepEqual(problems, [], `\n${problems.join('\n')}`);
      assert.ok(
        activity.requests.some(({ url }) => new URL(url).pathname.startsWith('/pagefind/')),
        'the search page loaded nothing from /pagefind/',
      );
    } finally {
      await page.close();
    }
  });
});
