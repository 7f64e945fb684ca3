// The benchmark: for each corpus size, generate the corpus, build it with Dossier (`scripts/build.ts`,
// the `npm run build` path) and with the baseline (bench/baseline: Eleventy + the Pagefind CLI), each in
// child processes so memory is measured per process, and compare.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { totalmem } from 'node:os';
import { join } from 'node:path';
import { generateCorpus, readSeedTexts, tailWord } from './corpus.ts';
import { measure, median, outputStats, settleFileSystem, type Cpu, type OutputStats, type ProcessRun } from './measure.ts';
import { DOSSIER_SEARCH, PAGEFIND_UI_SEARCH, searchBytes, type ServedBytes } from './searchBytes.ts';
import type { BuildTimings } from '../src/types.ts';
import { ARTICLE_PAGE_BUDGET, articlePageWeights, summariseArticlePages, type ArticlePageSummary } from '../src/site/stylesheets.ts';

const ROOT = join(import.meta.dirname, '..');
const BIN = (name: string): string => join(ROOT, 'node_modules', '.bin', name);

/**
 * The searches measured, commonest words first. The first is the headline figure: two words the corpus
 * generator uses in most articles (each in 8 of 10 at 10,000), so each shard sends a large chunk for
 * each. The others show what a narrower search costs: a topic word of the built-in vocabulary (in about
 * 3 % of the articles) and word 1,000 of the Zipf tail (in 17 articles at 10,000).
 */
export const SEARCH_QUERIES: readonly string[] = ['sanctions talks', 'pipeline', tailWord(1000)];

export interface SiteRun {
  ms: number;
  phases: Record<string, number>;
  peakRss: number;
  peakRssByProgram: Record<string, number>;
  /** CPU of every process of the build, user and kernel (the kernel's share is mostly making files and folders). */
  cpu: Cpu | null;
  /** CPU ms by program ('main', 'node' for the render processes, 'pagefind_extend'), sampled (bench/measure.ts). */
  cpuByProgram: Record<string, number>;
  /** Dossier only: threads that ingested (the build's default follows the machine's load). */
  ingestThreads?: number;
}

export interface StepResult {
  articles: number;
  runs: number;
  dossier: {
    medianMs: number;
    phases: Record<string, number>;
    peakRss: number;
    peakRssByProgram: Record<string, number>;
    cpu: Cpu | null;
    cpuByProgram: Record<string, number>;
    ingestPerSecond: number;
    perArticleMs: number;
    output: OutputStats;
    /** Every article page, its HTML and linked stylesheets, against ARTICLE_PAGE_BUDGET. */
    articlePages: ArticlePageSummary;
  };
  /** Null above BenchOptions.baselineMax articles. */
  baseline: { medianMs: number; phases: Record<string, number>; peakRss: number; peakRssByProgram: Record<string, number>; cpu: Cpu | null; cpuByProgram: Record<string, number>; output: OutputStats } | null;
  ratio: number | null;
  /** Whether the kernel's caches were dropped before every build (bench/measure.ts settleFileSystem; needs root). */
  settled: boolean;
  /** One entry a query of SEARCH_QUERIES, in that order; null at sizes where no search is measured. */
  searches: SearchComparison[] | null;
}

export interface SearchComparison {
  query: string;
  dossier: SearchCost | null;
  baseline: SearchCost | null;
}

export interface SearchCost {
  /** Bytes of the search page itself (HTML, CSS, scripts) before typing. */
  pageBytes: number;
  /** Bytes the typed search then downloaded. */
  searchBytes: number;
  /** The same two as a host that compresses text would send them (bench/searchBytes.ts ServedBytes.gzipped). */
  pageGzipBytes: number;
  searchGzipBytes: number;
  /** searchBytes by what they are (bench/searchBytes.ts searchBundleKind). */
  searchByKind: ServedBytes['byKind'];
  results: number;
}

export interface BenchOptions {
  ladder: number[];
  runs: (articles: number) => number;
  workDir: string;
  /** Measure search bytes at these sizes. */
  searchAt: (articles: number) => boolean;
  keep: boolean;
  /**
   * The baseline is built up to this many articles only: its single Pagefind process holds the whole
   * index (2.8 GB at 10,000 articles, 5.3 GB at 20,000), so far beyond that it cannot run on this machine.
   */
  baselineMax: number;
  /** Passed to the Dossier build as --search-shard-pages, when set. */
  searchShardPages: number | null;
  log: (line: string) => void;
}

