// What one search costs a reader: serve a built site with a small static server, open its search page
// in headless Chromium, type a query, wait for the results, and add up the bytes the server sent.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../test/support/chromium.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

export interface ServedBytes {
  total: number;
  /**
   * What a static host that compresses text (HTML, CSS, JS, JSON, SVG) would send: those files gzipped,
   * the rest as they are (Pagefind's index, fragment, filter and WASM files are gzip already).
   */
  gzipped: number;
  /** The bytes by what they are: files of the search bundle (pagefind/) by searchBundleKind, the site's own files as 'site'. */
  byKind: Record<SearchFileKind | 'site', number>;
  requests: number;
}

export type SearchFileKind = 'code' | 'metadata' | 'index' | 'fragments';

/**
 * What a file of a Pagefind bundle is: its code (script, worker, WASM: the same whatever the archive),
 * metadata (entry, page list, filters: grow with the pages), word index chunks (grow with how often the
 * searched words occur), or result fragments (one per result shown).
 */
export function searchBundleKind(path: string): SearchFileKind {
  if (path.endsWith('.pf_index')) return 'index';
  if (path.endsWith('.pf_fragment')) return 'fragments';
  if (path.endsWith('.pf_meta') || path.endsWith('.pf_filter') || path.endsWith('pagefind-entry.json')) return 'metadata';
  return 'code';
}

const noBytes = (): ServedBytes => ({ total: 0, gzipped: 0, byKind: { code: 0, metadata: 0, index: 0, fragments: 0, site: 0 }, requests: 0 });

/** A static server over `root` that counts what it sends. */
function startStaticServer(root: string): Promise<{ server: Server; url: string; served: ServedBytes; reset(): void }> {
  let served = noBytes();
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = join(root, normalize(path));
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const size = statSync(file).size;
      served.total += size;
      served.gzipped += extname(file) in TYPES && !extname(file).endsWith('wasm') ? gzipSync(readFileSync(file)).length : size;
      served.requests += 1;
      served.byKind[path.includes('/pagefind/') ? searchBundleKind(path) : 'site'] += size;
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': size, 'cache-control': 'no-store' });
      createReadStream(file).pipe(response);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        server,
        url: `http://127.0.0.1:${port}`,
        get served() {
          return served;
        },
        reset() {
          served = noBytes();
        },
      });
    });
  });
}

/** Where a search page takes its query and shows its results. */
export interface SearchPageSelectors {
  input: string;
  result: string;
  /** What the page says when nothing matched. */
  noResults: RegExp;
}

/** Dossier's own search page (public/assets/search.js). */
export const DOSSIER_SEARCH: SearchPageSelectors = { input: '#search-q', result: '.search-result', noResults: /^No articles for/ };
/** Pagefind's default UI (the baseline's search page). */
export const PAGEFIND_UI_SEARCH: SearchPageSelectors = { input: '.pagefind-ui__search-input', result: '.pagefind-ui__result', noResults: /^No results for/ };

/**
 * Bytes the search page plus one search for `query` download on the site in `root` (the search page at
 * `searchPath`). Null when there is no Chromium.
 */
export async function searchBytes(root: string, searchPath: string, query: string, selectors: SearchPageSelectors): Promise<{ page: ServedBytes; search: ServedBytes; results: number } | null> {
  const browser = await launchChromium('bench search bytes');
  if (browser === null) return null;
  const site = await startStaticServer(root);
  try {
    const page = await browser.context.newPage();
    await page.goto(`${site.url}${searchPath}`, { waitUntil: 'networkidle' });
    const pageBytes = site.served;
    site.reset();
    await page.fill(selectors.input, query);
    // A word may be in no article of a small corpus: then the page's message ends the wait.
    await page.locator(selectors.result).or(page.getByText(selectors.noResults)).first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    // Pagefind loads result fragments as results appear: give them a moment to settle.
    await page.waitForTimeout(1000);
    const results = await page.locator(selectors.result).count();
    return { page: pageBytes, search: site.served, results };
  } finally {
    await browser.close();
    await new Promise((resolve) => site.server.close(resolve));
  }
}
