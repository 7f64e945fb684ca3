// Where pages may be written: every article page at <out>/articles/<slug>/index.html, every file inside
// the output folder. A slug comes from input text (a headline, one day a front-matter field), so it is
// checked before Eleventy writes anything, and what Eleventy wrote is checked again after.
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Article } from '../types.ts';

export class OutputPathError extends Error {
  override name = 'OutputPathError';
}

/** One path segment of letters and digits, with '.', '_', '~' and '-' inside: never '..', '/', '\' or a hidden name. */
const SAFE_SLUG = /^[\p{L}\p{N}][\p{L}\p{N}._~-]*$/u;

/** Why `slug` cannot name a folder under /articles/, or null when it can. */
export function unsafeSlugReason(slug: string): string | null {
  if (slug === '') return 'it is empty';
  if (slug.includes('..')) return "it holds '..', which would climb out of /articles/";
  if (/[/\\]/.test(slug)) return 'it holds a path separator';
  if (!SAFE_SLUG.test(slug)) return "a slug may hold letters, digits, '.', '_', '~' and '-' only, and start with a letter or digit";
  return null;
}

/** Fails (naming the input file and the slug) unless every slug is safe and unique. */
export function assertSafeSlugs(articles: readonly Pick<Article, 'slug' | 'sourceFile'>[]): void {
  const seen = new Map<string, string>();
  for (const { slug, sourceFile } of articles) {
    const reason = unsafeSlugReason(slug);
    if (reason) {
      throw new OutputPathError(`${sourceFile}: slug ${JSON.stringify(slug)} cannot be a page address: ${reason}; nothing was written (fix the slug or the headline it comes from)`);
    }
    const other = seen.get(slug);
    if (other !== undefined) throw new OutputPathError(`${sourceFile} and ${other}: both have the slug ${JSON.stringify(slug)}, so one page would overwrite the other`);
    seen.set(slug, sourceFile);
  }
}

/** The file an article's page is written to. */
export const articlePagePath = (outDir: string, slug: string): string => join(resolve(outDir), 'articles', slug, 'index.html');

/** The files an article's folder may hold beside its page: its citation downloads (src/site/citations.ts) and its provenance page. */
export const ARTICLE_FILES = ['citation.bib', 'citation.ris', 'citation.json', join('provenance', 'index.html')] as const;

/** True when `path` lies inside `dir` (not `dir` itself). */
export function isInside(dir: string, path: string): boolean {
  const rel = relative(resolve(dir), resolve(path));
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/** What Eleventy says it wrote: one entry per output file (false for a template with no output). */
export interface WrittenPage {
  inputPath?: string;
  outputPath?: string | false;
  url?: string | false;
}

/**
 * Checks what Eleventy wrote: every output inside `outDir`, and exactly one page per article, at
 * articles/<slug>/index.html. Throws listing every stray path.
 */
export function assertWrittenPaths(outDir: string, written: readonly WrittenPage[], slugs: readonly string[]): void {
  const outputs = written.flatMap((w) => (typeof w.outputPath === 'string' ? [resolve(w.outputPath)] : []));
  const strays = outputs.filter((path) => !isInside(outDir, path));
  const articlesDir = join(resolve(outDir), 'articles');
  const expected = new Set(slugs.map((slug) => articlePagePath(outDir, slug)));
  const allowed = new Set(slugs.flatMap((slug) => ARTICLE_FILES.map((file) => join(resolve(outDir), 'articles', slug, file))));
  const unexpected = outputs.filter((path) => isInside(articlesDir, path) && !expected.has(path) && !allowed.has(path));
  const writtenPaths = new Set(outputs);
  const missing = [...expected].filter((path) => !writtenPaths.has(path));
  const problems = [
    ...strays.map((p) => `${p} lies outside the output folder`),
    ...unexpected.map((p) => `${p} is not articles/<slug>/index.html (or a citation file or provenance page) of any article`),
    ...missing.map((p) => `${p} was not written`),
  ];
  if (problems.length > 0) throw new OutputPathError(`pages written where they should not be:\n${problems.map((p) => `  ${p}`).join('\n')}`);
}
