// The per-item pages (one per article, one per entity page) are rendered in parts, each by an Eleventy
// run of its own over a slice of the archive: Eleventy keeps every page it renders until its run ends,
// so in one run the build's memory would grow with the archive. With more than one part, the parts go
// to child processes, one per core, so rendering uses every core and each process stays small.
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { EntityPage, SiteArticle, SiteData } from '../types.ts';
import { assertWrittenPaths, type WrittenPage } from './outputPaths.ts';
import { writeCitationFiles } from './articleFiles.ts';
import { renderTemplates } from './eleventyRun.ts';

/** Templates written once per article or per entity page (the citation downloads are written without one: src/site/articleFiles.ts). */
export const ITEM_TEMPLATE = /^(?:articles|article-provenance|entities)\.njk$/;

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

/**
 * A part's site data: its own articles and entity pages, and of the rest only what the per-item
 * templates read (the site's name and counts, the event pages, each of its articles' entities), so a
 * part sent to another process does not carry the whole archive.
 */
export function partData(site: SiteData, articles: SiteArticle[], entityPages: EntityPage[]): SiteData {
  const byArticle: SiteData['entities']['byArticle'] = {};
  for (const { article } of articles) {
    const entities = site.entities.byArticle[article.slug];
    if (entities) byArticle[article.slug] = entities;
  }
  return {
    ...site,
    articles,
    latest: [],
    newestFirst: [],
    publishers: [],
    timeline: { years: [], undated: [], events: [], chart: null, pages: [], complete: site.timeline.complete, eventPages: site.timeline.eventPages },
    entities: { counts: site.entities.counts, pages: entityPages, indexPages: [], byArticle },
  };
}

/** The site data of each part, with every article and entity page in exactly one. */
export function siteParts(site: SiteData, sizes: PartSizes = PART_SIZES): SiteData[] {
  const parts = Math.max(1, Math.ceil(site.articles.length / sizes.articles), Math.ceil(site.entities.pages.length / sizes.entityPages));
  const articles = cutInto(site.articles, parts);
  const entityPages = cutInto(site.entities.pages, parts);
  return articles.map((slice, i) => partData(site, slice, entityPages[i] ?? []));
}

/** What the parent sends a child (one part), and what the child answers. */
export interface PartJob {
  site: SiteData;
  outDir: string;
  base: string;
  mergeBundles: string[];
}
export type PartAnswer = { written: WrittenPage[] } | { error: string[] };

/** Renders one part, writes its articles' citation downloads, and checks what it wrote: only files of its own articles, all of them. */
export async function renderPart(job: PartJob): Promise<WrittenPage[]> {
  const { written: pages } = await renderTemplates(job.site, job.outDir, job.base, job.mergeBundles, (name) => ITEM_TEMPLATE.test(name));
  const written = [...pages, ...writeCitationFiles(job.outDir, job.site.articles)];
  assertWrittenPaths(job.outDir, written, job.site.articles.map((s) => s.article.slug));
  return written;
}

const CHILD = fileURLToPath(new URL('./renderPartChild.ts', import.meta.url));

/** Sends `job` to `child` and waits for its answer. */
function renderInChild(child: ChildProcess, job: PartJob): Promise<WrittenPage[]> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null): void => reject(new Error(`a render process exited (code ${code}) before finishing its part`));
    child.once('exit', onExit);
    child.once('message', (answer: PartAnswer) => {
      child.off('exit', onExit);
      if ('error' in answer) reject(new Error(answer.error.join('\n')));
      else resolve(answer.written);
    });
    child.send(job);
  });
}

/** Renders the parts, in this process when there is one, else in child processes, one per core; returns the pages written. */
export async function renderParts(parts: readonly SiteData[], outDir: string, base: string, mergeBundles: string[], processes = availableParallelism()): Promise<number> {
  const jobs = parts.map((site) => ({ site, outDir, base, mergeBundles }));
  if (jobs.length === 1) return (await renderPart(jobs[0]!)).length;
  // The children run this file's code through the same loader as this process (tsx's --import).
  const children = Array.from({ length: Math.max(1, Math.min(processes, jobs.length)) }, () =>
    fork(CHILD, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
  );
  let next = 0;
  let written = 0;
  try {
    await Promise.all(
      children.map(async (child) => {
        while (next < jobs.length) {
          const job = jobs[next++]!;
          // Read `written` only after the await: the loops of the other children add to it meanwhile.
          const pages = await renderInChild(child, job);
          written += pages.length;
        }
      }),
    );
  } finally {
    for (const child of children) if (child.connected) child.disconnect();
  }
  return written;
}
