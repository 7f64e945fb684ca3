// The timeline with events: on the seeds (entries, pages, chart), and on a generated archive larger than a
// page, built for real, so every timeline page is measured against the 250 KB budget.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHART, overviewChart, PAGE_ARTICLES, splitYear, yearChart } from '../../src/events/timeline.ts';
import { loadSite } from '../../src/site/loadSiteData.ts';
import type { SiteData, TimelineEntry, TimelinePageMonth, UndatedPlacement } from '../../src/types.ts';
import { buildInto, type TempBuild } from '../site/helpers.ts';

describe('timeline with events, on the seeds', () => {
  let site: SiteData;
  before(async () => {
    site = (await loadSite('seeds', { siteUrl: 'https://example.org', base: '/' })).site;
  });

  it('fits on the overview and has a page per year plus one for the undated article', () => {
    const { timeline } = site;
    assert.equal(timeline.complete, true);
    assert.deepEqual(timeline.pages.map((p) => [p.url, p.count]), [['/timeline/2019/', 4], ['/timeline/2022/', 1], ['/timeline/undated/', 1]]);
    assert.deepEqual(timeline.years.map((y) => [y.year, y.url, y.events]), [['2019', '/timeline/2019/', 3], ['2022', '/timeline/2022/', 1]]);
  });

  it('lists the Rome talks in March 2019 with the dated report and the undated preview placed beside it', () => {
    const march = site.timeline.pages[0]!.months.find((m) => m.month === '2019-03')!;
    const [entry] = march.entries;
    assert.equal(entry?.kind, 'event');
    const { event } = entry as Extract<TimelineEntry, { kind: 'event' }>;
    assert.equal(event.event.day, '2019-03-19');
    assert.deepEqual(event.articles.map((s) => [s.article.sourceFile.slice(0, 3), s.article.published, s.placement?.between ?? null]), [
      ['000', '2019-03-20', null],
      ['001', null, 'Sunday 17 and Tuesday 19 March 2019'],
    ]);
  });

  it('draws every event and the placed range on the overview chart, and describes them in words', () => {
    const chart = site.timeline.chart!;
    assert.equal(chart.events.length, 4);
    assert.ok(chart.events.every((e) => e.label !== null), 'four labels fit');
    assert.equal(chart.ranges.length, 1);
    for (const { event } of site.timeline.events) assert.ok(chart.description.includes(event.label), `${event.label} is in the description`);
    const xs = chart.events.map((e) => e.x);
    assert.deepEqual(xs, [...xs].sort((a, b) => a - b), 'markers in time order');
    assert.ok(xs.every((x) => x > 0 && x < chart.width));
  });
});

describe('placed ranges on the charts', () => {
  let site: SiteData;
  let placed: UndatedPlacement;
  before(async () => {
    site = (await loadSite('seeds', { siteUrl: 'https://example.org', base: '/' })).site;
    placed = site.articles.find((s) => s.placement)!.placement!;
  });

  it('draws articles placed in one span once, with their count, on the overview (by month) and on the year page (by day)', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ ...placed, slug: `undated-${i}` }));
    const other = { ...placed, slug: 'later', earliest: '2019-05-02', latest: '2019-05-03', between: 'Thursday 2 and Friday 3 May 2019' };
    const overview = overviewChart(site.timeline.years, [], [...many, other])!;
    assert.deepEqual(overview.ranges.map((r) => [r.label, r.count]), [['March 2019', 40], ['May 2019', 1]]);
    assert.match(overview.description, /41 undated articles placed by inference/);
    const year = yearChart('2019', site.timeline.years, [], [...many, other]);
    assert.deepEqual(year.ranges.map((r) => [r.label, r.count]), [[placed.between, 40], [other.between, 1]]);
    assert.ok(year.ranges[1]!.x > year.ranges[0]!.x, 'May lies right of March');
  });

  it('draws a year with more spans than CHART.ranges by month, every placement still counted', () => {
    const spans = Array.from({ length: CHART.ranges + 20 }, (_, i) => {
      const day = new Date(Date.UTC(2019, 0, 1 + i * 2)).toISOString().slice(0, 10);
      return { ...placed, slug: `undated-${i}`, earliest: day, latest: day, between: day };
    });
    const year = yearChart('2019', site.timeline.years, [], spans);
    assert.ok(year.ranges.length <= 12, `${year.ranges.length} ranges`);
    assert.equal(year.ranges.reduce((sum, r) => sum + r.count, 0), spans.length);
    assert.equal(year.ranges[0]!.label, 'January 2019');
  });
});

