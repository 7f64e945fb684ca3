// Stylesheets as the site serves them: public/assets/*.css minified on their way to the output (lightningcss),
// and the sheets a built page links, to weigh a page as a reader downloads it.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { transform } from 'lightningcss';

/**
 * The browsers the output must keep working in: lightningcss writes nothing newer than they read (it would
 * otherwise turn `max-width: 40rem` into the media range `width<=40rem`, which Safari reads only from 16.4).
 * Versions as lightningcss wants them: major << 16.
 */
const TARGETS = { chrome: 90 << 16, firefox: 90 << 16, safari: 14 << 16 };

/** The stylesheet minified: comments and spaces out, colours and values in their shortest form. */
export function minifyCss(css: string, filename: string): string {
  return transform({ filename, code: Buffer.from(css), minify: true, targets: TARGETS }).code.toString();
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

/**
 * What a reader downloads to see a built page: its HTML and the stylesheets it links (each read from the
 * output folder, the site's `base` taken off the address). Scripts and images are not counted: an article
 * page has none.
 */
export function pageBytes(outDir: string, base: string, htmlFile: string): { html: number; css: number } {
  const html = readFileSync(join(outDir, htmlFile));
  const css = linkedStylesheets(html.toString('utf8'))
    .map((href) => statSync(join(outDir, href.startsWith(base) ? href.slice(base.length) : href)).size)
    .reduce((sum, size) => sum + size, 0);
  return { html: html.length, css };
}
