// The language of an article: what the file says (front matter `lang:`, catalogue, <html lang>) wins;
// else franc-min's trigram detection over the body; else the archive's default. franc-min was chosen
// because it is deterministic, small, offline and well kept (wooorm), covers the 82 languages with a
// million speakers or more, and says 'und' (undetermined) by itself when a text is too short.
// franc's own loop compares every trigram of the sample with every language's model (3 ms an article,
// the largest cost of the ingest); `closestLanguage` reads the same models through an index from
// trigram to the languages that have it and returns what franc returns (test/ingest/language.test.ts).
import { data } from 'franc-min/data.js';
import { expressions } from 'franc-min/expressions.js';
import { iso6393To1 } from 'iso-639-3/iso6393-to-1.js';
import type { FieldProvenance } from '../types.ts';
import type { Found } from './metadata.ts';
import { collapseWhiteSpace, isSpaceUnit, WHITE_SPACE_TO_COLLAPSE } from './text.ts';

/** BCP 47 tag used when a text is too short to tell. */
export const DEFAULT_LANGUAGE = 'en';

export const LANGUAGE_LIMITS = {
  /** Fewer characters of body text than this are not detected (trigram statistics need some length). */
  minDetectChars: 120,
  /** Only the start of the body is read: enough for the trigram statistics, and a 2 MB text stays fast. */
  maxSampleChars: 4000,
} as const;

/** The body's language as a BCP 47 tag ('es'), or null when it is too short or franc cannot tell. */
export function detectLanguage(text: string): string | null {
  return detectInParagraphs([text]);
}

/** detectLanguage of the paragraphs joined by line breaks, joining no more of them than it reads. */
function detectInParagraphs(paragraphs: string[]): string | null {
  // franc reads only its first FRANC_MAX_SAMPLE characters: collapsing a shorter stretch first gives the same
  // start (a collapsed prefix is a prefix of the collapsed text) unless white space ate too much of it.
  const short = collapseWhiteSpace(joinedStart(paragraphs, FRANC_MAX_SAMPLE + 64).slice(0, FRANC_MAX_SAMPLE + 64));
  const sample = short.length > FRANC_MAX_SAMPLE ? short : collapseWhiteSpace(joinedStart(paragraphs, LANGUAGE_LIMITS.maxSampleChars * 2).slice(0, LANGUAGE_LIMITS.maxSampleChars * 2)).slice(0, LANGUAGE_LIMITS.maxSampleChars);
  if (sample.length < LANGUAGE_LIMITS.minDetectChars) return null;
  const code = closestLanguage(sample);
  if (code === 'und') return null;
  // Two letters where ISO 639-1 has them (BCP 47 prefers the shortest code), else the three-letter code.
  return iso6393To1[code] ?? code;
}

/**
 * The paragraphs joined, only as far as `length` characters or a little more: detectLanguage reads no
 * further, so a long body is not copied whole. Joined by a space, not a line break: the sample collapses
 * white space, so either gives the same sample, and with spaces alone there is nothing to collapse.
 */
function joinedStart(paragraphs: string[], length: number): string {
  let text = '';
  for (let index = 0; index < paragraphs.length && text.length < length; index++) text += (index === 0 ? '' : ' ') + paragraphs[index];
  return text;
}

/** Picks the article's language with where it came from: declared > detected > default. */
export function chooseLanguage(declared: Found<string> | null, paragraphs: string[]): Found<string> {
  if (declared !== null) return declared;
  const detected = detectInParagraphs(paragraphs);
  if (detected !== null) return { value: detected, provenance: provenance('text', 'language/detected') };
  return { value: DEFAULT_LANGUAGE, provenance: provenance('inferred', 'language/default') };
}

function provenance(origin: FieldProvenance['origin'], rule: string): FieldProvenance {
  return { origin, rule, line: null };
}

/** 'en_GB' -> 'en-GB', 'ES' -> 'es'; anything that is not a language tag -> null. */
export function languageTag(value: string | null): string | null {
  if (value === null) return null;
  const tag = value.trim().replace(/_/g, '-');
  if (!/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(tag)) return null;
  const [language, ...rest] = tag.split('-');
  return [language!.toLowerCase(), ...rest.map((part) => (part.length === 2 ? part.toUpperCase() : part))].join('-');
}

/**
 * Characters whose lower case is not one code unit of its own: İ (two units), Σ (ς or σ by what follows) and
 * the halves of surrogate pairs (a pair lowers as one character).
 */
