// Date order across the bundles of a sharded search index (README, "Date order across shards").
// Pagefind merges bundles by score, and under a sort a result scores its page's place in its own
// bundle's order (from the bundle's oldest page: 0, 1, 2… newest first; 0, -1, -2… oldest first),
// times its bundle's index weight. With weights 1 + k/2^26 the place and bundle k read back exactly
// from the score; the one result a bundle may have at place 0 scores 0 anywhere, and is placed by
// Pagefind's count of each bundle's results (equal scores keep the bundles' order). The bundles'
// lists are then merged by date, read from each list's first result's fragment (meta date_sort).

const WEIGHT_STEP = 2 ** -26;

/** The index weight of bundle `k` (0 for the first): what makes a sorted result's bundle readable. */
export const bundleWeight = (k) => 1 + k * WEIGHT_STEP;

/**
 * A date-sorted result list of several bundles split into each bundle's list, in its order, given how
 * many results each bundle has (`counts`, Pagefind's counts of the bundle filter). Null when the scores
 * do not read as places: then each bundle has to be searched on its own.
 */
export function splitByBundle(results, counts) {
  const lists = counts.map(() => []);
  const atPlaceZero = [];
  for (const result of results) {
    const place = Math.round(result.score);
    if (place === 0) {
      if (result.score !== 0) return null;
      atPlaceZero.push(result);
      continue;
    }
    const k = Math.round((result.score - place) / (place * WEIGHT_STEP));
    const list = lists[k];
    if (list === undefined || place * bundleWeight(k) !== result.score) return null;
    if (list.length > 0 && Math.round(list[list.length - 1].score) <= place) return null;
    list.push(result);
  }
  for (const [k, list] of lists.entries()) {
    const missing = counts[k] - list.length;
    if (missing === 0) continue;
    if (missing !== 1 || atPlaceZero.length === 0) return null;
    // Place 0 comes after the bundle's places above 0 and before those below it.
    const below = list.findIndex((result) => result.score < 0);
    list.splice(below === -1 ? list.length : below, 0, atPlaceZero.shift());
  }
  return atPlaceZero.length === 0 ? lists : null;
}

/** A result's sort key: its article's date, or Pagefind's own '0000-00-00' for an undated one. */
const dateKey = (data) => data?.meta?.date_sort ?? '';

/**
 * Results from `lists` (each a Pagefind result list in date order, newest or oldest first) in one date
 * order. `take(n)` gives the data of the next n results (fewer at the end), `done()` whether all are
 * taken. Equal dates keep the order of the lists.
 */
export function dateMerged(lists, newestFirst) {
  const heads = lists.filter((list) => list.length > 0).map((list) => ({ list, at: 0, data: null }));
  const firstOf = (head) => (head.data ??= head.list[head.at].data());
  const comesFirst = (key, bestKey) => (newestFirst ? key > bestKey : key < bestKey);
  const live = () => heads.filter((head) => head.at < head.list.length);
  const takeNow = async (n) => {
    const taken = [];
    while (taken.length < n) {
      const open = live();
      if (open.length === 0) break;
      const data = await Promise.all(open.map(firstOf));
      let best = 0;
      for (let i = 1; i < open.length; i++) if (comesFirst(dateKey(data[i]), dateKey(data[best]))) best = i;
      taken.push(data[best]);
      open[best].at += 1;
      open[best].data = null;
    }
    return taken;
  };
  // One take at a time (a second "Show more" press waits for the first), so none sees a list half-advanced.
  let queue = Promise.resolve();
  return {
    take(n) {
      const next = queue.then(() => takeNow(n));
      queue = next.catch(() => {});
      return next;
    },
    done: () => live().length === 0,
  };
}
