// What Pagefind indexes for each article, taken from the site data rather than parsed back out of the
// written pages: the same URL, title, meta, filters and sort as the article page's data-pagefind-*
// attributes (templates/articles.njk), and its searchable text. Pagefind then parses no HTML. The person
// and place filters are the records' alone: a page shows only the names it is most about, and carries
// no filter attribute for them (partials/entities.njk).
import type { SiteArticle, SiteData } from '../types.ts';
import { humanDate, searchLabel } from './filters.ts';
import { collapseSpace as clean, markdownText } from './markdownText.ts';

/** One article as Pagefind's addCustomRecord takes it. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/**
 * The Pagefind filters of one article: the values its page's data-pagefind-filter attributes hold, every
 * person and place it names that is a filter value (SEARCH_FILTER_VALUES), and what the search page's
 * filter lists offer (src/site/searchFacets.ts).
 */
export function searchFilters(entry: SiteArticle, site: SiteData): Record<string, string[]> {
  const a = entry.article;
  const ents = site.entities.byArticle[a.slug];
  const filters: Record<string, string[]> = { year: [entry.year ?? 'Undated'] };
  if (!a.published) filters['month'] = ['Undated'];
  else if (a.datePrecision !== 'year') filters['month'] = [a.published.slice(0, 7)];
  if (a.publisher) filters['publisher'] = [clean(searchLabel(a.publisher))];
  if (a.authors.length > 0) filters['author'] = a.authors.map((name) => clean(searchLabel(name)));
  const people = ents?.people.filter((e) => e.searchFilter) ?? [];
  const places = ents?.places.filter((e) => e.searchFilter) ?? [];
  if (people.length > 0) filters['person'] = people.map((e) => clean(searchLabel(e.name)));
  if (places.length > 0) filters['place'] = places.map((e) => clean(searchLabel(e.name)));
  return filters;
}

/**
 * The record of one article. Content: the text of the page's <article> outside its data-pagefind-ignore
 * parts, less what every article shares or the archive inferred: the facts' labels ("Date", "Length"),
 * where each value came from, the note placing an undated article, the original's address.
 */
export function searchRecord(entry: SiteArticle, site: SiteData): SearchRecord {
  const a = entry.article;
  const content = [
    ...[a.publisher, a.section, a.title, a.subtitle, a.authors.join(', '), a.dateline, entry.event?.label ?? null].map((part) => clean(part ?? '')),
    markdownText(a.body),
    ...a.captions.map((c) => clean(c.credit ? `${c.text} Credit: ${c.credit}` : c.text)),
  ].filter((part) => part !== '');
  const dateSort = a.published ?? '0000-00-00';
  // date_sort: what the search page merges a sharded index's date-sorted lists by (public/assets/searchOrder.js).
  const meta: Record<string, string> = { title: clean(a.title), date: clean(humanDate(a.published, a.datePrecision)), date_sort: dateSort };
  if (a.publisher) meta['publisher'] = clean(a.publisher);
  return {
    url: `/articles/${a.slug}/`,
    content: content.join('\n'),
    // One language for the whole archive (as forceLanguage does for pages), so a search finds every article.
    language: 'en',
    meta,
    filters: searchFilters(entry, site),
    sort: { date: dateSort },
  };
}