export async function writeCorpus(dir: string, count: number): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const file of generateCorpus(count, readSeedTexts(join(ROOT, 'seeds')))) await writeFile(join(dir, file.name), file.text);
}

function check(run: ProcessRun, what: string): ProcessRun {
  if (run.code !== 0) throw new Error(`${what} exited with ${run.code}:\n${run.stderr.slice(-3000)}`);
  return run;
}

/** `a` and `b` by program, each program's two figures joined by `join`. */
const byProgram = (join: (x: number, y: number) => number) => (a: Record<string, number>, b: Record<string, number>): Record<string, number> => {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = join(out[k] ?? 0, v);
  return out;
};
const mergePeaks = byProgram(Math.max);
const addCpu = byProgram((x, y) => x + y);

/** The Dossier build's heap limit: three quarters of the machine's memory. */
export const BUILD_HEAP_MB = Math.floor((totalmem() * 0.75) / 2 ** 20);

/** One Dossier build in a child process, with its phase timings. */
export async function buildDossier(corpus: string, out: string, searchShardPages: number | null = null): Promise<SiteRun> {
  const timingsFile = `${out}.timings.json`;
  // Node's default heap limit (about 4 GB here) is below what a 100,000-article build holds (about
  // 110 KB an article in the main process); the limit only caps the heap, it reserves nothing.
  const args = [`--max-old-space-size=${BUILD_HEAP_MB}`, '--import', 'tsx', join(ROOT, 'scripts/build.ts'), '--seeds', corpus, '--out', out, '--today', '2026-01-01', '--timings', timingsFile];
  if (searchShardPages !== null) args.push('--search-shard-pages', String(searchShardPages));
  const run = check(
    await measure(process.execPath, args, { cwd: ROOT }),
    'dossier build',
  );
  const timings = JSON.parse(await readFile(timingsFile, 'utf8')) as BuildTimings;
  await rm(timingsFile);
  return {
    ms: run.ms,
    phases: { ingest: timings.ingestMs, siteData: timings.siteDataMs, eleventy: timings.eleventyMs, searchIndex: timings.searchIndexMs },
    peakRss: run.peakRss,
    peakRssByProgram: run.peakRssByProgram,
    cpu: run.cpu,
    cpuByProgram: run.cpuByProgram,
    ingestThreads: timings.ingestThreads,
  };
}

/** One baseline build: Eleventy, then the Pagefind CLI, each a process. */
export async function buildBaseline(corpus: string, out: string): Promise<SiteRun> {
  await rm(out, { recursive: true, force: true });
  const env = { ...process.env, BASELINE_CORPUS: corpus };
  const baseline = join(ROOT, 'bench', 'baseline');
  const eleventy = check(await measure(BIN('eleventy'), [`--config=${join(baseline, 'eleventy.config.js')}`, `--input=${join(baseline, 'src')}`, `--output=${out}`, '--quiet'], { env, cwd: baseline }), 'baseline eleventy');
  const pagefind = check(await measure(BIN('pagefind'), ['--site', out], { cwd: baseline }), 'baseline pagefind');
  return {
    ms: eleventy.ms + pagefind.ms,
    phases: { eleventy: eleventy.ms, searchIndex: pagefind.ms },
    peakRss: Math.max(eleventy.peakRss, pagefind.peakRss),
    peakRssByProgram: mergePeaks(eleventy.peakRssByProgram, pagefind.peakRssByProgram),
    cpu: eleventy.cpu && pagefind.cpu ? { userMs: eleventy.cpu.userMs + pagefind.cpu.userMs, systemMs: eleventy.cpu.systemMs + pagefind.cpu.systemMs } : null,
    cpuByProgram: addCpu(eleventy.cpuByProgram, pagefind.cpuByProgram),
  };
}

