// Days an article's text speaks of ('ended on Tuesday', 'yesterday', 'next Monday', 'on March 19',
// '14 May 2019'), resolved against the article's own date with date-fns. Pure: text and date in, mentions out.
// date-fns one module per function: its index loads all of it (about 1 s of CPU in each render process).
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { addWeeks } from 'date-fns/addWeeks';
import { addYears } from 'date-fns/addYears';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { endOfMonth } from 'date-fns/endOfMonth';
import { endOfWeek } from 'date-fns/endOfWeek';
import { endOfYear } from 'date-fns/endOfYear';
import { format } from 'date-fns/format';
import { getDay } from 'date-fns/getDay';
import { isExists } from 'date-fns/isExists';
import { nextDay } from 'date-fns/nextDay';
import { parseISO } from 'date-fns/parseISO';
import { previousDay } from 'date-fns/previousDay';
import { startOfMonth } from 'date-fns/startOfMonth';
import { startOfWeek } from 'date-fns/startOfWeek';
import { startOfYear } from 'date-fns/startOfYear';
import { subDays } from 'date-fns/subDays';
import type { Day } from 'date-fns';
import { findFullDates } from '../ingest/dates.ts';
import type { DateMention, Tense } from '../types.ts';
import { CLAUSE_BREAK, DAY_MONTH, FUTURE_CUE, MONTH_DAY, PAST_CUE, RELATIVE_DAY, RELATIVE_SPAN, WEEKDAY_MENTION, WEEKDAYS } from './patterns.ts';

const MONTH_BY_PREFIX: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};

const iso = (date: Date): string => format(date, 'yyyy-MM-dd');

/** How far back a clause is read for its tense (a clause is rarely longer). */
const CLAUSE_WINDOW = 240;

/** The clause that leads up to `index`: from the last sentence or clause break before it. */
function clauseBefore(text: string, index: number): string {
  const before = text.slice(Math.max(0, index - CLAUSE_WINDOW), index);
  let start = 0;
  for (const match of before.matchAll(CLAUSE_BREAK)) start = match.index + match[0].length;
  return before.slice(start);
}

/** Past unless the nearest tense cue before the date in its clause looks ahead ('will', 'are to'). */
export function tenseAt(text: string, index: number): Tense {
  const clause = clauseBefore(text, index);
  const last = (pattern: RegExp): number => Math.max(-1, ...[...clause.matchAll(pattern)].map((m) => m.index));
  return last(FUTURE_CUE) > last(PAST_CUE) ? 'future' : 'past';
}

/**
 * The day a weekday means, seen from `reference`: 'last' and 'next' never mean the reference day itself;
 * otherwise the tense decides, and the reference day's own weekday means that day ('met Tuesday' in a
 * Tuesday's paper is that Tuesday).
 */
export function resolveWeekday(reference: Date, weekday: Day, tense: Tense, modifier: string | null): Date {
  if (modifier === 'last' || modifier === 'past') return previousDay(reference, weekday);
  if (modifier === 'next' || modifier === 'coming') return nextDay(reference, weekday);
  if (getDay(reference) === weekday) return reference;
  return tense === 'future' ? nextDay(reference, weekday) : previousDay(reference, weekday);
}

/** A month and day with no year: the year that puts it nearest the reference date. */
export function nearestYear(reference: Date, month: number, day: number): Date | null {
  const year = reference.getFullYear();
  const candidates = [year - 1, year, year + 1].filter((y) => isExists(y, month, day)).map((y) => new Date(y, month, day));
  candidates.sort((a, b) => Math.abs(differenceInCalendarDays(a, reference)) - Math.abs(differenceInCalendarDays(b, reference)));
  return candidates[0] ?? null;
}

/** The first and last day of 'last week', 'this month', 'next year'…, weeks starting on Monday. */
function resolveSpan(reference: Date, which: string, unit: string): [Date, Date] {
  const step = which === 'last' || which === 'past' ? -1 : which === 'next' || which === 'coming' ? 1 : 0;
  switch (unit) {
    case 'week': {
      const week = addWeeks(reference, step);
      return [startOfWeek(week, { weekStartsOn: 1 }), endOfWeek(week, { weekStartsOn: 1 })];
    }
    case 'weekend': {
      // The weekend before (last), after (next) or of the reference day's week.
      const saturday = step < 0 ? previousDay(addDays(reference, 1), 6) : step > 0 ? nextDay(subDays(reference, 1), 6) : nextDay(startOfWeek(reference, { weekStartsOn: 1 }), 6);
      return [saturday, addDays(saturday, 1)];
    }
    case 'month': {
      const month = addMonths(reference, step);
      return [startOfMonth(month), endOfMonth(month)];
    }
    default: {
      const year = addYears(reference, step);
      return [startOfYear(year), endOfYear(year)];
    }
  }
}

