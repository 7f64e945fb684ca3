// Date order across search shards. A large archive's search index is several Pagefind bundles merged at
// search time, and Pagefind merges their results by score, which under a sort is only a page's place
// within its own bundle: "Newest first" came out interleaved bundle by bundle. So the search page
// (search.js) asks each bundle for its own date-sorted list and this module merges the lists by date.
//
// A result's date is in its fragment (meta date_sort, the value the index sorts by), which the page loads
// anyway to show it. Only the first result of each list is loaded ahead, so a merge costs at most one
// fragment per bundle more than showing the results does.

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
