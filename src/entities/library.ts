// The NLP library's view of a text unit: compromise's people(), organizations() and places(), cleaned of
// titles, punctuation and possessives, used alone to measure it; and the kind compromise's tags give a
// name read alone, which decides the rule candidates that the rules themselves cannot tell.
import nlp from 'compromise';
import { memoise } from '../memoise.ts';
import type { EntityKind } from '../types.ts';
import type { Candidate } from './mentions.ts';
import { COUNTRY_SHORT_FORMS, NOT_NAMES, TITLE_WORDS } from './patterns.ts';
import { foldName } from './text.ts';

const METHODS: Array<[EntityKind, 'people' | 'organizations' | 'places']> = [
  ['person', 'people'],
  ['organization', 'organizations'],
  ['place', 'places'],
];

// Patterns are module constants: the TypeScript loader turns a literal with \p{...} into a RegExp built at each evaluation.
const NOT_NAME_CHARACTERS = /[^\p{L}\p{M}.'’-]+/gu;
const LEADING_MARKS = /^[^\p{L}\p{N}]+/u;
const TRAILING_POSSESSIVE = /['’]s?[^\p{L}\p{N}]*$/u;
const TRAILING_MARKS = /(?<!\p{Lu}\.\p{Lu})[^\p{L}\p{N}]+$/u;
const ENDS_IN_INITIALS = /(?:\p{Lu}\.){2,}$/u;
const STARTS_CAPITALISED = /^\p{Lu}/u;

/** 'Deputy Foreign Minister Sergei Ryabkov,' -> 'Sergei Ryabkov' at its offsets; null when nothing is left. */
function clean(text: string, start: number): { name: string; start: number } | null {
  const words = [...text.matchAll(/\S+/gu)].map((m) => ({ word: m[0], at: m.index }));
  while (words.length > 0) {
    const first = foldName((words[0]?.word ?? '').replace(NOT_NAME_CHARACTERS, ''));
    if (TITLE_WORDS.has(first) || NOT_NAMES.has(first) || first === '') words.shift();
    else break;
  }
  const first = words[0];
  const last = words.at(-1);
  if (!first || !last) return null;
  const raw = text.slice(first.at, last.at + last.word.length);
  const name = raw
    .replace(LEADING_MARKS, '')
    .replace(TRAILING_POSSESSIVE, '')
    .replace(TRAILING_MARKS, '')
    .replace(/\.$/u, (dot) => (ENDS_IN_INITIALS.test(raw) ? dot : ''));
  if (name === '' || !STARTS_CAPITALISED.test(name)) return null;
  return { name, start: start + first.at + raw.indexOf(name) };
}

/** compromise's findings by text: the same paragraph (an outlet's boilerplate, a quoted passage) is parsed once per
 * build; at most 10,000 texts are remembered, so the memory stays bounded at any archive size. */
const parsedCandidates = memoise(parseCandidates, 10_000);

/** compromise's people, organisations and places in one text unit, as candidates. */
export function libraryCandidates(text: string, unit: number): Candidate[] {
  const found = parsedCandidates(text);
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
      const short = COUNTRY_SHORT_FORMS.get(foldName(cleaned.name));
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

/**
 * compromise's steps for a name read alone: its tokenizer's, lexicon and pre-tagger (word lists, suffixes,
 * capitals), without the post-tagger, whose hundreds of patterns read running text and cost as much again.
 */
const NAME_STEPS = ['contractions', 'alias', 'machine', 'index', 'id', 'typeahead', 'lexicon', 'preTagger'];
const KIND_OF_TAG: Array<[string, EntityKind]> = [
  ['Person', 'person'],
  ['Organization', 'organization'],
  ['Place', 'place'],
];
/** Verdicts kept at most: more names than an archive of tens of thousands of articles holds. */
const VERDICT_CACHE_SIZE = 100_000;

/**
 * The kind compromise gives a name read on its own: that of its first word (titles and common words
 * aside) tagged a person, an organisation or a place, or null. Reading the tags rather than asking for
 * people(), organizations() and places() gives the same kind on every unsure name of the seeds, the
 * bench corpus and the real pages (3,790 names) at a third of the cost. Remembered for the whole build: a
 * function of the name alone, so the same in any article order.
 */
export const libraryKind = memoise(tagKind, VERDICT_CACHE_SIZE);

function tagKind(name: string): EntityKind | null {
  const doc = nlp.tokenize(name);
  doc.compute(NAME_STEPS);
  for (const term of doc.docs.flat() as Array<{ text: string; tags: Set<string> }>) {
    const word = foldName(term.text.replace(NOT_NAME_CHARACTERS, ''));
    if (word === '' || TITLE_WORDS.has(word) || NOT_NAMES.has(word)) continue;
    for (const [tag, kind] of KIND_OF_TAG) if (term.tags.has(tag)) return kind;
  }
  return null;
}

/**
 * The rule candidates, with the kind the library gives a name where the rules were unsure (a lone
 * capitalised word, a two-word name with no title or verb beside it). The library reads the name alone,
 * not its sentence: on the seeds that decides as well, and a name is parsed once per build.
 */
export function withLibraryKinds(ruleCandidates: Candidate[]): Candidate[] {
  return ruleCandidates.map((candidate) => {
    if (candidate.evidence === 'strong') return candidate;
    const kind = libraryKind(candidate.name);
    return kind ? { ...candidate, kind } : candidate;
  });
}
