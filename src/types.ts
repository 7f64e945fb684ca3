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
  /** How far the value can be trusted, from the rule that decided it (src/ingest/confidence.ts). */
  confidence?: Confidence;
}

/** How far an extracted value can be trusted: 'high' (declared or curated), 'medium' (a clear rule), 'low' (a guess). */
export type Confidence = 'high' | 'medium' | 'low';

/** The fields the build report asks the owner to check when they are missing or low-confidence. */
export type CheckedField = 'title' | 'published' | 'publisher' | 'authors';

/** A field of a published article that is missing or was only guessed. */
export interface UncertainField {
  field: CheckedField;
  /** 'missing' when the article has no value. */
  confidence: Confidence | 'missing';
  /** The rule that decided the value, null when missing. */
  rule: string | null;
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

/** Where each field came from; `language` too (it is not a row of the page's provenance table). */
export type Provenance = Partial<Record<ProvenancedField | 'language', FieldProvenance>>;

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
  /** A pinned page address under /articles/ (catalogue only; front matter's `slug:` is read by frontMatter). */
  slug?: string;
  /** BCP 47 language tag (`lang:` or `language:`). */
  language?: string;
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
  /** Corrections to how names of people, organisations and places are merged. */
  entities: EntityCorrections;
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
  /** How to cite the article (src/site/citations.ts). */
  citation: ArticleCitation;
  /** Where the capture is kept and can be checked (src/site/provenance.ts). */
  source: ArticleSource;
  /** The event the article covers, when it is part of one. */
  event: ArchiveEvent | null;
  /** For an undated article: where its text and related coverage place it (its date stays null). */
  placement: UndatedPlacement | null;
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
  /** The year's first timeline page. */
  url: string;
  /** Events on days of that year. */
  events: number;
}

export interface Timeline {
  years: TimelineYear[];
  undated: SiteArticle[];
  /** Every event, by day. */
  events: SiteEvent[];
  /** The overview's chart: the whole archive by month. Null when nothing is dated. */
  chart: TimelineChart | null;
  /** The year pages (and undated pages), each under the page size. */
  pages: TimelinePage[];
  /** True when the whole archive fits on the overview page, which then lists it all. */
  complete: boolean;
  /** Event id -> the year page that lists it ('/timeline/2019/'), for links from article pages. */
  eventPages: Record<string, string>;
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
  /** People, organisations and places, their pages and quotes (src/entities). */
  entities: EntitySite;
}

// ---------------------------------------------------------------------------
// Build report: what `npm run build` prints and writes as <out>/build-report.json.