const NOT_LOWERED_ALONE = /[\u0130\u03A3\uD800-\uDFFF]/;
/** Code unit -> its lower case (a unit: see NOT_LOWERED_ALONE), filled in as units are met (0: not yet known). */
const LOWER_UNIT = new Uint16Array(0x10000);

function lowerUnit(unit: number): number {
  let lower = LOWER_UNIT[unit]!;
  if (lower === 0) {
    lower = String.fromCharCode(unit).toLowerCase().charCodeAt(0);
    LOWER_UNIT[unit] = lower;
  }
  return lower;
}

/** What cleanedUnits makes of an ASCII code unit: -1 a space (white space, punctuation, digits), else its lower case. */
const ASCII_CLEANED = Int32Array.from({ length: 0x80 }, (_, unit) =>
  (unit >= 0x21 && unit <= 0x40) || isSpaceUnit(unit) ? -1 : unit >= 0x41 && unit <= 0x5a ? unit | 0x20 : unit);

/**
 * trigram-utils' asTuples cleaning, as code units: punctuation and digits (U+0021-U+0040) to spaces, white
 * space collapsed (`/\s+/g` -> ' ') and trimmed, lower case, one space before and after. One pass, no strings;
 * a text with a character that does not lower case on its own (NOT_LOWERED_ALONE) is cleaned by the
 * string functions themselves.
 */
export function cleanedUnits(value: string): Uint16Array {
  if (NOT_LOWERED_ALONE.test(value)) {
    const cleaned = ` ${value.replace(/[\u0021-\u0040]+/g, ' ').replace(WHITE_SPACE_TO_COLLAPSE, ' ').trim().toLowerCase()} `;
    const units = new Uint16Array(cleaned.length);
    for (let index = 0; index < cleaned.length; index++) units[index] = cleaned.charCodeAt(index);
    return units;
  }
  const units = new Uint16Array(value.length + 2);
  let length = 0;
  units[length++] = 0x20;
  // The padding space stands for a space just written: leading white space is dropped.
  let afterSpace = true;
  for (let index = 0; index < value.length; index++) {
    const unit = value.charCodeAt(index);
    const cleaned = unit < 0x80 ? ASCII_CLEANED[unit]! : isSpaceUnit(unit) ? -1 : lowerUnit(unit);
    if (cleaned < 0) {
      if (!afterSpace) {
        units[length++] = 0x20;
        afterSpace = true;
      }
    } else {
      units[length++] = cleaned;
      afterSpace = false;
    }
  }
  // A trailing space was written by the last run of white space, else the padding one is.
  if (!afterSpace) units[length++] = 0x20;
  return units.subarray(0, length);
}

/** franc's constants: it reads at most MAX_SAMPLE characters; a trigram missing from a model costs MAX_DIFFERENCE. */
const FRANC_MAX_SAMPLE = 2048;
const FRANC_MAX_DIFFERENCE = 300;

interface ScriptModels {
  /** Language codes in franc's order (ties go to the first). */
  languages: string[];
  /** Code unit -> its index in the script's alphabet (the characters of its models, most used first), 0 when absent. */
  letter: Uint8Array;
  /** Alphabet size plus one (see `trigramSlot`). */
  radix: number;
  /**
   * By trigram slot: the trigram's number in the postings (from 1; 0: in no model). Two bytes a slot, so
   * the slots of common letters fit in 64 kB and stay in the cache.
   */
  trigramId: Uint16Array;
  /** By trigram number: a scratch count, zeroed again after each call (a sample has at most 2,048 trigrams). */
  counts: Uint16Array;
  /**
   * Postings of trigram `id` at `offsets[id - 1]..offsets[id]`, one code unit each: the language's index
   * and the trigram's rank in that model plus one (POSTING_RANK_BITS). Two bytes a posting, so all of a
   * script's postings (26 kB for Latin) stay in the cache between articles.
   */
  offsets: Uint16Array;
  postings: Uint16Array;
}

/** A posting's low bits hold the rank plus one (franc's models have 300 trigrams), the high bits the language's index. */
const POSTING_RANK_BITS = 9;
const POSTING_RANK_MASK = (1 << POSTING_RANK_BITS) - 1;

/** Letters of the alphabet below this index (space and the common letters) make trigrams in a small dense block. */
const COMMON_LETTERS = 32;
const COMMON_SLOTS = COMMON_LETTERS ** 3;

/**
 * Where a trigram of alphabet indexes a, b, c is kept: trigrams of common letters (all of English) in the first
 * 32,768 slots, so that counting a text touches little memory; the others after them.
 */
