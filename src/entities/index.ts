// The archive's people, organisations and places as site data: one entity per merged name, its
// articles in time order, the names it appears with, its quotes, its pages (long article lists are
// split so that no page grows past a few hundred kilobytes) and the index pages of each kind.
import type {
  Article,
  ArticleEntities,
  ArticleLink,
  Entity,
  EntityCorrections,
  EntityIndexPage,
  EntityKind,
  EntityLink,
  EntityPage,
  EntitySite,
  Quote,
} from '../types.ts';
import { bestOf } from '../bestOf.ts';
import { articleCandidates, DEFAULT_METHOD, type ExtractionMethod } from './extract.ts';
import { findQuotes } from './quotes.ts';
import { resolveEntities } from './resolve.ts';
import { entitySlug, textUnits } from './text.ts';

/** Articles listed on one entity page; more go on further pages (200 links stay well under 250 KB). */
export const ARTICLES_PER_PAGE = 200;
/** Entries on one index page. */
export const ENTRIES_PER_INDEX_PAGE = 500;
/** Names shown as appearing with an entity. */
export const MAX_COOCCURRING = 12;

export const NO_CORRECTIONS: EntityCorrections = { merge: {}, split: [], ignore: [] };

export const ENTITY_SECTIONS: Record<EntityKind, { path: string; title: string }> = {
  person: { path: 'people', title: 'People' },
  organization: { path: 'organizations', title: 'Organisations' },
  place: { path: 'places', title: 'Places' },
};
const KINDS: EntityKind[] = ['person', 'organization', 'place'];

// One collator for every comparison: localeCompare with a locale builds one per call.
const collator = new Intl.Collator('en');
const byName = (a: { name: string }, b: { name: string }): number => collator.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const pageUrl = (base: string, page: number): string => (page === 1 ? base : `${base}page-${page}/`);

/**
 * Most people, and most places, that are search filter values. Pagefind's UI loads a filter's every
 * value on the first search, so a filter of every name would make one search download megabytes in
 * a large archive (and a list nobody can scan); the others are found by a word search.
 */
export const SEARCH_FILTER_VALUES = 200;

/** The people and places named in the most articles (ties by name), at most SEARCH_FILTER_VALUES of each kind. */
export function searchFilterKeys(clusters: ReadonlyArray<{ key: string; kind: EntityKind; name: string }>, articlesOf: ReadonlyMap<string, readonly number[]>): Set<string> {
  const count = (key: string): number => articlesOf.get(key)?.length ?? 0;
  const keys = new Set<string>();
  for (const kind of ['person', 'place'] as const) {
    const ofKind = clusters.filter((c) => c.kind === kind && count(c.key) > 0);
    ofKind.sort((a, b) => count(b.key) - count(a.key) || byName(a, b) || (a.key < b.key ? -1 : 1));
    for (const cluster of ofKind.slice(0, SEARCH_FILTER_VALUES)) keys.add(cluster.key);
  }
  return keys;
}

/**
 * `articles` in archive (time) order and `links` the link to each. Pure: the same archive gives the
 * same entities, slugs and pages whatever order the files were read in.
 */
