// The one shared types module: every record that crosses a module boundary is defined here.

/** How bad a diagnostic is: `error` means the file could not become an article. */
export type Severity = 'error' | 'warning' | 'info';

/** A problem found in one input file, as data (modelled on vfile-message). */
export interface Diagnostic {
  /** Input path relative to the input folder, with forward slashes. */
  file: string;
  /** 1-based line in the decoded text, or null when the problem is not tied to a line. */
  line: number | null;
  /** Namespaced kebab-case rule id, e.g. `date/missing`, `encoding/invalid-utf8`. */
  ruleId: string;
  source: 'ingest' | 'site' | 'search';
  severity: Severity;
  /** What is wrong, in one sentence. */
  reason: string;
  /** What the owner can do about it. */
  note?: string;
  /** The offending text, shortened. */
  actual?: string;
}

/** Where a metadata value came from. */
export type FieldOrigin = 'text' | 'front-matter' | 'catalogue' | 'inferred';

export interface FieldProvenance {
  origin: FieldOrigin;
  /** The rule that decided the value, e.g. `date/line`, `publisher/url-host`. */
  rule: string;
  /** 1-based line the value was read from, when there is one. */
  line: number | null;
}

/** The metadata fields whose origin is recorded. */
export type ProvenancedField =
  | 'title'
  | 'subtitle'
  | 'published'
  | 'publisher'
  | 'authors'
  | 'url'
  | 'dateline'
  | 'section';

export type Provenance = Partial<Record<ProvenancedField, FieldProvenance>>;

/** How precisely a date is known: '2019-03-20' (day), '2019-03' (month) or '2019' (year). */
export type DatePrecision = 'day' | 'month' | 'year';

export interface Caption {
  text: string;
  credit: string | null;
}

/** What a line of the raw text turned out to be. */
export type LineClass =
  | 'blank'
  | 'front-matter'
  | 'headline'
  | 'subtitle'
  | 'byline'
  | 'date'
  | 'dateline'
  | 'caption'
  | 'credit'
  | 'chrome'
  | 'related'
  | 'comment'
  | 'footer'
  | 'body';

export interface ClassifiedLine {
  /** 1-based line number in the decoded text (front matter included). */
  line: number;
  text: string;
  class: LineClass;
  /** The rule that gave the class, e.g. `chrome/share-bar`. */
  rule: string;
}

/** A line that was kept out of the body, with the rule that removed it (for provenance). */
export interface RemovedLine {
  line: number;
  text: string;
  class: LineClass;
  rule: string;
}

/** One article of the archive: the typed record every later stage works from. */
export interface Article {
  /** Stable, readable, unique; the page lives at /articles/<slug>/. */
  slug: string;
  /** Same value as slug; kept as the record's identifier in exports. */
  id: string;
  /** Path relative to the input folder, forward slashes. */
  sourceFile: string;
  /** sha256 of the raw bytes, lower-case hex. */
  sha256: string;
  title: string;
  subtitle: string | null;
  /** 'YYYY-MM-DD', or null when the article is undated. With month or year precision the day/month is 01. */
  published: string | null;
  datePrecision: DatePrecision | null;
  publisher: string | null;
  authors: string[];
  url: string | null;
  dateline: string | null;
  section: string | null;
  /** BCP 47 language tag when known. */
  language: string | null;
  /** Article text as Markdown (rendered with markdown-it, raw HTML disabled, at build time). */
  body: string;
  /** Plain-text summary, at most ~300 characters. */
  excerpt: string;
  wordCount: number;
  captions: Caption[];
  /** Titles of related articles linked from the capture. */
  related: string[];
  /** Reader comments: kept out of the body and out of search. */
  comments: string[];
  /** Formatted non-fatal diagnostics, e.g. `1:1 date/missing: no publication date found`. */
  warnings: string[];
  /** Where each metadata value came from. */
  provenance: Provenance;
  /** Lines kept out of the body, with the rule that removed each. */
  removed: RemovedLine[];
}

/** What became of one input file. */
export type FileOutcome = 'published' | 'published-with-warnings' | 'duplicate' | 'ignored' | 'skipped';

export interface FileReport {
  file: string;
  outcome: FileOutcome;
  /** Why the file was skipped, ignored or counted as a duplicate; null when published. */
  reason: string | null;
  slug: string | null;
  diagnostics: Diagnostic[];
}

export interface IngestReport {
  files: FileReport[];
  counts: Record<FileOutcome, number>;
}

/** Everything the site is built from. */
export interface Archive {
  /** Sorted by published date (undated last), then title, then sourceFile. */
  articles: Article[];
  report: IngestReport;
}

