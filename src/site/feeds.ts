// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) from the site data: newest first, undated last.
// Undated items carry no date_published rather than a guessed one.
import type { SiteData } from '../types.ts';
import { renderMarkdown } from './markdown.ts';

export interface JsonFeedItem {
  id: string;
  url: string;
  external_url?: string;
  title: string;
  summary: string;
  content_html: string;
  date_published?: string;
  authors?: Array<{ name: string }>;
  tags?: string[];
  language?: string;
}

export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  description: string;
  home_page_url: string;
  feed_url: string;
  language: string;
  items: JsonFeedItem[];
}

/** Entries in each feed: the newest, as feeds are read for what is new (the whole archive is in articles.json). */
export const FEED_ENTRIES = 100;

/** The articles the feeds carry: newest first, undated last, at most FEED_ENTRIES, so a feed stays small at any archive size. */
export const feedItems = (site: SiteData): SiteData['newestFirst'] => site.newestFirst.slice(0, FEED_ENTRIES);

export function jsonFeed(site: SiteData): JsonFeed {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: site.info.title,
    description: site.info.description,
    home_page_url: site.rootUrl,
    feed_url: `${site.rootUrl}feed.json`,
    language: 'en',
    items: feedItems(site).map(({ article: a, originalUrl }) => {
      const url = `${site.rootUrl}articles/${encodeURIComponent(a.slug)}/`;
      return {
        id: url,
        url,
        ...(originalUrl ? { external_url: originalUrl } : {}),
        title: a.title,
        summary: a.excerpt,
        content_html: renderMarkdown(a.body),
        ...(a.published ? { date_published: `${a.published}T00:00:00Z` } : {}),
        ...(a.authors.length > 0 ? { authors: a.authors.map((name) => ({ name })) } : {}),
        ...(a.publisher ? { tags: [a.publisher] } : {}),
        ...(a.language ? { language: a.language } : {}),
      };
    }),
  };
}
