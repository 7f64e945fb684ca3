// Finding calendar dates written in text ("March 20, 2019", "12 Feb, 2019", "2019-03-20").
// The one function's own module: the package's index loads all of date-fns (about 250 modules, 1 s of CPU
// under the TypeScript loader), which an ingest worker thread would pay again at its start.
import { isExists } from 'date-fns/isExists';
import type { DatePrecision } from '../types.ts';
import {
  DATE_DAY_MONTH_YEAR,
  DATE_IN_URL_PATH,
  DATE_ISO,
  DATE_LINE_NOISE,
  DATE_MONTH_DAY_YEAR,
  DATE_MONTH_YEAR,
  DATE_NUMERIC,
  DATE_NUMERIC_SHORT_YEAR,
  DATE_LABEL_PUBLISHED,
  DATE_LABEL_UPDATED,
  WEEKDAY,
} from './patterns.ts';

export interface FoundDate {
  /** 'YYYY-MM-DD' (day 01 / month 01 when less precise). */
  iso: string;
  precision: DatePrecision;
  /** Where the date was written in the searched text. */
  index: number;
  length: number;
}

const MONTH_BY_PREFIX: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** Plausible years for news: keeps "1234 Main St" or phone numbers out. */
const YEAR_MIN = 1800;
const YEAR_MAX = 2100;

function monthNumber(name: string): number | undefined {
  return MONTH_BY_PREFIX[name.slice(0, 3).toLowerCase()];
}

