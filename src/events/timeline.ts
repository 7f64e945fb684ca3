// The timeline with events: each month lists events (with their articles) and the articles in no event;
// pages by year, split when a year holds more than a page's worth, so no page outgrows PAGE_ARTICLES; the
// geometry of each page's SVG chart (drawn by templates/_includes/partials/timeline-chart.njk).
// date-fns one module per function: its index loads all of it (about 1 s of CPU in each render process).
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { differenceInCalendarMonths } from 'date-fns/differenceInCalendarMonths';
import { endOfMonth } from 'date-fns/endOfMonth';
import { format } from 'date-fns/format';
import { getDaysInYear } from 'date-fns/getDaysInYear';
import { parseISO } from 'date-fns/parseISO';
import type {
  ArchiveEvent,
  ChartBar,
  ChartEvent,
  ChartRange,
  ChartTick,
  SiteArticle,
  SiteEvent,
  Timeline,
  TimelineChart,
  TimelineEntry,
  TimelinePage,
  TimelinePageMonth,
  TimelineYear,
  UndatedPlacement,
} from '../types.ts';

/** Articles a timeline page lists at most (up to 1.4 KB each in a busy archive, so a page and its chart stay under 250 KB). */
export const PAGE_ARTICLES = 100;
/** Chart size in viewBox units, and its parts. */
export const CHART = { width: 960, pad: 16, lane: 17, lanes: 4, bars: 56, charWidth: 7, labels: 10, markers: 150, ranges: 100 } as const;

/** Events with their site articles, dated ones by date then the undated ones placed there. */
export function siteEvents(events: readonly ArchiveEvent[], bySlug: ReadonlyMap<string, SiteArticle>): SiteEvent[] {
  return events.map((event) => ({ event, articles: event.slugs.flatMap((slug) => bySlug.get(slug) ?? []) }));
}

/**
 * Each year's months as entries: an event sits in the month of its first dated article, by its day, with
 * all its articles; an article in no event sits by its date.
 */
export function yearEntries(years: readonly TimelineYear[], events: readonly SiteEvent[]): Map<string, TimelinePageMonth[]> {
  const eventOf = new Map<string, SiteEvent>();
  for (const e of events) for (const a of e.articles) eventOf.set(a.article.slug, e);
  const shown = new Set<string>();
  const result = new Map<string, TimelinePageMonth[]>();
  for (const year of years) {
    result.set(
      year.year,
      year.months.map((month) => {
        const entries: TimelineEntry[] = [];
        for (const article of month.articles) {
          const event = eventOf.get(article.article.slug);
          if (!event) entries.push({ kind: 'article', day: article.article.published ?? '', article });
          else if (!shown.has(event.event.id)) {
            shown.add(event.event.id);
            entries.push({ kind: 'event', day: event.event.day, event });
          }
        }
        // Stable: equal days keep archive order.
        entries.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
        return { month: month.month, entries, continued: false };
      }),
    );
  }
  return result;
}

const weightOf = (entry: TimelineEntry): number => (entry.kind === 'event' ? Math.max(1, entry.event.articles.length) : 1);

/** A year's months cut into pages of at most PAGE_ARTICLES (an event is never cut). */
export function splitYear(months: readonly TimelinePageMonth[], limit = PAGE_ARTICLES): TimelinePageMonth[][] {
  const pages: TimelinePageMonth[][] = [[]];
  let weight = 0;
  for (const month of months) {
    let current: TimelinePageMonth | null = null;
    for (const entry of month.entries) {
      const w = weightOf(entry);
      if (weight > 0 && weight + w > limit) {
        pages.push([]);
        weight = 0;
        current = current ? { month: month.month, entries: [], continued: true } : null;
        if (current) pages.at(-1)!.push(current);
      }
      if (!current) {
        current = { month: month.month, entries: [], continued: false };
        pages.at(-1)!.push(current);
      }
      current.entries.push(entry);
      weight += w;
    }
  }
  return pages.filter((page) => page.length > 0);
}

const pageUrl = (slug: string, part: number): string => `/timeline/${slug}/${part > 1 ? `${part}/` : ''}`;

