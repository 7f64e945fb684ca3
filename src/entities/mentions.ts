// Hand-written rules that find the names in a text unit: runs of capitalised words, split at titles
// ('Deputy Foreign Minister | Sergei Ryabkov') and organisation words ('Latin America Department |
// Alexander Shchetinin'), each given a kind by the words in and around it, or left for later when
// nothing says (a lone 'Maduro' is resolved against the people of the article and the archive).
import type { EntityKind } from '../types.ts';
import {
  COUNTRY_SHORT_FORMS,
  NAME_CONNECTORS,
  NOT_NAMES,
  ORG_NOUNS_AFTER,
  ORG_WORDS,
  PLACE_PREFIXES,
  PLACE_PREPOSITIONS,
  ROLE_NOUNS,
  SPEECH_VERBS,
  TITLE_WORDS,
} from './patterns.ts';
import { classOf, FULL_STOP, isApostrophe, isHyphen, isWordClass, LOWER, SPACE, UPPER, width } from './characters.ts';
import { foldName } from './text.ts';

/** How sure the rule that gave a candidate its kind is. */
export type Evidence = 'strong' | 'weak';

/** A name found in a text unit, before it is merged with the others. */
export interface Candidate {
  name: string;
  /** null when nothing in or around the name tells what it is. */
  kind: EntityKind | null;
  evidence: Evidence;
  unit: number;
  start: number;
  end: number;
}

interface Token {
  text: string;
  start: number;
  end: number;
  /** Position among the unit's tokens. */
  index: number;
  /** The word folded (foldedToken), once it was asked for. */
  folded: string | null;
}

const POSSESSIVE = /['’]s?$/u;
const ACRONYM = /^(?:\p{Lu}\.){2,}$|^\p{Lu}{2,}$/u;

/** Where the characters of a word ([\p{L}\p{M}\p{N}'’]*) that begin at `at` end. */
function wordCharactersEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length) {
    const codePoint = text.codePointAt(i)!;
    if (!isWordClass(classOf(codePoint)) && !isApostrophe(codePoint)) break;
    i += width(codePoint);
  }
  return i;
}

/**
 * A unit's tokens as parallel lists, not an object each: most tokens are read only as a run's neighbour, and
 * an object for each of the archive's millions of words was much of the work (and of the garbage).
 */
export interface Tokens {
  text: string;
  starts: number[];
  ends: number[];
  /** The class of each token's first character: a class number of characters.ts (classOf: LOWER, UPPER…). */
  classes: number[];
  /** Each token starts with a capital and has no hyphen before a lower-case letter: a word of a name. */
  capitalised: boolean[];
  /** The Token of each token read as part of a run (tokenAt), made once. */
  made: Array<Token | undefined>;
}

/** The token at `index` as an object, made when first asked for. */
function tokenAt(tokens: Tokens, index: number): Token {
  let token = tokens.made[index];
  if (token === undefined) {
    const start = tokens.starts[index]!;
    const end = tokens.ends[index]!;
    token = { text: tokens.text.slice(start, end), start, end, index, folded: null };
    tokens.made[index] = token;
  }
  return token;
}

/**
 * Words, acronyms with full stops ('U.S.'), and single other characters: the matches of
 * /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’]*(?:[-‐‑][\p{L}\p{M}\p{N}'’]+)*|\S/gu, found by a scan that
 * reads each character's class from a table (the pattern, tried at every character, was a fifth of the work of
 * finding the names).
 */
