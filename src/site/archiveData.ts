// Pure functions that turn an Archive into what the templates present: neighbours in time, related
// articles, the provenance table, the timeline (year, then month, undated apart), counts.
import type {
  Archive,
  ArchiveInfo,
  Article,
  ArticleLink,
  CapturedRelated,
  ProvenanceRow,
  ProvenancedField,
  EntityCorrections,
  SiteArticle,
  SiteCounts,
  SiteData,
  Timeline,
  TimelineMonth,
} from '../types.ts';
import { articleCitations, citationKeys, formatReferences, type ReferencesSource } from './citations.ts';
import { webUrl } from './markdown.ts';
import { assertSafeSlugs } from './outputPaths.ts';
import { articleSource } from './provenance.ts';
import { findRelated } from './related.ts';
import { buildEntitySite, NO_CORRECTIONS } from '../entities/index.ts';
import { findEvents } from '../events/events.ts';
import { withEvents } from '../events/timeline.ts';

/** Shown when the catalogue does not describe the archive. */
export const DEFAULT_INFO: ArchiveInfo = {
  title: 'Dossier',
  description: 'An archive of news articles, kept as they were captured, with where every fact came from.',
};

/** Where the site will live: an origin ('https://example.org') and a path prefix ('/' or '/x/'). */
export interface SiteLocation {
  siteUrl: string;
  base: string;
}

/** 'https://example.org' + '/x/' -> 'https://example.org/x/'. */
export function rootUrl({ siteUrl, base }: SiteLocation): string {
  const origin = new URL(siteUrl).origin;
  const path = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  return `${origin}${path}`;
}

/** How many articles the home page lists. */
export const LATEST_COUNT = 5;

export const FIELD_LABELS: Record<ProvenancedField, string> = {
  title: 'Headline',
  subtitle: 'Subtitle',
  published: 'Date',
  publisher: 'Publisher',
  authors: 'Authors',
  url: 'Original URL',
  dateline: 'Dateline',
  section: 'Section',
};

export function linkTo(article: Article): ArticleLink {
  const { slug, title, published, datePrecision, publisher } = article;
  return { slug, title, published, datePrecision, publisher };
}

/** The value of a provenanced field as text, or null when the article has none. */
function fieldText(article: Article, field: ProvenancedField): string | null {
  const value = article[field];
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : null;
  return value;
}

export function provenanceRows(article: Article): ProvenanceRow[] {
  return (Object.keys(FIELD_LABELS) as ProvenancedField[]).flatMap((field) => {
    const value = fieldText(article, field);
    const source = article.provenance[field];
    if (value === null && !source) return [];
    return [
      {
        field,
        label: FIELD_LABELS[field],
        value: value ?? '—',
        origin: source?.origin ?? null,
        rule: source?.rule ?? null,
        line: source?.line ?? null,
      },
    ];
  });
}

const normaliseTitle = (title: string): string => title.toLocaleLowerCase('en').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Timeline: dated articles by year (newest year last, as the archive is ordered), then month; undated apart. */
export function buildTimeline(articles: readonly SiteArticle[]): Pick<Timeline, 'years' | 'undated'> {
  const years: Timeline['years'] = [];
  const undated: SiteArticle[] = [];
  for (const entry of articles) {
    const { published, datePrecision } = entry.article;
    if (!published) {
      undated.push(entry);
      continue;
    }
    const year = published.slice(0, 4);
    const month = datePrecision === 'year' ? null : published.slice(0, 7);
    let group = years.at(-1);
    if (!group || group.year !== year) {
      group = { year, count: 0, months: [], url: `/timeline/${year}/`, events: 0 };
      years.push(group);
    }
    group.count += 1;
    let monthGroup: TimelineMonth | undefined = group.months.find((m) => m.month === month);
    if (!monthGroup) {
      monthGroup = { month, articles: [] };
      group.months.push(monthGroup);
    }
    monthGroup.articles.push(entry);
  }
  // Articles known only to the year come after that year's months.
  for (const group of years) group.months.sort((a, b) => (a.month ?? '9999').localeCompare(b.month ?? '9999'));
  return { years, undated };
}

