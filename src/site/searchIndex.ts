// Builds the Pagefind search bundle (<out>/pagefind/) from the pages Eleventy wrote, with Pagefind's node API.
// Every call returns errors[]: each is checked, and any error fails the build with Pagefind's own words.
//
// Pagefind's indexing process holds the whole index in memory (about 0.3 MB per article page), so a
// large archive is indexed in shards of at most SEARCH_SHARD_PAGES pages, one at a time: memory stays
// bounded whatever the archive's size. The first shard is the bundle at pagefind/, the others sit
// at pagefind/shard-<n>/, and the search page merges them at search time (Pagefind's mergeIndex).
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { fixSearchIndexOrder } from './searchIndexOrder.ts';

/** Most pages in one Pagefind index by default: about 1.2 GB of Pagefind's memory (see the README's Performance section). */
export const SEARCH_SHARD_PAGES = 4000;

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

/** How many shards an archive of `articles` articles is indexed in (decided before the pages are written, so the search page can name them). */
export const searchShardCount = (articles: number, shardPages = SEARCH_SHARD_PAGES): number => Math.max(1, Math.ceil(articles / shardPages));

/** The bundles the search page merges into the first one (site-relative, leading slash). */
export const searchMergeBundles = (shards: number): string[] => Array.from({ length: shards - 1 }, (_, i) => `/${searchShardPath(i + 1)}`);

/** The bundle folder of shard `n` (0-based), relative to the site root, with a trailing slash. */
export const searchShardPath = (n: number): string => (n === 0 ? 'pagefind/' : `pagefind/shard-${n + 1}/`);

/** Every .html file under `dir` (not the bundle), as site-relative paths with forward slashes, sorted. */
async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(dir, join((e as { parentPath?: string; path?: string }).parentPath ?? e.path ?? dir, e.name)).split(sep).join('/'))
    .filter((path) => !path.startsWith('pagefind/'))
    .sort();
}

/** Indexes every page of `outDir` that marks a search body into `shards` bundles under `<outDir>/pagefind/`. */
export async function indexSite(outDir: string, shards = 1): Promise<SearchIndexResult> {
  const unordered: string[] = [];
  let indexed = 0;
  const pages = shards === 1 ? [] : await searchablePages(outDir);
  const perShard = Math.ceil(pages.length / shards);
  try {
    for (let n = 0; n < shards; n++) {
      // One language for the whole archive, so the search page finds every article whatever its language.
      const created = await pagefind.createIndex({ forceLanguage: 'en' });
      if (created.errors.length > 0 || !created.index) throw new SearchIndexError('createIndex', created.errors);
      const { index } = created;
      if (shards === 1) {
        // One bundle: Pagefind reads the folder itself (its fastest path).
        const added = await index.addDirectory({ path: outDir });
        if (added.errors.length > 0) throw new SearchIndexError('addDirectory', added.errors);
      } else {
        // One page at a time: Pagefind numbers pages in the order they finish, so pages sent
        // together would make the bundle differ from run to run.
        for (const sourcePath of pages.slice(n * perShard, (n + 1) * perShard)) {
          const added = await index.addHTMLFile({ sourcePath, content: await readFile(join(outDir, sourcePath), 'utf8') });
          if (added.errors.length > 0) throw new SearchIndexError(`addHTMLFile ${sourcePath}`, added.errors);
        }
      }
      const written = await index.writeFiles({ outputPath: join(outDir, searchShardPath(n)) });
      if (written.errors.length > 0) throw new SearchIndexError('writeFiles', written.errors);
      await index.deleteIndex();
      // Pagefind writes its filter index in a different order each run: fix it, so equal inputs give equal bytes.
      const why = await fixSearchIndexOrder(written.outputPath);
      if (why !== null) unordered.push(why);
      indexed += await indexedPageCount(written.outputPath);
    }
  } finally {
    await pagefind.close();
  }
  return { pages: indexed, outputPath: join(outDir, searchShardPath(0)), unordered: unordered[0] ?? null };
}

/**
 * The pages with data-pagefind-body, in path order; the shards take equal runs of them. (Pagefind
 * indexes only such pages once any page has one; each shard sees only some pages, so the choice is made here.)
 */
async function searchablePages(outDir: string): Promise<string[]> {
  const pages: string[] = [];
  for (const path of await htmlFiles(outDir)) {
    if ((await readFile(join(outDir, path), 'utf8')).includes('data-pagefind-body')) pages.push(path);
  }
  return pages;
}

/** Pages in a written bundle. */
async function indexedPageCount(bundleDir: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(bundleDir, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}