export function tokenize(text: string): Tokens {
  const tokens: Tokens = { text, starts: [], ends: [], classes: [], capitalised: [], made: [] };
  let i = 0;
  while (i < text.length) {
    const codePoint = text.codePointAt(i)!;
    const first = classOf(codePoint);
    if (first === SPACE) {
      i += width(codePoint);
      continue;
    }
    // Capitals each followed by a full stop, two or more.
    let end = i;
    let pairs = 0;
    for (;;) {
      const capital = end < text.length ? text.codePointAt(end)! : -1;
      if (capital < 0 || classOf(capital) !== UPPER || text.charCodeAt(end + width(capital)) !== FULL_STOP) break;
      end += width(capital) + 1;
      pairs += 1;
    }
    let hyphenated = false;
    if (pairs < 2) {
      if (isWordClass(first)) {
        end = wordCharactersEnd(text, i + width(codePoint));
        // Hyphenated parts, each a hyphen and one or more word characters.
        while (end < text.length && isHyphen(text.charCodeAt(end))) {
          const partEnd = wordCharactersEnd(text, end + 1);
          if (partEnd === end + 1) break;
          hyphenated = true;
          end = partEnd;
        }
      } else end = i + width(codePoint);
    }
    tokens.starts.push(i);
    tokens.ends.push(end);
    tokens.classes.push(first);
    tokens.capitalised.push(first === UPPER && !(hyphenated && HYPHEN_LOWER_CASE.test(text.slice(i, end))));
    i = end;
  }
  return tokens;
}

/** Quotation marks and brackets that, like spaces, may stand between a sentence's end and its first word. */
const OPENER = new Set(['"', '“', '”', '‘', '’', "'", '(']);
const SENTENCE_END = new Set(['.', '!', '?', ':', ';']);
// Patterns are module constants: the TypeScript loader turns a literal with \p{...} into a RegExp built at each evaluation.
const HYPHEN_LOWER_CASE = /[-‐‑]\p{Ll}/u;
const fold = (word: string): string => foldName(word.replace(POSSESSIVE, ''));
/** fold of a token's text, found once per token (a run's words are read several times). */
const foldedToken = (token: Token): string => (token.folded ??= fold(token.text));

/** True when text[from, to) is one or more spaces or tabs (and nothing else). */
function onlySpacesBetween(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i++) if (text[i] !== ' ' && text[i] !== '\t') return false;
  return true;
}

/** True when the token begins a sentence (or the unit): capitals there say nothing. */
function atSentenceStart(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && (OPENER.has(text[i] as string) || classOf(text.charCodeAt(i)) === SPACE)) i--;
  return i < 0 || SENTENCE_END.has(text[i] as string);
}

/** The longest name connector ('della'): a longer word is none, and is not sliced to be looked up. */
const LONGEST_CONNECTOR = Math.max(...[...NAME_CONNECTORS].map((w) => w.length));

