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

/** BCP 47 tag used when a text is too short to tell. */
export const DEFAULT_LANGUAGE = 'en';

export const LANGUAGE_LIMITS = {
  /** Fewer characters of body text than this are not detected (trigram statistics need some length). */
  minDetectChars: 120,
  /** Only the start of the body is read: enough for the trigram statistics, and a 2 MB text stays fast. */
  maxSampleChars: 4000,
} as const;

/** What `/\s+/g` -> ' ' changes: runs of two or more, or with a white space other than ' ' (a lone space stays). */
const WHITE_SPACE_TO_COLLAPSE = /\s*[^\S ]\s*| {2,}/g;

/** The body's language as a BCP 47 tag ('es'), or null when it is too short or franc cannot tell. */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, LANGUAGE_LIMITS.maxSampleChars * 2).replace(WHITE_SPACE_TO_COLLAPSE, ' ').trim().slice(0, LANGUAGE_LIMITS.maxSampleChars);
  if (sample.length < LANGUAGE_LIMITS.minDetectChars) return null;
  const code = closestLanguage(sample);
  if (code === 'und') return null;
  // Two letters where ISO 639-1 has them (BCP 47 prefers the shortest code), else the three-letter code.
  return iso6393To1[code] ?? code;
}

/** Picks the article's language with where it came from: declared > detected > default. */
export function chooseLanguage(declared: Found<string> | null, bodyText: string): Found<string> {
  if (declared !== null) return declared;
  const detected = detectLanguage(bodyText);
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

/** franc's constants: it reads at most MAX_SAMPLE characters; a trigram missing from a model costs MAX_DIFFERENCE. */
const FRANC_MAX_SAMPLE = 2048;
const FRANC_MAX_DIFFERENCE = 300;

interface ScriptModels {
  /** Language codes in franc's order (ties go to the first). */
  languages: string[];
  /** trigram (as `trigramCode`) -> pairs of (language index, rank of the trigram in that language's model). */
  postings: Map<number, number[]>;
}

const MODELS_BY_SCRIPT = new Map<string, ScriptModels>(
  Object.entries(data).map(([script, models]) => {
    const languages = Object.keys(models);
    const postings = new Map<number, number[]>();
    languages.forEach((language, languageIndex) => {
      const trigrams = (models[language] as string).split('|');
      // As franc builds its dictionary: from the end, so a trigram listed twice keeps its first rank.
      const rankOf = new Map<string, number>();
      for (let rank = trigrams.length - 1; rank >= 0; rank--) rankOf.set(trigrams[rank] as string, rank);
      for (const [trigram, rank] of rankOf) {
        if (trigram.length !== 3) continue; // franc's samples hold no other trigram, so such an entry never counts.
        const code = trigramCode(trigram, 0);
        const list = postings.get(code);
        if (list === undefined) postings.set(code, [languageIndex, rank]);
        else list.push(languageIndex, rank);
      }
    });
    return [script, { languages, postings }];
  }),
);

/** Three UTF-16 code units as one exact number (48 bits), so counting trigrams makes no strings. */
function trigramCode(text: string, index: number): number {
  return text.charCodeAt(index) * 0x100000000 + text.charCodeAt(index + 1) * 0x10000 + text.charCodeAt(index + 2);
}

/** franc's script expressions, in its order, with whether each can match an ASCII character. */
const SCRIPT_EXPRESSIONS = Object.entries(expressions).map(([script, expression]) => {
  const single = new RegExp(expression.source);
  let matchesAscii = false;
  for (let code = 0; code < 128 && !matchesAscii; code++) matchesAscii = single.test(String.fromCharCode(code));
  return { script, expression, matchesAscii };
});

function countNonAscii(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) > 0x7f) count++;
  return count;
}

/**
 * franc-min's answer for a sample of at least 120 characters (an ISO 639-3 code or 'und'), computed as franc
 * does (same script test, same trigram counts, same distance and tie order) without its per-language loop.
 */
export function closestLanguage(sample: string): string {
  const value = sample.slice(0, FRANC_MAX_SAMPLE);
  let topScript: string | null = null;
  let topCount = -1;
  const nonAscii = countNonAscii(value);
  for (const { script, expression, matchesAscii } of SCRIPT_EXPRESSIONS) {
    // A script with no ASCII character matches at most once per non-ASCII character: when even that cannot
    // beat the leader (in English text, every script but Latin), its regular expression need not run.
    if (!matchesAscii && nonAscii / value.length <= topCount) continue;
    const count = !matchesAscii && nonAscii === 0 ? 0 : (value.match(expression)?.length ?? 0) / value.length || 0;
    if (count > topCount) {
      topCount = count;
      topScript = script;
    }
  }
  if (topScript === null) return 'und';
  const models = MODELS_BY_SCRIPT.get(topScript);
  if (models === undefined) return topCount === 0 ? 'und' : topScript;
  // trigram-utils' asTuples: punctuation and digits to spaces, white space collapsed, lower case, padded.
  const cleaned = ` ${value.replace(/[\u0021-\u0040]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase()} `;
  const counts = new Map<number, number>();
  for (let index = 0; index + 3 <= cleaned.length; index++) {
    const code = trigramCode(cleaned, index);
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  const distances = new Array<number>(models.languages.length).fill(counts.size * FRANC_MAX_DIFFERENCE);
  for (const [trigram, count] of counts) {
    const postings = models.postings.get(trigram);
    if (postings === undefined) continue;
    for (let i = 0; i < postings.length; i += 2) {
      distances[postings[i] as number]! += Math.abs(count - (postings[i + 1] as number) - 1) - FRANC_MAX_DIFFERENCE;
    }
  }
  let best = 0;
  for (let i = 1; i < distances.length; i++) if ((distances[i] as number) < (distances[best] as number)) best = i;
  return models.languages[best] as string;
}