/** Every timeline page: each year in one or more parts, then the undated articles in one or more parts. */
export function timelinePages(
  years: readonly TimelineYear[],
  events: readonly SiteEvent[],
  undated: readonly SiteArticle[],
  placements: readonly UndatedPlacement[],
  limit = PAGE_ARTICLES,
): TimelinePage[] {
  const entries = yearEntries(years, events);
  const pages: TimelinePage[] = [];
  for (const year of years) {
    const parts = splitYear(entries.get(year.year) ?? [], limit);
    const chart = yearChart(year.year, years, events, placements);
    parts.forEach((months, i) => {
      const count = months.reduce((sum, m) => sum + m.entries.reduce((s, e) => s + weightOf(e), 0), 0);
      pages.push({ url: pageUrl(year.year, i + 1), year: year.year, part: i + 1, parts: parts.length, months, undated: [], count, chart });
    });
  }
  const undatedParts = Math.ceil(undated.length / limit);
  for (let i = 0; i < undatedParts; i++) {
    const list = undated.slice(i * limit, (i + 1) * limit);
    pages.push({ url: pageUrl('undated', i + 1), year: null, part: i + 1, parts: undatedParts, months: [], undated: list, count: list.length, chart: null });
  }
  return pages;
}

// ---------------------------------------------------------------------------
// Chart geometry.

const round = (n: number): number => Math.round(n * 10) / 10;

/** A placement's months in words: 'March 2019', or 'March 2019 and May 2019'. */
function monthSpan(p: UndatedPlacement): string {
  const monthOf = (day: string): string => format(parseISO(day), 'MMMM yyyy');
  return p.earliest.slice(0, 7) === p.latest.slice(0, 7) ? monthOf(p.earliest) : `${monthOf(p.earliest)} and ${monthOf(p.latest)}`;
}

/**
 * One range per span: placements whose spans fall on the same `key` are drawn once, with their count,
 * so a chart's size grows with the spans its axis can show, not with the undated articles.
 */
function groupRanges(placements: readonly UndatedPlacement[], key: (p: UndatedPlacement) => string, draw: (p: UndatedPlacement) => Omit<ChartRange, 'count' | 'label'>, label: (p: UndatedPlacement) => string): ChartRange[] {
  const groups = new Map<string, { first: UndatedPlacement; count: number }>();
  for (const p of placements) {
    const k = key(p);
    const group = groups.get(k);
    if (group) group.count += 1;
    else groups.set(k, { first: p, count: 1 });
  }
  return [...groups.values()].map(({ first, count }) => ({ ...draw(first), label: label(first), count }));
}

/** Labels in lanes above the axis, biggest events first, none overlapping; the rest are markers only. */
function layOutEvents(
  events: readonly SiteEvent[],
  x: (day: string) => number,
  shortDay: (day: string) => string,
): { markers: Array<Omit<ChartEvent, 'y'> & { lane: number | null }>; lanes: number } {
  const { width, pad, lanes: maxLanes, charWidth, labels, markers: maxMarkers } = CHART;
  const bySize = [...events].sort((a, b) => b.articles.length - a.articles.length || a.event.day.localeCompare(b.event.day) || a.event.id.localeCompare(b.event.id));
  const occupied: Array<Array<[number, number]>> = Array.from({ length: maxLanes }, () => []);
  const placed = bySize.slice(0, maxMarkers).map((e, rank) => {
    const at = x(e.event.day);
    const text = `${e.event.label} · ${shortDay(e.event.day)}`;
    const w = text.length * charWidth;
    const anchor: 'start' | 'end' = at + w <= width - pad ? 'start' : 'end';
    const span: [number, number] = anchor === 'start' ? [at - 4, at + w + 8] : [at - w - 8, at + 4];
    let lane: number | null = null;
    if (rank < labels) {
      const free = occupied.findIndex((spans) => spans.every(([a, b]) => span[1] <= a || span[0] >= b));
      if (free >= 0) {
        occupied[free]!.push(span);
        lane = free;
      }
    }
    return { id: e.event.id, x: round(at), label: lane === null ? null : text, anchor, count: e.articles.length, lane };
  });
  const lanes = occupied.filter((spans) => spans.length > 0).length;
  return { markers: placed.sort((a, b) => a.x - b.x || a.id.localeCompare(b.id)), lanes };
}