function trigramSlot(a: number, b: number, c: number, radix: number): number {
  if (a < COMMON_LETTERS && b < COMMON_LETTERS && c < COMMON_LETTERS) return (a << 10) | (b << 5) | c;
  return COMMON_SLOTS + (a * radix + b) * radix + c;
}

function buildScriptModels(models: Record<string, string>): ScriptModels {
  const languages = Object.keys(models);
  // The alphabet numbered by how often each character occurs in the models, most often first.
  const uses = new Map<number, number>();
  for (const model of Object.values(models)) for (let i = 0; i < model.length; i++) uses.set(model.charCodeAt(i), (uses.get(model.charCodeAt(i)) ?? 0) + 1);
  uses.delete('|'.charCodeAt(0));
  const alphabet = new Map([...uses].sort((x, y) => y[1] - x[1] || x[0] - y[0]).map(([code], rank) => [code, rank + 1]));
  const postings = new Map<string, number[]>();
  languages.forEach((language, languageIndex) => {
    const trigrams = (models[language] as string).split('|');
    // As franc builds its dictionary: from the end, so a trigram listed twice keeps its first rank.
    const rankOf = new Map<string, number>();
    for (let rank = trigrams.length - 1; rank >= 0; rank--) rankOf.set(trigrams[rank] as string, rank);
    for (const [trigram, rank] of rankOf) {
      if (trigram.length !== 3) continue; // franc's samples hold no other trigram, so such an entry never counts.
      const list = postings.get(trigram);
      if (list === undefined) postings.set(trigram, [languageIndex, rank]);
      else list.push(languageIndex, rank);
    }
  });
  // A Uint8Array holds the alphabet's indexes: franc's models have at most 94 distinct characters per script.
  if (alphabet.size > 255) throw new Error('franc-min model alphabet too large');
  const letter = new Uint8Array(0x10000);
  for (const [code, index] of alphabet) letter[code] = index;
  const radix = alphabet.size + 1;
  if (postings.size >= 0xffff) throw new Error('franc-min models have too many trigrams');
  const trigramId = new Uint16Array(COMMON_LETTERS ** 3 + radix * radix * radix);
  const counts = new Uint16Array(postings.size + 1);
  const total = [...postings.values()].reduce((sum, list) => sum + list.length / 2, 0);
  if (total > 0xffff || languages.length << POSTING_RANK_BITS > 0x10000) throw new Error('franc-min models too large for two-byte postings');
  const offsets = new Uint16Array(postings.size + 1);
  const packed = new Uint16Array(total);
  let id = 0;
  let at = 0;
  for (const [trigram, list] of postings) {
    trigramId[trigramSlot(letter[trigram.charCodeAt(0)]!, letter[trigram.charCodeAt(1)]!, letter[trigram.charCodeAt(2)]!, radix)] = id + 1;
    offsets[id] = at;
    for (let i = 0; i < list.length; i += 2) {
      const rank = list[i + 1]! + 1;
      if (rank > POSTING_RANK_MASK) throw new Error('franc-min model longer than two-byte postings allow');
      packed[at++] = (list[i]! << POSTING_RANK_BITS) | rank;
    }
    id++;
  }
  offsets[id] = at;
  return { languages, letter, radix, trigramId, counts, offsets, postings: packed };
}

const MODELS_BY_SCRIPT = new Map<string, ScriptModels>(
  Object.entries(data).map(([script, models]) => [script, buildScriptModels(models as Record<string, string>)]),
);

/** franc's script expressions, in its order, with whether each can match an ASCII character. */
const SCRIPT_EXPRESSIONS = Object.entries(expressions).map(([script, expression]) => {
  const single = new RegExp(expression.source);
  let matchesAscii = false;
  for (let code = 0; code < 128 && !matchesAscii; code++) matchesAscii = single.test(String.fromCharCode(code));
  // Whether each code unit matches, filled in as units are met (-1: not yet known).
  const matchesUnit = new Int8Array(0x10000).fill(-1);
  return { script, expression, single, matchesAscii, matchesUnit };
});

type ScriptEntry = (typeof SCRIPT_EXPRESSIONS)[number];

/** How many matches `expression.match(value)` finds; by a table of code units when the text has no surrogate pairs. */
function countScript(value: string, entry: ScriptEntry, hasSurrogates: boolean): number {
  if (hasSurrogates) return value.match(entry.expression)?.length ?? 0;
  let count = 0;
  for (let index = 0; index < value.length; index++) {
    const unit = value.charCodeAt(index);
    let matches = entry.matchesUnit[unit]!;
    if (matches < 0) {
      matches = entry.single.test(value[index]!) ? 1 : 0;
      entry.matchesUnit[unit] = matches;
    }
    count += matches;
  }
  return count;
}