export function countArchive(articles: readonly Article[]): SiteCounts {
  const dated = articles.filter((a) => a.published !== null).map((a) => a.published as string).sort();
  return {
    articles: articles.length,
    dated: dated.length,
    undated: articles.length - dated.length,
    publishers: new Set(articles.flatMap((a) => (a.publisher ? [a.publisher] : []))).size,
    words: articles.reduce((sum, a) => sum + a.wordCount, 0),
    first: dated[0] ?? null,
    last: dated.at(-1) ?? null,
  };
}

/** Oldest first, undated last, then by title and source file: the order of the timeline and of prev/next. */
export function inTimeOrder(articles: readonly Article[]): Article[] {
  const key = (a: Article): string => a.published ?? '~'; // '~' sorts after every digit: undated last
  const compare = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  return [...articles].sort(
    (a, b) => compare(key(a), key(b)) || a.title.localeCompare(b.title, 'en') || a.sourceFile.localeCompare(b.sourceFile, 'en'),
  );
}

/** Everything the templates need, from the archive. */
export function toSiteData(
  archive: Archive,
  info: ArchiveInfo | null,
  where: SiteLocation,
  entityCorrections: EntityCorrections = NO_CORRECTIONS,
  references: ReferencesSource = formatReferences,
): SiteData {
  assertSafeSlugs(archive.articles);
  const articles = inTimeOrder(archive.articles);
  // The entities first: finding them holds every article's text units and mentions for a while, so it
  // runs before the rest of the site data exists and the build's peak memory is lower.
  const entities = buildEntitySite(articles, articles.map(linkTo), entityCorrections);
  const related = findRelated(articles);
  const { events, placements } = findEvents(articles);
  const eventOf = new Map(events.flatMap((event) => event.slugs.map((slug) => [slug, event] as const)));
  const placementOf = new Map(placements.map((p) => [p.slug, p]));
  const bySlug = new Map(articles.map((a) => [a.slug, a]));
  const byTitle = new Map(articles.map((a) => [normaliseTitle(a.title), a.slug]));
  const datedOrder = articles.filter((a) => a.published !== null);
  const datedIndex = new Map(datedOrder.map((a, i) => [a.slug, i]));
  const keys = citationKeys(articles.map((a) => a.slug));
  const root = rootUrl(where);
  const citations = articleCitations(articles, keys, root, references);

  const siteArticles: SiteArticle[] = articles.map((article, index) => {
    const position = datedIndex.get(article.slug);
    const previous = position === undefined ? undefined : datedOrder[position - 1];
    const next = position === undefined ? undefined : datedOrder[position + 1];
    const capturedRelated: CapturedRelated[] = article.related.map((title) => {
      const slug = byTitle.get(normaliseTitle(title)) ?? null;
      return { title, slug: slug === article.slug ? null : slug };
    });
    return {
      article,
      year: article.published?.slice(0, 4) ?? null,
      previous: previous ? linkTo(previous) : null,
      next: next ? linkTo(next) : null,
      related: (related[index] ?? []).flatMap(({ index: other, shared }) => {
        const target = articles[other];
        return target && bySlug.has(target.slug) ? [{ ...linkTo(target), shared }] : [];
      }),
      capturedRelated,
      provenance: provenanceRows(article),
      originalUrl: webUrl(article.url),
      citation: citations[index]!,
      source: articleSource(article, FIELD_LABELS),
      event: eventOf.get(article.slug) ?? null,
      placement: placementOf.get(article.slug) ?? null,
    };
  });

  const dated = siteArticles.filter((s) => s.article.published !== null);
  const newestFirst = [...dated.reverse(), ...siteArticles.filter((s) => s.article.published === null)];

  const publisherCounts = new Map<string, number>();
  for (const a of articles) if (a.publisher) publisherCounts.set(a.publisher, (publisherCounts.get(a.publisher) ?? 0) + 1);

  const counts = countArchive(articles);
  return {
    info: info ?? DEFAULT_INFO,
    rootUrl: rootUrl(where),
    updated: counts.last,
    articles: siteArticles,
    latest: newestFirst.filter((s) => s.article.published !== null).slice(0, LATEST_COUNT),
    newestFirst,
    timeline: withEvents(buildTimeline(siteArticles), events, placements, new Map(siteArticles.map((s) => [s.article.slug, s]))),
    counts,
    publishers: [...publisherCounts]
      .map(([name, count]) => ({ name, count }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'en')),
    entities,
  };
}
