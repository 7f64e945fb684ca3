// Classifies every line of a text: headline, dek, byline, date, caption, credit, chrome, related,
// comment, footer or body, each with the rule that decided it.
//
// The recipe (each stage a small function below):
//   1. group lines into blocks (a paragraph, or several lines of one hard-wrapped paragraph);
//   2. the footer of a saved page ('Original url:') and everything after it;
//   3. the headline; everything above it is site chrome (menus, breadcrumbs);
//   4. line rules on each block after the headline (bylines, dates, captions, share bars, …);
//   5. the reader-comments zone;
//   6. where the body starts (a lead-in, or the first paragraph of prose that is not a dek);
//   7. where the body ends (lists of other articles, comment forms, trailing chrome);
//   8. inside the body: related-article lines, captions, paragraphs.
import type { ClassifiedLine, LineClass } from '../types.ts';
import { isDateOnly } from './dates.ts';
import { splitLeadIn } from './leadIn.ts';
import {
  ADVERT_LABEL,
  BOLD_ONLY_LINE,
  BRACKETED_URL,
  BREADCRUMB,
  BULLET,
  BYLINE_ALONE,
  BYLINE_PREFIX,
  CAPTION_KEYWORD,
  CAPTION_PHOTO_BY,
  CAPTION_PHOTO_CREDIT,
  COMMENT_FORM,
  COMMENTS_HEADING,
  HAS_URL,
  CREDIT_AGENCY_SLASH,
  CREDIT_AGENCY_WORDS,
  CONTACT_ONLY,
  FILE_NAME_ONLY,
  GALLERY_CONTROL,
  GALLERY_COUNTER_CAPTION,
  LEDE_MARKERS,
  LINK_ONLY_LINE,
  MARKDOWN_HEADING,
  MARKDOWN_LINK,
  ORIGINAL_URL_LABEL,
  OTHER_ARTICLES_HEADING,
  PRODUCTION_CREDIT,
  RELATED_LINK_LABEL,
  SETEXT_UNDERLINE,
  SHARE_CHROME,
  SOCIAL_NETWORK_ONLY,
  STARTS_LOWER_CASE,
  TEASER_LABEL,
  COMMENTS_FEED_TITLE,
  TITLE_SITE_SUFFIX,
  URL_ANYWHERE,
  URL_ONLY_LINE,
  HTTP,
  PADDING,
} from './patterns.ts';
import { computePlainText, endsSentence, hasMoreWords, isBlank, hasLetterKey, hasLetterKeyPrefix, isSpaceUnit, letterKey, letterKeyPrefix, plainText, stripControls, titleCaseRatio, trimmedEndLength, wordCount } from './text.ts';

export interface ClassifyOptions {
  /** Lines taken by front matter at the top of the text. */
  frontMatterLines: number;
  /** A title known from front matter or the catalogue: the line that says it is the headline. */
  knownTitle: string | null;
}

/** Tunables of the heuristics, named (Readability's DEFAULT_* constants). */
export const CLASSIFY_LIMITS = {
  /** A headline has at most this many words. */
  headlineMaxWords: 30,
  headlineMinWords: 2,
  /** A paragraph of prose: this many words and a sentence end, or `proseLongWords` words. */
  proseMinWords: 10,
  proseLongWords: 25,
  /** A dek (subtitle) has at most this many words. */
  dekMaxWords: 40,
  /** Bylines, date lines and credits are short. */
  bylineMaxWords: 16,
  dateLineMaxWords: 14,
  creditMaxWords: 10,
  chromeMaxWords: 12,
  /** A line inside the body that reads like another article's headline. */
  relatedHeadlineMinWords: 5,
  relatedHeadlineMaxWords: 20,
  relatedHeadlineTitleCase: 0.75,
  /** Non-prose blocks allowed inside one run of article prose. */
  proseRunMaxGap: 3,
  /** Items of a box of other articles inside the body that are skipped to find the text going on. */
  otherArticlesMaxItems: 16,
  /** Weight of the distance (log2 of blocks) between a headline candidate and the main prose. */
  headlineDistanceWeight: 0.5,
  /** Headline candidates are looked for in at most this many blocks above the main prose. */
  headlineSearchMaxBlocks: 200,
  /**
   * Up to this many candidates, the blocks' letter keys are compared with each candidate's (most differ in the
   * first letter); with more, they are made and sorted once (see blockKeys).
   */
  headlineKeyScanMaxCandidates: 8,
  /** Share of a headline's words found in a URL slug that counts as the page's own address. */
  headlineSlugOverlap: 0.6,
  /** An image's alt text and caption: a short label, then at most this many lines, with no blank line. */
  captionGroupMaxBlocks: 2,
  captionAltMaxWords: 15,
  /** A word this long (an address) cannot be wrapped: its lines are left out when finding the wrap width. */
  unbreakableWordMinChars: 40,
  /** Share of a body block's words inside links above which, with no sentence end, it is a list of links. */
  linkListMinShare: 0.8,
  /** Words between a paragraph and its copy above which the copy starts the article printed again. */
  repeatedArticleMinWords: 150,
} as const;

/** A paragraph: one line, or the lines of one hard-wrapped paragraph. */
export interface Block {
  /** 0-based index of the first and last line. */
  start: number;
  end: number;
  /** The lines as written, trimmed and joined by spaces. */
  raw: string;
  /** Without Markdown decoration. */
  text: string;
  words: number;
}

interface Tag {
  class: LineClass;
  rule: string;
}

/** The result of classification, with the blocks that later steps reuse. */
export interface Classification {
  lines: ClassifiedLine[];
  blocks: Block[];
  /** Block index of the headline, or null when the text has none. */
  headline: number | null;
  /** Block index where the body starts, or null when there is no body. */
  bodyStart: number | null;
}