function assemble(
  title: string,
  description: string,
  bin: 'day' | 'month',
  ticks: ChartTick[],
  counts: Array<{ x: number; width: number; count: number; label: string }>,
  laidOut: ReturnType<typeof layOutEvents>,
  ranges: ChartRange[],
): TimelineChart {
  const { width, lane, bars: barHeight } = CHART;
  const top = 6 + laidOut.lanes * lane;
  const baseline = top + 10 + barHeight;
  const max = Math.max(1, ...counts.map((c) => c.count));
  const bars: ChartBar[] = counts.map((c) => {
    const height = round(Math.max(3, (c.count / max) * barHeight));
    return { x: round(c.x), width: round(c.width), y: round(baseline - height), height, count: c.count, label: c.label };
  });
  const events: ChartEvent[] = laidOut.markers.map(({ lane: l, ...m }) => ({ ...m, y: l === null ? baseline - 10 : 6 + (laidOut.lanes - l) * lane - 4 }));
  return { width, height: baseline + 34, baseline, title, description, ticks, bars, events, ranges, bin };
}

const dayCounts = (articles: readonly SiteArticle[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const { article } of articles) if (article.published) counts.set(article.published, (counts.get(article.published) ?? 0) + 1);
  return counts;
};

const describe = (articles: number, span: string, events: readonly SiteEvent[], placed: number): string => {
  const named = events.slice(0, CHART.labels).map((e) => `${e.event.label} (${format(parseISO(e.event.day), 'd MMMM yyyy')})`);
  const more = events.length > named.length ? `, and ${events.length - named.length} more` : '';
  return (
    `${articles} dated ${articles === 1 ? 'article' : 'articles'} ${span}` +
    (events.length > 0 ? `; ${events.length} ${events.length === 1 ? 'event' : 'events'}: ${named.join('; ')}${more}` : '') +
    (placed > 0 ? `; ${placed} undated ${placed === 1 ? 'article' : 'articles'} placed by inference (dashed)` : '') +
    '. The list below gives the same in full.'
  );
};

/** One year by day: articles per day, the year's events, undated articles placed in it. */
export function yearChart(year: string, years: readonly TimelineYear[], events: readonly SiteEvent[], placements: readonly UndatedPlacement[]): TimelineChart {
  const { width, pad } = CHART;
  const start = parseISO(`${year}-01-01`);
  const unit = (width - 2 * pad) / getDaysInYear(start);
  const x = (day: string): number => pad + differenceInCalendarDays(parseISO(day), start) * unit + unit / 2;
  const articles = years.find((y) => y.year === year)?.months.flatMap((m) => m.articles) ?? [];
  const counts = [...dayCounts(articles)].sort(([a], [b]) => a.localeCompare(b)).map(([day, count]) => ({
    x: x(day) - Math.max(3, unit) / 2,
    width: Math.max(3, unit),
    count,
    label: format(parseISO(day), 'd MMMM yyyy'),
  }));
  const inYear = events.filter((e) => e.event.day.startsWith(year));
  const ticks = Array.from({ length: 12 }, (_, m) => {
    const first = `${year}-${String(m + 1).padStart(2, '0')}-01`;
    return { x: round(x(first) - unit / 2), label: format(parseISO(first), 'MMM') };
  });
  const inThisYear = placements.filter((p) => p.earliest.startsWith(year));
  const byDay = groupRanges(
    inThisYear,
    (p) => `${p.earliest} ${p.latest}`,
    (p) => ({ x: round(x(p.earliest) - unit / 2), width: round(Math.max(4, (differenceInCalendarDays(parseISO(p.latest), parseISO(p.earliest)) + 1) * unit)) }),
    (p) => p.between,
  );
  // Past CHART.ranges spans, by month: a busy year's chart stays small.
  const monthStart = (day: string): string => `${day.slice(0, 7)}-01`;
  const monthEnd = (day: string): string => format(endOfMonth(parseISO(day)), 'yyyy-MM-dd');
  const ranges =
    byDay.length <= CHART.ranges
      ? byDay
      : groupRanges(
          inThisYear,
          (p) => `${p.earliest.slice(0, 7)} ${p.latest.slice(0, 7)}`,
          (p) => ({ x: round(x(monthStart(p.earliest)) - unit / 2), width: round((differenceInCalendarDays(parseISO(monthEnd(p.latest)), parseISO(monthStart(p.earliest))) + 1) * unit) }),
          (p) => monthSpan(p),
        );
  return assemble(
    `Timeline of ${year}`,
    describe(articles.length, `in ${year}, by day`, inYear, ranges.reduce((sum, r) => sum + r.count, 0)),
    'day',
    ticks,
    counts,
    layOutEvents(inYear, x, (day) => format(parseISO(day), 'd MMM')),
    ranges,
  );
}

