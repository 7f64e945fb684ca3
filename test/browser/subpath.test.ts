// The whole site hosted under a sub-path: built with --base /archive/, served only under /archive/.
// Every page reached by following links loads with its CSS and nothing outside /archive/; search works.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { requireChromiumOrSkip } from '../support/chromium.ts';
import { articlePath, articlesMentioning, openSite, pagefindResults, watchPage, type SiteUnderTest } from '../support/site.ts';

const SUITE = 'browser: sub-path /archive/';
const BASE = '/archive/';
const chromium = requireChromiumOrSkip(SUITE);

describe(SUITE, { skip: chromium.skipReason ?? false }, () => {
  let env: SiteUnderTest;
  before(async () => {
    env = await openSite(BASE, SUITE);
  });
  after(async () => {
    await env?.close();
  });

  test('following links from the home page reaches every article; every page, stylesheet and asset stays under /archive/', async () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    const queue = [BASE];
    while (queue.length > 0) {
      const path = queue.shift() as string;
      if (seen.has(path)) continue;
      seen.add(path);
      const page = await env.browser.context.newPage();
      try {
        const activity = watchPage(page);
        const response = await page.goto(env.server.origin + path);
        if (response?.status() !== 200) {
          problems.push(`${path}: status ${response?.status()}`);
          continue;
        }
        for (const { url } of activity.requests) {
          const target = new URL(url);
          if (target.protocol === 'data:') continue;
          if (target.origin !== env.server.origin || !target.pathname.startsWith(BASE)) problems.push(`${path}: requests ${url}`);
        }
        for (const failure of activity.failures) problems.push(`${path}: ${failure}`);
        const sheets = await page.evaluate(() =>
          [...document.styleSheets].map((sheet) => ({ href: sheet.href, rules: sheet.cssRules.length })),
        );
        if (!sheets.some((sheet) => sheet.href !== null && sheet.rules > 0)) problems.push(`${path}: no stylesheet applied`);
        for (const sheet of sheets) {
          if (sheet.href !== null && !sheet.href.startsWith(env.server.root)) problems.push(`${path}: stylesheet ${sheet.href}`);
        }
        const hrefs = await page.locator('a[href], link[href], form[action]').evaluateAll((elements) =>
          elements.map((e) => (e instanceof HTMLFormElement ? e.action : (e as HTMLAnchorElement | HTMLLinkElement).href)),
        );
        for (const href of hrefs) {
          const target = new URL(href);
          if (target.origin !== env.server.origin) continue;
          if (!target.pathname.startsWith(BASE)) {
            problems.push(`${path}: links to ${target.pathname}, outside ${BASE}`);
            continue;
          }
          const response = await fetch(`${target.origin}${target.pathname}`, { method: 'HEAD' });
          if (response.status !== 200) problems.push(`${path}: links to ${target.pathname}, which answers ${response.status}`);
          else if (target.pathname.endsWith('/') && !seen.has(target.pathname)) queue.push(target.pathname);
        }
      } finally {
        await page.close();
      }
    }
    assert.deepEqual(problems, [], `\n${problems.join('\n')}`);
    for (const article of env.site.articles) {
      assert.ok(seen.has(articlePath(BASE, article.slug)), `no link leads to ${articlePath(BASE, article.slug)}`);
    }
    for (const page of ['timeline/', 'search/']) assert.ok(seen.has(BASE + page), `no link leads to ${BASE}${page}`);
  });

  test('the 404 page, served at a missing URL deep under /archive/, has working links and CSS', async () => {
    const page = await env.browser.context.newPage();
    try {
      const activity = watchPage(page);
      const response = await page.goto(env.server.url('no/such/deep/page/'));
      assert.equal(response?.status(), 404);
      const failures = activity.failures.filter((f) => f !== `404 ${env.server.url('no/such/deep/page/')}`);
      assert.deepEqual(failures, []);
      assert.ok(await page.evaluate(() => [...document.styleSheets].some((s) => s.href !== null && s.cssRules.length > 0)));
      const home = page.locator('header a[href]').first();
      assert.equal(new URL((await home.evaluate((a) => (a as HTMLAnchorElement).href))).pathname.startsWith(BASE), true);
    } finally {
      await page.close();
    }
  });

  test('search under /archive/ finds exactly the articles that mention Ryabkov, linked under /archive/', async () => {
    const expected = articlesMentioning(env.site.articles, 'Ryabkov').map((slug) => articlePath(BASE, slug));
    assert.ok(expected.length > 0);
    const page = await env.browser.context.newPage();
    try {
      const activity = watchPage(page);
      await page.goto(env.server.url('search/?q=Ryabkov'));
      const found = (await pagefindResults(page, 'Ryabkov')).map((href) => new URL(href, page.url()).pathname).sort();
      assert.deepEqual(found, expected);
      assert.deepEqual([...activity.failures, ...activity.errors], []);
      const first = found[0] as string;
      await Promise.all([page.waitForURL(`**${first}`), page.locator(`.search-result-title a[href$="${first}"]`).first().click()]);
      assert.equal((await page.goto(page.url()))?.status(), 200);
    } finally {
      await page.close();
    }
  });

  test('the header search form on an article page submits to /archive/search/ and results appear', async () => {
    const [article] = env.site.articles;
    assert.ok(article);
    const page = await env.browser.context.newPage();
    try {
      await page.goto(env.server.origin + articlePath(BASE, article.slug));
      const input = page.locator('header form[role="search"] input[name="q"]');
      await input.fill('Ryabkov');
      await Promise.all([page.waitForURL(/\/archive\/search\/\?q=Ryabkov$/), input.press('Enter')]);
      const found = (await pagefindResults(page, 'Ryabkov')).map((href) => new URL(href, page.url()).pathname).sort();
      assert.deepEqual(found, articlesMentioning(env.site.articles, 'Ryabkov').map((slug) => articlePath(BASE, slug)));
    } finally {
      await page.close();
    }
  });
});
