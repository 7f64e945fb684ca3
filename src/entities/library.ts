// The NLP library's view of a text unit: compromise's people(), organizations() and places(), cleaned of
// titles, punctuation and possessives. Used alone (to measure it) and to decide the kind of the rule
// candidates that the rules themselves cannot tell.
import nlp from 'compromise';
import type { EntityKind } from '../types.ts';
import type { Candidate } from './mentions.ts';
import { COUNTRY_SHORT_FORMS, NOT_NAMES, TITLE_WORDS } from './patterns.ts';
import { foldName } from './text.ts';

const METHODS: Array<[EntityKind, 'people' | 'organizations' | 'places']> = [
  ['person', 'people'],
  ['organization', 'organizations'],
  ['place', 'places'],
];

/** 'Deputy Foreign Minister Sergei Ryabkov,' -> 'Sergei Ryabkov' at its offsets; null when nothing is left. */
function clean(text: string, start: number): { name: string; start: number } | null {
  const words = [...text.matchAll(/\S+/gu)].map((m) => ({ word: m[0], at: m.index }));
  while (words.length > 0) {
    const first = foldName((words[0]?.word ?? '').replace(/[^\p{L}\p{M}.'’-]+/gu, ''));
    if (TITLE_WORDS.has(first) || NOT_NAMES.has(first) || first === '') words.shift();
    else break;
  }
  const first = words[0];
  const last = words.at(-1);
  if (!first || !last) return null;
  const raw = text.slice(first.at, last.at + last.word.length);
  const name = raw
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/['’]s?[^\p{L}\p{N}]*$/u, '')
    .replace(/(?<!\p{Lu}\.\p{Lu})[^\p{L}\p{N}]+$/u, '')
    .replace(/\.$/u, (dot) => (/(?:\p{Lu}\.){2,}$/u.test(raw) ? dot : ''));
  if (name === '' || !/^\p{Lu}/u.test(name)) return null;
  return { name, start: start + first.at + raw.indexOf(name) };
}

/** compromise's findings by text: the same paragraph (an outlet's boilerplate, a quoted passage) is parsed once per build. */
const parsed = new Map<string, Omit<Candidate, 'unit'>[]>();
/** Parsed texts kept at most, so the cache's memory stays bounded at any archive size. */
const PARSED_CACHE_SIZE = 10_000;

/** compromise's people, organisations and places in one text unit, as candidates. */
export function libraryCandidates(text: string, unit: number): Candidate[] {
  let found = parsed.get(text);
  if (found === undefined) {
    found = parseCandidates(text);
    if (parsed.size >= PARSED_CACHE_SIZE) parsed.clear();
    parsed.set(text, found);
  }
  return found.map((c) => ({ ...c, unit }));
}

function parseCandidates(text: string): Omit<Candidate, 'unit'>[] {
  const doc = nlp(text);
  const candidates: Omit<Candidate, 'unit'>[] = [];
  for (const [kind, method] of METHODS) {
    // compromise's own offsets cost about three times the parse; matches come in text order, so each is
    // found by a search from the end of the one before.
    let from = 0;
    for (const matched of doc[method]().out('array') as string[]) {
      const at = text.indexOf(matched, from);
      if (at < 0) continue;
      from = at + matched.length;
      const cleaned = clean(matched, at);
      if (cleaned === null) continue;
      const short = COUNTRY_SHORT_FORMS[foldName(cleaned.name)];
      candidates.push({
        name: short ?? cleaned.name,
        kind: short === undefined ? kind : 'place',
        evidence: 'strong',
        start: cleaned.start,
        end: cleaned.start + cleaned.name.length,
      });
    }
  }
  return candidates.sort((a, b) => a.start - b.start);
}

/** [start, end) of each sentence of a text unit: a stop, '?' or '!' (and any closing quote) before a space and a capital or quote. */
export function sentenceSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  for (const match of text.matchAll(/[.?!]["'”’)]*(?=\s+["'“‘(]?\p{Lu})/gu)) {
    const end = match.index + match[0].length;
    spans.push([start, end]);
    start = end;
  }
  spans.push([start, text.length]);
  return spans;
}

/**
 * The rule candidates, with the kind the library gives a span where the rules were unsure (a lone
 * capitalised word, a two-word name with no title or verb beside it). `decided` carries the library's
 * verdicts across one article's text units: a name it has judged is not parsed again in the same
 * article, and only the sentences holding a name not judged yet are read.
 */
export function withLibraryKinds(ruleCandidates: Candidate[], text: string, unit: number, decided: Map<string, EntityKind | null> = new Map()): Candidate[] {
  const pending = ruleCandidates.filter((c) => c.evidence === 'weak' && !decided.has(c.name));
  if (pending.length > 0) {
    // The library's cost grows with the text it reads.
    const library = sentenceSpans(text)
      .filter(([start, end]) => pending.some((c) => c.start < end && start < c.end))
      .flatMap(([start, end]) => libraryCandidates(text.slice(start, end), unit).map((c) => ({ ...c, start: c.start + start, end: c.end + start })));
    for (const candidate of pending) {
      if (decided.has(candidate.name)) continue;
      const overlap = library.find((l) => l.start < candidate.end && candidate.start < l.end);
      decided.set(candidate.name, overlap ? overlap.kind : null);
    }
  }
  return ruleCandidates.map((candidate) => {
    if (candidate.evidence === 'strong') return candidate;
    const kind = decided.get(candidate.name);
    return kind ? { ...candidate, kind } : candidate;
  });
}
