// Events: the articles that cover one happening, found through indexes, never by comparing every pair.
// 1. Each dated article's lede names the day it reports on ('ended on Tuesday' -> 19 March 2019): its anchor.
// 2. Articles are bucketed by anchor day; inside a bucket, articles that share distinctive names (through a
//    postings list of names) are one event.
// 3. An undated article whose text names a weekday and shares names with an event on that weekday is
//    placed in a range of days before or after it, with the reason; its stated date stays null.
// 4. Each event gets a label made from its text: place, what happened, the names that mark it.
// date-fns one module per function: its index loads all of it (about 1 s of CPU in each render process).
import { addDays } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { format } from 'date-fns/format';
import { getDay } from 'date-fns/getDay';
import { nextDay } from 'date-fns/nextDay';
import { parseISO } from 'date-fns/parseISO';
import { previousDay } from 'date-fns/previousDay';
import { subDays } from 'date-fns/subDays';
import type { Day } from 'date-fns';
import { articleTerms, articleText } from '../site/related.ts';
import { slugify } from '../ingest/slug.ts';
import type { ArchiveEvent, Article, DateMention, UndatedPlacement } from '../types.ts';
import { EVENT_IN_PLACE, EVENT_WORD_ANY, EVENT_WORDS, PLACE_CUE, PLACE_EVENT, SPEAKER_BEFORE_VERB, SPEAKER_QUOTED } from './patterns.ts';
import { findDateMentions } from './relativeDates.ts';

/** Paragraphs of the body read for the day an article reports on (news puts the when in the lede). */
export const LEDE_PARAGRAPHS = 3;
/** An anchor further than this from the publication date is history the article recalls, not its news. */
export const ANCHOR_WINDOW_DAYS = 14;
/** Two articles on one day are one event when they share at least this many distinctive names. */
export const MIN_SHARED_NAMES = 2;
/** A name is distinctive when at most this share of the archive mentions it (and always when only two do). */
export const DISTINCTIVE_SHARE = 0.5;
/** A name listed under more articles than this is skipped (as in related.ts): costly and telling little. */
export const MAX_POSTINGS = 1000;
/** Inside one day's bucket, a name shared by more articles than this joins no pairs (bounded work on busy days). */
export const MAX_BUCKET_POSTINGS = 200;
/** An event's label is made from its first this-many articles (a big event's text would cost much, tell little more). */
export const LABEL_SAMPLE = 12;
/** How many names an event's label carries. */
export const LABEL_NAMES = 2;
/** A weekday named without a date points within this many days of the writing. */
const WEEK = 6;

export interface ArchiveEvents {
  /** By day, then label. */
  events: ArchiveEvent[];
  /** One per undated article that could be placed, in archive order. */
  placements: UndatedPlacement[];
}

/** The day a dated article reports on, and the words that say so. */
interface Anchor {
  day: string;
  mention: DateMention;
  sentence: string;
}

// Patterns are module constants: the TypeScript loader turns a literal with \p{...} into a RegExp built at each evaluation.
const MARK = /\p{M}/gu;
const SENTENCE_START = /[.!?]["”’)]*\s+(?=["“‘(]?\p{Lu})|\n/gu;
const STARTS_CAPITALISED = /^\p{Lu}/u;
const LOWER_CASE = /\p{Ll}/u;

/** Lower-case, accents dropped: 'Guaidó' and 'Guaido' are one key. */
const fold = (term: string): string => term.normalize('NFD').replace(MARK, '').toLocaleLowerCase('en');

const lede = (a: Article): string =>
  a.body
    .split(/\n\s*\n/)
    .filter((p) => p.trim() !== '')
    .slice(0, LEDE_PARAGRAPHS)
    .join('\n\n');

