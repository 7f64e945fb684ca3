// Public API of the ingest pipeline.
//   ingestText: one file's bytes -> Article (pure)
//   ingestFolder: a folder -> Archive (articles sorted, every file accounted for)
// The steps, in order (as trafilatura's core.py chains its stages):
//   read -> decode -> frontMatter -> classify -> metadata -> body -> article
import { basename, join } from 'node:path';
import { formatDiagnostic, isFatal, makeDiagnostic } from '../diagnostics.ts';
import type {
  Archive,
  Article,
  Catalogue,
  ClassifiedLine,
  Diagnostic,
  FileOutcome,
  FileReport,
} from '../types.ts';
import { assembleArticle } from './article.ts';
import { buildBody } from './body.ts';
import { CATALOGUE_FILE, emptyCatalogue, parseCatalogue } from './catalogue.ts';
import { classifyLines } from './classify.ts';
import { decode } from './decode.ts';
import { readFrontMatter } from './frontMatter.ts';
import { extractMetadata } from './metadata.ts';
import { assignUniqueSlugs, type SlugCollision } from './slug.ts';
import { overlayPageMetadata, readHtml } from './html.ts';
import { ingestOnWorkers, startIngestWorkers, workerCount, type IngestJob, type IngestWorker } from './pool.ts';
import { INPUT_EXTENSIONS, inputKind, listFiles, readBytes, readOptionalText, sha256Hex, type ReadResult } from './read.ts';

export { emptyCatalogue, parseCatalogue, CATALOGUE_FILE } from './catalogue.ts';
export { formatDiagnostic } from '../diagnostics.ts';

export { INPUT_EXTENSIONS } from './read.ts';

/** Limits that keep one odd input from stalling the build (Readability's DEFAULT_* constants). */
export const INGEST_LIMITS = {
  /** Larger files are skipped: a news article is rarely over 200 kB, so this is a dump, not an article. */
  maxFileBytes: 2 * 1024 * 1024,
} as const;

export interface IngestOptions {
  /**
   * 'YYYY-MM-DD' of the day of the build, for `date/future`. The pipeline never reads the clock: the CLI
   * passes the real date; leaving it out skips the check.
   */
  today?: string;
}

export interface FolderOptions extends IngestOptions {
  /** Reads one file's bytes (tests inject read errors here); defaults to the disk. */
  read?: (absolutePath: string) => Promise<ReadResult>;
  /**
   * Worker threads beside this one (pool.ts), or 'auto': `workerCount` of the files to ingest, one per other core
   * for a large folder. Defaults to 0, this thread only (the build passes 'auto').
   */
  workers?: number | 'auto';
  /**
   * Told how many worker threads ingested beside this one, and why they stopped if they failed (the files
   * are then ingested here: same Archive). Not part of the Archive: it depends on the machine's load.
   */
  onWorkers?: (workers: number, failure: string | null) => void;
}

export interface IngestResult {
  article: Article | null;
  /** True when the slug was pinned by the owner (front matter or catalogue `slug:`), so it wins a collision. */
  pinnedSlug: boolean;
  lines: ClassifiedLine[];
  diagnostics: Diagnostic[];
}

/** One file's bytes -> its Article (or null with an error diagnostic saying why). Pure. `sha256`: of the bytes, when the caller has it already. */
export function ingestText(sourceFile: string, bytes: Uint8Array, catalogue: Catalogue, options: IngestOptions = {}, sha256 = sha256Hex(bytes)): IngestResult {
  if (bytes.length === 0) {
    return skip([], [], makeDiagnostic({ file: sourceFile, ruleId: 'file/empty', severity: 'error', reason: 'the file is empty', note: 'put the article text in it, or remove it' }));
  }
  if (bytes.length > INGEST_LIMITS.maxFileBytes) {
    return skip([], [], makeDiagnostic({
      file: sourceFile,
      ruleId: 'file/too-large',
      severity: 'error',
      reason: `the file is ${megabytes(bytes.length)}, more than the ${megabytes(INGEST_LIMITS.maxFileBytes)} an article may have`,
      note: 'check that it is one article and not a whole site or a log; split it into one file per article',
    }));
  }
  const decoded = decode(sourceFile, bytes);
  if (decoded.diagnostics.some(isFatal)) return skip([], decoded.diagnostics, null);
  if (decoded.text.trim() === '') {
    return skip([], decoded.diagnostics, makeDiagnostic({
      file: sourceFile,
      ruleId: 'file/blank',
      severity: 'error',
      reason: 'the file holds only white space',
      note: 'put the article text in it, or remove it',
    }));
  }
  // A web page becomes its article as Markdown text plus what the page says about itself.
  const page = inputKind(sourceFile) === 'html' ? readHtml(decoded.text) : null;
  const text = page?.text ?? decoded.text;
  const frontMatter = page === null ? readFrontMatter(sourceFile, text) : { fields: {}, slug: null, lineCount: 0, diagnostics: [] };
  const diagnostics = [...decoded.diagnostics, ...frontMatter.diagnostics];
  const entry = catalogue.articles[sourceFile] ?? {};
  const knownTitle = frontMatter.fields.title ?? entry.title ?? page?.metadata.title?.value ?? null;
  const classification = classifyLines(text, { frontMatterLines: frontMatter.lineCount, knownTitle });
  if (classification.blocks.length === 0 && knownTitle === null) {
    return skip(classification.lines, diagnostics, makeDiagnostic({
      file: sourceFile,
      ruleId: 'file/empty',
      severity: 'error',
      reason: 'the file has front matter but no text',
      note: 'add the article text after the closing `---`, or set `title:` in the front matter',
    }));
  }
  const pinnedSlug = frontMatter.slug ?? entry.slug ?? null;
  const textMetadata = extractMetadata(classification, catalogue.publishers);
  const metadata = page === null ? textMetadata : overlayPageMetadata(textMetadata, page.metadata);
  const body = buildBody(classification, metadata.leadIn);
  const assembled = assembleArticle({
    sourceFile,
    sha256,
    text: metadata,
    frontMatter: frontMatter.fields,
    catalogue: entry,
    body,
    lines: classification.lines,
    slug: pinnedSlug,
    pageLanguage: page?.metadata.language ?? null,
    today: options.today ?? null,
  });
  diagnostics.push(...assembled.diagnostics);
  const article = assembled.article;
  if (article !== null) {
    // Warnings of every step (encoding, front matter) travel with the record.
    article.warnings = diagnostics.filter((d) => d.severity === 'warning').map(formatDiagnostic);
  }
  return { article, pinnedSlug: pinnedSlug !== null, lines: classification.lines, diagnostics };
}

