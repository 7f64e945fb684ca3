// The plain text an article's entities are read from, and how names are compared.
import { memoise } from '../memoise.ts';
import type { Article } from '../types.ts';

/** Index of the first body paragraph among an article's text units (0 headline, 1 subtitle). */
export const FIRST_BODY_UNIT = 2;

/** A paragraph's lines joined by one space. Most paragraphs are one line, and the pattern, tried at every space, costs more than the look. */
const joinLines = (text: string): string => (text.includes('\n') ? text.replace(/\s*\n\s*/gu, ' ') : text);

/** Markdown body -> plain paragraphs: links keep their text, emphasis marks and editorial brackets go. */
export function plainParagraphs(markdown: string): string[] {
  return markdown
    .split(/\n[ \t]*\n/u)
    .map((block) =>
      joinLines(
        block
          .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/gu, '$1')
          .replace(/^[ \t]*(?:#{1,6}|>|[-*+]|\d+[.)])[ \t]+/gmu, '')
          .replace(/[*_`[\]\\]/gu, ''),
      ).trim(),
    )
    .filter((p) => p !== '');
}

/** Headline, subtitle (or ''), then the body's paragraphs: the units mention offsets refer to. */
export function textUnits(article: Pick<Article, 'title' | 'subtitle' | 'body'>): string[] {
  return [article.title, article.subtitle ?? '', ...plainParagraphs(article.body)];
}

/** Folded names by name: the same few thousand names are folded again and again across an archive. */
/** How names are compared: accents, case, full stops, hyphens and apostrophes do not count. Remembered for
 * at most 50,000 names, so the memory stays bounded at any archive size. */
export const foldName = memoise(fold, 50_000);

// A module constant: the TypeScript loader turns a literal with \p{...} into a RegExp built at each evaluation.
const MARKS = /\p{M}+/gu;

function fold(name: string): string {
  return name
    .normalize('NFD')
    .replace(MARKS, '')
    .toLocaleLowerCase('en')
    .replace(/[.'’]/gu, '')
    .replace(/[-‐‑–\s]+/gu, ' ')
    .trim();
}

/** Readable, stable URL part: 'Nicolás Maduro' -> 'nicolas-maduro'. */
export function entitySlug(name: string): string {
  const slug = foldName(name).replace(/[^a-z0-9]+/gu, '-').replace(/^-+|-+$/gu, '');
  return slug === '' ? 'entity' : slug;
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length] ?? max + 1;
}
