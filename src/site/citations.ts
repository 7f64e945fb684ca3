// How to cite an article: its CSL-JSON item, built from the record, and what citation-js makes of it
// (APA, MLA, Chicago, BibTeX, RIS), plus the head metadata reference managers read (citation_*,
// schema.org NewsArticle) and the archive-wide CSV. Pure; the references of a whole archive come from one
// citeproc-js engine per style, set up once and fed every item at once (citation-js's own 'bibliography'
// output re-registers its items and re-runs sorting and disambiguation on every call: ~15 ms an article).
import CSL from 'citeproc';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import { parse as parseName } from '@citation-js/name';
import type { Article, ArticleCitation, CslDate, CslItem, CslName, SiteArticle } from '../types.ts';
import { CHICAGO_STYLE, MLA_STYLE, styleForItems } from './citationStyles.ts';
import { webUrl } from './markdown.ts';

/** citeproc-js template names: 'apa' ships with plugin-csl, the other two are in citationStyles.ts. */
const TEMPLATES = { apa: 'apa', mla: 'dossier-mla', chicago: 'dossier-chicago' } as const;
type CitationStyle = keyof typeof TEMPLATES;
const { styles, locales } = plugins.config.get('@csl');
if (!styles.has(TEMPLATES.mla)) styles.add(TEMPLATES.mla, MLA_STYLE);
if (!styles.has(TEMPLATES.chicago)) styles.add(TEMPLATES.chicago, CHICAGO_STYLE);
const LOCALE = 'en-US';

/**
 * A style cut down to what one reference per item needs. An article is cited alone, so nothing else in the
 * archive may change it: disambiguation (APA's 2019a/2019b, added given names) is switched off, and the
 * bibliography's sort (order only) and the in-text citation (rendered for every item only to disambiguate)
 * are dropped, which is most of citeproc-js's work per item for APA.
 */
export function referenceOnlyStyle(xml: string): string {
  return xml
    .replace(/\s(?:disambiguate-add-[a-z-]+|givenname-disambiguation-rule)="[^"]*"/g, '')
    .replace(/(<bibliography\b[^>]*>\s*)<sort>[\s\S]*?<\/sort>/, '$1')
    .replace(/(<citation\b[^>]*>)[\s\S]*?<\/citation>/, '$1<layout><text variable="title"/></layout></citation>');
}

/** One engine per style for the life of the process; items are handed to it per batch through `batch`. */
interface StyleEngine {
  engine: CSL.Engine;
  batch: Map<string, CslItem>;
}
const engines = new Map<CitationStyle, StyleEngine>();
let batchCount = 0;
/**
 * Items handed to an engine at once: the cost per item is the same at 100 or 1,000, and memory stays bounded
 * on a big archive. Small enough that the two threads sharing the batches (referencesThread.ts) finish
 * close together: an APA batch is about 0.3 s of CPU (1,000 items left one thread idle for seconds at 1,000 articles).
 */
export const BATCH_SIZE = 250;

/** A citeproc-js engine for a style, reading its items from its batch. */
function styleEngine(style: string | CSL.StyleNode): StyleEngine {
  const batch = new Map<string, CslItem>();
  const engine = new CSL.Engine(
    {
      retrieveItem: (id) => batch.get(id)!,
      retrieveLocale: (lang) => locales.get(lang) ?? locales.get(lang.replace('-', '_')) ?? {},
    },
    style,
    LOCALE,
    true,
  );
  engine.setOutputFormat('html');
  // As plugin-csl sets it: URLs stay text, not links.
  engine.opt.development_extensions.wrap_url_and_doi = false;
  return { engine, batch };
}

function engineFor(style: CitationStyle): StyleEngine {
  let entry = engines.get(style);
  if (!entry) {
    entry = styleEngine(styleForItems(referenceOnlyStyle(styles.get(TEMPLATES[style]))));
    engines.set(style, entry);
  }
  return entry;
}

/** Words that make a byline an organisation (an agency, a desk), cited as written rather than as family/given. */
const ORGANISATION_WORDS =
  /\b(?:news|agency|agencies|agence|agencia|agenzia|press|presse|staff|service|bureau|desk|team|editors?|editorial|board|wire|correspondents?|reporters|media|network|newsroom|associated|international|group|television|radio|channel)\b/iu;
/** An acronym such as AFP, AP, RIA, TASS: two or more capitals and nothing else. */
const ACRONYM = /^\p{Lu}{2,}$/u;