/** The result of a file that is not an article. A function of its own, not a closure: see tagHeaderZone in classify.ts. */
function skip(lines: ClassifiedLine[], diagnostics: Diagnostic[], fatal: Diagnostic | null): IngestResult {
  return { article: null, pinnedSlug: false, lines, diagnostics: fatal === null ? diagnostics : [...diagnostics, fatal] };
}

/** Reads catalogue.yaml in `dir`, if there is one. */
export async function loadCatalogue(dir: string): Promise<{ catalogue: Catalogue; diagnostics: Diagnostic[]; found: boolean }> {
  const text = await readOptionalText(join(dir, CATALOGUE_FILE));
  if (text === null) return { catalogue: emptyCatalogue(), diagnostics: [], found: false };
  return { ...parseCatalogue(text, CATALOGUE_FILE), found: true };
}

/** A folder (walked recursively) -> the Archive: sorted articles and a report on every file. */
export async function ingestFolder(dir: string, options: FolderOptions = {}): Promise<Archive> {
  const read = options.read ?? readBytes;
  const files = await listFiles(dir);
  const loaded = await loadCatalogue(dir);
  const isArticleInput = (path: string): boolean => path !== CATALOGUE_FILE && inputKind(path) !== null && !basename(path).startsWith('.');
  const ingestOptions = options.today === undefined ? {} : { today: options.today };
  // Started now, so that their start-up runs while this thread reads the files.
  const workers = startIngestWorkers(workersFor(options.workers ?? 0, files.filter((file) => isArticleInput(file.path)).length), { catalogue: loaded.catalogue, options: ingestOptions });
  const reports: FileReport[] = [];
  const articles: Article[] = [];
  const firstBySha = new Map<string, string>();
  const pinned = new Set<string>();
  // Files to ingest, with the place of their report: they are ingested together (maybe on worker threads), then reported in order.
  const jobs: (IngestJob & { report: number })[] = [];

  for (const file of files) {
    if (file.path === CATALOGUE_FILE) {
      reports.push({ file: file.path, outcome: 'ignored', reason: 'the catalogue (configuration), not an article', slug: null, diagnostics: loaded.diagnostics });
      continue;
    }
    if (!isArticleInput(file.path)) {
      const reason = basename(file.path) === CATALOGUE_FILE
        ? 'only the catalogue.yaml at the top of the input folder is read'
        : `not an article input (only ${INPUT_EXTENSIONS.join(', ')} files are read)`;
      reports.push({ file: file.path, outcome: 'ignored', reason, slug: null, diagnostics: [] });
      continue;
    }
    const bytes = await read(file.absolutePath);
    if (!bytes.ok) {
      const diagnostic = makeDiagnostic({
        file: file.path,
        ruleId: 'file/unreadable',
        severity: 'error',
        reason: bytes.reason,
        note: 'check the file\'s permissions (the build needs to read it), or remove it',
      });
      reports.push({ file: file.path, outcome: 'skipped', reason: bytes.reason, slug: null, diagnostics: [diagnostic] });
      continue;
    }
    const sha256 = sha256Hex(bytes.bytes);
    const original = firstBySha.get(sha256);
    if (original !== undefined) {
      const diagnostic = makeDiagnostic({
        file: file.path,
        ruleId: 'file/duplicate',
        severity: 'info',
        reason: `same bytes as ${original}, which is kept`,
        note: `remove one of the two copies; ${original} is published`,
      });
      reports.push({ file: file.path, outcome: 'duplicate', reason: `same bytes as ${original}, which is kept`, slug: null, diagnostics: [diagnostic] });
      continue;
    }
    firstBySha.set(sha256, file.path);
    jobs.push({ sourceFile: file.path, bytes: bytes.bytes, sha256, report: reports.length });
    reports.push({ file: file.path, outcome: 'skipped', reason: null, slug: null, diagnostics: [] });
  }
  const results = await ingestJobs(jobs, loaded.catalogue, ingestOptions, workers, options.onWorkers);
  jobs.forEach((job, index) => {
    const result = results[index]!;
    if (result.article === null) {
      const fatal = result.diagnostics.find((d) => d.severity === 'error');
      reports[job.report] = { file: job.sourceFile, outcome: 'skipped', reason: fatal?.reason ?? 'not an article', slug: null, diagnostics: result.diagnostics };
      return;
    }
    articles.push(result.article);
    if (result.pinnedSlug) pinned.add(job.sourceFile);
    const outcome: FileOutcome = result.article.warnings.length > 0 ? 'published-with-warnings' : 'published';
    reports[job.report] = { file: job.sourceFile, outcome, reason: null, slug: null, diagnostics: result.diagnostics };
  });

  const assigned = assignUniqueSlugs(
    articles.map((a) => ({ sourceFile: a.sourceFile, sha256: a.sha256, published: a.published, slug: a.slug, pinned: pinned.has(a.sourceFile) })),
  );
  for (const article of articles) {
    article.slug = assigned.slugs.get(article.sourceFile) ?? article.slug;
    article.id = article.slug;
  }
  const articleByFile = new Map(articles.map((article) => [article.sourceFile, article]));
  for (const collision of assigned.collisions) {
    const diagnostic = collisionDiagnostic(collision, articleByFile.get(collision.file)?.provenance.title?.line ?? null);
    const report = reports.find((r) => r.file === collision.file);
    const article = articleByFile.get(collision.file);
    if (report === undefined || article === undefined) continue;
    report.diagnostics.push(diagnostic);
    report.outcome = 'published-with-warnings';
    article.warnings.push(formatDiagnostic(diagnostic));
  }
  for (const report of reports) report.slug = articleByFile.get(report.file)?.slug ?? null;
  articles.sort(compareArticles);
  const counts: Record<FileOutcome, number> = { published: 0, 'published-with-warnings': 0, duplicate: 0, ignored: 0, skipped: 0 };
  for (const report of reports) counts[report.outcome]++;
  return { articles, report: { files: reports, counts } };
}