/** Curated facts that the raw text does not state, kept beside the inputs (catalogue.yaml). */
export interface CatalogueEntry {
  title?: string;
  subtitle?: string;
  published?: string;
  publisher?: string;
  authors?: string[];
  url?: string;
  dateline?: string;
  section?: string;
}

/** What the archive is, shown on the home page and in feeds. */
export interface ArchiveInfo {
  title: string;
  description: string;
}

export interface Catalogue {
  archive: ArchiveInfo | null;
  /** Per-file facts, keyed by path relative to the input folder. */
  articles: Record<string, CatalogueEntry>;
  /** Outlet names by URL host ('themoscowtimes.com': 'The Moscow Times'). */
  publishers: Record<string, string>;
}

export interface BuildOptions {
  seedsDir: string;
  outDir: string;
  /** URL path prefix, '/' or '/prefix/'. */
  base: string;
  strict: boolean;
}

// ---------------------------------------------------------------------------
// Site: what src/site turns an Archive into, and what the templates present.

/** A link to another article of the archive. */
export interface ArticleLink {
  slug: string;
  title: string;
  published: string | null;
  datePrecision: DatePrecision | null;
  publisher: string | null;
}

/** An article of the archive that shares names or terms with another. */
export interface RelatedLink extends ArticleLink {
  /** The shared names/terms that weigh most, most telling first. */
  shared: string[];
}

/** A related-article title from the original capture, linked when the archive holds that article. */
export interface CapturedRelated {
  title: string;
  slug: string | null;
}

/** One row of an article's provenance table. */
export interface ProvenanceRow {
  field: ProvenancedField;
  label: string;
  value: string;
  origin: FieldOrigin | null;
  rule: string | null;
  line: number | null;
}

/** An article with everything its page shows beside the record itself. */
export interface SiteArticle {
  article: Article;
  /** '2019', or null when undated. */
  year: string | null;
  /** Older neighbour in time (dated articles only). */
  previous: ArticleLink | null;
  /** Newer neighbour in time (dated articles only). */
  next: ArticleLink | null;
  related: RelatedLink[];
  capturedRelated: CapturedRelated[];
  provenance: ProvenanceRow[];
  /** The original URL when it is a safe http(s) address, else null. */
  originalUrl: string | null;
}

export interface TimelineMonth {
  /** 'YYYY-MM', or null for articles known only to the year. */
  month: string | null;
  articles: SiteArticle[];
}

export interface TimelineYear {
  year: string;
  count: number;
  months: TimelineMonth[];
}

export interface Timeline {
  years: TimelineYear[];
  undated: SiteArticle[];
}

export interface SiteCounts {
  articles: number;
  dated: number;
  undated: number;
  publishers: number;
  words: number;
  /** Earliest and latest publication dates, null when nothing is dated. */
  first: string | null;
  last: string | null;
}

/** Everything the templates are given (global data `dossier`). */
export interface SiteData {
  info: ArchiveInfo;
  /** Absolute URL of the site's root, base path included, for feeds and the sitemap: 'https://example.org/x/'. */
  rootUrl: string;
  /** Newest date in the archive (ISO day), used as the feeds' `updated`; null when nothing is dated. */
  updated: string | null;
  /** In archive order: by date, undated last. */
  articles: SiteArticle[];
  /** The home page's few: newest first, dated only. */
  latest: SiteArticle[];
  /** Every article, newest first, undated last (the feeds' order). */
  newestFirst: SiteArticle[];
  timeline: Timeline;
  counts: SiteCounts;
  publishers: Array<{ name: string; count: number }>;
}

// ---------------------------------------------------------------------------
// Build report: what `npm run build` prints and writes as <out>/build-report.json.

/** One input file in the build report: what became of it and, when published, what it is. */
export interface BuildFileReport extends FileReport {
  title: string | null;
  published: string | null;
  publisher: string | null;
}

export interface BuildReport {
  /** Input folder as given. */
  seedsDir: string;
  outDir: string;
  base: string;
  /** Absolute URL of the site root used in feeds and the sitemap. */
  rootUrl: string;
  strict: boolean;
  files: BuildFileReport[];
  counts: Record<FileOutcome, number>;
  /** Articles on the site. */
  articles: number;
  /** Pages Pagefind indexed. */
  indexedPages: number;
  /** Files with warnings plus skipped files: what --strict fails on. */
  problemFiles: number;
  /** False when --strict was on and some input had warnings or was skipped (the build then exits non-zero). */
  ok: boolean;
}

/** Wall time of a build's phases in ms (`npm run build -- --timings FILE`; read by the bench, never part of the site). */
export interface BuildTimings {
  articles: number;
  ingestMs: number;
  /** Site data (timeline, related, prev/next) from the ingested archive. */
  siteDataMs: number;
  eleventyMs: number;
  searchIndexMs: number;
  totalMs: number;
}