export function classifyLines(text: string, options: ClassifyOptions): Classification {
  const rawLines = text.split('\n');
  const blocks = groupBlocks(rawLines, options.frontMatterLines);
  const tags: (Tag | null)[] = blocks.map(() => null);

  const zoneEnd = tagFooter(blocks, tags);
  const headline = findHeadline(blocks, zoneEnd, options.knownTitle);
  const firstAfterHeadline = headline === null ? 0 : headline + 1;
  if (headline !== null) {
    tags[headline] = { class: 'headline', rule: headlineRule(blocks, headline, options.knownTitle) };
    tagAboveHeadline(blocks, tags, headline);
  }
  for (let index = firstAfterHeadline; index < zoneEnd; index++) {
    tags[index] ??= tagByLineRules(blocks, index, tags);
  }
  if (headline !== null) tagHeadlineRepeats(blocks, tags, headline, zoneEnd);
  tagCaptionDuplicates(blocks, tags, firstAfterHeadline, zoneEnd);
  const contentEnd = tagComments(blocks, tags, firstAfterHeadline, zoneEnd);
  // A dek stands under a headline: a text without one (its title known from elsewhere) starts with its body.
  const bodyStart = tagHeaderZone(blocks, tags, firstAfterHeadline, contentEnd, headline !== null);
  if (bodyStart !== null) tagBody(blocks, tags, bodyStart, contentEnd);

  return { lines: toClassifiedLines(rawLines, options.frontMatterLines, blocks, tags), blocks, headline, bodyStart };
}

// ---------------------------------------------------------------------------
// 1. Blocks

/**
 * Width at which the text was hard-wrapped (w3m, lynx and friends wrap at a fixed column),
 * or Infinity when lines were not wrapped.
 */
/**
 * Whether a line has a word (white-space-separated) longer than CLASSIFY_LIMITS.unbreakableWordMinChars.
 * Reads backwards from the last character such a word could end with: a space found there rules out every
 * word through it, so in prose most characters are never read.
 */
function hasUnbreakableWord(line: string): boolean {
  const run = CLASSIFY_LIMITS.unbreakableWordMinChars + 1;
  for (let end = run - 1; end < line.length;) {
    let index = end;
    while (index > end - run && !isSpaceUnit(line.charCodeAt(index))) index--;
    if (index === end - run) return true;
    end = index + run;
  }
  return false;
}

export function detectWrapWidth(lines: string[]): number {
  // A line holding a long address cannot be wrapped, so its length says nothing about the wrap column.
  const lengths: number[] = [];
  for (const line of lines) {
    const length = trimmedEndLength(line);
    if (length >= 40 && !hasUnbreakableWord(line)) lengths.push(length);
  }
  if (lengths.length < 5) return Infinity;
  // The wrap column is where many lines end just short of: pick the width with the most lines in the 15 columns below it.
  const linesOfLength = new Int32Array(131);
  for (const length of lengths) if (length <= 130) linesOfLength[length]!++;
  let best = { width: Infinity, count: 0 };
  for (let width = 60; width <= 130; width++) {
    let count = 0;
    for (let length = width - 14; length <= width; length++) count += linesOfLength[length]!;
    if (count >= best.count) best = { width, count };
  }
  if (best.count < 5 || best.count / lengths.length < 0.3) return Infinity;
  // The widest line that still fits under that column is the wrap width.
  return Math.max(...lengths.filter((length) => length <= best.width + 2));
}

/** Length of the line's first word (`line.trim().split(/\s+/)[0].length`), read without splitting the line. */
function firstWordLength(line: string): number {
  let start = 0;
  while (start < line.length && isSpaceUnit(line.charCodeAt(start))) start++;
  let end = start;
  while (end < line.length && !isSpaceUnit(line.charCodeAt(end))) end++;
  return end - start;
}

/** Whether `next` continues the paragraph of `previous` (no blank line between them). */
function continuesParagraph(previous: string, next: string, wrapWidth: number): boolean {
  const trimmedNext = next.trim();
  if (BULLET.test(next) || MARKDOWN_HEADING.test(trimmedNext) || SETEXT_UNDERLINE.test(trimmedNext)) return false;
  if (BULLET.test(previous) && /^\s{2,}\S/.test(next) && !/^\s*[•·▪◦‣∙]/.test(next)) return true;
  if (MARKDOWN_HEADING.test(previous.trim())) return false;
  if (Number.isFinite(wrapWidth) && trimmedEndLength(previous) + 1 + firstWordLength(next) > wrapWidth - 2) {
    // A hard wrap: the next word would not have fitted on the previous line.
    return true;
  }
  // A sentence that goes on in lower case on the next line (maybe inside a link: "[that the pier](…) will").
  return previous.trim().length >= 40 && !endsSentence(plainText(previous)) && STARTS_LOWER_CASE.test(plainText(trimmedNext));
}

/** The lines of a paragraph being read (as written, trimmed), lines `start` to `end`. */
interface OpenParagraph {
  start: number;
  end: number;
  parts: string[];
}

/** The block of an open paragraph. A function of its own, not a closure in groupBlocks: see tagHeaderZone. */
function makeBlock({ start, end, parts }: OpenParagraph): Block {
  const raw = stripControls(parts.join(' '));
  const text = computePlainText(raw);
  return { start, end, raw, text, words: wordCount(text) };
}

export function groupBlocks(lines: string[], from: number): Block[] {
  const wrapWidth = detectWrapWidth(lines.slice(from));
  const blocks: Block[] = [];
  let current: OpenParagraph | null = null;
  for (let index = from; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (isBlank(line)) {
      if (current !== null) blocks.push(makeBlock(current));
      current = null;
      continue;
    }
    if (current !== null && continuesParagraph(lines[index - 1] ?? '', line, wrapWidth)) {
      current.parts.push(line.trim());
      current.end = index;
      continue;
    }
    if (current !== null) blocks.push(makeBlock(current));
    current = { start: index, end: index, parts: [line.trim()] };
  }
  if (current !== null) blocks.push(makeBlock(current));
  return blocks;
}

