// What the browser tests share: the built site served by the static server, opened in Chromium,
// plus helpers to watch a page's traffic and to read Pagefind UI results.
import type { Page } from 'playwright-core';
import type { Article } from '../../src/types.ts';
import { sharedSite, type BuiltSite } from './build.ts';
import { launchChromium, type BrowserSession } from './chromium.ts';
import { serveStatic, type StaticServer } from './server.ts';

export interface SiteUnderTest {
  site: BuiltSite;
  server: StaticServer;
  browser: BrowserSession;
  close(): Promise<void>;
}

/** Builds (or reuses the run's build of) the seeds with `base`, serves it under `base`, launches Chromium. */
export async function openSite(
  base: string,
  suite: string,
  options: { bypassCSP?: boolean } = {},
): Promise<SiteUnderTest> {
  const site = await sharedSite({ base });
  const server = await serveStatic(site.outDir, { base: site.base });
  const browser = await launchChromium(suite, options).catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  if (browser === null) {
    await server.close();
    throw new Error(`${suite}: no Chromium, and the suite was not skipped`);
  }
  return {
    site,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export interface PageActivity {
  /** Every request the page made: URL and Playwright resource type. */
  requests: { url: string; type: string }[];
  /** Responses with status >= 400, and requests that failed outright. */
  failures: string[];
  /** console.error messages (CSP violations land here) and uncaught exceptions. */
  errors: string[];
}

/** Starts recording a page's traffic and errors; read the returned object after navigating. */
export function watchPage(page: Page): PageActivity {
  const activity: PageActivity = { requests: [], failures: [], errors: [] };
  page.on('request', (request) => activity.requests.push({ url: request.url(), type: request.resourceType() }));
  page.on('response', (response) => {
    if (response.status() >= 400) activity.failures.push(`${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) =>
    activity.failures.push(`failed ${request.url()}: ${request.failure()?.errorText ?? 'unknown error'}`),
  );
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const at = message.location().url;
      activity.errors.push(`console.error: ${message.text()}${at ? ` (at ${at})` : ''}`);
    }
  });
  page.on('pageerror', (error) => activity.errors.push(`uncaught: ${error.message}`));
  return activity;
}

/** Title, subtitle, body and captions: the article's own text, which search indexes (comments are kept out). */
export function searchableText(article: Article): string {
  return [article.title, article.subtitle ?? '', article.body, ...article.captions.map((c) => c.text)].join('\n');
}

/** Slugs of the articles whose text mentions `word` (as a word, any case), sorted. */
export function articlesMentioning(articles: Article[], word: string): string[] {
  const pattern = new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i');
  return articles
    .filter((article) => pattern.test(searchableText(article)))
    .map((article) => article.slug)
    .sort();
}

const RESULT_LINK = '.search-result-title a';

/**
 * Waits until the search page (public/assets/search.js) has finished searching for `term` and every
 * result has rendered its link (pressing "Show more results" while it is shown), then returns the
 * links' hrefs, sorted.
 */
export async function pagefindResults(page: Page, term: string): Promise<string[]> {
  return (await pagefindResultsAsShown(page, term)).sort();
}

/** As pagefindResults, the hrefs in the order the page lists them. */
export async function pagefindResultsAsShown(page: Page, term: string): Promise<string[]> {
  const message = page.locator('#search-status');
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await message.filter({ hasText: new RegExp(`^\\s*(No articles|[\\d,]+ articles?) for ${escaped}\\s*$`) }).waitFor({
    timeout: 15_000,
  });
  const text = (await message.textContent()) ?? '';
  const count = /^\s*([\d,]+)/.exec(text)?.[1];
  const expected = count === undefined ? 0 : Number(count.replace(/,/g, ''));
  const more = page.locator('#search-more:visible');
  for (let shown = 0; ; ) {
    shown = await page.locator('.search-result').count();
    if (shown >= expected || (await more.count()) === 0) break;
    await more.click();
    await page.waitForFunction((before) => document.querySelectorAll('.search-result').length > before, shown);
  }
  // Each result loads its own fragment before its link appears.
  await page.waitForFunction(
    ([selector, n]) => document.querySelectorAll(selector as string).length === n,
    [RESULT_LINK, expected] as const,
    { timeout: 15_000 },
  );
  return page.locator(RESULT_LINK).evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

/**
 * `dates` (YYYY-MM-DD, or null for an undated article) in the search page's date order: newest or oldest
 * first, the undated last either way.
 */
export function searchDateOrder(dates: readonly (string | null)[], newestFirst: boolean): (string | null)[] {
  const dated = dates.filter((date): date is string => date !== null).sort((x, y) => (newestFirst ? y.localeCompare(x) : x.localeCompare(y)));
  return [...dated, ...dates.filter((date) => date === null)];
}

/** The URL paths (inside the site, no base) of every built page, with the 404 page asked for at a missing URL. */
export function pagesOf(files: string[]): { path: string; file: string }[] {
  return files
    .filter((file) => file.endsWith('.html'))
    .map((file) => ({
      file,
      path: file === '404.html' ? 'no/such/page/' : file.replace(/(^|\/)index\.html$/, '$1'),
    }));
}

/** The site-relative path of an article page: /archive/articles/<slug>/ */
export function articlePath(base: string, slug: string): string {
  return `${base}articles/${slug}/`;
}