/** One input file in the build report: what became of it and, when published, what it is. */
export interface BuildFileReport extends FileReport {
  title: string | null;
  published: string | null;
  publisher: string | null;
  /** Of a published article: title, date, publisher, authors when missing or low-confidence (what to catalogue). */
  uncertain: UncertainField[];
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

// ---------------------------------------------------------------------------
// Evaluation: `npm run eval -- DIR` scores the extractor on labelled cases (cases/ + truth/).

/** truth/<case>.json: what a case really says. */
export interface CaseTruth {
  /** The case's file name in cases/. */
  sourceFile: string;
  title: string;
  /** 'YYYY-MM-DD', or null when the page has no date. */
  published: string | null;
  publisher: string | null;
  /** Other accepted spellings of the publisher. */
  publisherAlt?: string[];
  /** True when the publisher's name appears in the text. */
  publisherInText?: boolean;
  authors: string[];
  url: string | null;
  /** True when the URL appears in the text (only then is it scored). */
  urlInText?: boolean;
  body: string;
}

/** The fields of an extracted record that are scored. */
export type EvalRecord = Pick<Article, 'title' | 'published' | 'publisher' | 'authors' | 'url' | 'body'>;

/** One case's score: each field right or wrong, null when the truth does not score it. */
export interface CaseScore {
  file: string;
  /** False when the extractor made no record of the case. */
  found: boolean;
  title: boolean;
  date: boolean | null;
  /** A date given where the truth has none (not gated). */
  dateWhereNone: boolean;
  publisher: boolean | null;
  publisherInText: boolean;
  url: boolean | null;
  /** Set F1 of the author names. */
  authors: number | null;
  body: { precision: number; recall: number; f1: number };
  /** What went wrong, one line per field. */
  misses: string[];
}

export interface FieldRate {
  right: number;
  of: number;
  percent: number;
}

export interface EvalTotals {
  cases: number;
  withoutRecord: number;
  title: FieldRate;
  /** Over the cases whose truth has a date. */
  date: FieldRate;
  dateWhereNone: { given: number; of: number };
  publisher: FieldRate;
  publisherInText: FieldRate;
  url: FieldRate;
  authors: { meanF1: number; of: number };
  /** f1 is the F1 of mean precision and mean recall (the benchmark's definition). */
  body: { precision: number; recall: number; f1: number; meanCaseF1: number };
}

export interface EvalResult {
  dir: string;
  totals: EvalTotals;
  cases: CaseScore[];
  /** Truth files that could not be read or cases missing from cases/. */
  problems: string[];
}

// ---------------------------------------------------------------------------
// Entities: people, organisations and places named in the articles (src/entities), and their quotes.

export type EntityKind = 'person' | 'organization' | 'place';

/** One name as it was found in an article's text, before merging. */
export interface EntityMention {
  kind: EntityKind;
  /** The name with titles, roles and possessives taken off ('Sergei Ryabkov'). */
  name: string;
  /** Which text unit: 0 the headline, 1 the subtitle, then the body's paragraphs from 2. */
  unit: number;
  /** Character offsets of the name in that unit's plain text. */
  start: number;
  end: number;
}

/** Corrections to the merging of names, from the catalogue's `entities:` section. */
export interface EntityCorrections {
  /** Name as found -> the name it is to be merged into ('Foreign Ministry': 'Russian Foreign Ministry'). */
  merge: Record<string, string>;
  /** Names never merged into another by close spelling or surname. */
  split: string[];
  /** Names dropped (not an entity). */
  ignore: string[];
}

/** A direct quote and who said it. */
export interface Quote {
  text: string;
  /** Slug of the person it is attributed to, or null when no speaker was found. */
  speaker: string | null;
  speakerName: string | null;
  /** How the speaker was found: a name by the quote ('named'), or 'he'/'the minister' taken to be the last speaker ('carried'). */
  attribution: 'named' | 'carried' | null;
  article: ArticleLink;
}

/** A link to an entity page. */
export interface EntityLink {
  kind: EntityKind;
  slug: string;
  name: string;
  /** /people/<slug>/, /organizations/<slug>/ or /places/<slug>/ */
  url: string;
  /** A value of the search's person or place filter (the archive's most-named; src/entities/index.ts SEARCH_FILTER_VALUES). */
  searchFilter: boolean;
}

/** One person, organisation or place of the archive, merged from every variant of its name. */
export interface Entity extends EntityLink {
  /** Every spelling found, the canonical name included, sorted. */
  variants: string[];
  /** Articles naming it, in archive (time) order, undated last. */
  articles: ArticleLink[];
  /** How many times it is named across the archive. */
  mentions: number;
  /** The names it appears with most often, with how many articles they share. */
  cooccurring: Array<EntityLink & { articles: number }>;
  quotes: Quote[];
}

/** An entity's page: entities with many articles are split over several pages. */
export interface EntityPage {
  entity: Entity;
  /** 1-based. */
  pageNumber: number;
  pageCount: number;
  url: string;
  articles: ArticleLink[];
  /** The entity's quotes from this page's articles. */
  quotes: Quote[];
  previousUrl: string | null;
  nextUrl: string | null;
}

/** A page of the index of one kind of entity. */
export interface EntityIndexPage {
  kind: EntityKind;
  title: string;
  url: string;
  pageNumber: number;
  pageCount: number;
  entries: Array<EntityLink & { articles: number }>;
  previousUrl: string | null;
  nextUrl: string | null;
}

/** What an article page shows of the entities it names; each kind most named in the article first. */
export interface ArticleEntities {
  people: EntityLink[];
  organizations: EntityLink[];
  places: EntityLink[];
  quotes: Quote[];
}

/** Every entity of the archive and their pages (SiteData.entities). */
export interface EntitySite {
  counts: Record<EntityKind, number>;
  pages: EntityPage[];
  indexPages: EntityIndexPage[];
  /** By article slug. */
  byArticle: Record<string, ArticleEntities>;
}

// ---------------------------------------------------------------------------
// Citations and provenance: what an article page offers to cite it and to check it against its capture.

/** A CSL-JSON name: a person as family/given, an agency or organisation as literal. */
export interface CslName {
  family?: string;
  given?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
  suffix?: string;
  literal?: string;
}

/** A CSL-JSON date with only the parts that are known: [[2019]], [[2019, 3]] or [[2019, 3, 20]]. */
export interface CslDate {
  'date-parts': [[number] | [number, number] | [number, number, number]];
}

/** The CSL-JSON item of an article (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html). */
export interface CslItem {
  id: string;
  type: 'article-newspaper';
  /** A BibTeX-safe key, unique in the archive. */
  'citation-key': string;
  title: string;
  'container-title'?: string;
  author?: CslName[];
  /** Absent when the article is undated: no date is invented. */
  issued?: CslDate;
  accessed?: CslDate;
  URL?: string;
  language?: string;
  section?: string;
}

export interface ArticleCitation {
  csl: CslItem;
  /** Formatted references as HTML whose only tags are <i> and </i> (citeproc-js escapes the text). */
  apa: string;
  mla: string;
  chicago: string;
  bibtex: string;
  ris: string;
  /** The CSL-JSON item as a one-item array, pretty-printed. */
  cslJson: string;
  /** The date for citation_publication_date: '2019/03/20', '2019/03', '2019', or null. */
  highwireDate: string | null;
  /** Absolute URL of the article's page, when the site's origin was given (not a loopback address). */
  pageUrl: string | null;
  /** schema.org NewsArticle, for <script type="application/ld+json"> (serialise with the `json` filter). */
  jsonLd: Record<string, unknown>;
}

export interface ArticleSource {
  /** Site path of the raw capture, byte for byte: 'articles/<slug>/source.txt' (no leading slash). */
  path: string;
  /** The original URL in the Wayback Machine (at the publication date when known), or null without a web address. */
  waybackUrl: string | null;
  /** Labels of the provenanced fields the capture did not yield (no value, no origin). */
  absentFields: string[];
}

// ---------------------------------------------------------------------------
// Events: days the text speaks of, the events articles cover, undated articles placed by inference.

/** Whether a date in the text looks back (news past tense, the default) or ahead ('will', 'are to', 'next'). */
export type Tense = 'past' | 'future';

/** A day (or span of days) written in an article's text, resolved against the article's own date. */
export interface DateMention {
  /** The words as written: 'on Tuesday', 'yesterday', 'last week', 'March 19', '14 May 2019'. */
  text: string;
  /** Offset of the words in the searched text. */
  index: number;
  kind: 'weekday' | 'relative-day' | 'relative-span' | 'month-day' | 'full-date';
  tense: Tense;
  /** 0 (Sunday) to 6 (Saturday) for a weekday mention, else null. */
  weekday: number | null;
  /** First and last day meant ('YYYY-MM-DD', equal for one day); null when there is no date to resolve against. */
  start: string | null;
  end: string | null;
}

/** Something that happened on one day, covered by one or more articles of the archive. */
export interface ArchiveEvent {
  /** Unique and stable: '2019-03-19-rome'. Used as the element id on the timeline. */
  id: string;
  /** 'YYYY-MM-DD': the day the articles' text puts the event on. */
  day: string;
  /** Made from the text: 'Rome talks: Ryabkov and Abrams'. The day is shown beside it, not in it. */
  label: string;
  place: string | null;
  /** The names that most mark the event, most telling first. */
  names: string[];
  /** The articles that cover it: dated ones by date, then undated ones placed here. */
  slugs: string[];
}

/** Where an undated article is placed by inference. Its stated date stays null. */
export interface UndatedPlacement {
  slug: string;
  /** Written on or after this day ('YYYY-MM-DD')... */
  earliest: string;
  /** ...and on or before this one. */
  latest: string;
  /** The range in words: 'Sunday 17 and Tuesday 19 March 2019'. */
  between: string;
  /** The event its text speaks of, when it is one of the archive's. */
  eventId: string | null;
  /** Why, in one sentence of plain text: what the text says and what related coverage fixes. */
  reason: string;
}

// ---------------------------------------------------------------------------
// Timeline with events: entries, pages (the timeline is paginated by year), the SVG chart's geometry.

/** An event with the articles that cover it, as the timeline lists it. */
export interface SiteEvent {
  event: ArchiveEvent;
  /** Dated articles by date, then undated ones placed here (see SiteArticle.placement). */
  articles: SiteArticle[];
}

/** One item of a month on the timeline: an event with its articles, or an article in no event. */
export type TimelineEntry = { kind: 'event'; day: string; event: SiteEvent } | { kind: 'article'; day: string; article: SiteArticle };

/** A month as a timeline page lists it. */
export interface TimelinePageMonth {
  /** 'YYYY-MM', or null for articles known only to the year. */
  month: string | null;
  entries: TimelineEntry[];
  /** True when the month began on an earlier page of the same year. */
  continued: boolean;
}

/** One page of the timeline: a year (or a part of a busy year), or the undated articles (or a part). */
export interface TimelinePage {
  /** '/timeline/2019/', '/timeline/2019/2/', '/timeline/undated/'. */
  url: string;
  /** '2019', or null for the undated pages. */
  year: string | null;
  /** 1-based part of the year, and how many parts it has. */
  part: number;
  parts: number;
  months: TimelinePageMonth[];
  undated: SiteArticle[];
  /** Articles listed on the page (an event's articles counted each). */
  count: number;
  chart: TimelineChart | null;
}

/** A bar of the chart: how many articles fall in one day (year pages) or month (overview). */
export interface ChartBar {
  x: number;
  y: number;
  width: number;
  height: number;
  count: number;
  /** 'March 2019' or '19 March 2019'. */
  label: string;
}

/** An event on the chart: a marker on the axis and, when there is room, a label in a lane above. */
export interface ChartEvent {
  id: string;
  x: number;
  /** Top of the stem; the label's baseline sits just above it. Null label: a marker only. */
  y: number;
  label: string | null;
  /** 'start' or 'end': labels near the right edge run leftwards. */
  anchor: 'start' | 'end';
  count: number;
}

/** An undated article placed by inference: a dashed span over its range of days. */
/** Undated articles placed in one span: drawn once however many share it, so a chart stays small. */
export interface ChartRange {
  x: number;
  width: number;
  label: string;
  /** Undated articles placed in this span. */
  count: number;
}

export interface ChartTick {
  x: number;
  label: string;
}

/** The geometry of a timeline chart (SVG drawn by a template), in viewBox units. */
export interface TimelineChart {
  width: number;
  height: number;
  /** The axis line's y. */
  baseline: number;
  /** Accessible name and description of the image. */
  title: string;
  description: string;
  ticks: ChartTick[];
  bars: ChartBar[];
  events: ChartEvent[];
  ranges: ChartRange[];
  /** 'day' on a year page, 'month' on the overview. */
  bin: 'day' | 'month';
}

/** Wall time of a build's phases in ms (`npm run build -- --timings FILE`; read by the bench, never part of the site). */
export interface BuildTimings {
  articles: number;
  ingestMs: number;
  /** Site data (timeline, related, prev/next) from the ingested archive. */
  siteDataMs: number;
  /** Eleventy, and the search index made at the same time: each from the start of both, so they overlap. */
  eleventyMs: number;
  searchIndexMs: number;
  totalMs: number;
  /** Threads that ingested: 1, or 1 + the worker threads (one per other core from 1,000 files). */
  ingestThreads: number;
}