// ---------------------------------------------------------------------------
// 2. Footer

/** Tags 'Original url:' and everything after it; returns the index where the footer starts. */
function tagFooter(blocks: Block[], tags: (Tag | null)[]): number {
  const start = blocks.findIndex((block) => ORIGINAL_URL_LABEL.test(block.raw));
  if (start < 0) return blocks.length;
  tags[start] = { class: 'footer', rule: 'footer/original-url' };
  for (let index = start + 1; index < blocks.length; index++) {
    const isUrl = index === start + 1 && URL_ONLY_LINE.test(blocks[index]!.raw);
    tags[index] = { class: 'footer', rule: isUrl ? 'footer/original-url' : 'footer/after-original-url' };
  }
  return start;
}

// ---------------------------------------------------------------------------
// 3. Headline

function isMenuLike(block: Block): boolean {
  return BULLET.test(block.raw) || isBreadcrumb(block) || SOCIAL_NETWORK_ONLY.test(block.text) || SHARE_CHROME.test(block.text);
}

function isBreadcrumb(block: Block): boolean {
  return block.words <= 8 && BREADCRUMB.test(block.text) && /\p{L}/u.test(block.text);
}

function isHeadlineCandidate(block: Block): boolean {
  if (block.words < CLASSIFY_LIMITS.headlineMinWords || block.words > CLASSIFY_LIMITS.headlineMaxWords) return false;
  // Headlines do not end with a full stop (they may end with ? or !). Tested first: it is the cheapest test,
  // and it rules out most sentences.
  if (/[.:;,]$/.test(block.text)) return false;
  if (isMenuLike(block) || COMMENT_FORM.test(block.text) || OTHER_ARTICLES_HEADING.test(block.raw)) return false;
  if (BYLINE_PREFIX.test(block.raw) || isDateOnly(block.text, 3) !== null) return false;
  return !(URL_ONLY_LINE.test(block.raw) || HAS_URL.test(block.text) || isPhotoCredit(block.text) || isCreditText(block.text, block.words));
}

/** Share of a line's characters inside Markdown links or bracketed link text: navigation is mostly links. */
function linkShare(raw: string): number {
  // Every link holds a '[': most paragraphs have none.
  if (!raw.includes('[')) return 0;
  const inLinks = [...raw.matchAll(/\[[^\]]*\](?:\([^)]*\))?/g)].reduce((sum, match) => sum + match[0].length, 0);
  return raw.length === 0 ? 0 : inLinks / raw.length;
}

/** Share of a block's words that are the text of Markdown links. */
function linkTextShare(block: Block): number {
  // Every Markdown link holds a '[': most paragraphs have none.
  if (!block.raw.includes('[')) return 0;
  const linked = [...block.raw.matchAll(MARKDOWN_LINK)].reduce((sum, match) => sum + wordCount(plainText(match[1] ?? '')), 0);
  return block.words === 0 ? 0 : linked / block.words;
}

/** A paragraph that reads as article text: prose, not a menu entry or a list of links. */
function isArticleProse(block: Block): boolean {
  return isProse(block) && linkShare(block.raw) < 0.5 && !(BULLET.test(block.raw) && !endsSentence(block.text));
}

/**
 * Start of the main run of prose: the stretch of prose paragraphs (with at most a few other blocks
 * between them) that holds the most words. Menus, teasers and footers make short runs.
 */
export function findMainProse(blocks: Block[], zoneEnd: number): number | null {
  let best: { start: number; words: number } | null = null;
  let run: { start: number; words: number } | null = null;
  let gap = 0;
  for (let index = 0; index < zoneEnd; index++) {
    const block = blocks[index]!;
    if (isArticleProse(block)) {
      if (run === null) run = { start: index, words: 0 };
      run.words += block.words;
      gap = 0;
      if (best === null || run.words > best.words) best = { ...run };
    } else if (run !== null && ++gap > CLASSIFY_LIMITS.proseRunMaxGap) {
      run = null;
    }
  }
  return best?.start ?? null;
}

/** URLs as letter keys (decoded, so a share link that quotes a headline matches it). */
function urlLetterKeys(addresses: string[]): string[] {
  return addresses.map((address) => {
    let url = address;
    try {
      url = decodeURIComponent(url);
    } catch {
      // A malformed escape: compare the URL as written.
    }
    return letterKey(url);
  });
}

/**
 * What headlineScore asks about the letter keys of all blocks, for each candidate: whether another block's key
 * starts with the candidate's (an echo), and how many blocks have a given key.
 */
export interface BlockKeys {
  /** Whether two blocks or more have a letter key that starts with `key` (the block that has it, and an echo). */
  hasEcho(key: string): boolean;
  /** How many blocks have exactly the letter key `key`. */
  count(key: string): number;
}

/**
 * BlockKeys of `blocks`, for keys of at most `length` letters. With few candidates to ask about, each question
 * reads the blocks, each only as far as its first letter that differs from the key (hasLetterKey); with many,
 * the blocks' keys are made and sorted once, so that each question costs a binary search (`sorted`).
 */
