// One Eleventy run (programmatic, with the project's .eleventy.ts) over some of the templates, with given
// site data. The build runs it for the archive-wide pages and for each part of the per-item pages
// (src/site/renderParts.ts), in this process or in a child.
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Eleventy from '@11ty/eleventy';
import type { SiteData } from '../types.ts';
import type { WrittenPage } from './outputPaths.ts';

/** The project root (where .eleventy.ts and templates/ live), whatever the working directory. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Eleventy takes paths relative to the working directory best. */
export const fromCwd = (path: string): string => relative(process.cwd(), path) || '.';

/** Eleventy's own messages: its warnings go to stderr; its summary line is replaced by ours. */
const eleventyLogger = {
  log: () => {},
  info: () => {},
  // Its 'Benchmark' notes (a filter or transform over 8% of its time) speak to template authors, not to
  // someone building an archive: `--timings` gives the build's own figures.
  warn: (message: string) => void (/^Benchmark\s/.test(message) ? undefined : process.stderr.write(`${message}\n`)),
  // Errors are thrown to src/build.ts, which prints their chain once.
  error: () => {},
};

export interface TemplateRun {
  /** What Eleventy wrote: the output path of each page (false for a page not written). */
  written: WrittenPage[];
  /** Files copied through (public/). */
  copied: number;
}

/** Renders the templates whose file name `include` accepts, with `site` as the global data `dossier`, into `outDir`. */
export async function renderTemplates(site: SiteData, outDir: string, base: string, mergeBundles: readonly string[], include: (template: string) => boolean): Promise<TemplateRun> {
  const templates = join(PROJECT_ROOT, 'templates');
  const left = (await readdir(templates)).filter((name) => name.endsWith('.njk') && !include(name));
  const eleventy = new Eleventy(fromCwd(templates), fromCwd(outDir), {
    configPath: fromCwd(join(PROJECT_ROOT, '.eleventy.ts')),
    pathPrefix: base,
    quietMode: true,
    config: (eleventyConfig) => {
      // Frozen at its top: Eleventy hands a paginated page its data through a proxy that wraps every
      // plain object read from it anew, unless the object is frozen.
      eleventyConfig.addGlobalData('dossier', Object.freeze({ ...site }));
      // The search bundles the search page merges (none below SEARCH_SHARD_PAGES articles).
      eleventyConfig.addGlobalData('searchMergeBundles', mergeBundles);
      for (const name of left) eleventyConfig.ignores.add(fromCwd(join(templates, name)));
    },
  });
  eleventy.logger.overrideLogger(eleventyLogger);
  const [copies, pages] = await eleventy.write();
  // Only the paths are kept: Eleventy's results also hold every page's content.
  return { written: (pages.flat() as WrittenPage[]).map((page) => ({ outputPath: page.outputPath ?? false })), copied: copies.length };
}

/** An error and its causes (Eleventy keeps the caught error as `originalError`), one message per line. */
export function errorChain(error: unknown): string[] {
  const lines: string[] = [];
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current instanceof Error && !seen.has(current) && lines.length < 8) {
    seen.add(current);
    const message = current.message.split('\n')[0]?.trim() ?? '';
    if (message && !lines.includes(message)) lines.push(message);
    const next = (current as Error & { originalError?: unknown }).originalError ?? current.cause;
    current = next;
  }
  return lines.length > 0 ? lines : [String(error)];
}
