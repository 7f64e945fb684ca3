// The language of an article: what the file says (front matter `lang:`, catalogue, <html lang>) wins;
// else franc-min's trigram detection over the body; else the archive's default. franc-min was chosen
// because it is deterministic, small, offline and well kept (wooorm), covers the 82 languages with a
// million speakers or more, and says 'und' (undetermined) by itself when a text is too short.
import { franc } from 'franc-min';
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

/** The body's language as a BCP 47 tag ('es'), or null when it is too short or franc cannot tell. */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, LANGUAGE_LIMITS.maxSampleChars * 2).replace(/\s+/g, ' ').trim().slice(0, LANGUAGE_LIMITS.maxSampleChars);
  if (sample.length < LANGUAGE_LIMITS.minDetectChars) return null;
  const code = franc(sample, { minLength: LANGUAGE_LIMITS.minDetectChars });
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
