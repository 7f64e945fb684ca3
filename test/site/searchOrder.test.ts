// The search page's order for a sharded index (public/assets/searchOrder.js), run in Node on results
// shaped as Pagefind gives them. The split: Pagefind's merged list of date-sorted results (score: a page's
// place in its bundle's order times the bundle's index weight, sorted by score) back into each bundle's
// list. The merge: results whose data() loads a fragment with meta.date_sort; the lists hold the seeds'
// dates (one undated, as '0000-00-00') and dates shared between lists. That Pagefind scores sorted results
// so is checked in Chromium (test/browser/searchShards.test.ts).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

interface Data {
  url: string;
  meta: { date_sort: string };
}
interface Result {
  data: () => Promise<Data>;
}
interface Scored {
  id: string;
  score: number;
}
interface Feed {
  take: (n: number) => Promise<Data[]>;
  done: () => boolean;
}

const { bundleWeight, dateMerged, splitByBundle } = (await import(pathToFileURL(join(import.meta.dirname, '../../public/assets/searchOrder.js')).href)) as {
  bundleWeight: (k: number) => number;
  dateMerged: (lists: Result[][], newestFirst: boolean) => Feed;
  splitByBundle: (results: Scored[], counts: number[]) => Scored[][] | null;
};

/**
 * What Pagefind's merged search gives for bundles whose results sit at `places` (a place: the page's
 * position from its bundle's oldest page, below 0 when sorting oldest first), each bundle's scores times
 * its index weight, all sorted by score (Array.prototype.sort is stable, as Pagefind relies on), and each
 * bundle's own list.
 */
function pagefindMerged(places: number[][]): { merged: Scored[]; lists: Scored[][]; counts: number[] } {
  const lists = places.map((bundle, k) => [...bundle].sort((x, y) => y - x).map((place) => ({ id: `b${k}-p${place}`, score: place * bundleWeight(k) })));
  return { merged: lists.flat().sort((a, b) => b.score - a.score), lists, counts: lists.map((list) => list.length) };
}

/** Pagefind-like result lists, each sorted as Pagefind sorts one bundle, and the URLs whose fragments were loaded. */
function bundles(dates: string[][], newestFirst: boolean): { lists: Result[][]; loaded: string[] } {
  const loaded: string[] = [];
  const lists = dates.map((list, b) =>
    [...list]
      .sort((x, y) => (newestFirst ? y.localeCompare(x) : x.localeCompare(y)))
      .map((date, i) => {
        const url = `/b${b}/${i}/${date}`;
        return {
          data: async () => {
            loaded.push(url);
            await new Promise((resolve) => setTimeout(resolve, (b * 7 + i) % 3));
            return { url, meta: { date_sort: date } };
          },
        };
      }),
  );
  return { lists, loaded };
}

// The seeds' dates, spread over three bundles as URL order would, with a date repeated across bundles.
const DATES = [
  ['2019-03-20', '0000-00-00', '2022-02-24', '2019-11-08'],
  ['2019-05-14', '2021-06-16', '2019-03-20'],
  ['2020-01-07', '2019-05-14'],
];

const takeAll = async (feed: Feed, pageSize: number): Promise<Data[][]> => {
  const pages: Data[][] = [];
  while (!feed.done()) pages.push(await feed.take(pageSize));
  return pages;
};

