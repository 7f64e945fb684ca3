// The build report: made from the archive (pure), printed for people (stderr), written as JSON.
import { formatDiagnostic } from './diagnostics.ts';
import { json } from './site/filters.ts';
import { confidenceOf } from './ingest/confidence.ts';
import type { Archive, Article, BuildFileReport, BuildReport, CheckedField, FileOutcome, UncertainField } from './types.ts';

export interface ReportContext {
  seedsDir: string;
  outDir: string;
  base: string;
  rootUrl: string;
  strict: boolean;
  indexedPages: number;
}

/** What --strict fails on: a file published with warnings, or a file that could not be published. */
const PROBLEM_OUTCOMES: ReadonlySet<FileOutcome> = new Set(['published-with-warnings', 'skipped']);

export function makeBuildReport(archive: Archive, context: ReportContext): BuildReport {
  const bySlug = new Map(archive.articles.map((a) => [a.slug, a]));
  const files: BuildFileReport[] = archive.report.files.map((file) => {
    const article = file.slug === null ? undefined : bySlug.get(file.slug);
    return {
      ...file,
      title: article?.title ?? null,
      published: article?.published ?? null,
      publisher: article?.publisher ?? null,
      uncertain: article === undefined ? [] : uncertainFields(article),
    };
  });
  const problemFiles = files.filter((f) => PROBLEM_OUTCOMES.has(f.outcome)).length;
  return {
    ...context,
    files,
    counts: archive.report.counts,
    articles: archive.articles.length,
    problemFiles,
    ok: !(context.strict && problemFiles > 0),
  };
}

const CHECKED_FIELDS: readonly CheckedField[] = ['title', 'published', 'publisher', 'authors'];
/** How the fields are named to people (and as catalogue keys: `published:` also reads `date:`). */
const FIELD_NAMES: Record<CheckedField, string> = { title: 'title', published: 'date', publisher: 'publisher', authors: 'authors' };

/** The article's title, date, publisher and authors that are missing or only guessed. */
export function uncertainFields(article: Article): UncertainField[] {
  return CHECKED_FIELDS.flatMap((field): UncertainField[] => {
    const value = article[field];
    const source = article.provenance[field];
    if (value === null || (Array.isArray(value) && value.length === 0) || source === undefined) return [{ field, confidence: 'missing', rule: null }];
    const confidence = confidenceOf(source);
    return confidence === 'low' ? [{ field, confidence, rule: source.rule }] : [];
  });
}

/** The articles with missing or low-confidence fields, and what to put in the catalogue for them. */
export function formatUncertain(report: BuildReport): string[] {
  const files = report.files.filter((file) => file.uncertain.length > 0);
  if (files.length === 0) return [];
  const fields = CHECKED_FIELDS.filter((field) => files.some((file) => file.uncertain.some((u) => u.field === field))).map((field) => FIELD_NAMES[field]);
  return [
    `? ${plural(files.length, 'article has', 'articles have')} missing or low-confidence fields; catalogue them (${fields.join(', ')} under \`articles: <file>:\` in catalogue.yaml, or in front matter):`,
    ...files.map((file) => `    ${printable(file.file)}: ${file.uncertain.map((u) => (u.rule === null ? `${FIELD_NAMES[u.field]} missing` : `${FIELD_NAMES[u.field]} ${u.confidence} confidence (${u.rule})`)).join('; ')}`),
  ];
}

/** '1 file', '2 files'. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

const MARK: Record<FileOutcome, string> = {
  published: '✓',
  'published-with-warnings': '!',
  duplicate: '=',
  ignored: '-',
  skipped: '✗',
};

/**
 * Control characters (C0, DEL, C1) and bidirectional overrides, which input text may hold: printed raw
 * they would move the cursor, recolour or retitle the terminal, or reorder what the line shows.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A line safe to print to a terminal: every control character shown as a visible '\uXXXX' escape. */
export const printable = (line: string): string =>
  line.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** One line per input file (with its diagnostics indented below), for people; safe to print. */
export function formatFileLines(report: BuildReport): string[] {
  return fileLines(report).map(printable);
}

function fileLines(report: BuildReport): string[] {
  return report.files.flatMap((file) => {
    const mark = MARK[file.outcome];
    if (file.outcome === 'published' || file.outcome === 'published-with-warnings') {
      const warnings = file.diagnostics.filter((d) => d.severity !== 'info');
      const facts = [
        `"${file.title ?? '(untitled)'}"`,
        file.published ?? 'undated',
        file.publisher ?? 'publisher unknown',
        ...(warnings.length > 0 ? [plural(warnings.length, 'warning')] : []),
      ];
      return [`${mark} ${file.file}  ${facts.join(' · ')}`, ...warnings.map((d) => `    ${formatDiagnostic(d)}`)];
    }
    const reason = file.reason ?? 'no reason given';
    const errors = file.diagnostics.filter((d) => d.severity === 'error');
    return [`${mark} ${file.file}  ${file.outcome}: ${reason}`, ...errors.map((d) => `    ${formatDiagnostic(d)}`)];
  });
}

/** The closing line: every file accounted for. */
export function formatTotal(report: BuildReport): string {
  const c = report.counts;
  const parts = [
    `${plural(report.files.length, 'file')} → ${plural(report.articles, 'article')}`,
    `${c.published} published`,
    `${c['published-with-warnings']} with warnings`,
    `${plural(c.duplicate, 'duplicate')}`,
    `${c.ignored} ignored`,
    `${c.skipped} skipped`,
  ];
  return `${parts[0]} (${parts.slice(1).join(', ')}); ${plural(report.indexedPages, 'page')} in the search index`;
}

/** Why the build failed under --strict, or null. */
export function formatStrictFailure(report: BuildReport): string | null {
  if (report.ok) return null;
  return `--strict: ${plural(report.problemFiles, 'file has', 'files have')} warnings or could not be published (marked ! and ✗ above)`;
}

/** build-report.json: the report without the folders it was built from and into (see reportJson). */
export type BuildReportJson = Omit<BuildReport, 'seedsDir' | 'outDir'>;

/**
 * The JSON written to <out>/build-report.json: stable key order, no timings and no folder paths (the
 * file sits in the output folder, and where the inputs lay is not part of the site), so equal inputs
 * give equal bytes wherever they are built; '<', '>' and '&' escaped as in every JSON file of the site.
 */
export function reportJson(report: BuildReport): string {
  const { seedsDir: _seedsDir, outDir: _outDir, ...published } = report;
  const shown: BuildReportJson = published;
  return `${json(shown, 2)}\n`;
}
