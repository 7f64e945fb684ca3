// Search, end to end in Chromium: the built seeds, served statically, searched through Pagefind UI.
// The expected results come from the built articles.json, never from a hard-coded list.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { requireChromiumOrSkip } from '../support/chromium.ts';
import { articlePath, articlesMentioning, openSite, pagefindResults, type SiteUnderTest } from '../support/site.ts';

const SUITE = 'browser: search';
const chromium = requireChromiumOrSkip(SUITE);

/** Paths of result links, whatever form Pagefind writes them in. */
function paths(hrefs: string[], pageUrl: string): string[] {
  return hrefs.map((href) => new URL(href, pageUrl).pathname).sort();
}

describe(SUITE, { skip: chromium.skipReason ?? false }, () => {
  let env: SiteUnderTest;
  let expected: string[];

  before(async () => {
    env = await openSite('/', SUITE);
    expected = articlesMentioning(env.site.articles, 'Ryabkov').map((slug) => articlePath('/', slug));
  });
  after(async () => {
    await env?.close();
  });

  test("the articles that mention 'Ryabkov' are some, not all, of the archive", () => {
    assert.ok(expected.length > 0, 'no article in articles.json mentions Ryabkov: the search test would prove nothing');
    assert.ok(expected.length < env.site.articles.length, 'every article mentions Ryabkov: the search test would prove nothing');
  });

  test('/search/?q=Ryabkov lists exactly the articles that mention Ryabkov', async () => {
    const page = await env.browser.context.newPage();
    try {
      await page.goto(env.server.url('search/?q=Ryabkov'));
      assert.deepEqual(paths(await pagefindResults(page, 'Ryabkov'), page.url()), expected);
      assert.equal(await page.locator('.pagefind-ui__search-input').inputValue(), 'Ryabkov', 'the query is shown in the search field');
    } finally {
      await page.close();
    }
  });

  test('typing into the Pagefind UI field finds the same articles', async () => {
    const page = await env.browser.context.newPage();
    try {
      await page.goto(env.server.url('search/'));
      const input = page.locator('.pagefind-ui__search-input');
      await input.pressSequentially('Ryabkov');
      assert.deepEqual(paths(await pagefindResults(page, 'Ryabkov'), page.url()), expected);
    } finally {
      await page.close();
    }
  });

  test('a word no article contains finds nothing', async () => {
    const page = await env.browser.context.newPage();
    try {
      await page.goto(env.server.url('search/?q=zzyzxquux'));
      assert.deepEqual(await pagefindResults(page, 'zzyzxquux'), []);
    } finally {
      await page.close();
    }
  });

  test('a result link opens that article', async () => {
    const page = await env.browser.context.newPage();
    try {
      await page.goto(env.server.url('search/?q=Ryabkov'));
      const [first] = paths(await pagefindResults(page, 'Ryabkov'), page.url());
      assert.ok(first !== undefined);
      const slug = first.split('/').at(-2);
      const article = env.site.articles.find((a) => a.slug === slug);
      assert.ok(article, `result ${first} is not an article of articles.json`);
      await Promise.all([page.waitForURL(`**${first}`), page.locator(`.pagefind-ui__result-link[href$="${first}"]`).first().click()]);
      assert.equal((await page.locator('h1').first().textContent())?.trim(), article.title);
    } finally {
      await page.close();
    }
  });

  test("the header search form on the home page submits to the search page, and results appear", async () => {
    const page = await env.browser.context.newPage();
    try {
      await page.goto(env.server.url(''));
      const form = page.locator('header form[role="search"]');
      assert.equal(await form.count(), 1, 'one search form in the page header');
      await form.locator('input[name="q"]').fill('Ryabkov');
      await Promise.all([page.waitForURL(/\/search\/\?q=Ryabkov$/), form.locator('input[name="q"]').press('Enter')]);
      assert.equal(new URL(page.url()).pathname, '/search/');
      assert.deepEqual(paths(await pagefindResults(page, 'Ryabkov'), page.url()), expected);
    } finally {
      await page.close();
    }
  });
});
