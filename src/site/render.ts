// Writes the site for given site data: Eleventy (programmatic, with .eleventy.ts) and, beside it, the Pagefind index.
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SiteData } from '../types.ts';
import { PROJECT_ROOT, renderTemplates } from './eleventyRun.ts';
import { assertSafeSlugs, assertWrittenPaths } from './outputPaths.ts';
import { ITEM_TEMPLATE, PART_SIZES, renderParts, siteParts, type PartSizes } from './renderParts.ts';
import { indexArticles, SEARCH_INDEX_PROCESSES, SEARCH_SHARD_PAGES, searchMergeBundles, searchShardCount } from './searchIndex.ts';

export { PROJECT_ROOT };

/** Written into every output folder; only a folder holding it (or an empty one) is ever emptied. */
export const REPORT_FILE = 'build-report.json';

export class OutputFolderError extends Error {
  override name = 'OutputFolderError';
}

/** The folder's entries, or null when it does not exist. */
async function entriesOf(abs: string): Promise<string[] | null> {
  return readdir(abs).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
}

/**
 * Checks that `outDir` may be replaced by a build: it does not exist, is empty, or holds an earlier
 * build (a build report or a Pagefind bundle). Anything else is refused, so a typo never empties a folder of yours.
 */
export async function checkOutDir(outDir: string): Promise<void> {
  const abs = resolve(outDir);
  if (abs === resolve(PROJECT_ROOT) || abs === resolve(process.cwd()) || abs === '/') {
    throw new OutputFolderError(`refusing to use ${outDir} as the output folder: it would empty the project; choose a folder of its own, e.g. --out _site`);
  }
  const entries = await entriesOf(abs);
  if (entries === null) return;
  if (!(await stat(abs)).isDirectory()) throw new OutputFolderError(`${outDir} is not a folder`);
  // A build report (src/build.ts) or a search bundle (the plain `eleventy` CLI) marks an earlier build.
  const earlierBuild = entries.includes(REPORT_FILE) || (await entriesOf(join(abs, 'pagefind')))?.includes('pagefind-entry.json');
  if (entries.length > 0 && !earlierBuild) {
    throw new OutputFolderError(
      `refusing to replace ${outDir}: it holds files but no ${REPORT_FILE} or search index, so it is not a Dossier output folder; choose an empty or new folder with --out`,
    );
  }
}

/** Empties (or creates) a folder that checkOutDir accepted, and marks it as Dossier's at once. */
export async function prepareOutDir(outDir: string): Promise<void> {
  await checkOutDir(outDir);
  const abs = resolve(outDir);
  await rm(abs, { recursive: true, force: true });
  await mkdir(abs, { recursive: true });
  await writeFile(join(abs, REPORT_FILE), `${JSON.stringify({ status: 'building' })}\n`);
}

/** Where a build is written before it replaces the output folder: a sibling, so the swap is a rename. */
export const stagingDirOf = (outDir: string): string => `${resolve(outDir)}.building`;

/**
 * Replaces `outDir` with the finished `stagingDir`. A build that fails never gets here, so the
 * output folder (and a dev server serving it) keeps the last good site.
 */
export async function publishStaged(stagingDir: string, outDir: string): Promise<void> {
  await checkOutDir(outDir);
  const abs = resolve(outDir);
  const previous = `${abs}.previous`;
  await rm(previous, { recursive: true, force: true });
  const existed = (await entriesOf(abs)) !== null;
  if (existed) await rename(abs, previous);
  await rename(stagingDir, abs);
  if (existed) await rm(previous, { recursive: true, force: true });
}

export interface RenderResult {
  /** Files written (pages, feeds, JSON, citation downloads) and copied (assets). */
  written: number;
  copied: number;
  /** Pages the search index holds. */
  indexedPages: number;
  /** Why the search index was left in Pagefind's run-dependent order (so builds differ), or null. */
  searchIndexUnordered: string | null;
  /** Wall time of the two phases, in ms, each from the start of the rendering: they run at the same time (for the bench; never written into the site). */
  eleventyMs: number;
  searchIndexMs: number;
}

/** How the site is cut up for rendering and for the search index. */
export interface RenderOptions {
  /** Most pages in one search index shard. */
  searchShardPages?: number;
  /** Shards indexed at the same time, each by a Pagefind process of its own. */
  searchProcesses?: number;
  /** Most articles and entity pages in one render part. */
  partSizes?: PartSizes;
}

/**
 * Renders `site` into `outDir` under the URL prefix `base`: the archive-wide pages in this process, the
 * per-item pages in parts of `partSizes` (src/site/renderParts.ts), and meanwhile indexes it for search
 * in shards of at most `searchShardPages` pages, `searchProcesses` at a time. The index is made from the
 * site data, not from the pages, so it need not wait for them: Pagefind's process takes about one core,
 * and alone it left the other idle for a third of the build.
 */
export async function renderSite(site: SiteData, outDir: string, base: string, options: RenderOptions = {}): Promise<RenderResult> {
  const { searchShardPages = SEARCH_SHARD_PAGES, searchProcesses = SEARCH_INDEX_PROCESSES, partSizes = PART_SIZES } = options;
  const shards = searchShardCount(site.articles.length, searchShardPages);
  const mergeBundles = searchMergeBundles(shards);
  // Slugs name folders: check them before anything is written, and what was written after.
  assertSafeSlugs(site.articles.map((s) => s.article));
  const started = performance.now();
  const sinceStart = <T>(task: Promise<T>): Promise<{ value: T; ms: number }> => task.then((value) => ({ value, ms: performance.now() - started }));
  const tasks = [
    sinceStart(renderTemplates(site, outDir, base, mergeBundles, (name) => !ITEM_TEMPLATE.test(name))),
    sinceStart(renderParts(siteParts(site, partSizes), outDir, base, mergeBundles)),
    sinceStart(indexArticles(outDir, site, shards, searchProcesses)),
  ] as const;
  // On a failure, the others are let finish first, so none still writes into a folder the caller removes.
  for (const result of await Promise.allSettled(tasks)) if (result.status === 'rejected') throw result.reason;
  const [whole, itemPages, index] = await Promise.all(tasks);
  assertWrittenPaths(outDir, whole.value.written, []);
  return {
    written: whole.value.written.length + itemPages.value,
    copied: whole.value.copied,
    indexedPages: index.value.pages,
    searchIndexUnordered: index.value.unordered,
    eleventyMs: Math.max(whole.ms, itemPages.ms),
    searchIndexMs: index.ms,
  };
}