export function buildEntitySite(
  articles: readonly Article[],
  links: readonly ArticleLink[],
  corrections: EntityCorrections = NO_CORRECTIONS,
  method: ExtractionMethod = DEFAULT_METHOD,
): EntitySite {
  const units = articles.map((a) => textUnits(a));
  const { clusters, mentions } = resolveEntities(units.map((u) => articleCandidates(u, method)), corrections);

  const articlesOf = new Map<string, number[]>();
  const keysOf = mentions.map((list, index) => {
    const keys = [...new Set(list.map((m) => m.key))];
    for (const key of keys) {
      const list = articlesOf.get(key);
      if (list) list.push(index);
      else articlesOf.set(key, [index]);
    }
    return keys;
  });

  const filterKeys = searchFilterKeys([...clusters.values()], articlesOf);

  // Each name's place in name order (byName), so that the sorts below compare numbers, not names through the collator.
  const rankOf = new Map([...new Set([...clusters.values()].map((c) => c.name))].sort((a, b) => byName({ name: a }, { name: b })).map((name, rank) => [name, rank]));
  const byNameRank = (a: { name: string }, b: { name: string }): number => (rankOf.get(a.name) ?? 0) - (rankOf.get(b.name) ?? 0);

  // Slugs: unique per kind, given in name order so they do not depend on the input order.
  const linkOf = new Map<string, EntityLink>();
  const taken = new Set<string>();
  for (const cluster of [...clusters.values()].sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || byNameRank(a, b) || (a.key < b.key ? -1 : 1))) {
    const section = ENTITY_SECTIONS[cluster.kind].path;
    const base = entitySlug(cluster.name);
    let slug = /^page-\d+$/u.test(base) ? `${base}-name` : base;
    for (let n = 2; taken.has(`${section}/${slug}`); n++) slug = `${base}-${n}`;
    taken.add(`${section}/${slug}`);
    linkOf.set(cluster.key, { kind: cluster.kind, slug, name: cluster.name, url: `/${section}/${slug}/`, searchFilter: filterKeys.has(cluster.key) });
  }

  const quotesOf = new Map<string, Quote[]>();
  const byArticle: Record<string, ArticleEntities> = {};
  articles.forEach((article, index) => {
    const link = links[index] as ArticleLink;
    const quotes = findQuotes(units[index] ?? [], mentions[index] ?? []).map((found): Quote => {
      const speaker = found.speaker === null ? undefined : linkOf.get(found.speaker);
      const quote: Quote = { text: found.text, speaker: speaker?.slug ?? null, speakerName: speaker?.name ?? null, attribution: speaker ? found.attribution : null, article: link };
      if (speaker && found.speaker !== null) {
        const list = quotesOf.get(found.speaker);
        if (list) list.push(quote);
        else quotesOf.set(found.speaker, [quote]);
      }
      return quote;
    });
    // Most named first (ties in the order first named), so a page that shows only the first few of a
    // kind shows the ones the article is most about.
    const timesNamed = new Map<string, number>();
    for (const m of mentions[index] ?? []) timesNamed.set(m.key, (timesNamed.get(m.key) ?? 0) + 1);
    const byTimesNamed = [...(keysOf[index] ?? [])].sort((x, y) => (timesNamed.get(y) ?? 0) - (timesNamed.get(x) ?? 0));
    const entityLinks = byTimesNamed.flatMap((key) => linkOf.get(key) ?? []);
    byArticle[article.slug] = {
      people: entityLinks.filter((e) => e.kind === 'person'),
      organizations: entityLinks.filter((e) => e.kind === 'organization'),
      places: entityLinks.filter((e) => e.kind === 'place'),
      quotes,
    };
  });

  // Entities as numbers, so that counting the names seen together is array arithmetic; and each
  // entity's place in name order, so that ranking them compares numbers.
  const clusterList = [...clusters.values()];
  const idOf = new Map(clusterList.map((cluster, id) => [cluster.key, id]));
  const idsOf = keysOf.map((keys) => keys.flatMap((key) => idOf.get(key) ?? []));
  const nameRank = Int32Array.from(clusterList, (cluster) => rankOf.get(cluster.name) ?? 0);
  const together = new Int32Array(clusterList.length);
  const before = (a: number, b: number): boolean => (together[a] ?? 0) > (together[b] ?? 0) || ((together[a] ?? 0) === (together[b] ?? 0) && (nameRank[a] ?? 0) < (nameRank[b] ?? 0));

  const entities: Entity[] = clusterList.map((cluster, id) => {
    const link = linkOf.get(cluster.key) as EntityLink;
    const own = articlesOf.get(cluster.key) ?? [];
    // The others in order of first sight, which decides between equal counts and names.
    const others: number[] = [];
    for (const index of own) {
      for (const other of idsOf[index] ?? []) {
        if (other === id) continue;
        if (together[other] === 0) others.push(other);
        together[other] = (together[other] ?? 0) + 1;
      }
    }
    // The most seen together, then by name, then first seen: picked in one pass (a popular name is seen with
    // thousands, and sorting them all cost more than the rest of its entry).
    const cooccurring = bestOf(others, MAX_COOCCURRING, before).map((other) => {
      // Written out rather than spread: hundreds of thousands of these at 10,000 articles, and a spread costs several times more.
      const { kind, slug, name, url, searchFilter } = linkOf.get(clusterList[other]?.key ?? '') as EntityLink;
      return { kind, slug, name, url, searchFilter, articles: together[other] ?? 0 };
    });
    for (const other of others) together[other] = 0;
    return {
      ...link,
      variants: [...cluster.variants.keys()].sort(),
      articles: own.map((i) => links[i] as ArticleLink),
      mentions: cluster.mentions,
      cooccurring,
      quotes: quotesOf.get(cluster.key) ?? [],
    };
  });

  const pages: EntityPage[] = [];
  const indexPages: EntityIndexPage[] = [];
  const counts = { person: 0, organization: 0, place: 0 } as Record<EntityKind, number>;
  for (const kind of KINDS) {
    // Sorted as ids, comparing numbers (articles, name rank) rather than looking the names up.
    const ids = entities.flatMap((e, id) => (e.kind === kind ? [id] : [])).sort((a, b) => entities[b]!.articles.length - entities[a]!.articles.length || nameRank[a]! - nameRank[b]!);
    const ofKind = ids.map((id) => entities[id]!);
    counts[kind] = ofKind.length;
    for (const entity of ids.sort((a, b) => nameRank[a]! - nameRank[b]!).map((id) => entities[id]!)) {
      const pageCount = Math.max(1, Math.ceil(entity.articles.length / ARTICLES_PER_PAGE));
      for (let n = 1; n <= pageCount; n++) {
        const shown = entity.articles.slice((n - 1) * ARTICLES_PER_PAGE, n * ARTICLES_PER_PAGE);
        const slugs = new Set(shown.map((a) => a.slug));
        pages.push({
          entity,
          pageNumber: n,
          pageCount,
          url: pageUrl(entity.url, n),
          articles: shown,
          quotes: entity.quotes.filter((q) => slugs.has(q.article.slug)),
          previousUrl: n > 1 ? pageUrl(entity.url, n - 1) : null,
          nextUrl: n < pageCount ? pageUrl(entity.url, n + 1) : null,
        });
      }
    }
    const { path, title } = ENTITY_SECTIONS[kind];
    const pageCount = Math.max(1, Math.ceil(ofKind.length / ENTRIES_PER_INDEX_PAGE));
    for (let n = 1; n <= pageCount; n++) {
      indexPages.push({
        kind,
        title,
        url: pageUrl(`/${path}/`, n),
        pageNumber: n,
        pageCount,
        entries: ofKind.slice((n - 1) * ENTRIES_PER_INDEX_PAGE, n * ENTRIES_PER_INDEX_PAGE).map((e) => ({ kind: e.kind, slug: e.slug, name: e.name, url: e.url, searchFilter: e.searchFilter, articles: e.articles.length })),
        previousUrl: n > 1 ? pageUrl(`/${path}/`, n - 1) : null,
        nextUrl: n < pageCount ? pageUrl(`/${path}/`, n + 1) : null,
      });
    }
  }
  return { counts, pages, indexPages, byArticle };
}
