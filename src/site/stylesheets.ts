// Stylesheets as the site serves them: public/assets/*.css minified on their way to the output (lightningcss),
// and the sheets a built page links, to weigh a page as a reader downloads it.
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { Features, transform } from 'lightningcss';

/**
 * The browsers the output must keep working in: lightningcss writes nothing newer than they read (it would
 * otherwise turn `max-width: 40rem` into the media range `width<=40rem`, which Safari reads only from 16.4).
 * Versions as lightningcss wants them: major << 16.
 */
const TARGETS = { chrome: 90 << 16, firefox: 90 << 16, safari: 14 << 16 };

/** The stylesheet minified: comments and spaces out, colours and values in their shortest form. */
export function minifyCss(css: string, filename: string): string {
  // The sheets write no light-dark(), so not the two variables lightningcss adds to every `color-scheme`
  // for its fallback of that function.
  return transform({ filename, code: Buffer.from(css), minify: true, targets: TARGETS, exclude: Features.LightDark }).code.toString();
}

/**
 * A stream for Eleventy's passthrough copy (recursive-copy's `transform` option): a .css file comes out
 * minified, any other file is copied as it is (null).
 */
export function minifyCssOnCopy(src: string): Transform | null {
  if (!src.endsWith('.css')) return null;
  const chunks: Buffer[] = [];
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
    flush(done) {
      try {
        done(null, minifyCss(Buffer.concat(chunks).toString('utf8'), src));
      } catch (error) {
        done(error as Error);
      }
    },
  });
}

/** The root-relative addresses of the stylesheets an HTML page links, in order. */
export const linkedStylesheets = (html: string): string[] =>
  [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);

/** The most an article page may weigh, its HTML and the stylesheets it links, in bytes (issue 6: 30 KB). */
export const ARTICLE_PAGE_BUDGET = 30_000;

/** Bytes read from the start of a page to find its stylesheet links: its <head>, but for a very long title. */
const HEAD_BYTES = 16 * 1024;

/** The start of a file up to HEAD_BYTES, or all of it if its <head> does not end there; and its size. */
function pageHead(file: string): { head: string; size: number } {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const buffer = Buffer.alloc(Math.min(size, HEAD_BYTES));
    const head = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8');
    return { head: head.includes('</head>') || size <= HEAD_BYTES ? head : readFileSync(file, 'utf8'), size };
  } finally {
    closeSync(fd);
  }
}

/**
 * What a reader downloads to see a built page: its HTML and the stylesheets it links (each read from the
 * output folder, the site's `base` taken off the address). Scripts and images are not counted: an article
 * page has none. Only the page's head is read: sizes come from the file system, each stylesheet's once per
 * `cssSizes` (pages share a few sheets).
 */
export function pageBytes(outDir: string, base: string, htmlFile: string, cssSizes = new Map<string, number>()): { html: number; css: number } {
  const { head, size } = pageHead(join(outDir, htmlFile));
  const sheetSize = (href: string): number => {
    let bytes = cssSizes.get(href);
    if (bytes === undefined) {
      bytes = statSync(join(outDir, href.startsWith(base) ? href.slice(base.length) : href)).size;
      cssSizes.set(href, bytes);
    }
    return bytes;
  };
  const css = linkedStylesheets(head)
    .map(sheetSize)
    .reduce((sum, bytes) => sum + bytes, 0);
  return { html: size, css };
}

export interface ArticlePageWeight {
  slug: string;
  html: number;
  css: number;
  total: number;
}

/**
 * Every article page of a build (articles/<slug>/index.html, found by its folder: no record is read, so it
 * stays cheap at 100,000 articles), weighed by pageBytes, in slug order.
 */
export function articlePageWeights(outDir: string, base: string): ArticlePageWeight[] {
  const slugs = readdirSync(join(outDir, 'articles'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const cssSizes = new Map<string, number>();
  return slugs.map((slug) => {
    const { html, css } = pageBytes(outDir, base, join('articles', slug, 'index.html'), cssSizes);
    return { slug, html, css, total: html + css };
  });
}

export interface ArticlePageSummary {
  pages: number;
  /** Pages over ARTICLE_PAGE_BUDGET. */
  over: number;
  median: number;
  largest: ArticlePageWeight | null;
}

export function summariseArticlePages(weights: readonly ArticlePageWeight[]): ArticlePageSummary {
  const totals = weights.map((w) => w.total).sort((x, y) => x - y);
  return {
    pages: weights.length,
    over: totals.filter((t) => t > ARTICLE_PAGE_BUDGET).length,
    median: totals[Math.floor(totals.length / 2)] ?? 0,
    largest: weights.reduce<ArticlePageWeight | null>((largest, w) => (largest === null || w.total > largest.total ? w : largest), null),
  };
}