function countNonAscii(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) > 0x7f) count++;
  return count;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** The one script of franc's that has ASCII characters (Latin), or null should its expressions ever have more. */
const ASCII_SCRIPT = SCRIPT_EXPRESSIONS.filter((entry) => entry.matchesAscii).length === 1 ? SCRIPT_EXPRESSIONS.find((entry) => entry.matchesAscii)! : null;

const ASCII_SCRIPT_MODELS = ASCII_SCRIPT === null ? undefined : MODELS_BY_SCRIPT.get(ASCII_SCRIPT.script);

/** 1 when the character at `index` of `value` (code unit `unit`) is of `entry`'s script, else 0; remembered by code unit. */
function scriptMatch(entry: ScriptEntry, value: string, index: number, unit: number): number {
  let match = entry.matchesUnit[unit]!;
  if (match < 0) {
    match = entry.single.test(value[index]!) ? 1 : 0;
    entry.matchesUnit[unit] = match;
  }
  return match;
}

/**
 * The loop of closestLanguage in one pass, for a text (without surrogate pairs) whose characters of the ASCII
 * script outnumber its characters outside ASCII: no other script can match more of it, so that script leads,
 * with its share. Otherwise `topScript` null, and the loop decides.
 */
function onlyAsciiScriptLead(value: string): { topScript: string | null; topCount: number } {
  const undecided = { topScript: null, topCount: -1 };
  if (ASCII_SCRIPT === null) return undecided;
  let nonAscii = 0;
  let matches = 0;
  for (let index = 0; index < value.length; index++) {
    const unit = value.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdfff) return undecided;
    if (unit > 0x7f) nonAscii++;
    matches += scriptMatch(ASCII_SCRIPT, value, index, unit);
  }
  return matches > nonAscii ? { topScript: ASCII_SCRIPT.script, topCount: matches / value.length } : undecided;
}

/**
 * Numbers of the distinct trigrams of the sample that some model has, in the order met (a sample has at most
 * FRANC_MAX_SAMPLE + 2 units, so as many trigrams). A trigram in no model adds franc's MAX_DIFFERENCE to every
 * language's distance alike, so it cannot change which is closest and is not counted.
 */
const SEEN_TRIGRAMS = new Uint16Array(FRANC_MAX_SAMPLE + 2);

/** Counts the trigrams of cleaned code units (cleanedUnits); returns how many distinct ones are in SEEN_TRIGRAMS. */
function countUnitTrigrams(units: Uint16Array, models: ScriptModels): number {
  const { letter, radix, trigramId, counts } = models;
  let distinct = 0;
  for (let index = 0; index + 3 <= units.length; index++) {
    const a = letter[units[index]!]!;
    const b = letter[units[index + 1]!]!;
    const c = letter[units[index + 2]!]!;
    const id = a === 0 || b === 0 || c === 0 ? 0 : trigramId[trigramSlot(a, b, c, radix)]!;
    if (id === 0) continue;
    if (counts[id] === 0) SEEN_TRIGRAMS[distinct++] = id;
    counts[id]!++;
  }
  return distinct;
}

/** Zeroes the counts of the `distinct` trigrams in SEEN_TRIGRAMS, for a text that is not counted after all (null). */
function forgetCounts(counts: Uint16Array, distinct: number): null {
  for (let at = 0; at < distinct; at++) counts[SEEN_TRIGRAMS[at]!] = 0;
  return null;
}

/**
 * countUnitTrigrams(cleanedUnits(value)) in one pass over the text, without the units: each character is
 * cleaned as cleanedUnits does and goes straight into the window of three letters. Null (nothing counted)
 * for a text with a character that does not lower-case on its own (NOT_LOWERED_ALONE). With `lead`, the
 * ASCII script's entry, the same pass tells whether that script leads, as onlyAsciiScriptLead does, and the
 * text is counted only if it does (else null).
 */
