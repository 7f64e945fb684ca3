// Related articles in the archive, found through an inverted index of the names and terms they share.
// No all-pairs comparison: each article only meets the articles listed under its own terms, and terms
// listed under too many articles (poor signals anyway) are skipped, so the work grows with the postings,
// not with the square of the archive.
import { classOf, FULL_STOP, HYPHEN_MINUS, isApostrophe, isLetter, isLetterOrNumber, UPPER, width } from '../entities/characters.ts';
import type { Article } from '../types.ts';
import { bestOf } from '../bestOf.ts';

/** Capitalised words that start sentences or name times, not people, places or organisations. */
export const COMMON_CAPITALISED = new Set(
  `a about after against all also although an and another any are as at because before being both but by can
  could did do does during each either even every for from had has have he her here his how however i if in
  into is it its just last later many may meanwhile more most much my neither no nor not now of on once one only
  or other our over per since so some still such than that the their them then there these they this those
  though through thus to too under until up upon us was we were what when where whether which while who whom
  whose why will with within without would yet you your mr mrs ms dr
  january february march april may june july august september october november december
  monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
  photo photos image video read more share comment comments reply related news
  president presidents minister ministers ministry deputy foreign secretary state special representative envoy
  government official officials senator chief head leader spokesman spokeswoman spokesperson general`.split(/\s+/),
);

/** A term listed under more articles than this is skipped (it would cost much and tell little); a constant,
 *  so the work per article is bounded and the whole grows linearly with the archive (see npm run bench). */
export const MAX_POSTINGS = 100;
/** How many related articles an article page shows. */
export const MAX_RELATED = 5;
/** How many shared terms are named beside each related article. */
export const MAX_SHARED_SHOWN = 4;

const POSSESSIVE_END = /['’]s$/u;
const MARKS_END = /[.'’-]+$/u;
const DIGIT = /\d/u;

/** Where the word that starts at `at` ends: [\p{L}\p{N}'’-] (the ASCII hyphen alone, not all of isHyphen) and full stops before a letter. */
function wordEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length) {
    const code = text.codePointAt(i)!;
    if (isLetterOrNumber(classOf(code)) || isApostrophe(code) || code === HYPHEN_MINUS) i += width(code);
    else if (code === FULL_STOP && i + 1 < text.length && isLetter(classOf(text.codePointAt(i + 1)!))) i += 1;
    else break;
  }
  return i;
}

/**
 * The last word of each run of capitalised words on one line ("Deputy Foreign Minister Sergei Ryabkov",
 * "Venezuela"): the matches of the pattern \p{Lu}(?:[\p{L}\p{N}'’-]|\.(?=\p{L}))* (?:[ \t]+ \p{Lu}(?:[\p{L}\p{N}'’-]|\.(?=\p{L}))* )* (spaces
 * aside, with the u flag), found by a scan that reads each character's class from a table (the pattern, tried at every character, was
 * most of the work of finding the terms).
 */
export function* lastWordsOfCapitalisedRuns(text: string): Generator<string> {
  let i = 0;
  while (i < text.length) {
    const code = text.codePointAt(i)!;
    if (classOf(code) !== UPPER) {
      i += width(code);
      continue;
    }
    let lastStart = i;
    let end = wordEnd(text, i + width(code));
    for (;;) {
      let next = end;
      while (next < text.length && (text.charCodeAt(next) === 0x20 || text.charCodeAt(next) === 0x09)) next += 1;
      if (next === end || next >= text.length) break;
      const capital = text.codePointAt(next)!;
      if (classOf(capital) !== UPPER) break;
      lastStart = next;
      end = wordEnd(text, next + width(capital));
    }
    yield text.slice(lastStart, end);
    i = end;
  }
}

/**
 * The names/terms of one text, keyed lower-case: the last word of each run of capitalised words (the
 * surname in "Sergei Ryabkov", the noun in "National Assembly"), 3+ letters, not a common word.
 */
export function extractTerms(text: string): Map<string, string> {
  const terms = new Map<string, string>();
  for (const last of lastWordsOfCapitalisedRuns(text)) {
    const word = last.replace(POSSESSIVE_END, '').replace(MARKS_END, '');
    if (word.length < 3 || DIGIT.test(word)) continue;
    // toLowerCase is toLocaleLowerCase('en'): English has no case rules of its own, and it costs half as much.
    const key = word.toLowerCase();
    if (COMMON_CAPITALISED.has(key) || terms.has(key)) continue;
    terms.set(key, word);
  }
  return terms;
}

/** The text an article's terms come from: headline, subtitle, body and captions. */
export const articleText = (a: Article): string => [a.title, a.subtitle ?? '', a.body, ...a.captions.map((c) => c.text)].join('\n');

/** Terms by article record: related articles and events both read them, so they are found once per build. */
const termsCache = new WeakMap<Article, ReadonlyMap<string, string>>();

/** extractTerms of the article's text (articleText), found once per record. */
export function articleTerms(article: Article): ReadonlyMap<string, string> {
  let terms = termsCache.get(article);
  if (!terms) {
    terms = extractTerms(articleText(article));
    termsCache.set(article, terms);
  }
  return terms;
}

export interface RelatedMatch {
  index: number;
  score: number;
  /** Surface forms of the shared terms, heaviest first. */
  shared: string[];
}

/** For each article (by position), the most related others, best first; ties go to archive order. */
export function findRelated(articles: readonly Article[], limit = MAX_RELATED): RelatedMatch[][] {
  const termsOf = articles.map(articleTerms);

  const postings = new Map<string, number[]>();
  termsOf.forEach((terms, index) => {
    for (const key of terms.keys()) {
      const list = postings.get(key);
      if (list) list.push(index);
      else postings.set(key, [index]);
    }
  });

  const n = articles.length;
  // A term in every article tells nothing (weight 0); a rare one tells much.
  const weight = (df: number): number => Math.log(n / df);

  // Scores in one array for the whole archive, and the others each article touched: no object per pair.
  const scores = new Float64Array(n);
  const usable = (list: readonly number[] | undefined): list is number[] => list !== undefined && list.length >= 2 && list.length <= MAX_POSTINGS;
  return termsOf.map((terms, index) => {
    const touched: number[] = [];
    for (const key of terms.keys()) {
      const list = postings.get(key);
      if (!usable(list)) continue;
      const w = weight(list.length);
      if (w <= 0) continue;
      for (const other of list) {
        if (other === index) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other] = scores[other]! + w;
      }
    }
    // The best `limit` by score, ties to archive order, picked in one pass (sorting every other cost more).
    const best = bestOf(touched, limit, (a, b) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b));
    const matches = best.map((other) => {
      // The shared terms of the few shown, in the article's own order: a term is listed under `other` when `other` has it.
      const shared: Array<{ term: string; w: number }> = [];
      for (const [key, surface] of terms) {
        const list = postings.get(key);
        if (!usable(list) || !termsOf[other]!.has(key)) continue;
        const w = weight(list.length);
        if (w > 0) shared.push({ term: surface, w });
      }
      return {
        index: other,
        score: scores[other]!,
        shared: shared
          .sort((x, y) => y.w - x.w || x.term.localeCompare(y.term, 'en'))
          .slice(0, MAX_SHARED_SHOWN)
          .map((s) => s.term),
      };
    });
    for (const other of touched) scores[other] = 0;
    return matches;
  });
}
