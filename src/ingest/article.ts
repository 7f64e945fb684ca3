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
import { findImpossibleDate } from './dates.ts';
import { withConfidence } from './confidence.ts';
import { chooseLanguage } from './language.ts';
import { slugify } from './slug.ts';
import { collapseWhiteSpace, isSpaceUnit } from './text.ts';

export { slugify } from './slug.ts';

export interface ArticleInput {
  sourceFile: string;
  sha256: string;
  text: TextMetadata;
  frontMatter: CatalogueEntry;
  catalogue: CatalogueEntry;
  body: Body;
  lines: ClassifiedLine[];
  /** A safe slug chosen in front matter (checked by frontMatter), or null to make one from the title. */
  slug: string | null;
  /** The language the page declares (<html lang>, meta), or null; front matter and catalogue win over it. */
  pageLanguage: Found<string> | null;
  /** 'YYYY-MM-DD' of the day the build runs, for `date/future`; null skips that check. Never read from the clock here. */
  today: string | null;
}

/** How many lines from the top are searched for a date that cannot exist, when no date was found. */
const IMPOSSIBLE_DATE_SEARCH_LINES = 60;

export const EXCERPT_MAX_CHARS = 300;

export function assembleArticle(input: ArticleInput): { article: Article | null; diagnostics: Diagnostic[] } {
  const { sourceFile, text, frontMatter, catalogue } = input;
  const diagnostics: Diagnostic[] = [];
  const provenance: Provenance = {};

  const title = chooseField(provenance, 'title', frontMatter.title, catalogue.title, text.title);
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

  const published = chooseField(provenance, 'published', toPublished(frontMatter.published), toPublished(catalogue.published), text.published);
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
  if (published === null) {
    const impossible = input.lines
      .slice(0, IMPOSSIBLE_DATE_SEARCH_LINES)
      .map((line) => ({ line, found: findImpossibleDate(line.text) }))
      .find((candidate) => candidate.found !== null);
    if (impossible?.found != null) {
      diagnostics.push(
        makeDiagnostic({
          file: sourceFile,
          line: impossible.line.line,
          ruleId: 'date/impossible',
          reason: `'${impossible.found}' is not a day of the calendar, so it was not used as the publication date`,
          note: 'correct the date in the text, or set `published: YYYY-MM-DD` in front matter or catalogue.yaml',
          actual: impossible.found,
        }),
      );
    }
  } else if (input.today !== null && isAfter(published, input.today)) {
    diagnostics.push(
      makeDiagnostic({
        file: sourceFile,
        line: provenance.published?.line ?? headlineLine,
        ruleId: 'date/future',
        reason: `the publication date ${published.iso.slice(0, published.precision === 'day' ? 10 : published.precision === 'month' ? 7 : 4)} is after today (${input.today})`,
        note: 'check the date in the text or front matter; the article is published with it as written',
        actual: published.iso,
      }),
    );
  }
  const publisher = chooseField(provenance, 'publisher', frontMatter.publisher, catalogue.publisher, text.publisher);
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
  const subtitle = chooseField(provenance, 'subtitle', frontMatter.subtitle, catalogue.subtitle, text.subtitle);
  const authors = chooseField(provenance, 'authors', frontMatter.authors, catalogue.authors, text.authors) ?? [];
  const url = chooseField(provenance, 'url', frontMatter.url, catalogue.url, text.url);
  const dateline = chooseField(provenance, 'dateline', frontMatter.dateline, catalogue.dateline, text.dateline);
  const section = chooseField(provenance, 'section', frontMatter.section, catalogue.section, text.section);

  if (input.body.markdown === '') {
    diagnostics.push(
      makeDiagnostic({ file: sourceFile, line: headlineLine, ruleId: 'body/empty', reason: 'no article text was found after the headline' }),
    );
  }

  const declaredLanguage: Found<string> | null =
    frontMatter.language !== undefined ? { value: frontMatter.language, provenance: { origin: 'front-matter', rule: 'language/front-matter', line: null } }
    : catalogue.language !== undefined ? { value: catalogue.language, provenance: { origin: 'catalogue', rule: 'language/catalogue', line: null } }
    : input.pageLanguage;
  const language = chooseLanguage(declaredLanguage, input.body.plainParagraphs);
  provenance.language = language.provenance;

  const slug = input.slug ?? slugify(title);
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
    language: language.value,
    body: input.body.markdown,
    excerpt: makeExcerpt(input.body.plainParagraphs),
    wordCount: input.body.words,
    captions: text.captions,
    related: text.related,
    comments: text.comments,
    warnings: diagnostics.filter((d) => d.severity === 'warning').map(formatDiagnostic),
    provenance: withConfidence(provenance),
    removed: removedLines(input.lines, text),
  };
  return { article, diagnostics };
}

/**
 * Picks the winning value of a field and records in `provenance` where it came from. A function of its own,
 * not a closure in assembleArticle: the TypeScript loader names each function it makes, each time.
 */
function chooseField<T>(provenance: Provenance, field: ProvenancedField, fromFrontMatter: T | undefined, fromCatalogue: T | undefined, fromText: Found<T> | null): T | null {
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

/** Whether a date of some precision starts after `today` ('2099-03' is after '2025-06-14'). */
function isAfter(published: PublishedDate, today: string): boolean {
  const length = published.precision === 'day' ? 10 : published.precision === 'month' ? 7 : 4;
  return published.iso.slice(0, length) > today.slice(0, length);
}

function toPublished(value: string | undefined): PublishedDate | undefined {
  if (value === undefined) return undefined;
  const parts = value.split('-');
  const precision: DatePrecision = parts.length === 3 ? 'day' : parts.length === 2 ? 'month' : 'year';
  const iso = [parts[0] ?? '', parts[1] ?? '01', parts[2] ?? '01'].join('-');
  return { iso, precision };
}

/** The first paragraphs as plain text, cut at a word boundary near EXCERPT_MAX_CHARS. */
export function makeExcerpt(paragraphs: string[]): string {
  return cutAtWord(excerptSource(paragraphs), EXCERPT_MAX_CHARS);
}

/** `text` if it has at most `max` characters, else cut at a word boundary before them, with '…'. */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  const kept = lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut;
  // `.replace(/[\s,;:.-]+$/, '')`, read from the end (the expression tries every position of the text).
  let end = kept.length;
  while (end > 0 && (isSpaceUnit(kept.charCodeAt(end - 1)) || ',;:.-'.includes(kept.charAt(end - 1)))) end--;
  return `${kept.slice(0, end)}…`;
}

/**
 * The paragraphs joined, white space collapsed: only the first ones when they already give more than
 * EXCERPT_MAX_CHARS (the rest could not change those characters), so a long body is not copied whole.
 */
function excerptSource(paragraphs: string[]): string {
  const collapse = collapseWhiteSpace;
  let joined = '';
  for (let index = 0; index < paragraphs.length; index++) {
    joined += (index === 0 ? '' : ' ') + paragraphs[index];
    if (joined.length > 4 * EXCERPT_MAX_CHARS) {
      const head = collapse(joined);
      if (head.length > EXCERPT_MAX_CHARS + 1) return head;
    }
  }
  return collapse(joined);
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

