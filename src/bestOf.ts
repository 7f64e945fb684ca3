// Picking the few best of many: one pass, each kept in place by insertion. Sorting every candidate cost
// more than the rest of the work where only a handful are kept of thousands (related articles, names
// seen together).

/** The first `limit` of `items` in the order `before` defines (true when a goes before b), in that order. */
export function bestOf(items: readonly number[], limit: number, before: (a: number, b: number) => boolean): number[] {
  const best: number[] = [];
  if (limit <= 0) return best;
  for (const item of items) {
    if (best.length === limit) {
      if (!before(item, best[limit - 1]!)) continue;
      best.pop();
    }
    let at = best.length;
    best.push(item);
    for (; at > 0 && before(item, best[at - 1]!); at--) best[at] = best[at - 1]!;
    best[at] = item;
  }
  return best;
}