describe('splitting a merged date-sorted search list by bundle', () => {
  it('gives back each bundle its results in its order, the places Pagefind gives at 100,000 articles included', () => {
    // 25 bundles of 4,000 pages; places shared across bundles, place 0 in some (score 0 in every bundle).
    const places = Array.from({ length: 25 }, (_, k) => [3999, 3998, 2000 + k, 17, k % 3 === 0 ? 0 : 1]);
    const { merged, lists, counts } = pagefindMerged(places);
    assert.deepEqual(splitByBundle(merged, counts), lists);
  });

  it('places the results at place 0 by the counts of each bundle, in the bundles order', () => {
    const { merged, lists, counts } = pagefindMerged([[0], [5], [3, 0], [], [0]]);
    assert.deepEqual(merged.slice(-3).map((r) => r.score), [0, 0, 0]);
    assert.deepEqual(splitByBundle(merged, counts), lists);
  });

  it('splits an oldest-first list, whose places run from 0 down, place 0 first in each bundle', () => {
    const { merged, lists, counts } = pagefindMerged([[0, -1], [0, -1], [0], [-7, -3999], [-2, 0, -5]]);
    assert.deepEqual(merged.slice(0, 4).map((r) => r.id), ['b0-p0', 'b1-p0', 'b2-p0', 'b4-p0']);
    assert.deepEqual(splitByBundle(merged, counts), lists);
  });

  it('gives null when the scores do not read as places (relevance scores), or the counts do not add up', () => {
    const relevance = [{ id: 'a', score: 2.214538812637329 }, { id: 'b', score: 0.9451482892036438 }];
    assert.equal(splitByBundle(relevance, [1, 1]), null);
    const { merged, counts } = pagefindMerged([[3, 1], [2]]);
    assert.equal(splitByBundle(merged, [counts[0]! + 1, counts[1]!]), null);
    assert.equal(splitByBundle(merged, [counts[0]!]), null, 'a result from a bundle the counts do not have');
    const { merged: zeros } = pagefindMerged([[0], [0]]);
    assert.equal(splitByBundle(zeros, [1, 0]), null, 'more results at place 0 than bundles missing one');
  });
});

describe('merging date-sorted search lists', () => {
  for (const newestFirst of [true, false]) {
    const order = newestFirst ? 'newest first' : 'oldest first';

    it(`gives every result once, ${order}, a page of 2 at a time, equal dates in the lists' order`, async () => {
      const { lists } = bundles(DATES, newestFirst);
      const pages = await takeAll(dateMerged(lists, newestFirst), 2);
      assert.deepEqual(pages.map((page) => page.length), [2, 2, 2, 2, 1]);
      const dates = pages.flat().map((d) => d.meta.date_sort);
      const expected = DATES.flat().sort((x, y) => (newestFirst ? y.localeCompare(x) : x.localeCompare(y)));
      assert.deepEqual(dates, expected);
      assert.equal(dates.at(newestFirst ? -1 : 0), '0000-00-00', 'the undated article sorts as Pagefind sorts it');
      const twice = newestFirst ? '2019-05-14' : '2019-03-20';
      const tied = pages.flat().filter((d) => d.meta.date_sort === twice).map((d) => d.url.split('/')[1]);
      assert.deepEqual(tied, newestFirst ? ['b1', 'b2'] : ['b0', 'b1']);
    });

    it(`loads at most one fragment per list beyond those shown (${order})`, async () => {
      const { lists, loaded } = bundles(DATES, newestFirst);
      const feed = dateMerged(lists, newestFirst);
      const shown = await feed.take(3);
      assert.equal(shown.length, 3);
      const unshown = new Set(loaded.filter((url) => !shown.some((d) => d.url === url)));
      assert.ok(unshown.size <= lists.length - 1, `loaded ahead: ${[...unshown].join(', ')}`);
      assert.equal(new Set(loaded).size, loaded.length, 'no fragment loaded twice');
    });
  }

  it('two takes at once (Show more pressed twice) share out the results without repeats', async () => {
    const { lists } = bundles(DATES, true);
    const feed = dateMerged(lists, true);
    const [first, second] = await Promise.all([feed.take(4), feed.take(4)]);
    const urls = [...first!, ...second!].map((d) => d.url);
    assert.equal(new Set(urls).size, 8);
    assert.equal(feed.done(), false);
    assert.equal((await feed.take(4)).length, 1);
    assert.equal(feed.done(), true);
  });

  it('empty lists and no lists give nothing and are done', async () => {
    assert.equal(dateMerged([], true).done(), true);
    const feed = dateMerged([[], []], false);
    assert.deepEqual(await feed.take(5), []);
    assert.equal(feed.done(), true);
  });
});