describe('splitYear', () => {
  const month = (m: string, sizes: number[]): TimelinePageMonth => ({
    month: m,
    continued: false,
    entries: sizes.map((n, i): TimelineEntry =>
      n === 1
        ? { kind: 'article', day: `${m}-01`, article: { article: { slug: `${m}-${i}` } } as never }
        : { kind: 'event', day: `${m}-01`, event: { event: { id: `${m}-e${i}` }, articles: Array.from({ length: n }) } as never },
    ),
  });

  it('cuts a busy year into pages under the limit, never inside an event, marking continued months', () => {
    const pages = splitYear([month('2019-01', [1, 1, 1]), month('2019-02', [1, 4, 1, 1]), month('2019-03', [1])], 5);
    const weights = pages.map((p) => p.reduce((s, m) => s + m.entries.reduce((t, e) => t + (e.kind === 'event' ? e.event.articles.length : 1), 0), 0));
    assert.deepEqual(weights, [4, 5, 2]);
    assert.deepEqual(pages.map((p) => p.map((m) => [m.month, m.continued])), [
      [['2019-01', false], ['2019-02', false]],
      [['2019-02', true]],
      [['2019-02', true], ['2019-03', false]],
    ]);
  });
});

describe('timeline pages of an archive larger than a page', () => {
  const ARTICLES = PAGE_ARTICLES + 20;
  let root: string;
  let built: TempBuild;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'dossier-timeline-'));
    for (let i = 0; i < ARTICLES; i++) {
      const day = new Date(Date.UTC(2019, 0, 1 + (i % 360)));
      const iso = day.toISOString().slice(0, 10);
      const year = i < ARTICLES - 10 ? '2019' : '2020';
      const text = [
        `Report number ${i} on the talks in Geneva`,
        '',
        `${year}${iso.slice(4)}`,
        '',
        `Delegates from Ruritania and Osterlich met in Geneva on Monday, officials said. Minister Anna Kowalczyk${i % 7} and envoy Piet Janssen${i % 5} spoke to reporters after the meeting about report ${i}.`,
        '',
        'The talks are due to continue next week, according to the hosts. ' + 'Both sides described the round as useful. '.repeat(6),
      ].join('\n');
      writeFileSync(join(root, `report-${String(i).padStart(4, '0')}.txt`), text);
    }
    writeFileSync(join(root, 'undated-note.txt'), 'A note on the talks in Geneva\n\nDelegates from Ruritania are to meet in Geneva on Monday, envoy Piet Janssen1 said on Saturday.\n');
    built = await buildInto(root, '/');
  });
  after(() => {
    built?.cleanup();
    rmSync(root, { recursive: true, force: true });
  });

  it('keeps every timeline page under 250 KB and splits the busy year', () => {
    const pages = built.files().filter((f) => f.startsWith('timeline/') && f.endsWith('.html'));
    assert.ok(pages.includes('timeline/2019/index.html') && pages.includes('timeline/2019/2/index.html') && pages.includes('timeline/2020/index.html'), pages.join(', '));
    for (const page of pages) {
      const bytes = Buffer.byteLength(built.read(page));
      assert.ok(bytes < 250 * 1024, `${page} is ${bytes} bytes`);
    }
    const overview = built.read('timeline/index.html');
    assert.doesNotMatch(overview, /class="article-card/, 'the overview of a large archive lists years, not every article');
    assert.match(overview, /href="\/timeline\/2019\/"/);
    assert.match(overview, /href="\/search\/\?year=2019"/);
  });
});
