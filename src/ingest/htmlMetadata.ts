// What a saved web page says about itself, read before any heuristic (as trafilatura's metadata.py):
// JSON-LD (NewsArticle, Article, …), Open Graph and article:* tags, citation_* tags (scholarly pages),
// <link rel=canonical> and <html lang>. Every value carries the rule that found it (`title/json-ld`).
import type { FieldProvenance } from '../types.ts';
import type { Found, PublishedDate } from './metadata.ts';
import { findDate } from './dates.ts';
import { languageTag } from './language.ts';
import { collapseSpaces } from './text.ts';

export interface PageMetadata {
  title: Found<string> | null;
  subtitle: Found<string> | null;
  published: Found<PublishedDate> | null;
  publisher: Found<string> | null;
  authors: Found<string[]> | null;
  url: Found<string> | null;
  /** The page's declared language as written (`en-GB`), from <html lang> or a meta tag. */
  language: Found<string> | null;
}

/** JSON-LD @types that are one article (schema.org's Article and its news and blog kinds). */
const ARTICLE_TYPE = /^(?:\w*NewsArticle|Article|BlogPosting|Report|ScholarlyArticle|AnalysisNewsArticle|OpinionNewsArticle|LiveBlogPosting)$/;

/** ISO-like dates as meta tags write them: 2019-03-20T10:15:00+01:00, 2019/03/20, 2019-03. */
const META_DATE = /^\s*(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?(?:$|[T\s])/;

function found<T>(value: T, rule: string): Found<T> {
  const provenance: FieldProvenance = { origin: 'text', rule, line: null };
  return { value, provenance };
}

/** The first candidate that has a value, with its rule. */
function first<T>(...candidates: Array<[T | null, string]>): Found<T> | null {
  for (const [value, rule] of candidates) if (value !== null) return found(value, rule);
  return null;
}

export function readPageMetadata(document: Document): PageMetadata {
  const meta = (...keys: string[]): string | null => {
    for (const key of keys) {
      const element = document.querySelector(`meta[property="${key}" i], meta[name="${key}" i], meta[itemprop="${key}" i]`);
      const content = cleanText(element?.getAttribute('content'));
      if (content !== null) return content;
    }
    return null;
  };
  const metaAll = (key: string): string[] =>
    [...document.querySelectorAll(`meta[name="${key}" i], meta[property="${key}" i]`)]
      .map((element) => cleanText(element.getAttribute('content')))
      .filter((value): value is string => value !== null);
  const ld = articleFromJsonLd(document);
  const canonical = cleanText(document.querySelector('link[rel~="canonical" i]')?.getAttribute('href'));
  const metaAuthors = [...metaAll('author'), ...metaAll('article:author')].filter((name) => !/^https?:/i.test(name));
  const citationAuthors = metaAll('citation_author');

  return {
    title: first([text(ld?.['headline']) ?? text(ld?.['name']), 'title/json-ld'], [meta('og:title'), 'title/meta-og'], [meta('citation_title'), 'title/meta-citation']),
    subtitle: first([text(ld?.['alternativeHeadline']), 'subtitle/json-ld']),
    published: first(
      [toDate(text(ld?.['datePublished'])), 'date/json-ld'],
      [toDate(meta('article:published_time')), 'date/meta-article-published'],
      [toDate(meta('citation_publication_date', 'citation_date', 'citation_online_date')), 'date/meta-citation'],
      [toDate(meta('datePublished', 'pubdate', 'publishdate', 'date')), 'date/meta-date'],
    ),
    publisher: first(
      [names(ld?.['publisher'])[0] ?? null, 'publisher/json-ld'],
      [meta('og:site_name'), 'publisher/meta-og-site-name'],
      [meta('citation_journal_title', 'citation_publisher'), 'publisher/meta-citation'],
    ),
    authors: first(
      [nonEmpty(names(ld?.['author'])), 'authors/json-ld'],
      [nonEmpty(unique(metaAuthors)), 'authors/meta-author'],
      [nonEmpty(unique(citationAuthors)), 'authors/meta-citation'],
    ),
    url: first(
      [webAddress(canonical), 'url/canonical'],
      [webAddress(meta('og:url')), 'url/meta-og'],
      [webAddress(text(ld?.['url']) ?? idOf(ld?.['mainEntityOfPage'])), 'url/json-ld'],
    ),
    language: first(
      [languageTag(document.documentElement?.getAttribute('lang') ?? null), 'language/html-lang'],
      [languageTag(meta('og:locale', 'content-language', 'dc.language')), 'language/meta'],
      [languageTag(text(ld?.['inLanguage'])), 'language/json-ld'],
    ),
  };
}

type JsonObject = Record<string, unknown>;

/** The first article object in the page's JSON-LD blocks (through @graph and arrays); bad JSON is skipped. */
function articleFromJsonLd(document: Document): JsonObject | null {
  for (const script of document.querySelectorAll('script[type="application/ld+json" i]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const article = flatten(data).find((item) => types(item).some((type) => ARTICLE_TYPE.test(type)));
    if (article !== undefined) return article;
  }
  return null;
}

function flatten(data: unknown): JsonObject[] {
  if (Array.isArray(data)) return data.flatMap(flatten);
  if (data === null || typeof data !== 'object') return [];
  const object = data as JsonObject;
  return [object, ...flatten(object['@graph'])];
}

function types(item: JsonObject): string[] {
  const type = item['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/#:]/, ''));
}

/** Names from a string, a {name} object, or a list of either. */
function names(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(names);
  if (typeof value === 'string') return cleanText(value) === null || /^https?:/i.test(value) ? [] : [cleanText(value)!];
  if (value !== null && typeof value === 'object') return names((value as JsonObject)['name']);
  return [];
}

function idOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object') return text((value as JsonObject)['@id']);
  return null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? cleanText(value) : null;
}

/** Entities are decoded by the DOM already; this collapses spaces and drops what is empty. */
function cleanText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const cleaned = collapseSpaces(value).trim();
  return cleaned === '' ? null : cleaned;
}

function nonEmpty(list: string[]): string[] | null {
  return list.length > 0 ? list : null;
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

function webAddress(value: string | null): string | null {
  return value !== null && /^https?:\/\/[^\s/]+/i.test(value) ? value : null;
}

/** A date as written in metadata: ISO-like first (the day as written, whatever its time zone), else a date in words. */
export function toDate(value: string | null): PublishedDate | null {
  if (value === null) return null;
  const match = META_DATE.exec(value);
  if (match !== null) {
    const [, year, month, day] = match;
    const m = Number(month);
    if (m < 1 || m > 12) return null;
    if (day === undefined) return { iso: `${year}-${month!.padStart(2, '0')}-01`, precision: 'month' };
    const date = new Date(Date.UTC(Number(year), m - 1, Number(day)));
    if (date.getUTCDate() !== Number(day)) return null;
    return { iso: `${year}-${month!.padStart(2, '0')}-${day.padStart(2, '0')}`, precision: 'day' };
  }
  const words = findDate(value);
  return words === null ? null : { iso: words.iso, precision: words.precision };
}
