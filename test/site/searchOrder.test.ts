// The search page's merge of a sharded index's date-sorted lists (public/assets/searchOrder.js), run in
// Node on lists shaped as Pagefind gives them: results whose data() loads a fragment with meta.date_sort.
// The lists hold the seeds' dates (one undated, as '0000-00-00') and dates shared between lists.
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
interface Feed {
  take: (n: number) => Promise<Data[]>;
  done: () => boolean;
}

const { dateMerged } = (await import(pathToFileURL(join(import.meta.dirname, '../../public/assets/searchOrder.js')).href)) as {
  dateMerged: (lists: Result[][], newestFirst: boolean) => Feed;
};

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
