// Template filters: one-liners over plain values, registered as one Eleventy plugin.
// Dates are the record's ISO 'YYYY-MM-DD' strings, formatted at the precision they are known to.
// date-fns one module per function: its index loads all of it (about 1 s of CPU in each render process).
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import type { UserConfig } from '@11ty/eleventy';
import type { DatePrecision, SiteData } from '../types.ts';
import { cutAtWord } from '../ingest/article.ts';
import { memoise } from '../memoise.ts';
import { feedItems, jsonFeed } from './feeds.ts';
import { renderMarkdown, webUrl } from './markdown.ts';

// Each date formatted once per precision: an archive's pages name the same few thousand dates tens of
// thousands of times (every entity page lists its articles' dates), and date-fns parses and formats anew.
const formatterOf = (pattern: string): ((iso: string) => string) => memoise((iso) => format(parseISO(iso), pattern));
const DATE_FORMAT: Record<DatePrecision, (iso: string) => string> = { day: formatterOf('d MMMM yyyy'), month: formatterOf('MMMM yyyy'), year: formatterOf('yyyy') };

/** '20 March 2019', 'March 2019', '2019' or 'Undated'. */
export const humanDate = (iso: string | null, precision: DatePrecision | null = 'day'): string => (iso ? DATE_FORMAT[precision ?? 'day'](iso) : 'Undated');

/** '2019-03' to 'March 2019'; null (known only to the year) to 'Month unknown'. */
export const monthLabel = (month: string | null): string => (month ? format(parseISO(`${month}-01`), 'MMMM yyyy') : 'Month unknown');

/** 'YYYY-MM-DD' to an RFC 3339 instant at midnight UTC, for feeds. */
export const rfc3339 = (iso: string): string => `${iso}T00:00:00Z`;

// Each count formatted once: counts repeat on every page (an entity page counts the articles of each
// name it lists), and toLocaleString builds its number format anew on each call (about 100,000 at 1,000 articles).
// Unbounded: its keys are counts, so it holds no more entries than the archive has articles.
const formattedCounts = new Map<number, string>();
const formatCount = (count: number): string => {
  let formatted = formattedCounts.get(count);
  if (formatted === undefined) formattedCounts.set(count, (formatted = count.toLocaleString('en-GB')));
  return formatted;
};

/** '1 article', '5 articles', '1,250 articles'. */
export const plural = (count: number, singular: string, pluralForm = `${singular}s`): string => `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;

/** JSON for a .json output or a data attribute: '<', '>' and '&' escaped so it can never close an element. */
export const json = (value: unknown, indent = 0): string =>
  JSON.stringify(value, null, indent).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * A value for a Pagefind filter: angle brackets become the look-alike quotation marks ‹ › (real names
 * never hold them), so no value can start a tag wherever a search page writes it.
 */
export const searchLabel = (text: string): string => text.replace(/</g, '‹').replace(/>/g, '›');


/** About as much of a description as a search engine shows: the rest would only weigh on every page. */
const META_DESCRIPTION_MAX_CHARS = 160;

/** A page's meta description: `text` cut at a word boundary within META_DESCRIPTION_MAX_CHARS. */
export const metaDescription = (text: string): string => cutAtWord(text, META_DESCRIPTION_MAX_CHARS);

/** The host of a web address, to name the original site in a link whose href holds the whole address. */
export const urlHost = (url: string): string => {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
};

/** The quotes of an article whose speaker was found, in the text's order. */
export const attributedQuotes = <Q extends { speaker: string | null }>(quotes: readonly Q[] | undefined): Q[] => (quotes ?? []).filter((q) => q.speaker !== null);

/** Registers every filter; `.eleventy.ts` adds this as a plugin. */
export function filtersPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addFilter('humanDate', humanDate);
  eleventyConfig.addFilter('monthLabel', monthLabel);
  eleventyConfig.addFilter('rfc3339', rfc3339);
  eleventyConfig.addFilter('plural', plural);
  eleventyConfig.addFilter('json', json);
  eleventyConfig.addFilter('markdown', renderMarkdown);
  eleventyConfig.addFilter('webUrl', webUrl);
  eleventyConfig.addFilter('searchLabel', searchLabel);
  eleventyConfig.addFilter('metaDescription', metaDescription);
  eleventyConfig.addFilter('attributedQuotes', attributedQuotes);
  eleventyConfig.addFilter('urlHost', urlHost);
  eleventyConfig.addFilter('jsonFeed', (site: SiteData) => json(jsonFeed(site), 2));
  eleventyConfig.addFilter('feedItems', feedItems);
}
