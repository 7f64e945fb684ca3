// Builds the Pagefind search bundle (<out>/pagefind/) from the pages Eleventy wrote, with Pagefind's node API.
// Every call returns errors[]: each is checked, and any error fails the build with Pagefind's own words.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { fixSearchIndexOrder } from './searchIndexOrder.ts';

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

/** Indexes every HTML page under `outDir` and writes the bundle to `<outDir>/pagefind/`. */
export async function indexSite(outDir: string): Promise<SearchIndexResult> {
  try {
    // One language for the whole archive, so the search page finds every article whatever its language.
    const created = await pagefind.createIndex({ forceLanguage: 'en' });
    if (created.errors.length > 0 || !created.index) throw new SearchIndexError('createIndex', created.errors);
    const { index } = created;

    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length > 0) throw new SearchIndexError('addDirectory', added.errors);

    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new SearchIndexError('writeFiles', written.errors);

    // Pagefind writes its filter index in a different order each run: fix it, so equal inputs give equal bytes.
    const unordered = await fixSearchIndexOrder(written.outputPath);
    return { pages: await indexedPageCount(written.outputPath), outputPath: written.outputPath, unordered };
  } finally {
    await pagefind.close();
  }
}

/** Pages in the written index (addDirectory counts every HTML file it read, indexed or not). */
async function indexedPageCount(bundleDir: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(bundleDir, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}