/** The sentence of `text` around `index`. */
export function sentenceAt(text: string, index: number): string {
  const starts = [...text.slice(0, index).matchAll(SENTENCE_START)].map((m) => m.index + m[0].length);
  const start = starts.at(-1) ?? 0;
  const rest = text.slice(index);
  const end = /[.!?]["”’)]*(?=\s|$)|\n/u.exec(rest);
  return text.slice(start, end ? index + end.index + end[0].length : text.length).trim();
}

/** The first day in the lede, near the publication date, that the article reports on. */
export function findAnchor(article: Article): Anchor | null {
  if (article.published === null || article.datePrecision !== 'day') return null;
  const text = lede(article);
  const published = parseISO(article.published);
  for (const mention of findDateMentions(text, article.published)) {
    if (mention.start === null || mention.start !== mention.end) continue;
    if (Math.abs(differenceInCalendarDays(parseISO(mention.start), published)) > ANCHOR_WINDOW_DAYS) continue;
    return { day: mention.start, mention, sentence: sentenceAt(text, mention.index) };
  }
  return null;
}

/** Keys of the names that follow 'in', 'at', 'from'…: places, kept out of an event's names. */
function placeKeys(text: string): Set<string> {
  return new Set([...text.matchAll(PLACE_CUE)].map((m) => fold(m[1]!.split(/\s+/).at(-1)!.replace(/['’]s$/u, ''))));
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/** The code point of `text` that ends just before `index`, as a string ('' at the start). */
function codePointBefore(text: string, index: number): string {
  if (index === 0) return '';
  const low = text.charCodeAt(index - 1);
  const pair = index >= 2 && low >= 0xdc00 && low <= 0xdfff && text.charCodeAt(index - 2) >= 0xd800 && text.charCodeAt(index - 2) <= 0xdbff;
  return text.slice(pair ? index - 2 : index - 1, index);
}

/**
 * How often a name occurs in a text as a whole word (no letter or digit on either side), counted as a
 * global regex would (matches do not overlap). A search, not a regex per name: compiling one costs more than
 * the search itself, and labels test hundreds of names.
 */
export function occurrences(text: string, name: string): number {
  if (name === '') return 0;
  let count = 0;
  for (let at = text.indexOf(name); at !== -1; ) {
    const after = at + name.length;
    const next = text.codePointAt(after);
    if (!WORD_CHAR.test(codePointBefore(text, at)) && (next === undefined || !WORD_CHAR.test(String.fromCodePoint(next)))) {
      count += 1;
      at = text.indexOf(name, after);
    } else at = text.indexOf(name, at + 1);
  }
  return count;
}

/** Appends to the list under `key`, making it when missing. */
function post<K, V>(lists: Map<K, V[]>, key: K, value: V): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}

/** Union-find over article positions. */
function makeGroups(size: number): { union(a: number, b: number): void; root(a: number): number } {
  const parent = Array.from({ length: size }, (_, i) => i);
  const root = (a: number): number => {
    while (parent[a] !== a) a = parent[a] = parent[parent[a]!]!;
    return a;
  };
  return {
    root,
    union(a, b) {
      const [x, y] = [root(a), root(b)].sort((p, q) => p - q) as [number, number];
      parent[y] = x;
    },
  };
}

/** 'Sunday 17 and Tuesday 19 March 2019', or with each month and year when they differ. */
export function dayRangeText(earliest: string, latest: string): string {
  const [a, b] = [parseISO(earliest), parseISO(latest)];
  if (earliest === latest) return format(a, 'EEEE d MMMM yyyy');
  const sameYear = a.getFullYear() === b.getFullYear();
  const sameMonth = sameYear && a.getMonth() === b.getMonth();
  return `${format(a, sameMonth ? 'EEEE d' : sameYear ? 'EEEE d MMMM' : 'EEEE d MMMM yyyy')} and ${format(b, 'EEEE d MMMM yyyy')}`;
}

/** Everything the archive's articles say about events, from `articles` in archive (time) order. */
export function findEvents(articles: readonly Article[]): ArchiveEvents {
  const n = articles.length;
  // A name recurs across articles: each surface form is folded once.
  const keyOf = new Map<string, string>();
  const terms = articles.map((article) => {
    const folded = new Map<string, string>();
    for (const surface of articleTerms(article).values()) {
      let key = keyOf.get(surface);
      if (key === undefined) keyOf.set(surface, (key = fold(surface)));
      if (!folded.has(key)) folded.set(key, surface);
    }
    return folded;
  });
  const df = new Map<string, number>();
  for (const keys of terms) for (const key of keys.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const distinctiveLimit = Math.max(2, Math.floor(n * DISTINCTIVE_SHARE));
  /** Named by few enough articles to tell an event apart (a name every article has tells nothing). */
  const specific = (key: string): boolean => (df.get(key) ?? 0) <= distinctiveLimit;
  const distinctive = (key: string): boolean => {
    const count = df.get(key) ?? 0;
    return count >= 2 && count <= Math.min(distinctiveLimit, MAX_POSTINGS);
  };

  // 1-2. Anchors, buckets by day, groups inside a bucket through the names they share.
  const anchors = articles.map(findAnchor);
  const buckets = new Map<string, number[]>();
  anchors.forEach((anchor, i) => {
    if (anchor) post(buckets, anchor.day, i);
  });
  const groups = makeGroups(n);
  for (const members of buckets.values()) {
    const postings = new Map<string, number[]>();
    for (const i of members) for (const key of terms[i]!.keys()) if (distinctive(key)) post(postings, key, i);
    const shared = new Map<string, number>();
    for (const list of postings.values())
      if (list.length <= MAX_BUCKET_POSTINGS)
        for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) shared.set(`${list[x]} ${list[y]}`, (shared.get(`${list[x]} ${list[y]}`) ?? 0) + 1);
    for (const [pair, count] of shared) {
      const [x, y] = pair.split(' ').map(Number) as [number, number];
      if (count >= MIN_SHARED_NAMES) groups.union(x, y);
    }
  }
  const members = new Map<number, number[]>();
  anchors.forEach((anchor, i) => {
    if (anchor) post(members, groups.root(i), i);
  });
  const drafts = [...members.values()].map((indices) => ({ day: anchors[indices[0]!]!.day, dated: indices, placed: [] as number[] }));

  // 3. Undated articles: a weekday in the text that matches the day of an event sharing its names.
  const eventPostings = new Map<string, number[]>();
  drafts.forEach((draft, e) => {
    const keys = new Set(draft.dated.flatMap((i) => [...terms[i]!.keys()].filter(distinctive)));
    for (const key of keys) post(eventPostings, key, e);
  });
  const eventWeekday = drafts.map((draft) => getDay(parseISO(draft.day)));
  const placed: Array<{ index: number; event: number; range: PlacedRange }> = [];
  articles.forEach((article, index) => {
    if (article.published !== null) return;
    const weekdays = findDateMentions(article.body, null).filter((m) => m.kind === 'weekday');
    if (weekdays.length === 0) return;
    const shared = new Map<number, number>();
    for (const key of terms[index]!.keys()) if (distinctive(key)) for (const e of eventPostings.get(key) ?? []) shared.set(e, (shared.get(e) ?? 0) + 1);
    const candidates = [...shared]
      .filter(([e, count]) => count >= MIN_SHARED_NAMES && weekdays.some((m) => m.weekday === eventWeekday[e]))
      .sort(([ea, a], [eb, b]) => b - a || drafts[ea]!.day.localeCompare(drafts[eb]!.day));
    const best = candidates[0];
    if (!best) return;
    drafts[best[0]]!.placed.push(index);
    placed.push({ index, event: best[0], range: placeBeside(weekdays, drafts[best[0]]!.day) });
  });

  // 4. Labels, from all the text of each event's articles (placed ones too). Bylines and outlets are not names.
  const outlets = new Set(articles.flatMap((a) => [...a.authors, a.publisher ?? '']).flatMap((name) => name.split(/\s+/)).map(fold));
  const used = new Set<string>();
  const events = drafts.map((draft) => {
    const indices = [...draft.dated, ...draft.placed].slice(0, LABEL_SAMPLE);
    const { label, place, names, what } = labelEvent(
      // The text of the few articles a label reads, made when read: every article's would be a copy of the archive.
      indices.map((i) => articleText(articles[i]!)),
      draft.dated.slice(0, LABEL_SAMPLE).map((i) => anchors[i]!.sentence),
      indices.flatMap((i) => [...terms[i]!]).filter(([key]) => specific(key) && !outlets.has(key)),
      (key) => Math.log((n + 1) / (df.get(key) ?? 1)),
    );
    let id = `${draft.day}-${slugify(place ?? names[0] ?? 'event') || 'event'}`;
    for (let k = 2; used.has(id); k++) id = `${draft.day}-${slugify(place ?? names[0] ?? 'event') || 'event'}-${k}`;
    used.add(id);
    const slugs = [...draft.dated.map((i) => articles[i]!.slug), ...draft.placed.map((i) => articles[i]!.slug)];
    return { event: { id, day: draft.day, label, place, names, slugs } satisfies ArchiveEvent, what };
  });

  return {
    placements: placed.map(({ index, event, range }) => {
      const { event: target, what } = events[event]!;
      const coverage = drafts[event]!.dated.map((i) => articles[i]!);
      return { ...range, slug: articles[index]!.slug, eventId: target.id, reason: placementReason(articles[index]!, range, what ?? 'event', target.day, coverage) };
    }),
    events: events.map((e) => e.event).sort((a, b) => a.day.localeCompare(b.day) || a.label.localeCompare(b.label, 'en') || a.id.localeCompare(b.id)),
  };
}

/** The days an undated article was written between, and the weekdays of its text that fix them. */
interface PlacedRange {
  earliest: string;
  latest: string;
  between: string;
  /** The weekday shared with the event, then the others that narrowed the range. */
  mentions: DateMention[];
}

/**
 * The range of days an undated article was written in, from the weekday it shares with an event (before
 * the event when it speaks of it as to come, after when as past) and the other weekdays its text names.
 */
function placeBeside(weekdays: DateMention[], eventDay: string): PlacedRange {
  const day = parseISO(eventDay);
  const match = weekdays.find((m) => m.weekday === getDay(day))!;
  let earliest = match.tense === 'future' ? subDays(day, WEEK) : day;
  let latest = match.tense === 'future' ? day : addDays(day, WEEK);
  const mentions = [match];
  for (const m of weekdays) {
    if (m === match || m.weekday === null) continue;
    const weekday = m.weekday as Day;
    if (m.tense === 'past') {
      // It happened before the writing, which is no later than `latest`.
      const past = getDay(latest) === weekday ? latest : previousDay(latest, weekday);
      if (past > earliest) {
        earliest = past;
        mentions.push(m);
      }
    } else {
      // It is still to come at the writing, which is no earlier than `earliest`.
      const future = getDay(earliest) === weekday ? earliest : nextDay(earliest, weekday);
      if (future < latest) {
        latest = future;
        mentions.push(m);
      }
    }
  }
  const iso = (d: Date): string => format(d, 'yyyy-MM-dd');
  return { earliest: iso(earliest), latest: iso(latest), between: dayRangeText(iso(earliest), iso(latest)), mentions };
}

/** The words of the text up to and including a mention, shortened from the left: what a reader can check. */
function leadingUpTo(text: string, mention: DateMention, max = 100): string {
  const sentence = sentenceAt(text, mention.index);
  const start = text.indexOf(sentence);
  const upTo = sentence.slice(0, mention.index - start + mention.text.length);
  return upTo.length > max ? `…${upTo.slice(upTo.length - max).replace(/^\S*\s/u, '')}` : upTo;
}

/** Why an undated article sits where it does, in one sentence: its own words, then the coverage that dates them. */
function placementReason(article: Article, range: PlacedRange, what: string, eventDay: string, coverage: Article[]): string {
  const said = range.mentions.map((m) => `‘${m.text}’ ${m.tense === 'future' ? 'as still to come' : 'as past'} (“${leadingUpTo(article.body, m)}”)`);
  const sources = coverage
    .slice(0, 2)
    .map((a) => `${a.publisher ?? `“${a.title}”`}, ${format(parseISO(a.published!), 'd MMMM yyyy')}`)
    .join('; ');
  return `its text speaks of ${said.join(' and of ')}, and related coverage in this archive (${sources}) dates the ${what} to ${format(parseISO(eventDay), 'EEEE d MMMM yyyy')}.`;
}

/**
 * A label from the text: the place and kind of the event ('talks in Rome' -> 'Rome talks'), then the names
 * that mark it (in an anchor sentence, often repeated, rare in the archive); places are not names.
 */
export function labelEvent(
  texts: string[],
  anchorSentences: string[],
  terms: Array<[string, string]>,
  weight: (key: string) => number,
): { label: string; place: string | null; names: string[]; what: string | null } {
  const all = texts.join('\n\n');
  const places = new Map<string, { count: number; word: string; first: number }>();
  const seen = (place: string, word: string, at: number): void => {
    const entry = places.get(place) ?? { count: 0, word, first: at };
    entry.count += 1;
    places.set(place, entry);
  };
  const specificKeys = new Set(terms.map(([key]) => key));
  const isSpecific = (place: string): boolean => place.split(/\s+/).every((word) => specificKeys.has(fold(word)) || !STARTS_CAPITALISED.test(word));
  for (const m of all.matchAll(EVENT_IN_PLACE)) if (isSpecific(m[2]!)) seen(m[2]!, m[1]!, m.index);
  for (const m of all.matchAll(PLACE_EVENT)) if (isSpecific(m[1]!)) seen(m[1]!, m[2]!, m.index);
  const [place, placeEntry] = [...places].sort(([, a], [, b]) => b.count - a.count || a.first - b.first)[0] ?? [null, null];
  const wordInAnchor = anchorSentences.map((s) => [...s.matchAll(EVENT_WORD_ANY)][0]?.[1]).find((w) => w !== undefined);
  const noun = EVENT_WORDS[(placeEntry?.word ?? wordInAnchor ?? '').toLowerCase()] ?? null;

  const notNames = placeKeys(all);
  if (place) for (const word of place.split(/\s+/)) notNames.add(fold(word));
  const anchorText = anchorSentences.join('\n');
  const speakers = new Set([...all.matchAll(SPEAKER_BEFORE_VERB), ...all.matchAll(SPEAKER_QUOTED)].map((m) => fold(m[1]!)));
  // People and bodies, not abbreviations ('U.S', 'TASS') or places.
  const candidates = new Map<string, { surface: string; inAnchor: boolean; speaks: boolean; score: number }>();
  // A surface repeated (the event's articles share their names) would be tried again for the same answer.
  const tried = new Set<string>();
  for (const [key, surface] of terms) {
    if (tried.has(surface)) continue;
    tried.add(surface);
    if (candidates.has(key) || notNames.has(key) || !LOWER_CASE.test(surface) || surface.includes('.')) continue;
    const inAnchor = occurrences(anchorText, surface) > 0;
    const speaks = speakers.has(key);
    if (inAnchor || speaks) candidates.set(key, { surface, inAnchor, speaks, score: occurrences(all, surface) * weight(key) });
  }
  // Names in the sentences that date the event come first, those quoted before others, then the most telling.
  const ranked = [...candidates.values()]
    .sort((a, b) => Number(b.inAnchor) - Number(a.inAnchor) || Number(b.speaks) - Number(a.speaks) || b.score - a.score || a.surface.localeCompare(b.surface, 'en'))
    .map((s) => s.surface);
  // Two words of one name ('Sergio Rodríguez Gelfenstein') are one name: a name written beside one ranked
  // before it is left out. Only the first LABEL_NAMES are kept, so the search stops there.
  const names: string[] = [];
  for (let i = 0; i < ranked.length && names.length < LABEL_NAMES; i++) {
    const name = ranked[i]!;
    if (!ranked.slice(0, i).some((other) => all.includes(`${other} ${name}`) || all.includes(`${name} ${other}`))) names.push(name);
  }

  const capitalised = (text: string): string => text.charAt(0).toLocaleUpperCase('en') + text.slice(1);
  // 'Rome talks: Abrams and Ryabkov'; with no place 'Lavrov–Pompeo talks'.
  const what = place ? [place, noun].filter((w) => w !== null).join(' ') : noun && names.length > 0 ? `${names.join('–')} ${noun}` : noun;
  const label = place && names.length > 0 ? `${capitalised(what!)}: ${names.join(' and ')}` : what ? capitalised(what) : names.join(' and ') || 'Event';
  return { label, place, names, what };
}