function countTextTrigrams(value: string, models: ScriptModels, lead: ScriptEntry | null): number | null {
  const { letter, radix, trigramId, counts } = models;
  const space = letter[0x20]!;
  let distinct = 0;
  let nonAscii = 0;
  let matches = 0;
  // The last two letters of the cleaned text (alphabet indexes; 0 for none yet), which starts with a padding space.
  let a = 0;
  let b = space;
  // The padding space stands for a space just written: leading white space is dropped.
  let afterSpace = true;
  // One step past the end: the trailing space, written unless the text's last run of white space wrote it.
  for (let index = 0; index <= value.length; index++) {
    let c: number;
    if (index === value.length) {
      if (lead !== null && matches <= nonAscii) {
        return forgetCounts(counts, distinct);
      }
      if (afterSpace) break;
      c = space;
    } else {
      const unit = value.charCodeAt(index);
      if (lead !== null) {
        if (unit > 0x7f) nonAscii++;
        matches += scriptMatch(lead, value, index, unit);
      }
      let cleaned = unit < 0x80 ? ASCII_CLEANED[unit]! : isSpaceUnit(unit) ? -1 : unit;
      if (cleaned < 0) {
        if (afterSpace) continue;
        cleaned = 0x20;
        afterSpace = true;
      } else {
        if (cleaned >= 0x80) {
          if (unit === 0x130 || unit === 0x3a3 || (unit >= 0xd800 && unit <= 0xdfff)) {
            return forgetCounts(counts, distinct);
          }
          cleaned = lowerUnit(unit);
        }
        afterSpace = false;
      }
      c = letter[cleaned]!;
    }
    // A trigram with a letter outside the alphabet (or before the second letter, a = 0) is in no model.
    const id = a === 0 || b === 0 || c === 0 ? 0 : trigramId[trigramSlot(a, b, c, radix)]!;
    a = b;
    b = c;
    if (id === 0) continue;
    if (counts[id] === 0) SEEN_TRIGRAMS[distinct++] = id;
    counts[id]!++;
  }
  return distinct;
}

/**
 * franc-min's answer for a sample of at least 120 characters (an ISO 639-3 code or 'und'), computed as franc
 * does (same script test, same trigram counts, same distance and tie order) without its per-language loop:
 * trigrams are numbered through the script's alphabet and counted in typed arrays, with no strings or maps.
 */
export function closestLanguage(sample: string): string {
  const value = sample.slice(0, FRANC_MAX_SAMPLE);
  // Most samples are led by the ASCII script (Latin): its trigrams are counted in the pass that tells so.
  if (ASCII_SCRIPT !== null && ASCII_SCRIPT_MODELS !== undefined) {
    const distinct = countTextTrigrams(value, ASCII_SCRIPT_MODELS, ASCII_SCRIPT);
    if (distinct !== null) return nearestLanguage(ASCII_SCRIPT_MODELS, distinct);
  }
  let { topScript, topCount } = onlyAsciiScriptLead(value);
  if (topScript === null) {
    const nonAscii = countNonAscii(value);
    const hasSurrogates = nonAscii > 0 && SURROGATE.test(value);
    for (const entry of SCRIPT_EXPRESSIONS) {
      // A script with no ASCII character matches at most once per non-ASCII character: when even that cannot
      // beat the leader (in English text, every script but Latin), its characters need not be counted.
      if (!entry.matchesAscii && nonAscii / value.length <= topCount) continue;
      const count = !entry.matchesAscii && nonAscii === 0 ? 0 : countScript(value, entry, hasSurrogates) / value.length || 0;
      if (count > topCount) {
        topCount = count;
        topScript = entry.script;
      }
    }
  }
  if (topScript === null) return 'und';
  const models = MODELS_BY_SCRIPT.get(topScript);
  if (models === undefined) return topCount === 0 ? 'und' : topScript;
  return nearestLanguage(models, countTextTrigrams(value, models, null) ?? countUnitTrigrams(cleanedUnits(value), models));
}

/** The language whose model is nearest the `distinct` trigrams counted in SEEN_TRIGRAMS (franc's distance); zeroes their counts. */
function nearestLanguage(models: ScriptModels, distinct: number): string {
  const { counts, offsets, postings } = models;
  // Each language's distance less the same amount for all: MAX_DIFFERENCE for each distinct trigram of the sample.
  const distances = new Int32Array(models.languages.length);
  for (let at = 0; at < distinct; at++) {
    const id = SEEN_TRIGRAMS[at]!;
    const count = counts[id]!;
    counts[id] = 0;
    for (let next = offsets[id - 1]!, end = offsets[id]!; next < end; next++) {
      const posting = postings[next]!;
      distances[posting >>> POSTING_RANK_BITS]! += Math.abs(count - (posting & POSTING_RANK_MASK)) - FRANC_MAX_DIFFERENCE;
    }
  }
  let best = 0;
  for (let i = 1; i < distances.length; i++) if (distances[i]! < distances[best]!) best = i;
  return models.languages[best] as string;
}