/**
 * ingestText over each job, in the jobs' order: here and on the started `workers`. Should they fail
 * to start (a runner without the TypeScript loader), the files are ingested here: same result.
 */
async function ingestJobs(
  jobs: IngestJob[],
  catalogue: Catalogue,
  options: IngestOptions,
  workers: readonly IngestWorker[],
  onWorkers: FolderOptions['onWorkers'],
): Promise<IngestResult[]> {
  const ingestHere = (job: IngestJob): IngestResult => ingestText(job.sourceFile, job.bytes, catalogue, options, job.sha256);
  if (workers.length > 0) {
    try {
      const results = await ingestOnWorkers(jobs, workers, ingestHere);
      onWorkers?.(workers.length, null);
      return results;
    } catch (error) {
      // Fall through to this thread alone, and say so: the build is slower, not different.
      for (const { worker } of workers) void worker.terminate();
      onWorkers?.(workers.length, error instanceof Error ? error.message : String(error));
    }
  } else onWorkers?.(0, null);
  return jobs.map(ingestHere);
}

function workersFor(workers: number | 'auto', files: number): number {
  return workers === 'auto' ? workerCount(files) : workers;
}

/** slug/collision: two files ask for one page address; says which keeps it and how to make either permanent. */
function collisionDiagnostic(collision: SlugCollision, line: number | null): Diagnostic {
  return makeDiagnostic({
    file: collision.file,
    line,
    ruleId: 'slug/collision',
    reason: `${collision.file} and ${collision.keeper} both make the slug '${collision.shared}'; ${collision.keeper} keeps /articles/${collision.shared}/ and this file is at /articles/${collision.slug}/`,
    note: `to fix either address for good (so that adding articles never moves it), pin it: \`slug: ${collision.slug}\` (or \`slug: ${collision.shared}\` if this page was already published there) in this file's front matter, or under \`articles: ${collision.file}:\` in catalogue.yaml`,
    actual: collision.shared,
  });
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Published date ascending (undated last), then title, then source file. */
export function compareArticles(a: Article, b: Article): number {
  if (a.published !== b.published) {
    if (a.published === null) return 1;
    if (b.published === null) return -1;
    return compareText(a.published, b.published);
  }
  return compareText(a.title, b.title) || compareText(a.sourceFile, b.sourceFile);
}
