// Small pure helpers over lines of text, shared by the classify, metadata and body steps.
import {
  BRACKETED_URL,
  BULLET,
  ENDS_WITH_PERIOD,
  INLINE_MARKUP,
  MARKDOWN_HEADING,
  MARKDOWN_LINK,
  SENTENCE_CLOSER,
  SENTENCE_END,
  TITLE_CASE_MINOR_WORDS,
} from './patterns.ts';
import { memoise } from '../memoise.ts';

/** A line without Markdown decoration: heading marks, bullets, emphasis, link targets. */
// The steps ask for the plain text and the letter key of the same block several times (classify, metadata, body).
export const plainText = memoise(computePlainText);

/**
 * `plainText` without the memo: for a new block, whose text is kept on the block (a memo would only hash and
 * copy a whole paragraph it is never asked for again).
 */
export function computePlainText(line: string): string {
  let text = line.trim();
  const heading = MARKDOWN_HEADING.exec(text);
  if (heading !== null) text = heading[2] ?? '';
  text = text.replace(BULLET, '');
  // Every link pattern needs a '[': most lines have none.
  const hasBracket = text.includes('[');
  if (hasBracket) {
    text = text.replace(BRACKETED_URL, ' ');
    text = text.replace(MARKDOWN_LINK, (_all, label: string) => label);
    text = text.replace(/!\[[^\]]*\]/g, '');
  }
  text = text.replace(INLINE_MARKUP, '');
  // Link targets stripped by converters leave "[text]" or "text [#]".
  if (hasBracket) text = text.replace(/\[#?\]/g, '').replace(/\[([^\]]*)\]/g, '$1');
  return collapseSpaces(text);
}

/**
 * C0 and C1 control characters (tab kept) and bidirectional overrides and isolates: they can hide or reorder
 * text ("\u202Eevil") and mean nothing in an article, so extracted fields drop them (the raw lines keep them).
 */
const CONTROL_OR_BIDI = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

export function stripControls(text: string): string {
  return text.replace(CONTROL_OR_BIDI, '');
}

/**
 * Runs of spaces and tabs -> one space. Only the runs that change are matched (two or more characters, or
 * any with a tab), so a line that is already clean is returned as it is, without a copy.
 */
const SPACE_RUN_TO_COLLAPSE = /[ \t]*\t[ \t]*| {2,}/g;

export function collapseSpaces(text: string): string {
  if (!text.includes('\t') && !text.includes('  ')) return text.trim();
  return text.replace(SPACE_RUN_TO_COLLAPSE, ' ').trim();
}

/** White space other than ' ' (without it, a text's words are the runs between spaces). */
const WHITE_SPACE_NOT_SPACE = /[^\S ]/;

/** What `/\s+/g` -> ' ' changes: runs of two or more, or with a white space other than ' ' (a lone space stays). */
export const WHITE_SPACE_TO_COLLAPSE = /\s*[^\S ]\s*| {2,}/g;

/**
 * `text.replace(/\s+/g, ' ').trim()`, replacing only the runs that change: prose has a space between every two
 * words, and `/\s+/g` would replace each.
 */
export function collapseWhiteSpace(text: string): string {
  // Text with single spaces only (a paragraph's plain text) has nothing to collapse: two native searches.
  if (!text.includes('  ') && !WHITE_SPACE_NOT_SPACE.test(text)) return text.trim();
  return text.replace(WHITE_SPACE_TO_COLLAPSE, ' ').trim();
}

export function words(text: string): string[] {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
}

const ASCII_LETTER_OR_DIGIT = /[A-Za-z0-9]/;
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** Whether a UTF-16 code unit is white space as `\s` means it. */
export function isSpaceUnit(unit: number): boolean {
  if (unit < 0x80) return unit === 0x20 || (unit >= 0x09 && unit <= 0x0d);
  return unit === 0xa0 || unit === 0x1680 || (unit >= 0x2000 && unit <= 0x200a) || unit === 0x2028 || unit === 0x2029 ||
    unit === 0x202f || unit === 0x205f || unit === 0x3000 || unit === 0xfeff;
}

function isAsciiLetterOrDigit(unit: number): boolean {
  return (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x30 && unit <= 0x39);
}

/** What an ASCII code unit is to `wordCount`: 0 another character, 1 white space, 2 a letter or digit. */
const ASCII_WORD_KIND = new Uint8Array(0x80).map((_, unit) => (isSpaceUnit(unit) ? 1 : isAsciiLetterOrDigit(unit) ? 2 : 0));

/**
 * How many `words` (white-space-separated runs with a letter or number), without splitting. Most texts (a
 * block's plain text) have no white space but spaces: each run is then found by a native search for the next
 * space, and most are settled by their first character.
 */
export function wordCount(text: string): number {
  if (WHITE_SPACE_NOT_SPACE.test(text)) return wordCountByUnits(text);
  let count = 0;
  for (let start = 0; start < text.length;) {
    let end = text.indexOf(' ', start);
    if (end < 0) end = text.length;
    if (end > start && isWordRun(text, start, end)) count++;
    start = end + 1;
  }
  return count;
}

/** Whether `text` from `start` to `end` (no white space) has a letter or number: an ASCII one, else by the Unicode expression. */
function isWordRun(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    const unit = text.charCodeAt(index);
    if (unit >= 0x80) return LETTER_OR_NUMBER.test(text.slice(start, end));
    if (ASCII_WORD_KIND[unit] === 2) return true;
  }
  return false;
}