function summarise(runs: SiteRun[]): { medianMs: number; phases: Record<string, number>; peakRss: number; peakRssByProgram: Record<string, number>; cpu: Cpu | null; cpuByProgram: Record<string, number> } {
  const phases: Record<string, number> = {};
  for (const key of Object.keys(runs[0]?.phases ?? {})) phases[key] = median(runs.map((r) => r.phases[key] ?? NaN));
  const cpuByProgram: Record<string, number> = {};
  for (const key of new Set(runs.flatMap((r) => Object.keys(r.cpuByProgram)))) cpuByProgram[key] = median(runs.map((r) => r.cpuByProgram[key] ?? 0));
  const cpus = runs.map((r) => r.cpu).filter((cpu): cpu is Cpu => cpu !== null);
  return {
    medianMs: median(runs.map((r) => r.ms)),
    phases,
    peakRss: Math.max(...runs.map((r) => r.peakRss)),
    peakRssByProgram: runs.reduce((acc, r) => mergePeaks(acc, r.peakRssByProgram), {} as Record<string, number>),
    cpu: cpus.length === runs.length && cpus.length > 0 ? { userMs: median(cpus.map((c) => c.userMs)), systemMs: median(cpus.map((c) => c.systemMs)) } : null,
    cpuByProgram,
  };
}

const searchCost = (measured: { page: ServedBytes; search: ServedBytes; results: number } | null): SearchCost | null =>
  measured === null ? null : {
        pageBytes: measured.page.total,
        searchBytes: measured.search.total,
        pageGzipBytes: measured.page.gzipped,
        searchGzipBytes: measured.search.gzipped,
        searchByKind: measured.search.byKind,
        results: measured.results,
      };

