// The archive-wide exports (articles.json, articles.csv, citations.bib/.ris/.json, the sitemap), written as streams
// of small strings outside Eleventy. As one string each they grow with the archive (articles.json is
// about 10 KB an article, so it would pass V8's longest string near 50,000 articles), and Eleventy keeps
// every output it renders until the build ends.
import { open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { SiteArticle, SiteData } from '../types.ts';
import { articlesCsvLines } from './citations.ts';
import { json } from './filters.ts';
import { sitemapFiles } from './sitemap.ts';

export interface ExportFile {
  /** Path inside the output folder. */
  path: string;
  /** The file's text, in pieces, in order. */
  chunks: () => Iterable<string>;
}

/** `json(items, 2)` (a pretty-printed array, '<', '>' and '&' escaped), one item at a time, then a newline. */
export function* jsonArrayChunks(items: readonly unknown[]): Generator<string> {
  if (items.length === 0) {
    yield '[]\n';
    return;
  }
  yield '[\n';
  for (const [i, item] of items.entries()) {
    // Strings in JSON never hold a raw newline, so every newline is the layout's and takes the indent.
    yield `  ${json(item, 2).replace(/\n/g, '\n  ')}${i < items.length - 1 ? ',' : ''}\n`;
  }
  yield ']\n';
}

/** Each item's text, with `separator` between them (no separator after the last). */
function* joined(texts: Iterable<string>, separator: string): Generator<string> {
  let first = true;
  for (const text of texts) {
    yield first ? text : `${separator}${text}`;
    first = false;
  }
}

function* citationsOf(articles: readonly SiteArticle[], format: 'bibtex' | 'ris'): Generator<string> {
  for (const entry of articles) yield entry.citation[format];
}

/** Every archive-wide export of `site`, in a fixed order. */
export function archiveExports(site: SiteData): ExportFile[] {
  const articles = site.articles;
  return [
    { path: 'articles.json', chunks: () => jsonArrayChunks(articles.map((s) => s.article)) },
    { path: 'articles.csv', chunks: () => articlesCsvLines(articles) },
    { path: 'citations.bib', chunks: () => [...citationsOf(articles, 'bibtex'), '\n'] },
    { path: 'citations.ris', chunks: () => [...joined(citationsOf(articles, 'ris'), '\n'), '\n'] },
    { path: 'citations.json', chunks: () => jsonArrayChunks(articles.map((s) => s.citation.csl)) },
    ...sitemapFiles(site),
  ];
}

/** Chunks are gathered up to this many characters before a write: few system calls, little memory. */
const WRITE_BUFFER = 1 << 20;

/** Writes `chunks` to `path`, never holding more than about WRITE_BUFFER characters of them. */
export async function writeChunks(path: string, chunks: Iterable<string>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const file = await open(path, 'w');
  try {
    let pending: string[] = [];
    let size = 0;
    for (const chunk of chunks) {
      pending.push(chunk);
      size += chunk.length;
      if (size >= WRITE_BUFFER) {
        await file.write(pending.join(''));
        pending = [];
        size = 0;
      }
    }
    if (pending.length > 0) await file.write(pending.join(''));
  } finally {
    await file.close();
  }
}

/** Writes every export of `site` into `outDir`; returns how many files it wrote. */
export async function writeExports(outDir: string, site: SiteData): Promise<number> {
  const files = archiveExports(site);
  for (const file of files) await writeChunks(join(outDir, file.path), file.chunks());
  return files.length;
}
