// What a character is to the scans that find words and names (the entity rules' tokenizer, the related
// articles' terms): a table for the common code points instead of a Unicode pattern tried at every character.

/** Classes of a code point, ordered so that ranges are one comparison (isWordClass, isLetterOrNumber, isLetter). */
export const SPACE = 0; // JavaScript's \s
export const OTHER = 1;
export const MARK = 2; // \p{M}
export const NUMBER = 3; // \p{N}
export const LETTER = 4; // \p{L} but for the two below
export const LOWER = 5; // \p{Ll}
export const UPPER = 6; // \p{Lu}

// Patterns are module constants: the TypeScript loader turns a literal with \p{...} into a RegExp built at each evaluation.
const IS_UPPER = /^\p{Lu}$/u;
const IS_LOWER = /^\p{Ll}$/u;
const IS_LETTER = /^\p{L}$/u;
const IS_NUMBER = /^\p{N}$/u;
const IS_MARK = /^\p{M}$/u;
const IS_SPACE = /^\s$/u;

function classify(codePoint: number): number {
  // A lone surrogate is no letter and no space.
  if (codePoint >= 0xd800 && codePoint < 0xe000) return OTHER;
  const ch = String.fromCodePoint(codePoint);
  if (IS_UPPER.test(ch)) return UPPER;
  if (IS_LOWER.test(ch)) return LOWER;
  if (IS_LETTER.test(ch)) return LETTER;
  if (IS_NUMBER.test(ch)) return NUMBER;
  if (IS_MARK.test(ch)) return MARK;
  return IS_SPACE.test(ch) ? SPACE : OTHER;
}

/** The class of every code point below 0x3000 (Latin, Greek, Cyrillic, the common punctuation), found once; others as met. */
const COMMON_CLASSES = Uint8Array.from({ length: 0x3000 }, (_, codePoint) => classify(codePoint));
const rareClasses = new Map<number, number>();

/** The class of a code point (or of a lone surrogate, OTHER). */
export function classOf(codePoint: number): number {
  if (codePoint < 0x3000) return COMMON_CLASSES[codePoint]!;
  let found = rareClasses.get(codePoint);
  if (found === undefined) {
    found = classify(codePoint);
    rareClasses.set(codePoint, found);
  }
  return found;
}

/** [\p{L}\p{M}\p{N}] */
export const isWordClass = (charClass: number): boolean => charClass >= MARK;
/** [\p{L}\p{N}] */
export const isLetterOrNumber = (charClass: number): boolean => charClass >= NUMBER;
/** \p{L} */
export const isLetter = (charClass: number): boolean => charClass >= LETTER;
/** Code units of a code point. */
export const width = (codePoint: number): number => (codePoint > 0xffff ? 2 : 1);

/** '.', which may end an abbreviation ('U.S.') or join its letters. */
export const FULL_STOP = 0x2e;
/** '-', the ASCII hyphen. */
export const HYPHEN_MINUS = 0x2d;
/** ' and ’ (U+2019), either of which an apostrophe inside a word or a possessive is typed as. */
export const isApostrophe = (code: number): boolean => code === 0x27 || code === 0x2019;
/** '-', ‐ (U+2010) and ‑ (U+2011, non-breaking): a hyphen between the parts of a word. */
export const isHyphen = (code: number): boolean => code === HYPHEN_MINUS || code === 0x2010 || code === 0x2011;
