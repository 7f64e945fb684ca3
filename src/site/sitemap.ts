// The sitemap, written as an export (src/site/exports.ts): every page a search engine should know, the
// articles and the people, organisation and place pages included. The protocol allows 50,000 URLs in
// one file (https://www.sitemaps.org/protocol.html); past that, sitemap.xml becomes an index of parts.
import type { SiteData } from '../types.ts';
import type { ExportFile } from './exports.ts';

export const SITEMAP_URLS = 50_000;

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const xmlText = (text: string): string => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);

/** Every page's address below the site root ('' is the home page), home and timeline first, then articles and entities. */
export function* sitemapPaths(site: SiteData): Generator<string> {
  yield '';
  yield 'timeline/';
  for (const page of site.timeline.pages) yield page.url.slice(1);
  yield 'search/';
  for (const entry of site.articles) yield `articles/${encodeURIComponent(entry.article.slug)}/`;
  for (const page of site.entities.indexPages) yield page.url.slice(1);
  for (const page of site.entities.pages) yield page.url.slice(1);
}

const HEAD = '<?xml version="1.0" encoding="utf-8"?>\n';
const NAMESPACE = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';

function* urlset(root: string, paths: readonly string[]): Generator<string> {
  yield `${HEAD}<urlset ${NAMESPACE}>\n`;
  for (const path of paths) yield `  <url><loc>${xmlText(root + path)}</loc></url>\n`;
  yield '</urlset>\n';
}

/** sitemap.xml, and when the site has more than `limit` pages, its parts sitemap-1.xml, sitemap-2.xml… */
export function sitemapFiles(site: SiteData, limit = SITEMAP_URLS): ExportFile[] {
  const paths = [...sitemapPaths(site)];
  if (paths.length <= limit) return [{ path: 'sitemap.xml', chunks: () => urlset(site.rootUrl, paths) }];
  const parts = Array.from({ length: Math.ceil(paths.length / limit) }, (_, i) => paths.slice(i * limit, (i + 1) * limit));
  const name = (i: number): string => `sitemap-${i + 1}.xml`;
  function* index(): Generator<string> {
    yield `${HEAD}<sitemapindex ${NAMESPACE}>\n`;
    for (const [i] of parts.entries()) yield `  <sitemap><loc>${xmlText(site.rootUrl + name(i))}</loc></sitemap>\n`;
    yield '</sitemapindex>\n';
  }
  return [{ path: 'sitemap.xml', chunks: index }, ...parts.map((part, i) => ({ path: name(i), chunks: () => urlset(site.rootUrl, part) }))];
}
