// Builds the Pagefind search bundle (<out>/pagefind/) with Pagefind's node API, from records of the site data.
// Every call returns errors[]: each is checked, and any error fails the build with Pagefind's own words.
//
// Pagefind's indexing process holds the whole index in memory (about 0.3 MB per article page), so a
// large archive is indexed in shards of at most SEARCH_SHARD_PAGES pages, one at a time: memory stays
// bounded whatever the archive's size. The first shard is the bundle at pagefind/, the others sit
// at pagefind/shard-<n>/, and the search page merges them at search time (Pagefind's mergeIndex).
// Each shard has a Pagefind process of its own: one process kept for every shard holds on to some of
// what the shards before freed, about 50-130 MB more at its peak. Two shards are indexed at a time
// (SEARCH_INDEX_PROCESSES), each in its own process.
import { readFileSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { plural } from '../report.ts';
import type { SiteArticle, SiteData } from '../types.ts';
import { searchRecord } from './searchIndexRecords.ts';
import { fixSearchIndexOrder } from './searchIndexOrder.ts';

/** Most pages in one Pagefind index by default: about 1.2 GB of Pagefind's memory (see the README's Performance section). */
export const SEARCH_SHARD_PAGES = 4000;

/**
 * Shards indexed at the same time, each by a Pagefind process of its own. One at a time, the last
 * shards were left to run alone after the pages were written, on about one core: at 10,000 articles
 * the build ended 12-20 s after Eleventy. Two share the cores with Eleventy and end with it (builds
 * 86.6 and 89.6 s against 100.4 and 107.1 s; three at once, 93.1 and 106.6 s). Each process's peak is
 * unchanged; while two run, their memory adds up (about 1 GB each).
 */
export const SEARCH_INDEX_PROCESSES = 2;

/** Records sent to Pagefind before waiting for its answers. */
const RECORDS_IN_FLIGHT = 32;

export class SearchIndexError extends Error {
  constructor(
    readonly step: string,
    readonly errors: readonly string[],
  ) {
    super(`search index: ${step} failed: ${errors.join('; ')}`);
    this.name = 'SearchIndexError';
  }
}

export interface SearchIndexResult {
  /** Pages Pagefind indexed (article pages: only they carry data-pagefind-body). */
  pages: number;
  outputPath: string;
  /** Why the bundle was left in Pagefind's own (run-dependent) order, or null when it was put in a fixed order. */
  unordered: string | null;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** How many shards an archive of `articles` articles is indexed in (decided before the pages are written, so the search page can name them). */
export const searchShardCount = (articles: number, shardPages = SEARCH_SHARD_PAGES): number => Math.max(1, Math.ceil(articles / shardPages));

/** The bundles the search page merges into the first one (site-relative, leading slash). */
export const searchMergeBundles = (shards: number): string[] => Array.from({ length: shards - 1 }, (_, i) => `/${searchShardPath(i + 1)}`);

/** The bundle folder of shard `n` (0-based), relative to the site root, with a trailing slash. */
export const searchShardPath = (n: number): string => (n === 0 ? 'pagefind/' : `pagefind/shard-${n + 1}/`);

type PagefindApi = typeof pagefind;

/**
 * Pagefind's node API for lane `lane`: the package keeps one Pagefind process per instance of its
 * module, so each lane imports an instance of its own (in Node's ESM loader, a module's URL with a
 * query is a module of its own). Lane 0 is the module this file imports.
 */
const pagefindOfLane = async (lane: number): Promise<PagefindApi> =>
  lane === 0 ? pagefind : ((await import(`${import.meta.resolve('pagefind')}?lane=${lane}`)) as PagefindApi);

/** A new, empty Pagefind index. */
async function createIndex(api: PagefindApi): Promise<pagefind.PagefindIndex> {
  // One language for the whole archive, so the search page finds every article whatever its language.
  const created = await api.createIndex({ forceLanguage: 'en' });
  if (created.errors.length > 0 || !created.index) throw new SearchIndexError('createIndex', created.errors);
  return created.index;
}

/** How long a written bundle's files may take to be complete (see awaitCompleteBundle). */
export const BUNDLE_WRITE_MS = 60_000;

/**
 * Whether a file of a Pagefind bundle holds all its bytes: a gzip file ends in a checked trailer, JSON
 * parses. The JS and CSS files (Pagefind's own loader and UI, under 200 KB each) are only checked for not
 * being empty, a partial check, which is enough because Pagefind writes each whole in one write: tokio's
 * File hands up to 2 MiB at once to a single write call, so such a file is either empty or complete.
 */
function isComplete(path: string, bytes: Buffer): boolean {
  const name = basename(path);
  try {
    if (name.endsWith('.json')) JSON.parse(bytes.toString('utf8'));
    else if (/\.pf_[a-z]+$|^wasm\..*\.pagefind$/.test(name)) gunzipSync(bytes);
    else return bytes.length > 0;
    return true;
  } catch {
    return false;
  }
}

/**
 * Waits until every file of the bundle in `bundleDir` is complete. Pagefind's writeFiles answers once
 * each file is created and its bytes handed to a background write (tokio's File, never flushed), so on
 * a busy machine a file could still be empty or cut short when it answered: the build once read an
 * empty pagefind-entry.json. Every file exists by then; this reads each until it is whole.
 */
export async function awaitCompleteBundle(bundleDir: string, withinMs = BUNDLE_WRITE_MS): Promise<void> {
  // The bundle's own files and folders (not the shards written inside the first one).
  const filesIn = async (dir: string): Promise<string[]> => (await readdir(dir, { withFileTypes: true }).catch(() => [])).filter((e) => e.isFile()).map((e) => join(dir, e.name));
  let waiting = (await Promise.all(['', 'fragment', 'index', 'filter'].map((sub) => filesIn(join(bundleDir, sub))))).flat();
  const deadline = Date.now() + withinMs;
  for (;;) {
    const incomplete: string[] = [];
    // Synchronous reads: thousands of small files, each a round trip through the thread pool otherwise.
    for (const path of waiting) if (!isComplete(path, readFileSync(path))) incomplete.push(path);
    if (incomplete.length === 0) return;
    if (Date.now() > deadline) throw new SearchIndexError('writeFiles', [`${plural(incomplete.length, 'file')} of ${bundleDir} still incomplete after ${withinMs / 1000} s, e.g. ${incomplete[0]}`]);
    waiting = incomplete;
    await sleep(50);
  }
}

/**
 * Pagefind's ready-made search interfaces and its web worker, which writeFiles puts in every bundle
 * (about 460 KB each, 11 MB at 100,000 articles): the search page (public/assets/search.js) loads
 * pagefind.js alone and searches on its own thread.
 */
const UNUSED_FILE = /^pagefind-(?:ui|modular-ui|component-ui|highlight|worker)\.(?:js|css)$/;

/** Deletes the files Pagefind wrote into `bundleDir` that the search page never loads. */
async function removeUnused(bundleDir: string): Promise<void> {
  const unused = (await readdir(bundleDir)).filter((name) => UNUSED_FILE.test(name));
  await Promise.all(unused.map((name) => rm(join(bundleDir, name))));
}

/** What indexing one shard gives: its pages, and why its bundle was left in Pagefind's own order (or null). */
interface ShardResult {
  pages: number;
  unordered: string | null;
}

/** Writes `index` as shard `n` of `outDir`, ends its Pagefind process, drops the files the search page never loads, and puts its filter index in a fixed order. */
async function writeShard(api: PagefindApi, index: pagefind.PagefindIndex, outDir: string, n: number): Promise<ShardResult> {
  const written = await index.writeFiles({ outputPath: join(outDir, searchShardPath(n)) });
  if (written.errors.length > 0) throw new SearchIndexError('writeFiles', written.errors);
  // Ended only once every file is whole: the process may still be writing when writeFiles answers.
  await awaitCompleteBundle(written.outputPath);
  await api.close();
  await removeUnused(written.outputPath);
  // Pagefind writes its filter index in a different order each run: fix it, so equal inputs give equal bytes.
  const unordered = await fixSearchIndexOrder(written.outputPath);
  return { pages: await indexedPageCount(written.outputPath), unordered };
}

/** Indexes shard `n`, the articles `ofShard`, with a new Pagefind process of `api`, which it ends. */
async function indexShard(api: PagefindApi, ofShard: readonly SiteArticle[], site: SiteData, outDir: string, n: number): Promise<ShardResult> {
  const index = await createIndex(api);
  // In URL order: Pagefind numbers pages in the order they arrive. Several records are in flight at
  // once (they still arrive in order, down one pipe), so the build does not wait a round trip for each.
  for (let start = 0; start < ofShard.length; start += RECORDS_IN_FLIGHT) {
    const batch = ofShard.slice(start, start + RECORDS_IN_FLIGHT);
    const answers = await Promise.all(batch.map((entry) => index.addCustomRecord(searchRecord(entry, site))));
    answers.forEach((added, i) => {
      if (added.errors.length > 0) throw new SearchIndexError(`addCustomRecord ${batch[i]!.article.slug}`, added.errors);
    });
  }
  return writeShard(api, index, outDir, n);
}

/**
 * Indexes the articles of `site` into `shards` bundles under `<outDir>/pagefind/`, from records built
 * from the site data (src/site/searchIndexRecords.ts): Pagefind parses no HTML. The shards take equal
 * runs of the articles in URL order; each shard's records are made only when it is indexed, by the
 * first of `processes` lanes that is free.
 */
export async function indexArticles(outDir: string, site: SiteData, shards = 1, processes = SEARCH_INDEX_PROCESSES): Promise<SearchIndexResult> {
  const entries = [...site.articles].sort((x, y) => compare(x.article.slug, y.article.slug));
  const perShard = Math.ceil(entries.length / shards);
  const results: ShardResult[] = [];
  let next = 0;
  let failed = false;
  const lane = async (lane: number): Promise<void> => {
    const api = await pagefindOfLane(lane);
    try {
      while (next < shards && !failed) {
        const n = next++;
        results[n] = await indexShard(api, entries.slice(n * perShard, (n + 1) * perShard), site, outDir, n);
      }
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      await api.close();
    }
  };
  // On a failure the other lane ends its shard first, so no Pagefind process still writes into a folder the caller removes.
  const lanes = await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(processes, shards)) }, (_, i) => lane(i)));
  for (const settled of lanes) if (settled.status === 'rejected') throw settled.reason;
  return {
    pages: results.reduce((sum, shard) => sum + shard.pages, 0),
    outputPath: join(outDir, searchShardPath(0)),
    unordered: results.find((shard) => shard.unordered !== null)?.unordered ?? null,
  };
}

/** Pages in a written bundle. */
async function indexedPageCount(bundleDir: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(bundleDir, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}