export async function benchStep(articles: number, options: BenchOptions): Promise<StepResult> {
  const corpus = join(options.workDir, `corpus-${articles}`);
  const dossierOut = join(options.workDir, `dossier-${articles}`);
  const baselineOut = join(options.workDir, `baseline-${articles}`);
  options.log(`bench: ${articles} articles: writing the corpus`);
  await writeCorpus(corpus, articles);
  const runs = options.runs(articles);
  const dossierRuns: SiteRun[] = [];
  const baselineRuns: SiteRun[] = [];
  // Each build starts from no output and a settled file system (settleFileSystem), so that what was
  // deleted before it does not count in its time.
  let settled = true;
  const settle = async (out: string): Promise<void> => {
    await rm(out, { recursive: true, force: true });
    settled = settleFileSystem(corpus) && settled;
  };
  for (let i = 0; i < runs; i++) {
    // Alternate, so a slow spell on a shared machine hurts both sides alike.
    options.log(`bench: ${articles} articles: run ${i + 1}/${runs}: dossier`);
    await settle(dossierOut);
    dossierRuns.push(await buildDossier(corpus, dossierOut, options.searchShardPages));
    // Printed at once, so a failure in a later step does not lose a long build's figures.
    options.log(`bench: ${articles} articles: dossier run ${i + 1}: ${JSON.stringify(dossierRuns.at(-1))}`);
    if (articles > options.baselineMax) continue;
    options.log(`bench: ${articles} articles: run ${i + 1}/${runs}: baseline`);
    await settle(baselineOut);
    baselineRuns.push(await buildBaseline(corpus, baselineOut));
  }
  const dossier = summarise(dossierRuns);
  const baseline = baselineRuns.length > 0 ? summarise(baselineRuns) : null;
  let searches: StepResult['searches'] = null;
  if (options.searchAt(articles)) {
    searches = [];
    for (const query of SEARCH_QUERIES) {
      options.log(`bench: ${articles} articles: the search "${query}" in Chromium`);
      searches.push({
        query,
        dossier: searchCost(await searchBytes(dossierOut, '/search/', query, DOSSIER_SEARCH)),
        baseline: baseline ? searchCost(await searchBytes(baselineOut, '/search/', query, PAGEFIND_UI_SEARCH)) : null,
      });
    }
  }
  const result: StepResult = {
    articles,
    runs,
    dossier: {
      ...dossier,
      ingestPerSecond: articles / ((dossier.phases['ingest'] ?? NaN) / 1000),
      perArticleMs: dossier.medianMs / articles,
      output: outputStats(dossierOut),
      articlePages: summariseArticlePages(articlePageWeights(dossierOut, '/')),
    },
    baseline: baseline ? { ...baseline, output: outputStats(baselineOut) } : null,
    ratio: baseline ? dossier.medianMs / baseline.medianMs : null,
    settled,
    searches,
  };
  if (!settled) options.log(`bench: ${articles} articles: the kernel's caches could not be dropped before each build (needs root), so its kernel CPU may include files deleted just before it`);
  for (const { query, ...sites } of searches ?? []) {
    for (const [site, cost] of Object.entries(sites)) {
      if (cost) options.log(`bench: ${articles} articles: "${query}" on the ${site} site: ${cost.results} results; ${Object.entries(cost.searchByKind).map(([kind, bytes]) => `${kind} ${bytes} B`).join(', ')}`);
    }
  }
  for (const [site, cpu] of [['dossier', result.dossier.cpu], ['baseline', result.baseline?.cpu ?? null]] as const) {
    if (cpu) options.log(`bench: ${articles} articles: ${site} CPU: user ${(cpu.userMs / 1000).toFixed(1)} s, kernel ${(cpu.systemMs / 1000).toFixed(1)} s`);
  }
  for (const [site, byProgram] of [['dossier', result.dossier.cpuByProgram], ['baseline', result.baseline?.cpuByProgram ?? null]] as const) {
    if (byProgram) options.log(`bench: ${articles} articles: ${site} CPU by program: ${Object.entries(byProgram).map(([program, ms]) => `${program} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
  }
  const weights = result.dossier.articlePages;
  options.log(
    `bench: ${articles} articles: article page + CSS: largest ${weights.largest?.total ?? 0} B (${weights.largest?.slug ?? '–'}), median ${weights.median} B, ${weights.over} of ${weights.pages} over ${ARTICLE_PAGE_BUDGET} B`,
  );
  if (!options.keep) {
    for (const dir of [corpus, dossierOut, baselineOut]) await rm(dir, { recursive: true, force: true });
  }
  return result;
}

export async function runBench(options: BenchOptions): Promise<StepResult[]> {
  await mkdir(options.workDir, { recursive: true });
  const results: StepResult[] = [];
  for (const articles of options.ladder) {
    const result = await benchStep(articles, options);
    results.push(result);
    // Each size as it finishes: a long ladder cut short still says what it measured.
    options.log(`bench: ${articles} articles done: ${JSON.stringify(result)}`);
    options.log(formatTable([result]).split('\n')[2] ?? '');
  }
  return results;
}

// Decimal units, as the targets are stated (1.5 GB, 300 KB, 30 KB): MB is 10^6 bytes, KB 10^3.
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`;
const kb = (bytes: number): string => `${(bytes / 1e3).toFixed(0)} KB`;
const kb1 = (bytes: number): string => `${(bytes / 1e3).toFixed(1)} KB`;
const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** The figures as a Markdown table (what the README shows). */
export function formatTable(results: readonly StepResult[]): string {
  const rows = [
    '| articles | runs | ingest/s | ingest | site data | Eleventy | search index | total | ms/article | baseline | ratio | peak RSS (program) | baseline peak RSS | output | largest page | article page + CSS: largest (median, over 30,000 B) | search KB (baseline) | gzip: search KB (baseline) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|---|---:|---:|---:|',
  ];
  for (const r of results) {
    const d = r.dossier;
    const top = (peaks: Record<string, number>): string => Object.entries(peaks).sort((a, b) => b[1] - a[1]).slice(0, 2).map(([k, v]) => `${k} ${mb(v)}`).join(', ');
    // The headline search (the first query).
    const first = r.searches?.[0];
    const search = first?.dossier ? `${kb(first.dossier.searchBytes)} (${first.baseline ? kb(first.baseline.searchBytes) : '–'})` : '–';
    const searchGzip = first?.dossier ? `${kb(first.dossier.searchGzipBytes)} (${first.baseline ? kb(first.baseline.searchGzipBytes) : '–'})` : '–';
    rows.push(
      `| ${r.articles} | ${r.runs} | ${Math.round(d.ingestPerSecond)} | ${s(d.phases['ingest'] ?? NaN)} | ${s(d.phases['siteData'] ?? NaN)} | ${s(d.phases['eleventy'] ?? NaN)} | ${s(d.phases['searchIndex'] ?? NaN)} | ${s(d.medianMs)} | ${d.perArticleMs.toFixed(2)} | ${r.baseline ? s(r.baseline.medianMs) : '–'} | ${r.ratio === null ? '–' : r.ratio.toFixed(2)} | ${mb(d.peakRss)} (${top(d.peakRssByProgram)}) | ${r.baseline ? `${mb(r.baseline.peakRss)} (${top(r.baseline.peakRssByProgram)})` : 'not built'} | ${mb(d.output.bytes)} | ${d.output.largestPage.path} ${kb(d.output.largestPage.bytes)} | ${d.articlePages.largest ? kb1(d.articlePages.largest.total) : '–'} (${kb1(d.articlePages.median)}, ${d.articlePages.over} of ${d.articlePages.pages}) | ${search} | ${searchGzip} |`,
    );
  }
  return rows.join('\n');
}