/**
 * A byline name as CSL: a person as family/given (particles kept apart by @citation-js/name), an agency,
 * a desk or the outlet itself as a literal, so 'Reuters' never becomes a surname with no given name.
 */
export function cslName(name: string, publisher: string | null = null): CslName {
  const text = name.trim().replace(/\s+/g, ' ');
  const words = text.split(' ');
  const organisation =
    words.length < 2 ||
    words.some((w) => ACRONYM.test(w.replace(/[.,]/g, ''))) ||
    /[\d&/@+]/.test(text) ||
    ORGANISATION_WORDS.test(text) ||
    (publisher !== null && text.localeCompare(publisher, 'en', { sensitivity: 'base' }) === 0);
  if (organisation) return { literal: text };
  const parsed = parseName(text);
  if (!parsed.family || !parsed.given) return { literal: text };
  const result: CslName = { family: parsed.family, given: parsed.given };
  if (parsed['non-dropping-particle']) result['non-dropping-particle'] = parsed['non-dropping-particle'];
  if (parsed['dropping-particle']) result['dropping-particle'] = parsed['dropping-particle'];
  if (parsed.suffix) result.suffix = parsed.suffix;
  return result;
}

/** The record's date with only the parts known at its precision; undefined when undated (no date is invented). */
export function cslDate(article: Pick<Article, 'published' | 'datePrecision'>): CslDate | undefined {
  if (!article.published) return undefined;
  const [year, month, day] = article.published.split('-').map(Number) as [number, number, number];
  if (article.datePrecision === 'year') return { 'date-parts': [[year]] };
  if (article.datePrecision === 'month') return { 'date-parts': [[year, month]] };
  return { 'date-parts': [[year, month, day]] };
}

/** '2019/03/20', '2019/03' or '2019', the form Google Scholar and Zotero read in citation_publication_date. */
export function highwireDate(article: Pick<Article, 'published' | 'datePrecision'>): string | null {
  if (!article.published) return null;
  const length = article.datePrecision === 'year' ? 4 : article.datePrecision === 'month' ? 7 : 10;
  return article.published.slice(0, length).replace(/-/g, '/');
}