export function blockKeys(blocks: Block[], length: number, sorted: boolean): BlockKeys {
  // Methods, not arrow functions: the TypeScript loader names each arrow function it makes (see tagHeaderZone).
  if (!sorted) {
    return {
      hasEcho(key) {
        let found = 0;
        for (const block of blocks) if (hasLetterKeyPrefix(block.text, key) && ++found === 2) return true;
        return false;
      },
      count(key) {
        let found = 0;
        for (const block of blocks) if (hasLetterKey(block.text, key)) found++;
        return found;
      },
    };
  }
  // Only the keys' first `length + 1` letters are kept, which answers the same: a paragraph's whole key is not
  // needed to tell whether it starts with or equals a key of `length` letters or fewer.
  const keys = blocks.map((block) => letterKeyPrefix(block.text, length + 1)).sort();
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return {
    hasEcho(key) {
      let low = 0;
      let high = keys.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (keys[middle]! < key) low = middle + 1;
        else high = middle;
      }
      // The sorted keys sharing a prefix are contiguous, and `key` itself is the first of them.
      return keys[low + 1]?.startsWith(key) ?? false;
    },
    count(key) {
      return counts.get(key) ?? 0;
    },
  };
}

/** The words of URL paths ("/news/Friday-State-Swim-Results-474.html" -> friday, state, swim, results). */
function urlSlugWords(addresses: string[]): Set<string>[] {
  const slugs: Set<string>[] = [];
  for (const address of addresses) {
    const path = address.replace(/^https?:\/\/[^/]+/i, '').replace(/[?#].*$/, '');
    const words = path.toLowerCase().split(/[^a-z0-9]+/).filter((word) => word.length >= 3 && !/^\d{5,}$/.test(word));
    if (words.length >= 3) slugs.push(new Set(words));
  }
  return slugs;
}

/** The largest share of a line's words (three letters or more) found in one URL slug; 0 below three words matched. */
function slugOverlap(text: string, slugs: Set<string>[]): number {
  const words = [...new Set(text.toLowerCase().split(/[^a-z0-9]+/).filter((word) => word.length >= 3))];
  if (words.length < 3) return 0;
  let best = 0;
  for (const slug of slugs) {
    const matched = words.filter((word) => slug.has(word)).length;
    if (matched >= 3) best = Math.max(best, matched / words.length);
  }
  return best;
}

/** Whether each block is a date line (`isDateOnly(text, 4)`), asked once per block: candidates share the blocks after them. */
function dateLineTest(blocks: Block[]): (index: number) => boolean {
  const known = new Map<number, boolean>();
  return (index) => {
    let dated = known.get(index);
    if (dated === undefined) {
      dated = isDateOnly(blocks[index]!.text, 4) !== null;
      known.set(index, dated);
    }
    return dated;
  };
}

function headlineScore(blocks: Block[], index: number, key: string, mainStart: number, urls: string[], slugs: Set<string>[], keyIndex: BlockKeys, isDateLine: (index: number) => boolean): number {
  const block = blocks[index]!;
  let score = 0;
  if (/^#\s/.test(block.raw)) score += 3;
  else if (/^##\s/.test(block.raw)) score += 1.5;
  // A third-level heading or deeper heads a section of the article.
  else if (/^#{3,6}\s/.test(block.raw)) score -= 1;
  // The headline's letters in a URL of the page (its slug, or a share link that quotes it).
  if (key.length >= 12 && urls.some((url) => url.includes(key))) score += 3;
  // Most of the headline's words in a URL's slug ("Friday-State-Swim-Results-123.html").
  else if (slugOverlap(block.text, slugs) >= CLASSIFY_LIMITS.headlineSlugOverlap) score += 2;
  if (key.length >= 12 && keyIndex.hasEcho(key)) score += 2;
  // A title with the site's name after it ("Headline | Site") loses to the bare headline printed elsewhere.
  const bare = /^(.{12,}?)\s+(?:\||-|–|—|::)\s+[^|–—]{2,40}$/.exec(block.text);
  if (bare?.[1] !== undefined) {
    const bareKey = letterKey(bare[1]);
    if (keyIndex.count(bareKey) - (bareKey === key ? 1 : 0) > 0) score -= 3;
  }
  if (block.words >= 5) score += 1;
  if (block.words <= 2) score -= 2;
  else if (block.words === 3) score -= 0.5;
  // An image's alt text sits right above its caption, with no blank line between.
  const next = blocks[index + 1];
  if (next !== undefined && next.start === block.end + 1 && isProse(next)) score -= 1.5;
  // A headline is followed closely by its byline and its date: each counts.
  const after = blocks.slice(index + 1, index + 5);
  if (after.some((other) => BYLINE_PREFIX.test(other.raw) && other.words <= CLASSIFY_LIMITS.bylineMaxWords)) score += 1.5;
  if (after.some((_other, offset) => isDateLine(index + 1 + offset))) score += 1.5;
  // A saved page often starts with the page title.
  if (index === 0) score += 0.5;
  if (titleCaseRatio(block.text) >= 0.7 || /^\p{Lu}/u.test(block.text)) score += 0.5;
  // Buttons and labels: links (lynx's [12] markers, Markdown links) and ALL-CAPS lines.
  if (linkShare(block.raw) >= 0.5 || /^\[\d+\]/.test(block.raw)) score -= 2;
  if (block.words <= 3 && block.text === block.text.toUpperCase() && /\p{L}/u.test(block.text)) score -= 0.5;
  return score - CLASSIFY_LIMITS.headlineDistanceWeight * Math.log2(1 + Math.max(0, mainStart - index));
}

/**
 * A block's plain text up to the first run of three white spaces (`plainText(raw.trim().split(/\s{3,}/)[0])`):
 * most blocks have no such run, and their plain text is already on the block.
 */
export function beforePadding(block: Block): string {
  const trimmed = block.raw.trim();
  const padding = PADDING.exec(trimmed);
  return padding === null ? block.text : plainText(trimmed.slice(0, padding.index));
}

/**
 * Headlines named by the page's own title at the top of a saved page: "Headline | Site" (cut at the
 * padding a converter adds), or the title of the article's comments feed ("Site » Headline Comments Feed").
 */
export function pageTitleHeadlines(blocks: Block[]): string[] {
  const first = blocks[0];
  if (first === undefined) return [];
  const titles: string[] = [];
  const bare = TITLE_SITE_SUFFIX.exec(beforePadding(first))?.[1];
  if (bare !== undefined) titles.push(bare);
  const raw = first.raw.replace(/\[\d+\]/g, ' ');
  for (const match of raw.matchAll(COMMENTS_FEED_TITLE)) if (match[1] !== undefined) titles.push(plainText(match[1]));
  return titles.filter((title) => letterKey(title).length >= 12);
}

/** The headline printed again below the page title (the page title itself is block 0). */
function findPageTitleEcho(blocks: Block[], zoneEnd: number): number | null {
  for (const title of pageTitleHeadlines(blocks)) {
    const key = letterKey(title);
    // The echo may end with a full stop: the page title says it is the headline.
    const index = blocks.findIndex(
      (block, i) => i > 0 && i < zoneEnd && hasLetterKey(block.text, key) && (isHeadlineCandidate(block) || isHeadlineCandidate({ ...block, text: block.text.replace(/\.$/, '') })),
    );
    if (index >= 0) return index;
  }
  return null;
}

function findHeadline(blocks: Block[], zoneEnd: number, knownTitle: string | null): number | null {
  if (knownTitle !== null) {
    const key = letterKey(knownTitle);
    const index = blocks.findIndex((block, i) => i < zoneEnd && hasLetterKey(block.text, key));
    if (index >= 0) return index;
  }
  const echo = findPageTitleEcho(blocks, zoneEnd);
  if (echo !== null) return echo;
  const mainStart = findMainProse(blocks, zoneEnd);
  if (mainStart === null) {
    const candidate = blocks.findIndex((block, i) => i < zoneEnd && isHeadlineCandidate(block));
    return candidate >= 0 ? candidate : null;
  }
  // The addresses of all blocks, in order (an address never spans two blocks); only blocks with 'http' hold one.
  const addresses = blocks.flatMap((block) => (HTTP.test(block.raw) ? block.raw.match(URL_ANYWHERE) ?? [] : []));
  const urls = urlLetterKeys(addresses);
  const slugs = urlSlugWords(addresses);
  // Only the blocks nearest the prose compete: far ones lose on distance, and scoring thousands is slow.
  const candidates: number[] = [];
  for (let index = Math.max(0, mainStart - CLASSIFY_LIMITS.headlineSearchMaxBlocks); index < mainStart; index++) {
    if (!isHeadlineCandidate(blocks[index]!)) continue;
    // The names after a lone "By" are the byline.
    if (index > 0 && BYLINE_ALONE.test(blocks[index - 1]!.raw)) continue;
    candidates.push(index);
  }
  const keys = candidates.map((index) => letterKey(blocks[index]!.text));
  const keyIndex = candidates.length === 0 ? null : blockKeys(blocks, Math.max(...keys.map((key) => key.length)), candidates.length > CLASSIFY_LIMITS.headlineKeyScanMaxCandidates);
  let best: { index: number; score: number } | null = null;
  const isDateLine = dateLineTest(blocks);
  for (let at = 0; at < candidates.length; at++) {
    const score = headlineScore(blocks, candidates[at]!, keys[at]!, mainStart, urls, slugs, keyIndex!, isDateLine);
    if (best === null || score > best.score) best = { index: candidates[at]!, score };
  }
  if (best !== null) return best.index;
  return knownTitle === null && mainStart > 0 && isHeadlineCandidate(blocks[0]!) ? 0 : null;
}

function headlineRule(blocks: Block[], headline: number, knownTitle: string | null): string {
  const block = blocks[headline]!;
  if (knownTitle !== null && letterKey(block.text) === letterKey(knownTitle)) return 'headline/known-title';
  if (headline > 0 && pageTitleHeadlines(blocks).some((title) => letterKey(title) === letterKey(block.text))) return 'headline/page-title-echo';
  if (/^#\s/.test(block.raw)) return 'headline/markdown-h1';
  return 'headline/first-title-line';
}

function tagAboveHeadline(blocks: Block[], tags: (Tag | null)[], headline: number): void {
  for (let index = 0; index < headline; index++) {
    const block = blocks[index]!;
    if (tags[index] !== null) continue;
    if (isBreadcrumb(block)) tags[index] = { class: 'chrome', rule: 'chrome/breadcrumb' };
    else if (BULLET.test(block.raw)) tags[index] = { class: 'chrome', rule: 'chrome/bullet-menu' };
    else tags[index] = { class: 'chrome', rule: 'chrome/above-headline' };
  }
}

// ---------------------------------------------------------------------------
// 4. Line rules

function isProse(block: Block): boolean {
  return (block.words >= CLASSIFY_LIMITS.proseMinWords && endsSentence(block.text)) || block.words >= CLASSIFY_LIMITS.proseLongWords;
}

function isPhotoCredit(text: string): boolean {
  return mayEndWithCredit(text) && CAPTION_KEYWORD.test(text) && CAPTION_PHOTO_CREDIT.test(text);
}

/**
 * What CAPTION_PHOTO_CREDIT needs, tested from the end: its colon is the text's last one, and what follows
 * holds no '|' and, trimmed, at most 81 characters (80 and a ')'). Prose seldom ends so, and the
 * expressions would read the whole paragraph.
 */
export function mayEndWithCredit(text: string): boolean {
  const colon = text.lastIndexOf(':');
  if (colon < 0) return false;
  const after = text.slice(colon + 1);
  return !after.includes('|') && after.trim().length <= 81;
}

/** `words`: the text's `wordCount` when it is known (a block's), so a long paragraph is not read for it. */
function isCreditText(text: string, words?: number): boolean {
  const long = words === undefined ? hasMoreWords(text, CLASSIFY_LIMITS.creditMaxWords) : words > CLASSIFY_LIMITS.creditMaxWords;
  return !long && (CREDIT_AGENCY_SLASH.test(text) || CREDIT_AGENCY_WORDS.test(text)) && !endsSentence(text.replace(/\.$/, ''));
}

function tagByLineRules(blocks: Block[], index: number, tags: (Tag | null)[]): Tag | null {
  const block = blocks[index]!;
  const { raw, text, words } = block;
  const previous = index > 0 ? tags[index - 1] : null;
  if (COMMENTS_HEADING.test(text)) return { class: 'chrome', rule: 'chrome/comments-heading' };
  if (BYLINE_ALONE.test(raw)) return { class: 'byline', rule: 'byline/by-alone' };
  if (previous?.rule === 'byline/by-alone' && words <= CLASSIFY_LIMITS.bylineMaxWords) return { class: 'byline', rule: 'byline/after-by' };
  if (BYLINE_PREFIX.test(raw) && words <= CLASSIFY_LIMITS.bylineMaxWords && !endsSentence(text.replace(/\.$/, ''))) {
    return { class: 'byline', rule: 'byline/by' };
  }
  if (words <= CLASSIFY_LIMITS.dateLineMaxWords && isDateOnly(text, 2) !== null) return { class: 'date', rule: 'date/line' };
  if (COMMENT_FORM.test(text)) return { class: 'chrome', rule: 'chrome/comment-form' };
  if (ADVERT_LABEL.test(text)) return { class: 'chrome', rule: 'chrome/advert' };
  if (TEASER_LABEL.test(raw) || TEASER_LABEL.test(text)) return { class: 'chrome', rule: 'chrome/teaser-label' };
  if (words <= CLASSIFY_LIMITS.chromeMaxWords && (SOCIAL_NETWORK_ONLY.test(text) || SHARE_CHROME.test(text))) {
    return { class: 'chrome', rule: 'chrome/share' };
  }
  if (OTHER_ARTICLES_HEADING.test(raw) || OTHER_ARTICLES_HEADING.test(text)) return { class: 'chrome', rule: 'chrome/other-articles' };
  const related = RELATED_LINK_LABEL.exec(raw);
  if (related !== null && related[1] !== undefined && wordCount(plainText(related[1])) >= 3) {
    return { class: 'related', rule: 'related/labelled' };
  }
  const bold = BOLD_ONLY_LINE.exec(raw);
  if (bold !== null && isCreditText(plainText(bold[1] ?? bold[2] ?? ''))) return { class: 'credit', rule: 'credit/photo' };
  if (isCreditText(text, words) && !/[.!?]$/.test(text)) return { class: 'credit', rule: 'credit/photo' };
  const credit = mayEndWithCredit(text);
  if ((credit || words <= 60) && CAPTION_KEYWORD.test(text) && ((credit && CAPTION_PHOTO_CREDIT.test(text)) || (words <= 60 && CAPTION_PHOTO_BY.test(text)))) {
    return { class: 'caption', rule: 'caption/photo-credit' };
  }
  if (PRODUCTION_CREDIT.test(text) && words <= 20) return { class: 'credit', rule: 'credit/production' };
  if (isBreadcrumb(block)) return { class: 'chrome', rule: 'chrome/breadcrumb' };
  if (GALLERY_CONTROL.test(text)) return { class: 'chrome', rule: 'chrome/gallery' };
  if (GALLERY_COUNTER_CAPTION.test(text)) return { class: 'caption', rule: 'caption/gallery' };
  // A bracketed address needs a '[': most blocks have none.
  const bare = (raw.includes('[') ? raw.replace(BRACKETED_URL, ' ') : raw).trim();
  if (FILE_NAME_ONLY.test(bare)) return { class: 'chrome', rule: 'chrome/file-name' };
  if (CONTACT_ONLY.test(bare)) return { class: 'chrome', rule: 'chrome/contact' };
  if (LINK_ONLY_LINE.test(raw) && words < 4) return { class: 'chrome', rule: 'chrome/link' };
  if (URL_ONLY_LINE.test(raw)) return { class: 'chrome', rule: 'chrome/bare-url' };
  return null;
}

/** The headline printed again below itself (a gallery's title, a share box) is not article text. */
function tagHeadlineRepeats(blocks: Block[], tags: (Tag | null)[], headline: number, to: number): void {
  const key = letterKey(blocks[headline]!.text);
  if (key.length < 12) return;
  for (let index = headline + 1; index < to; index++) {
    if (tags[index] === null && hasLetterKey(blocks[index]!.text, key)) tags[index] = { class: 'chrome', rule: 'chrome/headline-repeat' };
  }
}

/** A caption printed twice (image alt text, then the caption with its credit) is kept once. */
function tagCaptionDuplicates(blocks: Block[], tags: (Tag | null)[], from: number, to: number): void {
  for (let index = from; index < to; index++) {
    if (tags[index]?.class !== 'caption') continue;
    const caption = letterKey(blocks[index]!.text);
    for (let other = Math.max(from, index - 2); other <= Math.min(to - 1, index + 2); other++) {
      if (other === index || tags[other] !== null) continue;
      // The other block's key, if it is no longer than the caption's (else it cannot start it).
      const key = letterKeyPrefix(blocks[other]!.text, caption.length + 1);
      if (key.length >= 12 && caption.startsWith(key)) tags[other] = { class: 'caption', rule: 'caption/duplicate' };
    }
  }
}

// ---------------------------------------------------------------------------
// 5. Reader comments

/** Tags the comments zone; returns the index where the article's own content ends. */
function tagComments(blocks: Block[], tags: (Tag | null)[], from: number, to: number): number {
  const heading = tags.findIndex((tag, index) => index >= from && index < to && tag?.rule === 'chrome/comments-heading');
  if (heading < 0) return to;
  let inForm = false;
  for (let index = heading + 1; index < to; index++) {
    if (tags[index]?.rule === 'chrome/comment-form' || inForm) {
      inForm = true;
      tags[index] = { class: 'chrome', rule: 'chrome/comment-form' };
      continue;
    }
    tags[index] = { class: 'comment', rule: 'comment/reader' };
  }
  return heading;
}

// ---------------------------------------------------------------------------
// 6. Header zone: dek, captions, and where the body starts

/** A dek summarises; a lede reports (news time, attribution) or opens with a lead-in. */
function isDekLike(block: Block): boolean {
  return (
    block.words <= CLASSIFY_LIMITS.dekMaxWords &&
    !LEDE_MARKERS.test(block.text) &&
    splitLeadIn(block.raw) === null &&
    !BULLET.test(block.raw) &&
    !/^["“‘']/.test(block.text)
  );
}

function startsBody(block: Block): boolean {
  return splitLeadIn(block.text) !== null || isProse(block);
}

/** Whether block `index` is before `to` and not tagged yet. */
function isOpen(tags: (Tag | null)[], to: number, index: number): boolean {
  return index < to && tags[index] === null;
}

/** Whether the block after `a` is open and printed on the line right after it. */
function isAdjacentOpen(blocks: Block[], tags: (Tag | null)[], to: number, a: number): boolean {
  return isOpen(tags, to, a + 1) && blocks[a + 1]!.start === blocks[a]!.end + 1;
}

/** The next open block from `start` (before `to`) that starts the body; caption groups met on the way are tagged. */
function nextBodyStart(blocks: Block[], tags: (Tag | null)[], start: number, to: number): number | null {
  for (let index = start; index < to; index++) {
    if (!isOpen(tags, to, index)) continue;
    const block = blocks[index]!;
    // Lines printed together without a blank line around an image: alt text, then the caption.
    const next = index + 1;
    let last = index;
    while (isAdjacentOpen(blocks, tags, to, last) && last - index < CLASSIFY_LIMITS.captionGroupMaxBlocks) last++;
    const isCaptionGroup =
      last > index &&
      !isAdjacentOpen(blocks, tags, to, last) &&
      block.words <= CLASSIFY_LIMITS.captionAltMaxWords &&
      !endsSentence(block.text) &&
      !BULLET.test(block.raw) &&
      splitLeadIn(blocks[next]!.text) === null;
    if (isCaptionGroup) {
      for (let group = index; group < last; group++) tags[group] = { class: 'caption', rule: 'caption/image-alt' };
      tags[last] = { class: 'caption', rule: 'caption/image' };
      index = last;
      continue;
    }
    if (startsBody(block)) return index;
  }
  return null;
}

/**
 * Tags what lies between the headline and the body; returns the block where the body starts. Its helpers are
 * functions of their own, not closures: the build's TypeScript loader (esbuild, keeping names) names every
 * function it makes, each time it makes it, and the naming was 2% of the ingest's CPU.
 */
function tagHeaderZone(blocks: Block[], tags: (Tag | null)[], from: number, to: number, mayHaveDek: boolean): number | null {
  // Without a paragraph of prose, the first block of a few words after the headline starts the body.
  const first = nextBodyStart(blocks, tags, from, to) ?? blocks.findIndex((block, index) => index >= from && isOpen(tags, to, index) && block.words >= 3);
  if (first === null || first < 0) return null;
  let bodyStart = first;
  const firstBlock = blocks[first]!;
  if (mayHaveDek && isDekLike(firstBlock)) {
    const following = nextBodyStart(blocks, tags, first + 1, to);
    if (following !== null) {
      tags[first] = { class: 'subtitle', rule: 'subtitle/dek' };
      bodyStart = following;
    }
  }
  for (let index = from; index < bodyStart; index++) {
    if (tags[index] !== null) continue;
    const block = blocks[index]!;
    tags[index] =
      block.words >= 4 && !BULLET.test(block.raw)
        ? { class: 'caption', rule: 'caption/header-zone' }
        : { class: 'chrome', rule: 'chrome/header-zone' };
  }
  return bodyStart;
}

// ---------------------------------------------------------------------------
// 7–8. Body

/** Whether `other` is printed on the line just before or after `block`, with no blank line between. */
function touchesLines(block: Block, other: Block | undefined): boolean {
  return other !== undefined && (other.end === block.start - 1 || other.start === block.end + 1);
}

/**
 * Another article's headline standing alone between paragraphs: a related link whose target was lost.
 * Lines printed together without blank lines between them are the rows of a list or table of the article.
 */
function isRelatedHeadline(blocks: Block[], index: number): boolean {
  const block = blocks[index]!;
  return (
    block.start === block.end &&
    !touchesLines(block, blocks[index - 1]) &&
    !touchesLines(block, blocks[index + 1]) &&
    !MARKDOWN_HEADING.test(block.raw) &&
    block.words >= CLASSIFY_LIMITS.relatedHeadlineMinWords &&
    block.words <= CLASSIFY_LIMITS.relatedHeadlineMaxWords &&
    !endsSentence(block.text) &&
    !/[,:;]$/.test(block.text) &&
    titleCaseRatio(block.text) >= CLASSIFY_LIMITS.relatedHeadlineTitleCase
  );
}

/** An item of a list of links: a bullet or numbered title, a bare link target, a few words. */
function isListItemLike(block: Block): boolean {
  const bare = block.raw.replace(/\[(?:https?:\/\/|\/)[^\]\s]*\]/g, '').trim();
  return (
    (BULLET.test(block.raw) && !isArticleProse(block)) ||
    bare === '' ||
    URL_ONLY_LINE.test(block.raw) ||
    linkShare(block.raw) >= 0.5 ||
    block.words <= 3 ||
    // A title of another article: short, no sentence end.
    // (a cut title ends with an ellipsis, not a full stop).
    (block.words <= CLASSIFY_LIMITS.relatedHeadlineMaxWords && !endsSentence(block.text.replace(/\s*(?:\.\.\.|…)$/, '')))
  );
}

/** Rules that end the article's text: what follows is about other articles or the site. */
function endsBody(tag: Tag | null): boolean {
  return tag?.rule === 'chrome/other-articles' || tag?.rule === 'chrome/comment-form' || tag?.rule === 'chrome/comments-heading';
}

/** Letters of a paragraph's key that tell most paragraphs apart (see tagBody). */
const DUPLICATE_KEY_START = 64;

function tagBody(blocks: Block[], tags: (Tag | null)[], bodyStart: number, to: number): void {
  let end = to;
  for (let index = bodyStart + 1; index < to; index++) {
    const tag = tags[index] ?? null;
    if (!endsBody(tag)) continue;
    // A box of other articles or an advert inside the article: the text goes on right after it.
    const soft = tag?.rule === 'chrome/other-articles';
    // The box's own list (bullets, numbered titles, their links) is skipped before looking for prose.
    let after = index + 1;
    while (after < to && after - index <= CLASSIFY_LIMITS.otherArticlesMaxItems && isListItemLike(blocks[after]!)) after++;
    // The article goes on after the box: two paragraphs of prose close together (a teaser has one).
    const prose = blocks
      .slice(after, after + CLASSIFY_LIMITS.proseRunMaxGap + 1)
      .filter((block, offset) => tags[after + offset] === null && isArticleProse(block));
    const resumes = prose.length >= 2 || (prose.length === 1 && prose[0]!.words >= CLASSIFY_LIMITS.proseLongWords * 2);
    if (soft && resumes) {
      for (let item = index + 1; item < after; item++) tags[item] ??= { class: 'chrome', rule: 'chrome/other-articles-item' };
      continue;
    }
    end = index;
    break;
  }
  // A paragraph printed again: a caption shown twice, or the whole article printed a second time (a page's
  // hidden copy); a copy that comes after a good stretch of text ends the article.
  const seen = new Map<string, { text: string; wordsBefore: number }[]>();
  let wordsSoFar = 0;
  for (let index = bodyStart; index < end; index++) {
    const block = blocks[index]!;
    if (tags[index] !== null) continue;
    wordsSoFar += block.words;
    if (block.words < CLASSIFY_LIMITS.proseMinWords) continue;
    // Paragraphs are told apart by the start of their letter keys; only those that share it are compared whole.
    const start = letterKeyPrefix(block.text, DUPLICATE_KEY_START);
    const same = seen.get(start);
    const first = same?.find((other) => start.length < DUPLICATE_KEY_START || letterKey(other.text) === letterKey(block.text));
    if (first === undefined) {
      if (same === undefined) seen.set(start, [{ text: block.text, wordsBefore: wordsSoFar - block.words }]);
      else same.push({ text: block.text, wordsBefore: wordsSoFar - block.words });
      continue;
    }
    const wordsBefore = first.wordsBefore;
    if (wordsSoFar - block.words - wordsBefore >= CLASSIFY_LIMITS.repeatedArticleMinWords) {
      end = index;
      break;
    }
    tags[index] = { class: 'caption', rule: 'caption/repeated' };
  }
  // The last paragraph of the article: trailing short lines after it are site chrome
  // (a teaser cut short with an ellipsis does not end an article).
  let last = bodyStart;
  for (let index = bodyStart; index < end; index++) {
    if (tags[index] !== null) continue;
    const block = blocks[index]!;
    const cutShort = /(?:\.\.\.|…)$/.test(block.text) && block.words < CLASSIFY_LIMITS.proseLongWords;
    if ((endsSentence(block.text) && !cutShort) || block.words >= CLASSIFY_LIMITS.proseMinWords) last = index;
  }
  for (let index = bodyStart; index < blocks.length; index++) {
    // The teaser under its label: one link or title of another article.
    if (tags[index - 1]?.rule === 'chrome/teaser-label' && tags[index] === null && isListItemLike(blocks[index]!)) {
      tags[index] = { class: 'related', rule: 'related/teaser' };
    }
    if (tags[index] !== null) continue;
    if (index > last) {
      tags[index] = { class: 'chrome', rule: 'chrome/after-body' };
      continue;
    }
    const block = blocks[index]!;
    if (index > bodyStart && isRelatedHeadline(blocks, index)) tags[index] = { class: 'related', rule: 'related/headline-like' };
    else if (LINK_ONLY_LINE.test(block.raw)) tags[index] = { class: 'related', rule: 'related/link-line' };
    // Links run together with no sentence (tags, a menu, a list of other articles); prose made of links ends one.
    else if (linkTextShare(block) >= CLASSIFY_LIMITS.linkListMinShare && !endsSentence(block.text)) tags[index] = { class: 'related', rule: 'related/link-list' };
    else tags[index] = { class: 'body', rule: MARKDOWN_HEADING.test(block.raw) ? 'body/subheading' : 'body/paragraph' };
  }
}

// ---------------------------------------------------------------------------

function toClassifiedLines(rawLines: string[], frontMatterLines: number, blocks: Block[], tags: (Tag | null)[]): ClassifiedLine[] {
  const result: ClassifiedLine[] = rawLines.map((text, index) => ({
    line: index + 1,
    text,
    class: index < frontMatterLines ? 'front-matter' : 'blank',
    rule: index < frontMatterLines ? 'front-matter/block' : 'blank',
  }));
  blocks.forEach((block, blockIndex) => {
    const tag = tags[blockIndex] ?? { class: 'chrome', rule: 'chrome/unplaced' };
    for (let index = block.start; index <= block.end; index++) {
      const line = result[index]!;
      line.class = tag.class;
      line.rule = tag.rule;
    }
  });
  return result;
}
