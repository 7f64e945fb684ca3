// Candidates of one article by one method: the hand-written rules, the NLP library, or the rules with the
// library deciding the kinds they cannot. Headlines are in title case, where capitals say nothing, so
// the headline and subtitle only contribute names already found in the body.
import { memoise } from '../memoise.ts';
import { libraryCandidates, withLibraryKinds } from './library.ts';
import { findCandidates, type Candidate } from './mentions.ts';
import { FIRST_BODY_UNIT } from './text.ts';

export type ExtractionMethod = 'rules' | 'library' | 'combined';

/** The method the site uses: the one that scored best on the hand-labelled seeds (test/entities). */
export const DEFAULT_METHOD: ExtractionMethod = 'combined';

const LETTER_OR_DIGIT_BEFORE = /[\p{L}\p{N}]$/u;
const LETTER_OR_DIGIT_AFTER = /^[\p{L}\p{N}]/u;

/** Start of each occurrence of `form` in `text` as a whole word (no letter or digit right before or after). */
function wholeWordStarts(text: string, form: string): number[] {
  const starts: number[] = [];
  let at = text.indexOf(form);
  while (at >= 0) {
    const end = at + form.length;
    // Two code units either side, so a letter outside the Basic Multilingual Plane is seen whole.
    if (!LETTER_OR_DIGIT_BEFORE.test(text.slice(Math.max(0, at - 2), at)) && !LETTER_OR_DIGIT_AFTER.test(text.slice(end, end + 2))) {
      starts.push(at);
      at = text.indexOf(form, end);
    } else at = text.indexOf(form, at + 1);
  }
  return starts;
}

/** The body's names, and people's surnames, by the form a headline would write them in. */
function bodyForms(body: Candidate[]): Map<string, Candidate> {
  const forms = new Map<string, Candidate>();
  for (const c of body) {
    forms.set(c.name, c);
    const surname = c.kind === 'person' ? c.name.split(/\s+/u).at(-1) : undefined;
    if (surname !== undefined && surname !== c.name && !forms.has(surname)) forms.set(surname, { ...c, name: surname, evidence: 'weak', kind: null });
  }
  return forms;
}

/** Where the body's names (and people's surnames: bodyForms) occur in a headline or subtitle. */
function knownNamesIn(text: string, unit: number, forms: ReadonlyMap<string, Candidate>): Candidate[] {
  const found: Candidate[] = [];
  const taken: Array<[number, number]> = [];
  // Most of the body's names are not in the headline: a plain search rules them out before any sorting.
  const present: Array<[string, Candidate]> = [];
  forms.forEach((c, form) => {
    if (text.includes(form)) present.push([form, c]);
  });
  // Longest forms first, so 'Nicolás Maduro' is taken before 'Maduro'.
  for (const [form, c] of present.sort(([a], [b]) => b.length - a.length || (a < b ? -1 : 1))) {
    for (const start of wholeWordStarts(text, form)) {
      const end = start + form.length;
      if (taken.some(([s, e]) => s < end && start < e)) continue;
      taken.push([start, end]);
      found.push({ ...c, unit, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

// Patterns are module constants: the TypeScript loader turns a literal with \p{...} into a RegExp built at each evaluation.
const WORD_INITIAL = /(?<![\p{L}\p{N}])\p{Lu}/gu;
const ALL_CAPITALS = /^\p{Lu}{2,}$/u;
/** A name's capital initials ('United Nations' -> 'UN'); names recur across articles, so each is read once (at most 10,000 kept). */
const initials = memoise((name: string): string => [...name.matchAll(WORD_INITIAL)].map((m) => m[0]).join(''), 10_000);

/** 'UN' after 'United Nations (UN)': an acronym takes the name it abbreviates in the same article. */
function expandAcronyms(candidates: Candidate[]): Candidate[] {
  const long = new Map<string, Candidate>();
  for (const c of candidates) if (c.kind !== null && c.kind !== 'person' && /\s/u.test(c.name)) long.set(initials(c.name), c);
  return candidates.map((c) => {
    const full = ALL_CAPITALS.test(c.name) ? long.get(c.name) : undefined;
    return full ? { ...c, name: full.name, kind: full.kind } : c;
  });
}

/** Every candidate of one article's text units (textUnits), in reading order. */
export function articleCandidates(units: readonly string[], method: ExtractionMethod): Candidate[] {
  const body = expandAcronyms(units.slice(FIRST_BODY_UNIT).flatMap((text, i) => {
    const unit = i + FIRST_BODY_UNIT;
    if (method === 'library') return libraryCandidates(text, unit);
    const rules = findCandidates(text, unit);
    return method === 'combined' ? withLibraryKinds(rules) : rules;
  }));
  // The forms are the same for the headline and the subtitle: made once, and only when there is a heading to read.
  let forms: Map<string, Candidate> | undefined;
  const headings = units.slice(0, FIRST_BODY_UNIT).flatMap((text, unit) => (text === '' ? [] : knownNamesIn(text, unit, (forms ??= bodyForms(body)))));
  return [...headings, ...body];
}
