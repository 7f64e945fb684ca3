// The build: ingest the input folder -> site data -> Eleventy (programmatic), and Pagefind beside it -> report.
// Human lines go to `log` (stderr in the CLI); the report is returned and written as <out>/build-report.json.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { formatFileLines, formatStrictFailure, formatUncertain, formatTotal, makeBuildReport, plural, reportJson } from './report.ts';
import { rootUrl } from './site/archiveData.ts';
import { writeExports } from './site/exports.ts';
import { writeSourceCopies } from './site/provenance.ts';
import { DEFAULTS, loadSite } from './site/loadSiteData.ts';
import { checkOutDir, prepareOutDir, publishStaged, renderSite, REPORT_FILE, stagingDirOf } from './site/render.ts';
import type { BuildOptions, BuildReport, BuildTimings } from './types.ts';

export { errorChain } from './site/eleventyRun.ts';

export interface SiteBuildOptions extends BuildOptions {
  /** Origin for absolute URLs in feeds and the sitemap, e.g. 'https://example.org'. */
  siteUrl: string;
  /** 'YYYY-MM-DD' of the build day, for the ingest's `date/future` check; the CLI passes the real date. */
  today?: string;
  /** Most pages in one search index shard (src/site/searchIndex.ts); fewer use less build memory, more make a search download less. */
  searchShardPages?: number;
  /** Search index shards indexed at the same time, each by a Pagefind process of its own (about 1 GB each at 4,000 pages); 1 needs less build memory. */
  searchProcesses?: number;
  /** Where to write the phase timings as JSON (outside the site, so builds stay byte-identical). */
  timingsFile?: string;
  /** Ingest worker threads beside the main one (0: none); by default one per other core for a large folder (src/ingest/pool.ts). */
  ingestWorkers?: number;
}

export type Log = (line: string) => void;

export const stderrLog: Log = (line) => process.stderr.write(`${line}\n`);

/** '/x' or 'x/' or '' -> '/x/'; '/' stays '/'. */
export function normaliseBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

export function defaultBuildOptions(): SiteBuildOptions {
  return { seedsDir: DEFAULTS.seedsDir, outDir: DEFAULTS.outDir, base: DEFAULTS.base, strict: false, siteUrl: DEFAULTS.siteUrl };
}

/**
 * How far V8 lets the heap grow past the data still in use before it collects the old generation, in
 * percent. On a machine with much memory it lets the heap grow up to four times that, and the build makes
 * much short-lived data (the entities' text units, every page's strings): at 10,000 articles a third of
 * the main process's peak was garbage. 20% keeps the peak near the live data for a few % more CPU.
 * It is set once the ingest is done: there the heap only grows (the archive being made), so each
 * collection would mark more of it again, and the ingest took 10% more CPU for no lower peak.
 */
export const HEAP_GROWING_PERCENT = 20;

const seconds = (ms: number): string => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

/** Builds the site. Throws on a program failure; an input with problems is reported, not thrown. */
export async function build(options: SiteBuildOptions, log: Log = stderrLog): Promise<BuildReport> {
  const base = normaliseBase(options.base);
  const where = { siteUrl: options.siteUrl, base };
  const started = performance.now();
  log(`dossier: ${options.seedsDir} → ${options.outDir} (base ${base}, site ${rootUrl(where)})`);
  await checkOutDir(options.outDir);

  let t = performance.now();
  let workers = { started: 0, failure: null as string | null };
  const onWorkers = (started: number, failure: string | null): void => {
    workers = { started, failure };
  };
  const { archive, site, ingestMs } = await loadSite(options.seedsDir, where, { ...(options.today === undefined ? {} : { today: options.today }), workers: options.ingestWorkers ?? 'auto', onWorkers }, () =>
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`));
  const siteDataMs = performance.now() - t - ingestMs;
  const ingestThreads = workers.failure === null ? workers.started + 1 : 1;
  const threadsNote = workers.failure === null ? plural(ingestThreads, 'thread') : `on one thread: the ${plural(workers.started, 'worker thread')} failed (${workers.failure})`;
  log(`ingest  ${plural(archive.report.files.length, 'file')} → ${plural(archive.articles.length, 'article')} (${seconds(ingestMs)}, ${threadsNote}; site data ${seconds(siteDataMs)})`);

  // Render into a staging folder beside the output; only a finished build replaces the output folder.
  t = performance.now();
  const staging = stagingDirOf(options.outDir);
  await prepareOutDir(staging);
  const rendered = await renderSite(site, staging, base, {
    ...(options.searchShardPages === undefined ? {} : { searchShardPages: options.searchShardPages }),
    ...(options.searchProcesses === undefined ? {} : { searchProcesses: options.searchProcesses }),
  })
    .then(async (result) => {
      // Provenance: each article's capture, byte for byte, beside its page (articles/<slug>/source.txt).
      await writeSourceCopies(options.seedsDir, staging, archive.articles);
      // Archive-wide exports (articles.json, .csv, citations) are streamed, not rendered as one string.
      const exported = await writeExports(staging, site);
      return { ...result, written: result.written + exported };
    })
    .catch(async (error: unknown) => {
      await rm(staging, { recursive: true, force: true });
      throw error;
    });
  log(`site    ${plural(rendered.written, "file")} written (${seconds(rendered.eleventyMs)}); search index of ${plural(rendered.indexedPages, 'page')} made meanwhile (${seconds(rendered.searchIndexMs)})`);
  if (rendered.searchIndexUnordered) log(`! search index left in Pagefind's own order, so two builds of the same inputs differ: ${rendered.searchIndexUnordered}`);

  const report = makeBuildReport(archive, {
    seedsDir: options.seedsDir,
    outDir: options.outDir,
    base,
    rootUrl: site.rootUrl,
    strict: options.strict,
    indexedPages: rendered.indexedPages,
  });
  await writeFile(join(staging, REPORT_FILE), reportJson(report));
  await publishStaged(staging, options.outDir);

  for (const line of [...formatFileLines(report), ...formatUncertain(report)]) log(line);
  const failure = formatStrictFailure(report);
  if (failure) log(`✗ ${failure}`);
  const totalMs = performance.now() - started;
  log(`${failure ? '✗' : '✓'} ${formatTotal(report)} · ${options.outDir} in ${seconds(totalMs)}`);
  if (options.timingsFile !== undefined) {
    const timings: BuildTimings = { articles: archive.articles.length, ingestMs, siteDataMs, eleventyMs: rendered.eleventyMs, searchIndexMs: rendered.searchIndexMs, totalMs, ingestThreads };
    await writeFile(options.timingsFile, `${JSON.stringify(timings, null, 2)}\n`);
  }
  return report;
}
