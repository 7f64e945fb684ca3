// Text metadata + front matter + catalogue + body -> the Article record, with provenance and warnings.
// Precedence per field: front matter (the file's own curated facts) > catalogue > the text.
import { makeDiagnostic, formatDiagnostic } from '../diagnostics.ts';
import type {
  Article,
  CatalogueEntry,
  ClassifiedLine,
  DatePrecision,
  Diagnostic,
  FieldProvenance,
  Provenance,
  ProvenancedField,
  RemovedLine,
} from '../types.ts';
import type { Body } from './body.ts';
import type { Found, PublishedDate, TextMetadata } from './metadata.ts';
import { wordCount } from './text.ts';

export interface ArticleInput {
  sourceFile: string;
  sha256: string;
  text: TextMetadata;
  frontMatter: CatalogueEntry;
  catalogue: CatalogueEntry;
  body: Body;
  lines: ClassifiedLine[];
}

export const EXCERPT_MAX_CHARS = 300;
const SLUG_MAX_CHARS = 80;

export function assembleArticle(input: ArticleInput): { article: Article | null; diagnostics: Diagnostic[] } {
  const { sourceFile, text, frontMatter, catalogue } = input;
  const diagnostics: Diagnostic[] = [];
  const provenance: Provenance = {};

  /** Picks the winning value of a field and records where it came from. */
  function choose<T>(field: ProvenancedField, fromFrontMatter: T | undefined, fromCatalogue: T | undefined, fromText: Found<T> | null): T | null {
    if (fromFrontMatter !== undefined) {
      provenance[field] = { origin: 'front-matter', rule: `${field}/front-matter`, line: null };
      return fromFrontMatter;
    }
    if (fromCatalogue !== undefined) {
      provenance[field] = { origin: 'catalogue', rule: `${field}/catalogue`, line: null };
      return fromCatalogue;
    }
    if (fromText !== null) {
      provenance[field] = fromText.provenance;
      return fromText.value;
    }
    return null;
  }

  const title = choose('title', frontMatter.title, catalogue.title, text.title);
  if (title === null || title.trim() === '') {
    diagnostics.push(
      makeDiagnostic({
        file: sourceFile,
        line: 1,
        ruleId: 'title/missing',
        severity: 'error',
        reason: 'no headline was found, so the file is not an article',
        note: 'start the file with the headline, or set `title:` in front matter or catalogue.yaml',
      }),
    );
    return { article: null, diagnostics };
  }

  const published = choose('published', toPublished(frontMatter.published), toPublished(catalogue.published), text.published);
  const headlineLine = provenance.title?.line ?? 1;
  if (published === null) {
    diagnostics.push(
      makeDiagnostic({
        file: sourceFile,
        line: headlineLine,
        ruleId: 'date/missing',
        reason: 'no publication date was found; the article is undated',
        note: 'add `published: YYYY-MM-DD` for this file in catalogue.yaml or in front matter',
      }),
    );
  }
  const publisher = choose('publisher', frontMatter.publisher, catalogue.publisher, text.publisher);
  if (publisher === null) {
    diagnostics.push(
      makeDiagnostic({
        file: sourceFile,
        line: headlineLine,
        ruleId: 'publisher/missing',
        reason: 'no publisher was found',
        note: 'add `publisher:` for this file in catalogue.yaml or in front matter',
      }),
    );
  }
  const subtitle = choose('subtitle', frontMatter.subtitle, catalogue.subtitle, text.subtitle);
  const authors = choose('authors', frontMatter.authors, catalogue.authors, text.authors) ?? [];
  const url = choose('url', frontMatter.url, catalogue.url, text.url);
  const dateline = choose('dateline', frontMatter.dateline, catalogue.dateline, text.dateline);
  const section = choose('section', frontMatter.section, catalogue.section, text.section);

  if (input.body.markdown === '') {
    diagnostics.push(
      makeDiagnostic({ file: sourceFile, line: headlineLine, ruleId: 'body/empty', reason: 'no article text was found after the headline' }),
    );
  }

  const slug = slugify(title);
  const article: Article = {
    slug,
    id: slug,
    sourceFile,
    sha256: input.sha256,
    title: title.trim(),
    subtitle,
    published: published?.iso ?? null,
    datePrecision: published?.precision ?? null,
    publisher,
    authors,
    url,
    dateline,
    section,
    language: null,
    body: input.body.markdown,
    excerpt: makeExcerpt(input.body.plainParagraphs),
    wordCount: input.body.plainParagraphs.reduce((sum, paragraph) => sum + wordCount(paragraph), 0),
    captions: text.captions,
    related: text.related,
    comments: text.comments,
    warnings: diagnostics.filter((d) => d.severity === 'warning').map(formatDiagnostic),
    provenance,
    removed: removedLines(input.lines, text),
  };
  return { article, diagnostics };
}

function toPublished(value: string | undefined): PublishedDate | undefined {
  if (value === undefined) return undefined;
  const parts = value.split('-');
  const precision: DatePrecision = parts.length === 3 ? 'day' : parts.length === 2 ? 'month' : 'year';
  const iso = [parts[0] ?? '', parts[1] ?? '01', parts[2] ?? '01'].join('-');
  return { iso, precision };
}

/** Readable, stable slug: 'U.S.-Russia Talks on Venezuela' -> 'us-russia-talks-on-venezuela'. */
export function slugify(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/(\p{L})[.'’](?=\p{L})/gu, '$1')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (base.length <= SLUG_MAX_CHARS) return base === '' ? 'article' : base;
  const cut = base.slice(0, SLUG_MAX_CHARS);
  const lastDash = cut.lastIndexOf('-');
  return lastDash > 20 ? cut.slice(0, lastDash) : cut;
}

/** The first paragraphs as plain text, cut at a word boundary near EXCERPT_MAX_CHARS. */
export function makeExcerpt(paragraphs: string[]): string {
  const text = paragraphs.join(' ').replace(/\s+/g, ' ').trim();
  if (text.length <= EXCERPT_MAX_CHARS) return text;
  const cut = text.slice(0, EXCERPT_MAX_CHARS - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > EXCERPT_MAX_CHARS / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

function removedLines(lines: ClassifiedLine[], text: TextMetadata): RemovedLine[] {
  const removed: RemovedLine[] = lines
    .filter((line) => line.class !== 'body' && line.class !== 'blank')
    .map((line) => ({ line: line.line, text: line.text, class: line.class, rule: line.rule }));
  if (text.leadIn !== null) {
    removed.push({ line: text.leadIn.line, text: text.leadIn.prefix.trim(), class: 'dateline', rule: text.leadIn.rule });
    removed.sort((a, b) => a.line - b.line);
  }
  return removed;
}

