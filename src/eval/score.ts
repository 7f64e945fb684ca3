// Scoring definitions of the extraction development set (../shared/extraction-dev/score.mjs), kept
// identical so that `npm run eval` and that scorer agree: the same normalisers, the same token F1.
import type { CaseScore, CaseTruth, EvalRecord, EvalTotals } from '../types.ts';

const QUOTES: Array<[RegExp, string]> = [
  [/[\u2018\u2019\u201a\u201b\u2032`\u00b4]/g, "'"],
  [/[\u201c\u201d\u201e\u2033]/g, '"'],
  [/[\u2010-\u2015\u2212]/g, '-'],
  [/\u2026/g, '...'],
  [/\u00a0/g, ' '],
];

/** Titles compare after NFKC, straightened quotes and dashes, lower case and collapsed spaces. */
export function normaliseTitle(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  let text = value.normalize('NFKC');
  for (const [pattern, replacement] of QUOTES) text = text.replace(pattern, replacement);
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Outlet names compare as letters and digits only, accents, a leading 'the' and a TLD dropped. */
export function normalisePublisher(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  let text = value.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
  text = text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').replace(/\.(com|co\.uk|net|org|ca|in|info|co)$/, '');
  text = text.replace(/[^\p{L}\p{N}]+/gu, ' ').split(' ').filter((word) => word !== '' && word !== 'the').join('');
  return text.replace(/^the(?=.)/, '');
}

/** URLs compare as host (no www) + path (no trailing slash) + query. */
export function normaliseUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim().replace(/^<|>$/g, '');
  try {
    const url = new URL(text);
    return url.host.toLowerCase().replace(/^www\./, '') + url.pathname.replace(/\/+$/, '') + url.search;
  } catch {
    return text.replace(/\/+$/, '');
  }
}

export function normaliseName(value: unknown): string {
  return String(value).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Body tokens: Markdown syntax stripped (link and image targets, autolinks, HTML tags), lower case,
 * punctuation dropped, split on white space; compared as multisets.
 */
export function bodyTokens(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value
    .normalize('NFKC')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, ' $1 ')
    .replace(/\]\((?:[^()]|\([^)]*\))*\)/g, '] ')
    .replace(/<(?:https?:|mailto:)[^>\s]*>/gi, ' ')
    .replace(/<\/?[a-z][^>]*>/gi, ' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

export interface Overlap {
  precision: number;
  recall: number;
  f1: number;
}

/** Token precision, recall and F1 of a predicted body against the true one (as the benchmark's evaluate.py). */
export function tokenOverlap(truth: string[], predicted: string[]): Overlap {
  const counts = new Map<string, number>();
  for (const token of truth) counts.set(token, (counts.get(token) ?? 0) + 1);
  let hits = 0;
  for (const token of predicted) {
    const left = counts.get(token);
    if (left !== undefined && left > 0) {
      hits++;
      counts.set(token, left - 1);
    }
  }
  const falsePositives = predicted.length - hits;
  const falseNegatives = truth.length - hits;
  const both = falsePositives === 0 && falseNegatives === 0;
  const precision = both ? 1 : hits === 0 && falsePositives === 0 ? 0 : hits / (hits + falsePositives);
  const recall = both ? 1 : hits === 0 && falseNegatives === 0 ? 0 : hits / (hits + falseNegatives);
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** One case: each field right, wrong or not scored (null), and the body's overlap. */
export function scoreCase(file: string, truth: CaseTruth, record: EvalRecord | null): CaseScore {
  const got: Partial<EvalRecord> = record ?? {};
  const misses: string[] = [];
  const title = normaliseTitle(got.title) === normaliseTitle(truth.title);
  if (!title) misses.push(`title: got ${JSON.stringify(got.title ?? null)} want ${JSON.stringify(truth.title)}`);
  let date: boolean | null = null;
  let dateWhereNone = false;
  if (truth.published) {
    date = got.published === truth.published;
    if (!date) misses.push(`date: got ${JSON.stringify(got.published ?? null)} want ${truth.published}`);
  } else {
    dateWhereNone = got.published != null && got.published !== '';
    if (dateWhereNone) misses.push(`date: got ${JSON.stringify(got.published)} where the truth has none`);
  }
  let publisher: boolean | null = null;
  if (truth.publisher) {
    const wanted = [truth.publisher, ...(truth.publisherAlt ?? [])].map(normalisePublisher);
    const mine = normalisePublisher(got.publisher);
    publisher = mine !== null && mine !== '' && wanted.includes(mine);
    if (!publisher) misses.push(`publisher: got ${JSON.stringify(got.publisher ?? null)} want ${JSON.stringify(truth.publisher)}`);
  }
  let url: boolean | null = null;
  if (truth.urlInText) {
    url = normaliseUrl(got.url) === normaliseUrl(truth.url);
    if (!url) misses.push(`url: got ${JSON.stringify(got.url ?? null)} want ${JSON.stringify(truth.url)}`);
  }
  let authors: number | null = null;
  if (Array.isArray(truth.authors) && truth.authors.length > 0) {
    const wanted = new Set(truth.authors.map(normaliseName));
    const mine = new Set((got.authors ?? []).map(normaliseName));
    let hits = 0;
    for (const name of mine) hits += wanted.has(name) ? 1 : 0;
    const precision = mine.size > 0 ? hits / mine.size : 0;
    const recall = hits / wanted.size;
    authors = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    if (hits !== wanted.size || hits !== mine.size) misses.push(`authors: got ${JSON.stringify(got.authors ?? [])} want ${JSON.stringify(truth.authors)}`);
  }
  const body = tokenOverlap(bodyTokens(truth.body), bodyTokens(got.body));
  return { file, found: record !== null, title, date, dateWhereNone, publisher, publisherInText: truth.publisherInText === true, url, authors, body, misses };
}

/** Field totals over the cases, as score.mjs computes them (body F1 is the F1 of mean P and mean R). */
export function totalScores(cases: CaseScore[]): EvalTotals {
  const rate = (values: boolean[]): { right: number; of: number; percent: number } => {
    const right = values.filter(Boolean).length;
    return { right, of: values.length, percent: values.length > 0 ? (100 * right) / values.length : 0 };
  };
  const scored = <T>(values: Array<T | null>): T[] => values.filter((value): value is T => value !== null);
  const mean = (values: number[]): number => (values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : 0);
  const precision = mean(cases.map((c) => c.body.precision));
  const recall = mean(cases.map((c) => c.body.recall));
  const authorScores = scored(cases.map((c) => c.authors));
  return {
    cases: cases.length,
    withoutRecord: cases.filter((c) => !c.found).length,
    title: rate(cases.map((c) => c.title)),
    date: rate(scored(cases.map((c) => c.date))),
    dateWhereNone: { given: cases.filter((c) => c.dateWhereNone).length, of: cases.filter((c) => c.date === null).length },
    publisher: rate(scored(cases.map((c) => c.publisher))),
    publisherInText: rate(scored(cases.filter((c) => c.publisherInText).map((c) => c.publisher))),
    url: rate(scored(cases.map((c) => c.url))),
    authors: { meanF1: mean(authorScores), of: authorScores.length },
    body: {
      precision,
      recall,
      f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
      meanCaseF1: mean(cases.map((c) => c.body.f1)),
    },
  };
}
