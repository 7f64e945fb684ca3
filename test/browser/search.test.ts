// Search, end to end in Chromium: the built seeds, served statically, searched through the search page
// (public/assets/search.js over Pagefind's API).
// The expected results come from the built articles.json, never from a hard-coded list.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { humanDate } from '../../src/site/filters.ts';
import { launchChromium, requireChromiumOrSkip } from '../support/chromium.ts';
import { articlePath, articlesMentioning, openSite, pagefindResults, pagefindResultsAsShown, searchDateOrder, type SiteUnderTest } from '../support/site.ts';

const SUITE = 'browser: search';
const chromium = requireChromiumOrSkip(SUITE);

/** Paths of result links, whatever form Pagefind writes them in. */
function paths(hrefs: string[], pageUrl: string): string[] {
  return hrefs.map((href) => new URL(href, pageUrl).pathname).sort();
}

/**
 * Waits for the results of a link that only preselects filters (no query): search.js then says
 * 'N articles (Year: 2019)', and every result has rendered its link. Returns the links' hrefs.
 */
async function filteredResults(page: Page, said: string): Promise<string[]> {
  const message = page.locator('#search-status');
  await message.filter({ hasText: new RegExp(`^\\d+ articles? \\(${said.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)$`) }).waitFor({ timeout: 15_000 });
  const count = Number(/^(\d+)/.exec((await message.textContent()) ?? '')?.[1]);
  await page.waitForFunction((n) => document.querySelectorAll('.search-result-title a').length === n, count, { timeout: 15_000 });
  return page.locator('.search-result-title a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
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
      assert.equal(await page.locator('#search-q').inputValue(), 'Ryabkov', 'the query is shown in the search field');
    } finally {
      await page.close();
    }
  });

  test('typing into the search field finds the same articles', async () => {
    const page = await env.browser.context.newPage();
    try {
      await page.goto(env.server.url('search/'));
      const input = page.locator('#search-q');
      await input.pressSequentially('Ryabkov');
      assert.deepEqual(paths(await pagefindResults(page, 'Ryabkov'), page.url()), expected);
    } finally {
      await page.close();
    }
  });

  test("a search downloads no filter index; a filtered one, only its filter's", async () => {
    const page = await env.browser.context.newPage();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    try {
      await page.goto(env.server.url('search/?q=Ryabkov'));
      assert.equal((await pagefindResults(page, 'Ryabkov')).length, expected.length);
      assert.ok(fetched.some((path) => path.startsWith('/pagefind/index/')), `the word index was fetched: ${fetched.join(' ')}`);
      assert.deepEqual(fetched.filter((path) => path.includes('/filter/')), [], 'no filter index for a plain search');
      assert.deepEqual(fetched.filter((path) => path.endsWith('pagefind-worker.js')), [], 'no worker script: the search runs on the page');
      const publisher = env.site.articles.find((a) => a.publisher !== null)!.publisher!;
      await page.locator('#search-publisher').selectOption(publisher);
      await page.locator('#search-status', { hasText: `(Publisher: ${publisher})` }).waitFor({ timeout: 15_000 });
      assert.equal(fetched.filter((path) => path.includes('/filter/')).length, 1, `one filter index once a filter is chosen: ${fetched.join(' ')}`);
      assert.equal(new URL(page.url()).searchParams.get('publisher'), publisher, 'the address holds the filter');
    } finally {
      await page.close();
    }
  });

  test('without JavaScript the search page shows its note and no form that could not search', async () => {
    const noScript = await launchChromium(SUITE, { javaScriptEnabled: false });
    assert.ok(noScript);
    try {
      const page = await noScript.context.newPage();
      await page.goto(env.server.url('search/?q=Ryabkov'));
      assert.equal(await page.locator('#search-needs-js').isVisible(), true, 'the note is shown');
      assert.equal(await page.locator('#search').isVisible(), false, 'the form is not');
      assert.equal(await page.locator('#search-more').isVisible(), false, 'nor the more button');
    } finally {
      await noScript.close();
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
      await Promise.all([page.waitForURL(`**${first}`), page.locator(`.search-result-title a[href$="${first}"]`).first().click()]);
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

  test('each result shows the date and the publisher of its article', async () => {
    const page = await env.browser.context.newPage();
    try {
      await page.goto(env.server.url('search/?q=Ryabkov'));
      await pagefindResults(page, 'Ryabkov');
      const results = await page.locator('.search-result').evaluateAll((items) =>
        items.map((item) => ({
          href: item.querySelector('.search-result-title a')?.getAttribute('href') ?? '',
          facts: item.querySelector('.search-result-meta')?.textContent?.trim() ?? '',
        })),
      );
      assert.equal(results.length, expected.length);
      for (const { href, facts } of results) {
        const slug = new URL(href, page.url()).pathname.split('/').at(-2);
        const article = env.site.articles.find((a) => a.slug === slug);
        assert.ok(article, `result ${href} is not an article of articles.json`);
        assert.equal(facts, [humanDate(article.published, article.datePrecision), article.publisher].filter(Boolean).join(' · '), slug);
      }
    } finally {
      await page.close();
    }
  });

  test("the timeline's year link opens search with that year preselected, listing exactly that year's articles", async () => {
    const years = [...new Set(env.site.articles.flatMap((a) => (a.published ? [a.published.slice(0, 4)] : [])))].sort();
    assert.ok(years.length > 1, 'the seeds span more than one year: a year filter that did nothing would show');
    const year = years[0]!;
    const inYear = env.site.articles.filter((a) => a.published?.startsWith(year)).map((a) => articlePath('/', a.slug)).sort();
    assert.ok(inYear.length > 0 && inYear.length < env.site.articles.length);
    const page = await env.browser.context.newPage();
    try {
      await page.goto(env.server.url('timeline/'));
      await Promise.all([page.waitForURL(`**/search/?year=${year}`), page.locator(`a.year-search[href$="?year=${year}"]`).click()]);
      assert.deepEqual(paths(await filteredResults(page, `Year: ${year}`), page.url()), inYear);
      assert.equal(await page.locator('#search-year').inputValue(), year, 'the year is chosen in its list');
    } finally {
      await page.close();
    }
  });

  test('?month=YYYY-MM preselects the year-month filter; a parameter that names no filter is left out', async () => {
    const month = env.site.articles.find((a) => a.published !== null && a.datePrecision === 'day')!.published!.slice(0, 7);
    const inMonth = env.site.articles.filter((a) => a.published?.startsWith(month)).map((a) => articlePath('/', a.slug)).sort();
    const page = await env.browser.context.newPage();
    try {
      await page.goto(env.server.url(`search/?utm_source=x&month=${month}`));
      assert.deepEqual(paths(await filteredResults(page, `Month: ${month}`), page.url()), inMonth);
    } finally {
      await page.close();
    }
  });

  // Pagefind sorts an undated article as 0000-00-00, the least date: oldest first, the page moves it last.
  for (const [sort, newestFirst] of [['', true], ['oldest', false]] as const) {
    test(`/search/?q=Venezuela${sort ? `&sort=${sort}` : ''} lists every article ${newestFirst ? 'newest' : 'oldest'} first, the undated one last`, async () => {
      const dateOf = new Map(env.site.articles.map((a) => [articlePath('/', a.slug), a.published]));
      assert.ok([...dateOf.values()].includes(null), 'the test needs an undated article among the seeds');
      const page = await env.browser.context.newPage();
      try {
        await page.goto(env.server.url(`search/?q=Venezuela${sort ? `&sort=${sort}` : ''}`));
        const shown = (await pagefindResultsAsShown(page, 'Venezuela')).map((href) => new URL(href, page.url()).pathname);
        assert.deepEqual([...shown].sort(), [...dateOf.keys()].sort(), 'every article mentions Venezuela');
        const dates = shown.map((path) => dateOf.get(path)!);
        assert.deepEqual(dates, searchDateOrder(dates, newestFirst));
      } finally {
        await page.close();
      }
    });
  }

  test('a filter link combines with a query', async () => {
    const publisher = env.site.articles.find((a) => a.publisher !== null && articlesMentioning([a], 'Ryabkov').length === 1)!.publisher!;
    const both = articlesMentioning(env.site.articles.filter((a) => a.publisher === publisher), 'Ryabkov').map((slug) => articlePath('/', slug));
    assert.ok(both.length > 0 && both.length < expected.length, 'the publisher filter narrows the Ryabkov results');
    const page = await env.browser.context.newPage();
    try {
      await page.goto(env.server.url(`search/?q=Ryabkov&publisher=${encodeURIComponent(publisher)}`));
      await page.waitForFunction((n) => document.querySelectorAll('.search-result-title a').length === n, both.length, { timeout: 15_000 });
      await page.locator('#search-status', { hasText: new RegExp(`^${both.length} articles? for Ryabkov \\(Publisher: `) }).waitFor({ timeout: 15_000 });
      assert.deepEqual(paths(await page.locator('.search-result-title a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? '')), page.url()), both.sort());
    } finally {
      await page.close();
    }
  });
  test("a person's page links into search filtered to that person, listing exactly the articles on the person's page", async () => {
    const page = await env.browser.context.newPage();
    try {
      await page.goto(env.server.url('people/'));
      // A person named in some but not all articles (the most named such), so a filter that did nothing would show.
      const people = await page.locator('.entity-index li').evaluateAll((items) =>
        items.map((li) => ({ name: li.querySelector('a')?.textContent?.trim() ?? '', count: Number(/\d+/.exec(li.querySelector('.meta')?.textContent ?? '')?.[0] ?? 0) })),
      );
      const person = people.filter((p) => p.count > 0 && p.count < env.site.articles.length).sort((a, b) => b.count - a.count)[0];
      assert.ok(person, `no person is named in only some of the articles: ${JSON.stringify(people)}`);
      const name = person.name;
      await Promise.all([page.waitForURL('**/people/*/'), page.locator('.entity-index a', { hasText: name }).first().click()]);
      const listed = (await page.locator('.entity-article-list a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))).map((href) => new URL(href, page.url()).pathname).sort();
      assert.ok(listed.length > 0 && listed.length < env.site.articles.length, `${name} is named in ${listed.length} of ${env.site.articles.length} articles`);
      await Promise.all([page.waitForURL('**/search/?person=*'), page.locator('.entity-search a').click()]);
      assert.deepEqual(paths(await filteredResults(page, `Person: ${name}`), page.url()), listed);
    } finally {
      await page.close();
    }
  });
});
