import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertSafeSlugs } from '../../src/site/outputPaths.ts';
import { buildTimeline, inTimeOrder, provenanceRows, rootUrl, toSiteData } from '../../src/site/archiveData.ts';
import { articles, fixtureArchive, makeArticle } from '../fixtures/site/archive.ts';

const site = () => toSiteData(fixtureArchive(), null, { siteUrl: 'https://example.org/ignored/path', base: '/x/' });

describe('toSiteData', () => {
  it('orders articles oldest first, undated last, whatever the input order', () => {
    const shuffled = { ...fixtureArchive(), articles: [...articles].reverse() };
    const slugs = toSiteData(shuffled, null, { siteUrl: 'https://e.org', base: '/' }).articles.map((s) => s.article.slug);
    assert.deepEqual(slugs, ['ministers-open-dialogue', 'talks-stall', 'sochi-meeting', 'hostile', 'officials-meet-in-rome']);
  });

  it('links neighbours in time among dated articles only', () => {
    const bySlug = new Map(site().articles.map((s) => [s.article.slug, s]));
    assert.equal(bySlug.get('ministers-open-dialogue')?.previous, null);
    assert.equal(bySlug.get('ministers-open-dialogue')?.next?.slug, 'talks-stall');
    assert.equal(bySlug.get('talks-stall')?.previous?.slug, 'ministers-open-dialogue');
    assert.equal(bySlug.get('hostile')?.next, null, 'the newest dated article has no next');
    assert.equal(bySlug.get('officials-meet-in-rome')?.previous, null, 'undated: no place in time');
    assert.equal(bySlug.get('officials-meet-in-rome')?.next, null);
  });

  it('groups the timeline by year, then month, months known only to the year last, undated apart', () => {
    const { timeline } = site();
    assert.deepEqual(timeline.years.map((y) => [y.year, y.count]), [['2019', 3], ['2020', 1]]);
    assert.deepEqual(timeline.years[0]?.months.map((m) => m.month), ['2019-02', '2019-03', '2019-05']);
    assert.deepEqual(timeline.undated.map((s) => s.article.slug), ['officials-meet-in-rome']);
    const yearOnly = makeArticle({ slug: 'y', title: 'Y', published: '2019-01-01', datePrecision: 'year' });
    const t = buildTimeline(inTimeOrder([...articles, yearOnly]).map((article) => ({ ...site().articles[0]!, article })));
    assert.equal(t.years[0]?.months.at(-1)?.month, null);
    assert.equal(t.years[0]?.months.at(-1)?.articles[0]?.article.slug, 'y');
  });

  it('counts articles, publishers, dates and words', () => {
    const { counts, publishers, latest, newestFirst } = site();
    assert.deepEqual(counts, { articles: 5, dated: 4, undated: 1, publishers: 5, words: 13 + 8 + 8 + 8 + 2, first: '2019-02-12', last: '2020-01-02' });
    assert.equal(publishers.length, 5);
    assert.deepEqual(latest.map((s) => s.article.slug), ['hostile', 'sochi-meeting', 'talks-stall', 'ministers-open-dialogue']);
    assert.equal(newestFirst.at(-1)?.article.slug, 'officials-meet-in-rome');
  });

  it('finds related articles through shared names, never the article itself', () => {
    const talks = site().articles.find((s) => s.article.slug === 'talks-stall')!;
    assert.equal(talks.related[0]?.slug, 'officials-meet-in-rome');
    assert.ok(talks.related[0]?.shared.includes('Ryabkov'));
    for (const s of site().articles) assert.ok(s.related.every((r) => r.slug !== s.article.slug));
  });

  it('links a captured related title to the article of the archive that has it', () => {
    const talks = site().articles.find((s) => s.article.slug === 'talks-stall')!;
    assert.deepEqual(talks.capturedRelated, [{ title: 'Ministers Open Dialogue', slug: 'ministers-open-dialogue' }]);
    const hostile = site().articles.find((s) => s.article.slug === 'hostile')!;
    assert.equal(hostile.capturedRelated[0]?.slug, null);
  });

  it('makes only http(s) original URLs links', () => {
    const bySlug = new Map(site().articles.map((s) => [s.article.slug, s]));
    assert.equal(bySlug.get('talks-stall')?.originalUrl, 'https://www.themoscowtimes.com/2019/03/20/talks');
    assert.equal(bySlug.get('hostile')?.originalUrl, null);
  });

  it('builds the root URL from the origin and the base', () => {
    assert.equal(site().rootUrl, 'https://example.org/x/');
    assert.equal(rootUrl({ siteUrl: 'http://localhost:8080', base: '/' }), 'http://localhost:8080/');
    assert.equal(rootUrl({ siteUrl: 'https://a.b/', base: 'deep/path' }), 'https://a.b/deep/path/');
  });

  it('falls back to a default description of the archive', () => {
    assert.equal(site().info.title, 'Dossier');
  });
});

describe('provenanceRows', () => {
  it('lists each known field with its origin, catalogue values included', () => {
    const rows = provenanceRows(articles[2]!);
    const publisher = rows.find((r) => r.field === 'publisher');
    assert.deepEqual(publisher, { field: 'publisher', label: 'Publisher', value: 'teleSUR', origin: 'catalogue', rule: 'catalogue/entry', line: null });
    assert.equal(rows.find((r) => r.field === 'title')?.origin, null, 'a field without a recorded origin says so');
    assert.equal(rows.find((r) => r.field === 'subtitle'), undefined, 'an empty field without origin is left out');
  });
});

describe('assertSafeSlugs', () => {
  it('refuses slugs that could write outside /articles/ and duplicate slugs', () => {
    for (const slug of ['../../x', '..', '.hidden', 'a/b', 'a\\b', '']) {
      assert.throws(() => assertSafeSlugs([makeArticle({ slug, title: 't' })]), /cannot be a page address/, slug);
    }
    assert.throws(() => assertSafeSlugs([makeArticle({ slug: 'a', title: 't' }), makeArticle({ slug: 'a', title: 'u' })]), /both have the slug "a", so one page would overwrite the other/);
    assert.doesNotThrow(() => assertSafeSlugs([makeArticle({ slug: 'café-2019', title: 't' })]));
  });
});
