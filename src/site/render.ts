// Writes the site for given site data: Eleventy (programmatic, with .eleventy.ts) then the Pagefind index.
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import Eleventy from '@11ty/eleventy';
import type { SiteData } from '../types.ts';
import { assertSafeSlugs, assertWrittenPaths, type WrittenPage } from './outputPaths.ts';
import { indexArticles, SEARCH_SHARD_PAGES, searchMergeBundles, searchShardCount } from './searchIndex.ts';

/** The project root (where .eleventy.ts and templates/ live), whatever the working directory. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Written into every output folder; only a folder holding it (or an empty one) is ever emptied. */
export const REPORT_FILE = 'build-report.json';

export class OutputFolderError extends Error {
  override name = 'OutputFolderError';
}

/** Eleventy takes paths relative to the working directory best. */
const fromCwd = (path: string): string => relative(process.cwd(), path) || '.';

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
  /** Files Eleventy wrote (pages, feeds, JSON) and copied (assets). */
  written: number;
  copied: number;
  /** Pages the search index holds. */
  indexedPages: number;
  /** Why the search index was left in Pagefind's run-dependent order (so builds differ), or null. */
  searchIndexUnordered: string | null;
  /** Wall time of the two phases, in ms (for the bench; never written into the site). */
  eleventyMs: number;
  searchIndexMs: number;
}

/** Eleventy's own messages: its warnings go to stderr; its summary line is replaced by ours. */
const eleventyLogger = {
  log: () => {},
  info: () => {},
  warn: (message: string) => void process.stderr.write(`${message}\n`),
  // Errors are thrown to src/build.ts, which prints their chain once.
  error: () => {},
};

/**
 * Templates written once per article or per entity page. They are rendered in parts, each by an
 * Eleventy run of its own over a slice of the archive, because Eleventy keeps every page it renders
 * until its run ends: in one run the build's memory would grow with the archive.
 */
export const ITEM_TEMPLATE = /^(?:articles|article-citation\.[a-z]+|entities)\.njk$/;
/** Most articles, and most entity pages, in one part. */
export interface PartSizes {
  articles: number;
  entityPages: number;
}
export const PART_SIZES: PartSizes = { articles: 1000, entityPages: 4000 };

/** `items` cut into `parts` runs of nearly equal length, in order. */
export function cutInto<T>(items: readonly T[], parts: number): T[][] {
  const size = Math.ceil(items.length / parts);
  return Array.from({ length: parts }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/** The site data of each part: all of it, but only that part's articles and entity pages to paginate. */
export function siteParts(site: SiteData, sizes: PartSizes = PART_SIZES): SiteData[] {
  const parts = Math.max(1, Math.ceil(site.articles.length / sizes.articles), Math.ceil(site.entities.pages.length / sizes.entityPages));
  const articles = cutInto(site.articles, parts);
  const entityPages = cutInto(site.entities.pages, parts);
  return articles.map((slice, i) => ({ ...site, articles: slice, entities: { ...site.entities, pages: entityPages[i] ?? [] } }));
}

/** One Eleventy run over the templates that `include` accepts, with `site` as its data; returns what it wrote. */
async function runEleventy(site: SiteData, outDir: string, base: string, mergeBundles: string[], include: (template: string) => boolean): Promise<{ written: WrittenPage[]; copied: number }> {
  const templates = join(PROJECT_ROOT, 'templates');
  const left = (await readdir(templates)).filter((name) => name.endsWith('.njk') && !include(name));
  const eleventy = new Eleventy(fromCwd(templates), fromCwd(outDir), {
    configPath: fromCwd(join(PROJECT_ROOT, '.eleventy.ts')),
    pathPrefix: base,
    quietMode: true,
    config: (eleventyConfig) => {
      eleventyConfig.addGlobalData('dossier', site);
      // The search bundles the search page merges (none below SEARCH_SHARD_PAGES articles).
      eleventyConfig.addGlobalData('searchMergeBundles', mergeBundles);
      for (const name of left) eleventyConfig.ignores.add(fromCwd(join(templates, name)));
    },
  });
  eleventy.logger.overrideLogger(eleventyLogger);
  const [copies, pages] = await eleventy.write();
  return { written: pages.flat() as WrittenPage[], copied: copies.length };
}

/**
 * Renders `site` into `outDir` under the URL prefix `base`, its per-item pages in parts of `partSizes`,
 * then indexes it for search in shards of at most `searchShardPages` pages.
 */
export async function renderSite(site: SiteData, outDir: string, base: string, searchShardPages = SEARCH_SHARD_PAGES, partSizes = PART_SIZES): Promise<RenderResult> {
  const mergeBundles = searchMergeBundles(searchShardCount(site.articles.length, searchShardPages));
  // Slugs name folders: check them before anything is written, and what was written after.
  assertSafeSlugs(site.articles.map((s) => s.article));
  const started = performance.now();
  // The archive-wide pages first (home, timeline, indexes, feeds), then the per-item pages part by part.
  const whole = await runEleventy(site, outDir, base, mergeBundles, (name) => !ITEM_TEMPLATE.test(name));
  assertWrittenPaths(outDir, whole.written, []);
  let written = whole.written.length;
  for (const part of siteParts(site, partSizes)) {
    const { written: pages } = await runEleventy(part, outDir, base, mergeBundles, (name) => ITEM_TEMPLATE.test(name));
    assertWrittenPaths(outDir, pages, part.articles.map((s) => s.article.slug));
    written += pages.length;
  }
  const indexStarted = performance.now();
  const { pages, unordered } = await indexArticles(outDir, site, searchShardCount(site.articles.length, searchShardPages));
  return {
    written,
    copied: whole.copied,
    indexedPages: pages,
    searchIndexUnordered: unordered,
    eleventyMs: indexStarted - started,
    searchIndexMs: performance.now() - indexStarted,
  };
}