/** The whole archive by month, from January of the first year to December of the last. */
export function overviewChart(years: readonly TimelineYear[], events: readonly SiteEvent[], placements: readonly UndatedPlacement[]): TimelineChart | null {
  const first = years[0]?.year;
  const last = years.at(-1)?.year;
  if (!first || !last) return null;
  const { width, pad } = CHART;
  const start = parseISO(`${first}-01-01`);
  const months = (Number(last) - Number(first) + 1) * 12;
  const unit = (width - 2 * pad) / months;
  const monthX = (iso: string): number => pad + differenceInCalendarMonths(parseISO(iso), start) * unit;
  // Inside its month by day, so events of one month do not sit on one point.
  const x = (day: string): number => monthX(day) + ((parseISO(day).getDate() - 0.5) / 31) * unit;
  const perMonth = new Map<string, number>();
  for (const y of years) for (const m of y.months) perMonth.set(m.month ?? `${y.year}-01`, (perMonth.get(m.month ?? `${y.year}-01`) ?? 0) + m.articles.length);
  const counts = [...perMonth].sort(([a], [b]) => a.localeCompare(b)).map(([month, count]) => ({
    x: monthX(`${month}-01`) + unit * 0.1,
    width: Math.max(2, unit * 0.8),
    count,
    label: format(parseISO(`${month}-01`), 'MMMM yyyy'),
  }));
  const yearCount = Number(last) - Number(first) + 1;
  const every = Math.ceil(yearCount / 16);
  const ticks = Array.from({ length: yearCount }, (_, i) => String(Number(first) + i))
    .filter((_, i) => i % every === 0)
    .map((y) => ({ x: round(monthX(`${y}-01-01`)), label: y }));
  // By month on the overview: its axis cannot tell days apart.
  const ranges = groupRanges(
    placements,
    (p) => `${p.earliest.slice(0, 7)} ${p.latest.slice(0, 7)}`,
    (p) => ({ x: round(monthX(`${p.earliest.slice(0, 7)}-01`)), width: round(Math.max(4, monthX(`${p.latest.slice(0, 7)}-01`) + unit - monthX(`${p.earliest.slice(0, 7)}-01`))) }),
    monthSpan,
  );
  const dated = years.reduce((sum, y) => sum + y.count, 0);
  return assemble(
    'Timeline of the archive',
    describe(dated, `from ${first} to ${last}, by month`, events, placements.length),
    'month',
    ticks,
    counts,
    layOutEvents(events, x, (day) => format(parseISO(day), 'd MMM yyyy')),
    ranges,
  );
}

/** The timeline of years and undated articles, with its events, pages and overview chart. */
export function withEvents(
  timeline: Pick<Timeline, 'years' | 'undated'>,
  events: readonly ArchiveEvent[],
  placements: readonly UndatedPlacement[],
  bySlug: ReadonlyMap<string, SiteArticle>,
  limit = PAGE_ARTICLES,
): Timeline {
  const listed = siteEvents(events, bySlug);
  const pages = timelinePages(timeline.years, listed, timeline.undated, placements, limit);
  const years = timeline.years.map((y) => ({ ...y, events: events.filter((e) => e.day.startsWith(y.year)).length }));
  const total = years.reduce((sum, y) => sum + y.count, 0) + timeline.undated.length;
  const eventPages: Record<string, string> = {};
  for (const page of pages)
    for (const month of page.months) for (const item of month.entries) if (item.kind === 'event') eventPages[item.event.event.id] ??= page.url;
  return { years, undated: timeline.undated, events: listed, chart: overviewChart(years, listed, placements), pages, complete: total <= limit, eventPages };
}