/** The ISO 8601 date at its precision ('2019-03-20', '2019-03', '2019'), for JSON-LD. */
const isoAtPrecision = (article: Pick<Article, 'published' | 'datePrecision'>): string | null =>
  highwireDate(article)?.replace(/\//g, '-') ?? null;

/** A BibTeX key from each slug: ASCII letters, digits and '_', unique in the archive (a suffix when two agree). */
export function citationKeys(slugs: readonly string[]): Map<string, string> {
  const keys = new Map<string, string>();
  const used = new Set<string>();
  for (const slug of slugs) {
    const base =
      slug
        .normalize('NFD')
        .replace(/\p{M}+/gu, '')
        .replace(/[^A-Za-z0-9]+/g, '_')
        .replace(/^_+|_+$/g, '') || 'article';
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}_${n}`;
    used.add(key);
    keys.set(slug, key);
  }
  return keys;
}

/** The article as a CSL-JSON item: title, outlet as container, authors, date at its precision, original URL. */
export function cslItem(article: Article, key: string): CslItem {
  const item: CslItem = { id: article.slug, type: 'article-newspaper', 'citation-key': key, title: article.title };
  if (article.publisher) item['container-title'] = article.publisher;
  if (article.authors.length > 0) item.author = article.authors.map((name) => cslName(name, article.publisher));
  const issued = cslDate(article);
  if (issued) item.issued = issued;
  const url = webUrl(article.url);
  if (url) item.URL = url;
  if (article.language) item.language = article.language;
  if (article.section) item.section = article.section;
  return item;
}

/** Formatted references as HTML, one per item in order (at most BATCH_SIZE items). */
const referenceBatch = (items: readonly CslItem[], style: CitationStyle): string[] => referencesOf(items, engineFor(style));

/** The references of items by a style of one's own (CSL XML or parsed), with a new engine: to compare styles. */
export const referencesIn = (items: readonly CslItem[], style: string | CSL.StyleNode): string[] => referencesOf(items, styleEngine(style));

/**
 * citeproc-js escapes the text (&#60; for '<') and marks italics with <i>; it also honours the few tags CSL
 * allows inside a field (<b>, <sup>, <span class="nocase">…), so every tag but <i> and </i> is dropped: a
 * title's markup stays out of the page.
 */
function referencesOf(items: readonly CslItem[], { engine, batch }: StyleEngine): string[] {
  // Ids of this batch alone (citeproc-js keeps what it rendered under an id), and by position, so two
  // items with one id stay two references.
  batchCount += 1;
  const ids = items.map((_, i) => `${batchCount}:${i}`);
  items.forEach((item, i) => batch.set(ids[i]!, { ...item, id: ids[i]! }));
  engine.updateItems(ids, true);
  const [{ entry_ids: entryIds }, entries] = engine.makeBibliography();
  engine.updateItems([], true);
  batch.clear();
  const html = new Map(entryIds.map(([id], i) => [id, entries[i]!]));
  return ids.map((id) =>
    (html.get(id) ?? '')
      .replace(/<(?!\/?i>)[^>]*>/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

/** The three formatted references of each item (APA, MLA, Chicago), in the items' order. */
export interface FormattedReferences {
  apa: string[];
  mla: string[];
  chicago: string[];
}

/** What gives the references of an archive's items: formatReferences here, or a worker thread (referencesThread.ts). */
export type ReferencesSource = (items: readonly CslItem[]) => FormattedReferences;

/** One piece of an archive's references: one style's references of items [start, end). */
export interface ReferenceBatch {
  style: CitationStyle;
  start: number;
  end: number;
}

/** The batches of `count` items' references, in the order formatReferences formats them: APA's, then MLA's, then Chicago's, each BATCH_SIZE items at most. */
export function referenceBatches(count: number): ReferenceBatch[] {
  const batches: ReferenceBatch[] = [];
  for (const style of Object.keys(TEMPLATES) as CitationStyle[]) {
    for (let start = 0; start < count; start += BATCH_SIZE) batches.push({ style, start, end: Math.min(count, start + BATCH_SIZE) });
  }
  return batches;
}

/** The references of one batch (see referenceBatches): what formatReferences gives for those items in that style. */
export const formatBatch = (items: readonly CslItem[], { style, start, end }: ReferenceBatch): string[] => referenceBatch(items.slice(start, end), style);

/** The formatted references of each batch of referenceBatches(count), in that order, as FormattedReferences. */
export function joinBatches(batches: readonly ReferenceBatch[], formatted: ReadonlyArray<readonly string[]>): FormattedReferences {
  const joined: FormattedReferences = { apa: [], mla: [], chicago: [] };
  batches.forEach(({ style }, i) => joined[style].push(...formatted[i]!));
  return joined;
}

/**
 * The three styles' references of `items`, on this thread: every batch of referenceBatches formatted in order
 * and joined, the same batches a worker thread shares (referencesThread.ts), so both give the same bytes.
 */
export function formatReferences(items: readonly CslItem[]): FormattedReferences {
  const batches = referenceBatches(items.length);
  return joinBatches(batches, batches.map((batch) => formatBatch(items, batch)));
}

/** One formatted reference as HTML (see referenceBatch). */
export const reference = (item: CslItem, style: CitationStyle): string => referenceBatch([item], style)[0]!;

/** BibTeX of the items (@article with journal = outlet, the standard BibTeX form for news). */
export const bibtex = (items: readonly CslItem[]): string => plugins.output.format('bibtex', items, { format: 'text' }) as string;

/**
 * RIS of the items: TY NEWS, T1, A1 per author, Y1 with the date's known parts, JF, UR (no ID, no PY). The classic tag set
 * ('old' in citation-js), which keeps the authors and the full date; citation-js's newer set drops both for
 * NEWS. Lines are written whole: citation-js's own text output wraps at 70 characters, breaking URLs.
 */
export function ris(items: readonly CslItem[]): string {
  const records = plugins.output.format('ris', items, { format: 'object', spec: 'old' }) as Array<Record<string, unknown>>;
  return records
    .map((record) => {
      const lines = [`TY  - ${String(record.TY)}`];
      for (const [tag, value] of Object.entries(record)) {
        // ID: citation-js cuts it to 20 characters, so two articles could share one; the record needs none.
        // PY: a tag of the newer set only, so a reader seeing it (citation-js's own parser does) reads the
        // record by the newer set and drops A1 and Y1; Y1 carries the year already.
        if (tag === 'TY' || tag === 'ID' || tag === 'PY') continue;
        for (const v of ([] as unknown[]).concat(value)) lines.push(`${tag}  - ${String(v).replace(/\s*[\r\n]+\s*/g, ' ')}`);
      }
      lines.push('ER  - ');
      return `${lines.join('\n')}\n`;
    })
    .join('\n');
}

/** True for an origin that only this machine can reach (the dev server's default), which no page should advertise. */
const isLoopback = (rootUrl: string): boolean => /^(?:localhost|127(?:\.\d+){3}|\[::1\])$/.test(new URL(rootUrl).hostname);

/** The article's page, absolute, when the site's origin was given; null for a loopback origin. */
export const pageUrlOf = (slug: string, rootUrl: string): string | null =>
  isLoopback(rootUrl) ? null : `${rootUrl}articles/${encodeURIComponent(slug)}/`;

/**
 * schema.org NewsArticle: what the page is, for search engines and reference managers that read JSON-LD. No
 * description: the page's meta description carries the excerpt once (templates/_includes/partials/citation-meta.njk).
 */
export function newsArticleJsonLd(article: Article, pageUrl: string | null): Record<string, unknown> {
  const url = webUrl(article.url);
  const published = isoAtPrecision(article);
  const person = (name: string): Record<string, string> => ({
    '@type': cslName(name, article.publisher).literal === undefined ? 'Person' : 'Organization',
    name,
  });
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    ...(article.subtitle ? { alternativeHeadline: article.subtitle } : {}),
    ...(published ? { datePublished: published } : {}),
    ...(article.authors.length > 0 ? { author: article.authors.map(person) } : {}),
    ...(article.publisher ? { publisher: { '@type': 'Organization', name: article.publisher } } : {}),
    ...(url ? { url } : {}),
    ...(pageUrl ? { archivedAt: pageUrl } : {}),
    ...(article.language ? { inLanguage: article.language } : {}),
    ...(article.section ? { articleSection: article.section } : {}),
    wordCount: article.wordCount,
  };
}

/** The CSL-JSON item of each article, in the order of `articles`; keys by slug (citationKeys). */
export const citationItems = (articles: readonly Article[], keys: ReadonlyMap<string, string>): CslItem[] =>
  articles.map((article) => cslItem(article, keys.get(article.slug) ?? article.slug));

/** Everything each article page offers for citing it, in the order of `articles`; keys by slug (citationKeys). */
export function articleCitations(
  articles: readonly Article[],
  keys: ReadonlyMap<string, string>,
  rootUrl: string,
  format: ReferencesSource = formatReferences,
): ArticleCitation[] {
  const items = citationItems(articles, keys);
  const { apa, mla, chicago } = format(items);
  return articles.map((article, i) => {
    const csl = items[i]!;
    const pageUrl = pageUrlOf(article.slug, rootUrl);
    return {
      csl,
      apa: apa[i]!,
      mla: mla[i]!,
      chicago: chicago[i]!,
      bibtex: bibtex([csl]),
      ris: ris([csl]),
      cslJson: JSON.stringify([csl], null, 2),
      highwireDate: highwireDate(article),
      pageUrl,
      jsonLd: newsArticleJsonLd(article, pageUrl),
    };
  });
}

/** Everything an article page offers for citing it. */
export const articleCitation = (article: Article, key: string, rootUrl: string): ArticleCitation =>
  articleCitations([article], new Map([[article.slug, key]]), rootUrl)[0]!;

/** The columns of /articles.csv, in order. */
export const CSV_COLUMNS = [
  'id',
  'title',
  'subtitle',
  'published',
  'date_precision',
  'publisher',
  'authors',
  'url',
  'dateline',
  'section',
  'language',
  'word_count',
  'source_file',
  'sha256',
  'page',
  'source',
  'excerpt',
] as const;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled. A cell that a
 * spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return) gets a leading ',
 * so opening the export never executes text from an input (OWASP "CSV injection").
 */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Every record as CSV: a header row, then a row per article in archive order, CRLF line ends. */
export function articlesCsv(articles: readonly SiteArticle[]): string {
  return [...articlesCsvLines(articles)].join('');
}

/** articles.csv one line at a time (the header first), so a large archive is never one string. */
export function* articlesCsvLines(articles: readonly SiteArticle[]): Generator<string> {
  yield csvLine(CSV_COLUMNS);
  for (const { article: a, source } of articles) {
    yield csvLine([
      a.slug,
      a.title,
      a.subtitle,
      a.published,
      a.datePrecision,
      a.publisher,
      a.authors.join('; '),
      a.url,
      a.dateline,
      a.section,
      a.language,
      a.wordCount,
      a.sourceFile,
      a.sha256,
      `articles/${a.slug}/`,
      source.path,
      a.excerpt,
    ]);
  }
}

const csvLine = (row: readonly (string | number | null)[]): string => `${row.map(csvCell).join(',')}\r\n`;