/** Runs of capitalised words joined by spaces (and name connectors such as 'of', 'de', 'al'). */
function capitalisedRuns(tokens: Tokens): Token[][] {
  const { text, starts, ends, capitalised } = tokens;
  // A run is closed by keeping it (when not empty) and starting the next (written out, not a closure per call: see emit).
  const runs: Token[][] = [];
  let run: Token[] = [];
  for (let i = 0; i < starts.length; i++) {
    const joined = i > 0 && onlySpacesBetween(text, ends[i - 1]!, starts[i]!);
    if (capitalised[i]) {
      if (!joined && run.length > 0) {
        runs.push(run);
        run = [];
      }
      const token = tokenAt(tokens, i);
      run.push(token);
      if (POSSESSIVE.test(token.text) && /['’]/u.test(token.text)) {
        runs.push(run);
        run = [];
      }
      continue;
    }
    const connects =
      run.length > 0 &&
      joined &&
      ends[i]! - starts[i]! <= LONGEST_CONNECTOR &&
      NAME_CONNECTORS.has(text.slice(starts[i], ends[i])) &&
      i + 1 < starts.length &&
      capitalised[i + 1] === true &&
      onlySpacesBetween(text, ends[i]!, starts[i + 1]!);
    if (connects) run.push(tokenAt(tokens, i));
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

const words = (run: Token[]): string[] => run.map(foldedToken);

/** The lower-case word right before or after a run, if the two are separated by spaces only. */
function neighbour(tokens: Tokens, index: number): string | null {
  return index >= 0 && index < tokens.starts.length && tokens.classes[index] === LOWER ? tokens.text.slice(tokens.starts[index], tokens.ends[index]) : null;
}

/**
 * Adds the candidate of a run to `candidates`. A module function, not a closure per call: the TypeScript loader
 * names each closure it makes (Object.defineProperty), which cost more than some of these steps themselves.
 */
function emit(candidates: Candidate[], text: string, unit: number, run: Token[], kind: EntityKind | null, evidence: Evidence): void {
  const first = run[0];
  const last = run.at(-1);
  if (!first || !last) return;
  const raw = text.slice(first.start, last.end);
  // Most names end in none of the characters the two patterns take off: no need to try them.
  const end = raw.charCodeAt(raw.length - 1);
  const name = end === 0x73 || end === FULL_STOP || isApostrophe(end) ? raw.replace(POSSESSIVE, '').replace(/[.]$/u, (dot) => (ACRONYM.test(last.text) ? dot : '')) : raw;
  const short = COUNTRY_SHORT_FORMS.get(foldName(name));
  if (short !== undefined) {
    candidates.push({ name: short, kind: 'place', evidence: 'strong', unit, start: first.start, end: last.end });
    return;
  }
  candidates.push({ name, kind, evidence, unit, start: first.start, end: first.start + name.length });
}

/** Finds the candidates of one text unit. */
export function findCandidates(text: string, unit: number): Candidate[] {
  const tokens = tokenize(text);
  const candidates: Candidate[] = [];

  for (let run of capitalisedRuns(tokens)) {
    // Capitals at the start of a sentence say nothing: drop the common words there.
    if (run[0] && atSentenceStart(text, run[0].start)) {
      while (run.length > 0 && (NOT_NAMES.has(foldedToken(run[0] as Token)) || NAME_CONNECTORS.has(run[0]?.text ?? ''))) run = run.slice(1);
    }
    while (run.length > 0 && NAME_CONNECTORS.has(run.at(-1)?.text ?? '')) run = run.slice(0, -1);
    if (run.length === 0) continue;
    const folded = words(run);
    const firstIndex = run[0]?.index ?? 0;
    const lastIndex = run.at(-1)?.index ?? 0;
    const before = neighbour(tokens, firstIndex - 1);
    const after = neighbour(tokens, lastIndex + 1);
    const afterNext = neighbour(tokens, lastIndex + 2);

    // A title or an organisation word followed by a name: 'Foreign Minister | Sergei Lavrov'.
    let split = -1;
    for (let i = folded.length - 2; i >= 0; i--) {
      if (TITLE_WORDS.has(folded[i] ?? '') || ORG_WORDS.has(folded[i] ?? '')) {
        split = i;
        break;
      }
    }
    if (split >= 0) {
      let tail = run.slice(split + 1);
      // 'Special Representative for Venezuela Elliott Abrams': the place of the role is not the name.
      while (tail.length > 2 && NAME_CONNECTORS.has(tail[0]?.text ?? '')) {
        const place = tail[1] as Token;
        emit(candidates, text, unit, [place], null, 'weak');
        tail = tail.slice(2);
      }
      const tailWords = words(tail);
      const inner = tailWords.slice(1, -1);
      const ends = [tailWords[0] ?? '', tailWords.at(-1) ?? ''];
      const plain =
        tail.length > 0 &&
        tail.length <= 4 &&
        ends.every((w) => !NAME_CONNECTORS.has(w)) &&
        [...ends, ...inner.filter((w) => !NAME_CONNECTORS.has(w))].every((w) => !TITLE_WORDS.has(w) && !ORG_WORDS.has(w) && !NOT_NAMES.has(w));
      const byTitle = TITLE_WORDS.has(folded[split] ?? '');
      const placeTail = plain && PLACE_PREFIXES.has(tailWords[0] ?? '') && tail.length >= 2;
      if (plain && (byTitle || tail.length >= 2)) {
        const head = run.slice(0, split + 1);
        const headWords = words(head);
        for (const token of head) if (COUNTRY_SHORT_FORMS.has(foldedToken(token))) emit(candidates, text, unit, [token], 'place', 'strong');
        if (!byTitle && head.length >= 2) emit(candidates, text, unit, head, 'organization', 'weak');
        else if (headWords.some((w) => ORG_WORDS.has(w)) && !headWords.every((w) => TITLE_WORDS.has(w))) {
          const orgEnd = headWords.length - 1 - [...headWords].reverse().findIndex((w) => ORG_WORDS.has(w));
          const org = head.slice(0, orgEnd + 1).filter((_, i) => i > 0 || !TITLE_WORDS.has(headWords[0] ?? ''));
          if (org.length >= 2) emit(candidates, text, unit, org, 'organization', 'weak');
        }
        if (placeTail && !byTitle) emit(candidates, text, unit, tail, 'place', 'weak');
        else emit(candidates, text, unit, tail, 'person', byTitle ? 'strong' : 'weak');
        continue;
      }
    }

    // A run made only of titles ('President', 'Foreign Minister') names no one.
    if (folded.every((w) => TITLE_WORDS.has(w) || NAME_CONNECTORS.has(w))) continue;
    if (run.length === 1 && NOT_NAMES.has(folded[0] ?? '') && !COUNTRY_SHORT_FORMS.has(folded[0] ?? '')) continue;

    const lastWord = folded.at(-1) ?? '';
    if (COUNTRY_SHORT_FORMS.has(folded.join(' '))) emit(candidates, text, unit, run, 'place', 'strong');
    else if (folded.some((w) => ORG_WORDS.has(w))) emit(candidates, text, unit, run, 'organization', 'strong');
    else if (run.every((t) => ACRONYM.test(t.text))) emit(candidates, text, unit, run, 'organization', 'strong');
    else if (before !== null && ORG_NOUNS_AFTER.has(before) && run.length === 1) emit(candidates, text, unit, run, 'organization', 'weak');
    else if (after !== null && (ORG_NOUNS_AFTER.has(after) || (after === 'news' && afterNext === 'agency'))) emit(candidates, text, unit, run, 'organization', 'strong');
    else if (before !== null && ROLE_NOUNS.has(before.toLowerCase())) emit(candidates, text, unit, run, 'person', 'strong');
    else if (PLACE_PREFIXES.has(folded[0] ?? '') && run.length >= 2) {
      // 'Latin American country' is an adjective, not a place.
      if (!(after !== null && /(?:an|ese)$/u.test(lastWord) && !NOT_NAMES.has(after))) emit(candidates, text, unit, run, 'place', 'weak');
    } else if (after !== null && SPEECH_VERBS.has(after)) emit(candidates, text, unit, run, run.length >= 2 ? 'person' : null, run.length >= 2 ? 'strong' : 'weak');
    else if (run.length === 1 && before !== null && PLACE_PREPOSITIONS.has(before) && neighbour(tokens, firstIndex - 2)?.toLowerCase() !== 'according') emit(candidates, text, unit, run, 'place', 'weak');
    // 'Russian side', 'Venezuelan border': a lone adjective of nationality before a noun.
    else if (run.length === 1 && after !== null && /(?:an|ese|ish)$/u.test(lastWord) && !NOT_NAMES.has(after) && !SPEECH_VERBS.has(after)) continue;
    else if (run.length >= 2 && run.length <= 4) {
      // 'Latin American country', 'Venezuelan President': an adjective before a noun is not a name.
      if (after !== null && /(?:an|ese|ish)$/u.test(lastWord) && !NOT_NAMES.has(after)) continue;
      emit(candidates, text, unit, run, 'person', 'weak');
    } else if (run.length === 1) emit(candidates, text, unit, run, null, 'weak');
  }
  return candidates;
}
