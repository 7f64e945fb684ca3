// Public API of the ingest pipeline.
//   ingestText: one file's bytes -> Article (pure)
//   ingestFolder: a folder -> Archive (articles sorted, every file accounted for)
// The steps, in order (as trafilatura's core.py chains its stages):
//   read -> decode -> frontMatter -> classify -> metadata -> body -> article
import { basename, extname, join } from 'node:path';
import { formatDiagnostic, makeDiagnostic } from '../diagnostics.ts';
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
import { listFiles, readBytes, readOptionalText, sha256Hex } from './read.ts';

export { emptyCatalogue, parseCatalogue, CATALOGUE_FILE } from './catalogue.ts';
export { formatDiagnostic } from '../diagnostics.ts';

/** File name endings that are article inputs. */
export const INPUT_EXTENSIONS = ['.txt', '.md', '.markdown'] as const;

export interface IngestResult {
  article: Article | null;
  lines: ClassifiedLine[];
  diagnostics: Diagnostic[];
}

/** One file's bytes -> its Article (or null with an error diagnostic saying why). Pure. */
export function ingestText(sourceFile: string, bytes: Uint8Array, catalogue: Catalogue): IngestResult {
  const sha256 = sha256Hex(bytes);
  const empty = (lines: ClassifiedLine[], diagnostics: Diagnostic[]): IngestResult => ({
    article: null,
    lines,
    diagnostics: [
      ...diagnostics,
      makeDiagnostic({ file: sourceFile, line: null, ruleId: 'file/empty', severity: 'error', reason: 'the file is empty' }),
    ],
  });
  if (bytes.length === 0) return empty([], []);
  const decoded = decode(sourceFile, bytes);
  const frontMatter = readFrontMatter(sourceFile, decoded.text);
  const diagnostics = [...decoded.diagnostics, ...frontMatter.diagnostics];
  const entry = catalogue.articles[sourceFile] ?? {};
  const knownTitle = frontMatter.fields.title ?? entry.title ?? null;
  const classification = classifyLines(decoded.text, { frontMatterLines: frontMatter.lineCount, knownTitle });
  if (classification.blocks.length === 0 && knownTitle === null) return empty(classification.lines, diagnostics);
  const metadata = extractMetadata(classification, catalogue.publishers);
  const body = buildBody(classification, metadata.leadIn);
  const assembled = assembleArticle({
    sourceFile,
    sha256,
    text: metadata,
    frontMatter: frontMatter.fields,
    catalogue: entry,
    body,
    lines: classification.lines,
  });
  diagnostics.push(...assembled.diagnostics);
  const article = assembled.article;
  if (article !== null) {
    // Warnings of every step (encoding, front matter) travel with the record.
    article.warnings = diagnostics.filter((d) => d.severity === 'warning').map(formatDiagnostic);
  }
  return { article, lines: classification.lines, diagnostics };
}

/** Reads catalogue.yaml in `dir`, if there is one. */
export async function loadCatalogue(dir: string): Promise<{ catalogue: Catalogue; diagnostics: Diagnostic[]; found: boolean }> {
  const text = await readOptionalText(join(dir, CATALOGUE_FILE));
  if (text === null) return { catalogue: emptyCatalogue(), diagnostics: [], found: false };
  return { ...parseCatalogue(text, CATALOGUE_FILE), found: true };
}

/** A folder (walked recursively) -> the Archive: sorted articles and a report on every file. */
export async function ingestFolder(dir: string): Promise<Archive> {
  const files = await listFiles(dir);
  const loaded = await loadCatalogue(dir);
  const reports: FileReport[] = [];
  const articles: Article[] = [];
  const firstBySha = new Map<string, string>();

  for (const file of files) {
    if (file.path === CATALOGUE_FILE) {
      reports.push({ file: file.path, outcome: 'ignored', reason: 'the catalogue (configuration), not an article', slug: null, diagnostics: loaded.diagnostics });
      continue;
    }
    const extension = extname(file.path).toLowerCase();
    if (!(INPUT_EXTENSIONS as readonly string[]).includes(extension) || basename(file.path).startsWith('.')) {
      const reason = basename(file.path) === CATALOGUE_FILE
        ? 'only the catalogue.yaml at the top of the input folder is read'
        : `not an article input (only ${INPUT_EXTENSIONS.join(', ')} files are read)`;
      reports.push({ file: file.path, outcome: 'ignored', reason, slug: null, diagnostics: [] });
      continue;
    }
    const read = await readBytes(file.absolutePath);
    if (!read.ok) {
      const diagnostic = makeDiagnostic({ file: file.path, ruleId: 'file/unreadable', severity: 'error', reason: read.reason });
      reports.push({ file: file.path, outcome: 'skipped', reason: read.reason, slug: null, diagnostics: [diagnostic] });
      continue;
    }
    const sha256 = sha256Hex(read.bytes);
    const original = firstBySha.get(sha256);
    if (original !== undefined) {
      reports.push({ file: file.path, outcome: 'duplicate', reason: `same bytes as ${original}, which is kept`, slug: null, diagnostics: [] });
      continue;
    }
    firstBySha.set(sha256, file.path);
    const result = ingestText(file.path, read.bytes, loaded.catalogue);
    if (result.article === null) {
      const fatal = result.diagnostics.find((d) => d.severity === 'error');
      reports.push({ file: file.path, outcome: 'skipped', reason: fatal?.reason ?? 'not an article', slug: null, diagnostics: result.diagnostics });
      continue;
    }
    articles.push(result.article);
    const outcome: FileOutcome = result.article.warnings.length > 0 ? 'published-with-warnings' : 'published';
    reports.push({ file: file.path, outcome, reason: null, slug: null, diagnostics: result.diagnostics });
  }

  assignUniqueSlugs(articles);
  const slugByFile = new Map(articles.map((article) => [article.sourceFile, article.slug]));
  for (const report of reports) report.slug = slugByFile.get(report.file) ?? null;
  articles.sort(compareArticles);
  const counts: Record<FileOutcome, number> = { published: 0, 'published-with-warnings': 0, duplicate: 0, ignored: 0, skipped: 0 };
  for (const report of reports) counts[report.outcome]++;
  return { articles, report: { files: reports, counts } };
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

/**
 * Makes slugs unique without depending on the order files were listed: within a group of equal
 * slugs the earliest article (by date, then source file) keeps the plain slug; the others get their
 * date, or failing that the start of their sha256.
 */
export function assignUniqueSlugs(articles: Article[]): void {
  const groups = new Map<string, Article[]>();
  for (const article of articles) groups.set(article.slug, [...(groups.get(article.slug) ?? []), article]);
  const taken = new Set(groups.keys());
  for (const [slug, group] of [...groups.entries()].sort(([a], [b]) => compareText(a, b))) {
    if (group.length < 2) continue;
    group.sort((a, b) => compareText(a.published ?? '9999', b.published ?? '9999') || compareText(a.sourceFile, b.sourceFile));
    for (const article of group.slice(1)) {
      const candidates = [
        ...(article.published === null ? [] : [`${slug}-${article.published}`]),
        `${slug}-${article.sha256.slice(0, 8)}`,
        `${slug}-${article.sha256}`,
      ];
      const unique = candidates.find((candidate) => !taken.has(candidate)) ?? `${slug}-${article.sha256}`;
      taken.add(unique);
      article.slug = unique;
      article.id = unique;
    }
  }
}