function toIso(year: number, month: number, day: number): string | null {
  if (year < YEAR_MIN || year > YEAR_MAX) return null;
  if (!isExists(year, month - 1, day)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Every date expression needs two digits in a row (a year, or a two-digit year): most lines of prose have none. */
const TWO_DIGITS = /\d\d/;

function pushDate(candidates: FoundDate[], match: RegExpExecArray | null, year: string | undefined, month: number | undefined, day: string | undefined): void {
  if (match === null || year === undefined || month === undefined || day === undefined) return;
  const iso = toIso(Number(year), month, Number(day));
  if (iso !== null) candidates.push({ iso, precision: 'day', index: match.index, length: match[0].length });
}

/** The first full date (day precision) in a text, or null. */
export function findFullDate(text: string): FoundDate | null {
  if (!TWO_DIGITS.test(text)) return null;
  const candidates: FoundDate[] = [];
  let match = DATE_MONTH_DAY_YEAR.exec(text);
  pushDate(candidates, match, match?.[3], match?.[1] === undefined ? undefined : monthNumber(match[1]), match?.[2]);
  match = DATE_DAY_MONTH_YEAR.exec(text);
  pushDate(candidates, match, match?.[3], match?.[2] === undefined ? undefined : monthNumber(match[2]), match?.[1]);
  match = DATE_ISO.exec(text);
  pushDate(candidates, match, match?.[1], match?.[2] === undefined ? undefined : Number(match[2]), match?.[3]);
  match = DATE_NUMERIC.exec(text);
  if (match !== null) {
    const first = Number(match[1]);
    const second = Number(match[2]);
    // Month first as US outlets print it, unless the first number cannot be a month.
    if (first > 12) pushDate(candidates, match, match[3], second, match[1]);
    else pushDate(candidates, match, match[3], first, match[2]);
  }
  match = DATE_NUMERIC_SHORT_YEAR.exec(text);
  // A two-digit year: this century below 50, the last one above.
  if (match !== null && match[3] !== undefined) pushDate(candidates, match, String((Number(match[3]) < 50 ? 2000 : 1900) + Number(match[3])), Number(match[1]), match[2]);
  candidates.sort((a, b) => a.index - b.index);
  return candidates[0] ?? null;
}

/** Every full date of a text, in order. */
export function findFullDates(text: string): FoundDate[] {
  const dates: FoundDate[] = [];
  let offset = 0;
  for (let date = findFullDate(text); date !== null; date = findFullDate(text.slice(offset))) {
    dates.push({ ...date, index: date.index + offset });
    offset += date.index + date.length;
  }
  return dates;
}

/**
 * The publication date of a line that may print both ("Published: Nov 19, 2019 | Updated: Nov 20, 2019",
 * "Nov 18, 2019 · Updated: Nov 19, 2019"): the date after a "published" label, else the first date not
 * after an "updated" label, else the first date.
 */
export function findPublishedInLine(text: string): FoundDate | null {
  const dates = findFullDates(text);
  const first = dates[0];
  if (first === undefined) return findDate(text);
  const published = DATE_LABEL_PUBLISHED.exec(text);
  if (published !== null) {
    const after = dates.find((date) => date.index >= published.index);
    if (after !== undefined) return after;
  }
  const updated = DATE_LABEL_UPDATED.exec(text);
  if (updated !== null) return dates.find((date) => date.index < updated.index) ?? first;
  return first;
}

/** The first date of any precision: a full date, else "March 2019" (month precision). */
export function findDate(text: string): FoundDate | null {
  if (!TWO_DIGITS.test(text)) return null;
  const full = findFullDate(text);
  if (full !== null) return full;
  const match = DATE_MONTH_YEAR.exec(text);
  if (match === null || match[1] === undefined || match[2] === undefined) return null;
  const month = monthNumber(match[1]);
  const year = Number(match[2]);
  if (month === undefined || year < YEAR_MIN || year > YEAR_MAX) return null;
  return { iso: `${match[2]}-${String(month).padStart(2, '0')}-01`, precision: 'month', index: match.index, length: match[0].length };
}

/** The date in a URL path (/2019/03/20/), day or month precision. */
export function findDateInUrl(url: string): FoundDate | null {
  const match = DATE_IN_URL_PATH.exec(url);
  if (match === null || match[1] === undefined || match[2] === undefined) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (match[3] !== undefined) {
    const iso = toIso(year, month, Number(match[3]));
    return iso === null ? null : { iso, precision: 'day', index: match.index, length: match[0].length };
  }
  return { iso: `${match[1]}-${String(month).padStart(2, '0')}-01`, precision: 'month', index: match.index, length: match[0].length };
}

/**
 * True when a line is about nothing but a date: "March 20, 2019", "Published 14 May 2019",
 * "Nov. 18th 2019 12:12 pm PT". At most `maxOtherWords` other words may remain.
 */
export function isDateOnly(text: string, maxOtherWords = 1): FoundDate | null {
  const found = findDate(text);
  if (found === null) return null;
  let rest = text.slice(0, found.index) + ' ' + text.slice(found.index + found.length);
  // A second date on the line (an "Updated" one) is part of it.
  for (let other = findFullDate(rest); other !== null; other = findFullDate(rest)) {
    rest = rest.slice(0, other.index) + ' ' + rest.slice(other.index + other.length);
  }
  rest = rest
    .replace(/[@_*]+/g, ' ')
    .replace(WEEKDAY, ' ')
    .replace(DATE_LINE_NOISE, ' ')
    .replace(/\d+/g, ' ')
    .trim();
  const others = rest === '' ? 0 : rest.split(/\s+/).length;
  return others <= maxOtherWords ? found : null;
}

/**
 * A full date written in the text that no calendar has ('February 31, 2021', '2021-02-30'), as written,
 * or null. The finders above skip such dates; this says why none was found.
 */
export function findImpossibleDate(text: string): string | null {
  if (!TWO_DIGITS.test(text)) return null;
  const check = (match: RegExpExecArray | null, year: string | undefined, month: number | undefined, day: string | undefined): string | null => {
    if (match === null || year === undefined || month === undefined || day === undefined) return null;
    const y = Number(year);
    const d = Number(day);
    if (y < YEAR_MIN || y > YEAR_MAX || month < 1 || month > 12 || d < 1 || d > 31) return null;
    return toIso(y, month, d) === null ? match[0].trim() : null;
  };
  let match = DATE_MONTH_DAY_YEAR.exec(text);
  const first = check(match, match?.[3], match?.[1] === undefined ? undefined : monthNumber(match[1]), match?.[2]);
  if (first !== null) return first;
  match = DATE_DAY_MONTH_YEAR.exec(text);
  const second = check(match, match?.[3], match?.[2] === undefined ? undefined : monthNumber(match[2]), match?.[1]);
  if (second !== null) return second;
  match = DATE_ISO.exec(text);
  return check(match, match?.[1], match?.[2] === undefined ? undefined : Number(match[2]), match?.[3]);
}
