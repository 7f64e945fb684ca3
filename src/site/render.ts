// Writes the site for given site data: Eleventy (programmatic, with .eleventy.ts) then the Pagefind index.
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Eleventy from '@11ty/eleventy';
import type { SiteData } from '../types.ts';
import { indexSite } from './searchIndex.ts';

/** The project root (where .eleventy.ts and templates/ live), whatever the working directory. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Written into every output folder; only a folder holding it (or an empty one) is ever emptied. */
export const REPORT_FILE = 'build-report.json';

export class OutputFolderError extends Error {
  override name = 'OutputFolderError';
}

/** Eleventy takes paths relative to the working directory best. */
const fromCwd = (path: string): string => relative(process.cwd(), path) || '.';

/**
 * Empties the output folder so that no page of an earlier build outlives its article. Refuses a
 * folder that holds files but no build report: that is not an output folder of Dossier's.
 */
export async function prepareOutDir(outDir: string): Promise<void> {
  const abs = resolve(outDir);
  if (abs === resolve(PROJECT_ROOT) || abs === resolve(process.cwd()) || abs === '/') {
    throw new OutputFolderError(`refusing to use ${outDir} as the output folder: it would empty the project; choose a folder of its own, e.g. --out _site`);
  }
  const entries = await readdir(abs).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (entries === null) {
    await mkdir(abs, { recursive: true });
    return claimOutDir(abs);
  }
  if (entries.length > 0 && !entries.includes(REPORT_FILE)) {
    throw new OutputFolderError(
      `refusing to empty ${outDir}: it holds files but no ${REPORT_FILE}, so it is not a Dossier output folder; choose an empty or new folder with --out`,
    );
  }
  if (!(await stat(abs)).isDirectory()) throw new OutputFolderError(`${outDir} is not a folder`);
  await Promise.all(entries.map((name) => rm(join(abs, name), { recursive: true, force: true })));
  return claimOutDir(abs);
}

/** Marks the folder as Dossier's at once, so that a build that fails halfway can be rerun into it. */
async function claimOutDir(abs: string): Promise<void> {
  await writeFile(join(abs, REPORT_FILE), `${JSON.stringify({ status: 'building' })}\n`);
}

export interface RenderResult {
  /** Files Eleventy wrote (pages, feeds, JSON) and copied (assets). */
  written: number;
  copied: number;
  /** Pages the search index holds. */
  indexedPages: number;
}

/** Eleventy's own messages: its warnings and errors go to stderr, its summary line is replaced by ours. */
const eleventyLogger = {
  log: () => {},
  info: () => {},
  warn: (message: string) => process.stderr.write(`[11ty] ${message}\n`),
  error: (message: string) => process.stderr.write(`[11ty] ${message}\n`),
};

/** Renders `site` into `outDir` under the URL prefix `base`, then indexes it for search. */
export async function renderSite(site: SiteData, outDir: string, base: string): Promise<RenderResult> {
  const eleventy = new Eleventy(fromCwd(join(PROJECT_ROOT, 'templates')), fromCwd(outDir), {
    configPath: fromCwd(join(PROJECT_ROOT, '.eleventy.ts')),
    pathPrefix: base,
    quietMode: true,
    config: (eleventyConfig) => {
      eleventyConfig.addGlobalData('dossier', site);
    },
  });
  eleventy.logger.overrideLogger(eleventyLogger);
  const [copies, templates] = await eleventy.write();
  const { pages } = await indexSite(outDir);
  return { written: templates.flat().length, copied: copies.length, indexedPages: pages };
}