/**
 * `wordCount` of any text, code by code:
 * an ASCII letter or digit settles most runs; only a run without one and with other characters is tested
 * by the slower Unicode expression.
 */
function wordCountByUnits(text: string): number {
  let count = 0;
  let start = -1;
  // 0 nothing yet, 1 characters other than ASCII, 2 an ASCII letter or digit (the run is a word).
  let found = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    const kind = unit < 0x80 ? ASCII_WORD_KIND[unit]! : isSpaceUnit(unit) ? 1 : 3;
    if (kind === 1) {
      if (start >= 0 && (found === 2 || (found === 1 && LETTER_OR_NUMBER.test(text.slice(start, index))))) count++;
      start = -1;
      continue;
    }
    if (start < 0) {
      start = index;
      found = 0;
    }
    if (kind === 2) found = 2;
    else if (kind === 3 && found === 0) found = 1;
  }
  if (start >= 0 && (found === 2 || (found === 1 && LETTER_OR_NUMBER.test(text.slice(start))))) count++;
  return count;
}

/** Whether `text` has more than `limit` words (as `wordCount` counts them), reading no further than that. */
export function hasMoreWords(text: string, limit: number): boolean {
  const token = /\S+/g;
  let count = 0;
  for (let match = token.exec(text); match !== null; match = token.exec(text)) {
    if ((ASCII_LETTER_OR_DIGIT.test(match[0]) || LETTER_OR_NUMBER.test(match[0])) && ++count > limit) return true;
  }
  return false;
}

export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(sentenceTail(text));
}

export function endsWithPeriod(text: string): boolean {
  return ENDS_WITH_PERIOD.test(sentenceTail(text));
}

/**
 * The end of the trimmed text from its last character that is not a SENTENCE_CLOSER: SENTENCE_END and
 * ENDS_WITH_PERIOD match the trimmed text exactly when they match this (their punctuation is no closer and
 * can only stand there), and a paragraph is not read whole for them.
 */
function sentenceTail(text: string): string {
  const end = trimmedEndLength(text);
  let start = end - 1;
  while (start > 0 && SENTENCE_CLOSER.test(text.charAt(start))) start--;
  return text.slice(Math.max(start, 0), end);
}

/** `text.trimEnd().length`, without the copy. */
export function trimmedEndLength(text: string): number {
  let end = text.length;
  while (end > 0 && isSpaceUnit(text.charCodeAt(end - 1))) end--;
  return end;
}

