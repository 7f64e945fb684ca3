// The search page's filter lists: for each Pagefind filter, the values the archive's articles carry
// (src/site/searchIndexRecords.ts searchFilters, so a list never offers a value the index lacks) with the
// number of articles of each. They are written into the search page at build time, so the page offers its
// filters without downloading Pagefind's filter index: Pagefind then loads a filter's index only when a
// search uses that filter (public/assets/search.js).
import type { SiteData } from '../types.ts';
import { monthLabel } from './filters.ts';
import { searchFilters } from './searchIndexRecords.ts';

/** Most values a list offers: the values in the most articles (a value left out still works as a link's ?name=value). */
export const SEARCH_FACET_VALUES = 200;

export interface SearchFacet {
  /** The Pagefind filter: 'publisher', 'author', 'year', 'month', 'person', 'place'. */
  name: string;
  label: string;
  /** `label` is what the list shows: the value, or for a month 'March 2019'. */
  values: Array<{ value: string; label: string; count: number }>;
}

const FACETS: ReadonlyArray<{ name: string; label: string; order: 'count' | 'newest' }> = [
  { name: 'publisher', label: 'Publisher', order: 'count' },
  { name: 'author', label: 'Author', order: 'count' },
  { name: 'year', label: 'Year', order: 'newest' },
  { name: 'month', label: 'Month', order: 'newest' },
  { name: 'person', label: 'Person', order: 'count' },
  { name: 'place', label: 'Place', order: 'count' },
];

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The filters of `site` with their values: names by the number of articles (most first, then by name),
 * years and months newest first with 'Undated' last. A filter no article carries is left out.
 */
export function searchFacets(site: SiteData, limit = SEARCH_FACET_VALUES): SearchFacet[] {
  const counts = new Map<string, Map<string, number>>(FACETS.map((f) => [f.name, new Map()]));
  for (const entry of site.articles) {
    for (const [name, values] of Object.entries(searchFilters(entry, site))) {
      const ofFilter = counts.get(name);
      if (!ofFilter) continue;
      for (const value of new Set(values)) ofFilter.set(value, (ofFilter.get(value) ?? 0) + 1);
    }
  }
  const facets: SearchFacet[] = [];
  for (const { name, label, order } of FACETS) {
    const values = [...(counts.get(name) ?? [])].map(([value, count]) => ({ value, label: name === 'month' && value !== 'Undated' ? monthLabel(value) : value, count }));
    if (values.length === 0) continue;
    values.sort(
      order === 'count'
        ? (a, b) => b.count - a.count || compare(a.value, b.value)
        : (a, b) => (a.value === 'Undated' ? 1 : 0) - (b.value === 'Undated' ? 1 : 0) || compare(b.value, a.value),
    );
    facets.push({ name, label, values: values.slice(0, limit) });
  }
  return facets;
}