interface Found {
  index: number;
  length: number;
  mention: DateMention;
}

const overlaps = (a: { index: number; length: number }, b: { index: number; length: number }): boolean =>
  a.index < b.index + b.length && b.index < a.index + a.length;

/**
 * Every day or span the text speaks of, in text order. `published` ('YYYY-MM-DD', day precision) is the
 * date relative words are resolved against; with null, mentions are still found (with their weekday and
 * tense) but `start`/`end` stay null unless the text gives the full date.
 */
export function findDateMentions(text: string, published: string | null): DateMention[] {
  const reference = published === null ? null : parseISO(published);
  const found: Found[] = [];
  const claim = (item: Found): void => {
    if (!found.some((f) => overlaps(f, item))) found.push(item);
  };
  const mention = (index: number, words: string, kind: DateMention['kind'], tense: Tense, weekday: number | null, start: Date | null, end: Date | null): Found => ({
    index,
    length: words.length,
    mention: { text: words, index, kind, tense, weekday, start: start && iso(start), end: end && iso(end) },
  });

  // Full dates first: they win over the weekday or month-day inside them ('Tuesday, March 19, 2019').
  for (const date of findFullDates(text)) {
    const words = text.slice(date.index, date.index + date.length);
    if (date.precision !== 'day') continue;
    const day = parseISO(date.iso);
    claim(mention(date.index, words, 'full-date', tenseAt(text, date.index), getDay(day), day, day));
  }
  for (const match of text.matchAll(MONTH_DAY)) {
    const month = MONTH_BY_PREFIX[match[1]!.slice(0, 3).toLowerCase()]!;
    const day = reference && nearestYear(reference, month, Number(match[2]));
    if (reference && !day) continue;
    claim(mention(match.index, match[0], 'month-day', tenseAt(text, match.index), day && getDay(day), day, day));
  }
  for (const match of text.matchAll(DAY_MONTH)) {
    const month = MONTH_BY_PREFIX[match[2]!.slice(0, 3).toLowerCase()]!;
    const day = reference && nearestYear(reference, month, Number(match[1]));
    if (reference && !day) continue;
    claim(mention(match.index, match[0], 'month-day', tenseAt(text, match.index), day && getDay(day), day, day));
  }
  for (const match of text.matchAll(WEEKDAY_MENTION)) {
    const modifier = match[1]?.toLowerCase() ?? null;
    const weekday = WEEKDAYS.indexOf(match[2]!) as Day;
    // A weekday written just before a date is part of that date ('Tuesday, March 19').
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 3);
    if (/^,?\s*\d/.test(after) || found.some((f) => f.index > match.index && f.index <= match.index + match[0].length + 2)) continue;
    const tense: Tense = modifier === 'next' || modifier === 'coming' ? 'future' : modifier === 'last' || modifier === 'past' ? 'past' : tenseAt(text, match.index);
    const day = reference && resolveWeekday(reference, weekday, tense, modifier);
    claim(mention(match.index, match[0], 'weekday', tense, weekday, day, day));
  }
  for (const match of text.matchAll(RELATIVE_DAY)) {
    const word = match[1]!.toLowerCase();
    const offset = { 'the day before yesterday': -2, yesterday: -1, today: 0, tonight: 0, tomorrow: 1, 'the day after tomorrow': 2 }[word] ?? 0;
    const day = reference && addDays(reference, offset);
    claim(mention(match.index, match[0], 'relative-day', offset > 0 ? 'future' : 'past', day && getDay(day), day, day));
  }
  for (const match of text.matchAll(RELATIVE_SPAN)) {
    const which = match[1]!.toLowerCase();
    const span = reference && resolveSpan(reference, which, match[2]!.toLowerCase());
    const tense: Tense = which === 'next' || which === 'coming' ? 'future' : which === 'this' ? tenseAt(text, match.index) : 'past';
    claim(mention(match.index, match[0], 'relative-span', tense, null, span?.[0] ?? null, span?.[1] ?? null));
  }
  return found.sort((a, b) => a.index - b.index).map((f) => f.mention);
}