/** Share of the words of four letters or more that start with a capital ("Title Case" headlines). */
export function titleCaseRatio(text: string): number {
  const long = words(text).filter((word) => word.replace(/[^\p{L}]/gu, '').length >= 4);
  if (long.length === 0) return 0;
  return long.filter((word) => /^["'“‘(]?\p{Lu}/u.test(word)).length / long.length;
}

/** Capitalises each word except short function words ("HAVANA TIMES" -> "Havana Times"). */
export function toTitleCase(text: string): string {
  return text
    .toLowerCase()
    .split(/(\s+)/)
    .map((part, index) => {
      if (/^\s+$/.test(part) || part === '') return part;
      if (index > 0 && TITLE_CASE_MINOR_WORDS.has(part)) return part;
      return part.replace(/\p{L}/u, (letter) => letter.toUpperCase());
    })
    .join('');
}

/** Lower-case letters and digits only: for comparing names across spellings. */
export const letterKey = memoise(computeLetterKey);

/**
 * What a character other than ASCII leaves in a letter key: its NFKD decomposition without accents, lower
 * case, letters and digits only ('É' -> 'e', '’' -> ''). Decomposition works character by character (its
 * reordering moves only combining marks, which the key drops), so the key can be built one character at a time.
 */
const FOLDED = new Map<number, string>();

function foldedCodePoint(codePoint: number): string {
  let folded = FOLDED.get(codePoint);
  if (folded === undefined) {
    folded = String.fromCodePoint(codePoint).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
    FOLDED.set(codePoint, folded);
  }
  return folded;
}

/** Runs of characters other than ASCII: each is folded character by character (`foldedCodePoint`). */
const NON_ASCII_RUN = /[\u0080-\uffff]+/g;
const NON_ASCII = /[\u0080-\uffff]/;
/** What is left to drop once the other characters are folded: everything but ASCII letters and digits. */
const NOT_ASCII_LETTER_OR_DIGIT = /[^A-Za-z0-9]+/g;

function foldRun(run: string): string {
  let folded = '';
  for (let index = 0; index < run.length; index++) {
    const codePoint = run.codePointAt(index)!;
    if (codePoint > 0xffff) index++;
    folded += foldedCodePoint(codePoint);
  }
  return folded;
}

/**
 * The letter key by two native replaces: runs of other characters than ASCII folded (to ASCII letters and
 * digits only; a surrogate pair is never split, both halves being in a run), then all but ASCII letters and
 * digits dropped and the rest lower-cased, cheaper than reading code by code in script.
 */
function foldedLetterKey(text: string): string {
  const ascii = NON_ASCII.test(text) ? text.replace(NON_ASCII_RUN, foldRun) : text;
  return ascii.replace(NOT_ASCII_LETTER_OR_DIGIT, '').toLowerCase();
}

/** `letterKey` without the memo: for a long text asked for once. */
export function computeLetterKey(text: string): string {
  // NFKD and the accent strip change nothing in ASCII text, the common case.
  return foldedLetterKey(text);
}

/** Scratch letters of letterKeyPrefix: a prefix of up to KEY_PREFIX_MAX letters, and the longest fold of one character (18). */
const KEY_PREFIX_MAX = 256;
const KEY_PREFIX_CODES = new Uint16Array(KEY_PREFIX_MAX + 64);

/**
 * The first `length` characters of `letterKey(text)`, reading only as much of the text as they need (each
 * character folds on its own, so the key is built from the start). The letters are gathered as codes and
 * made a string once, not added to a string one by one.
 */
export function letterKeyPrefix(text: string, length: number): string {
  if (length > KEY_PREFIX_MAX) return computeLetterKey(text).slice(0, length);
  const codes = KEY_PREFIX_CODES;
  let count = 0;
  for (let index = 0; index < text.length && count < length; index++) {
    const unit = text.charCodeAt(index);
    // Digits and lower-case letters keep the 0x20 bit; upper-case letters gain it.
    if ((unit >= 0x61 && unit <= 0x7a) || (unit >= 0x30 && unit <= 0x39) || (unit >= 0x41 && unit <= 0x5a)) codes[count++] = unit | 0x20;
    else if (unit >= 0x80) {
      const codePoint = text.codePointAt(index)!;
      if (codePoint > 0xffff) index++;
      const folded = foldedCodePoint(codePoint);
      for (let at = 0; at < folded.length; at++) codes[count++] = folded.charCodeAt(at);
    }
  }
  return String.fromCharCode.apply(null, codes.subarray(0, Math.min(count, length)) as unknown as number[]);
}

/** Whether `letterKey(text)` starts with `key`, reading no further into the text than the key's length needs. */
export function hasLetterKeyPrefix(text: string, key: string): boolean {
  return compareLetterKey(text, key, false);
}

/** Whether `letterKey(text) === key`, reading no further into a long text than the key's length needs. */
export function hasLetterKey(text: string, key: string): boolean {
  return compareLetterKey(text, key, true);
}

/**
 * Whether the letter key of `text` starts with `key` (`whole`: is `key`), built letter by letter as
 * letterKeyPrefix builds it and compared as it goes: most texts differ from the key in their first letters,
 * so they are read no further, and no key is made.
 */
function compareLetterKey(text: string, key: string, whole: boolean): boolean {
  let matched = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if ((unit >= 0x61 && unit <= 0x7a) || (unit >= 0x30 && unit <= 0x39) || (unit >= 0x41 && unit <= 0x5a)) {
      if (matched === key.length) return !whole;
      if (key.charCodeAt(matched) !== (unit | 0x20)) return false;
      matched++;
    } else if (unit >= 0x80) {
      const codePoint = text.codePointAt(index)!;
      if (codePoint > 0xffff) index++;
      const folded = foldedCodePoint(codePoint);
      for (let at = 0; at < folded.length; at++) {
        if (matched === key.length) return !whole;
        if (key.charCodeAt(matched) !== folded.charCodeAt(at)) return false;
        matched++;
      }
    }
  }
  return matched === key.length;
}

/** Whether the line is empty or white space (`line.trim() === ''`), without a trimmed copy. */
export function isBlank(line: string): boolean {
  for (let index = 0; index < line.length; index++) if (!isSpaceUnit(line.charCodeAt(index))) return false;
  return true;
}
