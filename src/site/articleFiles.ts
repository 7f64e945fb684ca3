// An article's citation downloads (articles/<slug>/citation.bib, .ris, .json), written directly: each is
// one string of the site data and a newline, so a template per file only cost an Eleventy page each
// (pagination, data cascade, render, transforms): three of the ten pages of an article part.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { SiteArticle } from '../types.ts';
import type { WrittenPage } from './outputPaths.ts';

/** A file of the site: its path inside the output folder and its text. */
export interface RenderedFile {
  /** Path inside the output folder, e.g. 'articles/<slug>/index.html'. */
  path: string;
  content: string;
}

/** The citation downloads of one article: BibTeX, RIS and CSL-JSON, each ending with a newline. */
export function citationFiles(entry: SiteArticle): RenderedFile[] {
  const folder = join('articles', entry.article.slug);
  const { bibtex, ris, cslJson } = entry.citation;
  return [
    { path: join(folder, 'citation.bib'), content: `${bibtex}\n` },
    { path: join(folder, 'citation.ris'), content: `${ris}\n` },
    { path: join(folder, 'citation.json'), content: `${cslJson}\n` },
  ];
}

/**
 * Writes the citation downloads of `articles` into `outDir` (their slugs checked already: assertSafeSlugs)
 * and returns what it wrote, for assertWrittenPaths. One file at a time, as Eleventy writes its pages.
 */
export function writeCitationFiles(outDir: string, articles: readonly SiteArticle[]): WrittenPage[] {
  const written: WrittenPage[] = [];
  for (const entry of articles) {
    const files = citationFiles(entry);
    mkdirSync(dirname(join(outDir, files[0]!.path)), { recursive: true });
    for (const file of files) {
      const target = resolve(outDir, file.path);
      writeFileSync(target, file.content);
      written.push({ outputPath: target });
    }
  }
  return written;
}
