// Classified lines -> metadata fields read from the text, each with the rule and line that gave it.
// Catalogue and front matter are applied later (article.ts); this step only reads the text.
import type { Caption, DatePrecision, FieldOrigin, FieldProvenance } from '../types.ts';
import { cleanParagraph } from './body.ts';
import { beforePadding, type Block, type Classification } from './classify.ts';
import { findDate, findDateInUrl, findFullDate, findPublishedInLine, isDateOnly, type FoundDate } from './dates.ts';
import { splitLeadIn, type LeadIn } from './leadIn.ts';
import {
  AUTHOR_ROLE_WORDS,
  AUTHOR_SEPARATOR,
  BREADCRUMB_SEPARATOR,
  BYLINE_PREFIX,
  CAPTION_PHOTO_BY,
  CAPTION_PHOTO_CREDIT,
  DATE_LABEL_PUBLISHED,
  DATE_LABEL_UPDATED,
  LINK_ONLY_LINE,
  MARKDOWN_LINK,
  ORIGINAL_URL_LABEL,
  OUTLET_NAME_WORDS,
  RELATED_LINK_LABEL,
  NAME_PARTICLE,
  NAME_SUFFIX_LETTERS,
  NAME_WORD,
  NON_SITE_HOST,
  COPYRIGHT_LINE,
  EMAIL_HOST,
  BARE_DOMAIN,
  INNER_URL_HOST,
  SITE_FEED_TITLE_END,
  TITLE_SUFFIX_NOT_SITE,
  SITE_SELF_NAMING,
  TITLE_SITE_SUFFIX,
  WEBMAIL_HOST,
  URL_ANYWHERE,
  URL_ONLY_LINE,
  HTTP,
} from './patterns.ts';
import { findHostNameInText, hostOf, nameFromLabel, segmentHostLabel, siteLabel } from './publisher.ts';
import { hasLetterKeyPrefix, letterKey, plainText, wordCount } from './text.ts';

export interface Found<T> {
  value: T;
  provenance: FieldProvenance;
}

export interface PublishedDate {
  iso: string;
  precision: DatePrecision;
}

export interface TextMetadata {
  title: Found<string> | null;
  subtitle: Found<string> | null;
  published: Found<PublishedDate> | null;
  publisher: Found<string> | null;
  authors: Found<string[]> | null;
  url: Found<string> | null;
  dateline: Found<string> | null;
  section: Found<string> | null;
  captions: Caption[];
  related: string[];
  comments: string[];
  /** The lead-in of the first body paragraph, removed from the body. */
  leadIn: (LeadIn & { line: number }) | null;
}

function found<T>(value: T, rule: string, line: number | null, origin: FieldOrigin = 'text'): Found<T> {
  return { value, provenance: { origin, rule, line } };
}

/** Blocks with their class and rule (the class of a block is the class of its lines). */
interface TaggedBlock extends Block {
  class: string;
  rule: string;
  line: number;
}

function taggedBlocks(classification: Classification): TaggedBlock[] {
  return classification.blocks.map((block) => {
    const line = classification.lines[block.start]!;
    // Written out, not spread: a spread copies slowly, and this runs for every block.
    return { start: block.start, end: block.end, raw: block.raw, text: block.text, words: block.words, class: line.class, rule: line.rule, line: line.line };
  });
}

export function extractMetadata(classification: Classification, publishersByHost: Record<string, string>): TextMetadata {
  const blocks = taggedBlocks(classification);
  const bodyStart = classification.bodyStart === null ? null : blocks[classification.bodyStart] ?? null;
  const leadInFound = bodyStart === null ? null : splitLeadIn(cleanParagraph(bodyStart.raw));
  const leadIn = leadInFound === null || bodyStart === null ? null : { ...leadInFound, line: bodyStart.line };
  const bylines = readBylines(blocks, classification.bodyStart);
  const title = findTitle(blocks);
  const url = findUrl(blocks, title);
  return {
    title,
    subtitle: firstOf(blocks, 'subtitle', (block) => block.text),
    published: findPublished(blocks, bylines, leadIn, url),
    publisher: findPublisher(blocks, bylines, leadIn, url, title, publishersByHost),
    authors: bylines.authors,
    url,
    dateline: leadIn !== null && leadIn.kind === 'place' ? found(leadIn.name, leadIn.rule, leadIn.line) : null,
    section: findSection(blocks),
    captions: readCaptions(blocks),
    related: readRelated(blocks),
    comments: readComments(blocks),
    leadIn,
  };
}

function firstOf(blocks: TaggedBlock[], cls: string, value: (block: TaggedBlock) => string): Found<string> | null {
  const block = blocks.find((candidate) => candidate.class === cls);
  return block === undefined ? null : found(value(block), block.rule, block.line);
}

/** "Headline | Site": a page title that still carries the site's name after a bar. */
const TITLE_BAR_SUFFIX = /^(.{8,}?)\s+\|\s+[^|]{2,40}$/;

function findTitle(blocks: TaggedBlock[]): Found<string> | null {
  const headline = firstOf(blocks, 'headline', (block) => block.text);
  const bare = headline === null ? null : TITLE_BAR_SUFFIX.exec(headline.value)?.[1];
  if (headline === null || bare === undefined || bare === null) return headline;
  return found(bare, 'headline/without-site-suffix', headline.provenance.line);
}

// ---------------------------------------------------------------------------
// Bylines

interface Bylines {
  authors: Found<string[]> | null;
  outlet: Found<string> | null;
  date: Found<FoundDate> | null;
}

/**
 * A name as a byline part gives it: the name's words up to what follows them (a handle, a date, letters
 * after the name), a name printed twice once, words run together ("AnaRuiz") apart; null when no name is left.
 */
export function cleanAuthorName(part: string): string | null {
  const words: string[] = [];
  for (const word of part.replace(/@.*$/, '').trim().split(/\s+/)) {
    if (NAME_PARTICLE.test(word) && words.length > 0) {
      words.push(word);
      continue;
    }
    if (!NAME_WORD.test(word) || /\d/.test(word)) break;
    words.push(word);
  }
  while (words.length > 0 && (NAME_PARTICLE.test(words[words.length - 1]!) || NAME_SUFFIX_LETTERS.test(words[words.length - 1]!))) words.pop();
  // "AnaRuiz": a converter dropped the space between the words of a name.
  if (words.length === 1) words.splice(0, 1, ...words[0]!.split(/(?<=\p{Ll})(?=\p{Lu})/u));
  const half = words.length / 2;
  if (words.length >= 4 && words.length % 2 === 0 && words.slice(0, half).join(' ') === words.slice(half).join(' ')) words.splice(half);
  // One word is a name only when it is not letters like "CNN" or "MD" ("By Reuters" names the agency that wrote it).
  if (words.length === 0 || words.every((word) => NAME_SUFFIX_LETTERS.test(word)) || (words.length === 1 && words[0]!.length < 3)) return null;
  return words.join(' ');
}

/** Splits byline lines into author names, an outlet and a date ("Sharecast News | 12 Feb, 2019"). */
function readBylines(blocks: TaggedBlock[], bodyStart: number | null): Bylines {
  const result: Bylines = { authors: null, outlet: null, date: null };
  const names: string[] = [];
  // Names in bylines above the body (the article's own), else anywhere (a byline at the foot of the text).
  const headerNames: string[] = [];
  let authorsLine: number | null = null;
  let authorsRule = '';
  for (const [index, block] of blocks.entries()) {
    if (block.class !== 'byline' || block.rule === 'byline/by-alone') continue;
    const text = plainText(block.raw.replace(MARKDOWN_LINK, '$1')).replace(BYLINE_PREFIX, '');
    for (const segment of text.split(/\s*[|•·]\s*|\s+[–—-]\s+/)) {
      const date = findDate(segment);
      if (date !== null && isDateOnly(segment, 3) !== null) {
        result.date ??= found(date, 'date/byline', block.line);
        continue;
      }
      for (const part of segment.split(AUTHOR_SEPARATOR)) {
        const name = part.replace(/^by\s+/i, '').replace(/[.,;:]+$/, '').trim();
        if (name === '' || wordCount(name) > 5) continue;
        if (/^\p{Lu}/u.test(name) && OUTLET_NAME_WORDS.test(name)) {
          result.outlet ??= found(name, 'publisher/byline', block.line);
          continue;
        }
        // A link's reference number a text converter glued to the name ("[35]Jane Roe" -> "35Jane Roe").
        const person = cleanAuthorName(name.replace(/^\d+(?=\p{Lu})/u, ''));
        if (AUTHOR_ROLE_WORDS.test(name) || person === null || OUTLET_NAME_WORDS.test(person)) continue;
        if (!names.includes(person)) names.push(person);
        if (bodyStart === null || index < bodyStart) headerNames.push(person);
        authorsLine ??= block.line;
        authorsRule ||= block.rule === 'byline/after-by' ? 'authors/byline-after-by' : 'authors/byline';
      }
    }
    // A byline that names only an outlet still says who wrote it: nobody named.
    authorsLine ??= block.line;
    authorsRule ||= 'authors/byline';
  }
  const chosen = headerNames.length > 0 ? [...new Set(headerNames)] : names;
  if (authorsLine !== null) result.authors = found(chosen, authorsRule, authorsLine);
  return result;
}

// ---------------------------------------------------------------------------
// Dates

function findPublished(
  blocks: TaggedBlock[],
  bylines: Bylines,
  leadIn: TextMetadata['leadIn'],
  url: Found<string> | null,
): Found<PublishedDate> | null {
  // Date lines of the article's header (from a few blocks above the headline to the body) come first:
  // later ones belong to related articles, galleries and comments.
  const headline = blocks.findIndex((block) => block.class === 'headline');
  const bodyStart = blocks.findIndex((block, index) => index > headline && block.class === 'body');
  const headerDates: TaggedBlock[] = [];
  const laterDates: TaggedBlock[] = [];
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    if (block.class === 'date') (isInHeader(index, headline, bodyStart) ? headerDates : laterDates).push(block);
  }
  const ranked = [...headerDates, ...laterDates];
  const labelled = headerDates.find((block) => DATE_LABEL_PUBLISHED.test(block.text));
  const plain = ranked.find((block) => !DATE_LABEL_UPDATED.test(block.text) || findPublishedInLine(block.text) !== findFullDate(block.text));
  const headerPick = labelled ?? (plain !== undefined && headerDates.includes(plain) ? plain : undefined);
  if (headerPick !== undefined) {
    const date = findPublishedInLine(headerPick.text);
    if (date !== null) return found({ iso: date.iso, precision: date.precision }, labelled === headerPick ? 'date/labelled-line' : 'date/line', headerPick.line);
  }
  if (bylines.date !== null) {
    const { iso, precision } = bylines.date.value;
    return found({ iso, precision }, bylines.date.provenance.rule, bylines.date.provenance.line);
  }
  if (leadIn?.date !== null && leadIn?.date !== undefined) {
    return found({ iso: leadIn.date.iso, precision: leadIn.date.precision }, 'date/lead-in', leadIn.line);
  }
  const near = findDateNearHeadline(blocks);
  if (near !== null) return near;
  const pick = ranked.find((block) => DATE_LABEL_PUBLISHED.test(block.text)) ?? plain;
  const date = pick === undefined ? null : findPublishedInLine(pick.text);
  if (pick !== undefined && date !== null) return found({ iso: date.iso, precision: date.precision }, 'date/line', pick.line);
  if (url !== null) {
    const date = findDateInUrl(url.value);
    if (date !== null) return found({ iso: date.iso, precision: date.precision }, 'date/url-path', url.provenance.line);
  }
  return null;
}

/**
 * Whether block `index` is in the article's header: from a few blocks above the headline to the body. A
 * function of its own, not a closure: the TypeScript loader names each function it makes, each time.
 */
function isInHeader(index: number, headline: number, bodyStart: number): boolean {
  return headline < 0 || (index >= headline - DATE_NEAR_HEADLINE_BEFORE && (bodyStart < 0 || index < bodyStart));
}

/** Blocks around the headline where a page prints its date (bylines, info bars, "Posted …" lines). */
const DATE_NEAR_HEADLINE_BEFORE = 6;
const DATE_NEAR_HEADLINE_MAX_WORDS = 25;

/** A full date printed in a short line near the headline, before the body: "Zac Hall - Nov. 18th 2019 12:12 pm PT". */
function findDateNearHeadline(blocks: TaggedBlock[]): Found<PublishedDate> | null {
  const headline = blocks.findIndex((block) => block.class === 'headline');
  if (headline < 0) return null;
  const bodyStart = blocks.findIndex((block, index) => index > headline && block.class === 'body');
  const end = bodyStart < 0 ? blocks.length : bodyStart;
  const candidates = blocks
    .slice(Math.max(0, headline - DATE_NEAR_HEADLINE_BEFORE), end)
    .filter((block) => block.words <= DATE_NEAR_HEADLINE_MAX_WORDS && block.class !== 'caption' && block.class !== 'related');
  const pick = candidates.find((block) => findFullDate(block.text) !== null && !DATE_LABEL_UPDATED.test(block.text)) ??
    candidates.find((block) => findFullDate(block.text) !== null);
  const date = pick === undefined ? null : findPublishedInLine(pick.text);
  return pick === undefined || date === null ? null : found({ iso: date.iso, precision: date.precision }, 'date/near-headline', pick.line);
}

// ---------------------------------------------------------------------------
// URL, publisher, section

function findUrl(blocks: TaggedBlock[], title: Found<string> | null): Found<string> | null {
  for (const block of blocks) {
    if (block.rule !== 'footer/original-url') continue;
    const url = ORIGINAL_URL_LABEL.exec(block.raw)?.[1] || URL_ONLY_LINE.exec(block.raw)?.[1];
    if (url !== undefined && url !== '' && hostOf(url) !== null) return found(url, 'url/original-url', block.line);
  }
  // The page's own address: a URL of its site whose path spells the headline.
  const key = title === null ? '' : letterKey(title.value);
  if (key.length < 12) return null;
  for (const block of blocks) {
    for (const match of block.raw.matchAll(URL_ANYWHERE)) {
      const url = match[0].replace(/[.,;]+$/, '');
      const host = hostOf(url);
      if (host === null || NON_SITE_HOST.test(host) || /[?&=]/.test(url)) continue;
      if (letterKey(new URL(url).pathname).includes(key.slice(0, 24))) return found(url, 'url/matches-headline', block.line);
    }
  }
  return null;
}

/** A dot before the first letter of a top-level domain BARE_DOMAIN knows (com, co.uk, info, net, org, news, in, ca, ie). */
const DOMAIN_ENDING_DOT = /\.[cinoCINO]/;

/** Evidence that makes a host the page's own site (a link counts 1, an e-mail address 3). */
const MIN_SITE_HOST_EVIDENCE = 3;

/**
 * The site label the page points to most: links (also the page URL quoted inside share links),
 * its authors' e-mail addresses and domains written in the text. The site itself.
 */
function findFrequentSiteLabel(blocks: TaggedBlock[]): Found<string> | null {
  const counts = new Map<string, { count: number; line: number }>();
  const add = (host: string | null, weight: number, line: number): void => {
    if (host === null || NON_SITE_HOST.test(host) || WEBMAIL_HOST.test(host)) return;
    const label = siteLabel(host);
    if (label === null) return;
    const entry = counts.get(label) ?? { count: 0, line };
    entry.count += weight;
    counts.set(label, entry);
  };
  for (const block of blocks) {
    if (block.class === 'footer') continue;
    // Both address expressions start with 'http': most blocks have none, and the inner one is slow on prose.
    const hasAddress = HTTP.test(block.raw);
    if (hasAddress) {
      for (const match of block.raw.matchAll(URL_ANYWHERE)) add(hostOf(match[0]), 1, block.line);
      for (const match of block.raw.matchAll(INNER_URL_HOST)) add(hostOf(`https://${match[1]}`), 1, block.line);
    }
    let withoutUrls = hasAddress ? block.raw.replace(URL_ANYWHERE, ' ') : block.raw;
    // An e-mail address needs an '@': most blocks have none, and the address expression is slow on prose.
    if (withoutUrls.includes('@')) {
      for (const match of withoutUrls.matchAll(EMAIL_HOST)) add(hostOf(`https://${match[1]}`), 3, block.line);
      withoutUrls = withoutUrls.replace(EMAIL_HOST, ' ');
    }
    // Every domain BARE_DOMAIN knows ends in a '.' and c, i, n or o: prose has few such dots.
    if (DOMAIN_ENDING_DOT.test(withoutUrls)) for (const match of withoutUrls.matchAll(BARE_DOMAIN)) add(hostOf(`https://${match[1]}`), 1, block.line);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1));
  const top = ranked[0];
  if (top === undefined || top[1].count < MIN_SITE_HOST_EVIDENCE) return null;
  return found(top[0], 'publisher/frequent-host', top[1].line);
}

/**
 * The site's name in the titles of its feeds: "Ledger » Feed Ledger » Comments Feed" -> "Ledger"
 * (the words the feed titles end with in common; the last three words when there is only one).
 */
function feedSiteName(text: string): string | undefined {
  const parts = text.split(SITE_FEED_TITLE_END);
  if (parts.length < 2) return undefined;
  const titles = parts.slice(0, -1).map((part) => part.replace(/^[#\s]+/, '').split(/\s+/).filter((word) => word !== ''));
  let common = titles[0] ?? [];
  for (const title of titles.slice(1)) {
    let size = 0;
    while (size < Math.min(common.length, title.length) && common[common.length - 1 - size] === title[title.length - 1 - size]) size++;
    if (size > 0) common = common.slice(common.length - size);
  }
  const name = common.slice(-3).join(' ');
  return /^[\p{Lu}\d]/u.test(name) ? name : undefined;
}

/** The name a site gives itself in its chrome ("Follow Ledger on Twitter", "Ledger » Feed"), the most frequent. */
function findSelfNaming(blocks: TaggedBlock[], feeds: boolean): Found<string> | null {
  const counts = new Map<string, { name: string; count: number; line: number }>();
  for (const block of blocks) {
    if (block.class === 'body' || block.class === 'footer') continue;
    // Without a '[' there is no link marker to drop, and the plain text is the block's.
    const text = block.raw.includes('[') ? plainText(block.raw.replace(/\[\d+\]/g, ' ')) : block.text;
    const match = feeds ? null : SITE_SELF_NAMING.exec(text);
    const name = feeds ? feedSiteName(text) : match?.slice(1).find((group) => group !== undefined)?.replace(/^@/, '').trim();
    if (name === undefined || name.length < 2 || AUTHOR_ROLE_WORDS.test(name)) continue;
    const key = letterKey(name);
    const entry = counts.get(key) ?? { name, count: 0, line: block.line };
    entry.count++;
    counts.set(key, entry);
  }
  const top = [...counts.values()].sort((a, b) => b.count - a.count || a.line - b.line)[0];
  return top === undefined ? null : found(top.name, feeds ? 'publisher/feed-title' : 'publisher/self-naming', top.line);
}

/** "Headline | Site" printed as the page title: the site's name. */
function findTitleSuffix(blocks: TaggedBlock[], title: Found<string> | null): Found<string> | null {
  if (title === null) return null;
  const key = letterKey(title.value);
  for (const block of blocks) {
    // Converters pad the page title out to the width of the page before what follows it on the line.
    const line = beforePadding(block);
    // The part before the bar starts the line, so the line's letter key starts with the headline's: a
    // cheap test that spares the expression most paragraphs.
    if (!hasLetterKeyPrefix(line, key)) continue;
    const match = TITLE_SITE_SUFFIX.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined && letterKey(match[1]) === key && !TITLE_SUFFIX_NOT_SITE.test(match[2].trim())) {
      return found(match[2].trim(), 'publisher/title-suffix', block.line);
    }
  }
  return null;
}

function findCopyright(blocks: TaggedBlock[]): Found<string> | null {
  for (const block of [...blocks].reverse()) {
    const match = COPYRIGHT_LINE.exec(block.text);
    // The owner, without legal forms, years and the words "copyright"/"media" that name a parent company.
    const owner = match?.[1]
      ?.replace(/^copyright\s+/i, '')
      .replace(/\s+(?:\d{4}|inc|llc|ltd|corp|co|plc|gmbh|pvt|media|group|services|digital|company)\.?(?=\s|$)/gi, '')
      .trim();
    if (owner !== undefined && owner.length >= 2 && wordCount(owner) <= 6) return found(owner, 'publisher/copyright', block.line);
  }
  return null;
}

/** A site's name from its host label: as the text writes it, else split into words, else the label itself. */
function nameFromSiteLabel(label: string, blocks: TaggedBlock[], line: number | null): Found<string> | null {
  const written = findHostNameInText(label, textOutsideFooter(blocks));
  if (written !== null) return found(written, 'publisher/url-host-in-text', line);
  const segmented = segmentHostLabel(label);
  if (segmented !== null) return found(segmented, 'publisher/url-host-words', line, 'inferred');
  const named = nameFromLabel(label);
  if (named !== null) return found(named, 'publisher/url-host-label', line, 'inferred');
  return null;
}

function textOutsideFooter(blocks: TaggedBlock[]): string {
  return blocks
    .filter((block) => block.class !== 'footer')
    .map((block) => block.text)
    .join('\n');
}

/** "Staff Desk for Ledger.com": the outlet a byline credits is the one after "for". */
function outletOfByline(outlet: Found<string>): Found<string> {
  const after = /\s+for\s+(\S.*)$/i.exec(outlet.value)?.[1];
  return after === undefined ? outlet : { ...outlet, value: after };
}

function findPublisher(
  blocks: TaggedBlock[],
  bylines: Bylines,
  leadIn: TextMetadata['leadIn'],
  url: Found<string> | null,
  title: Found<string> | null,
  publishersByHost: Record<string, string>,
): Found<string> | null {
  if (leadIn !== null && leadIn.kind === 'outlet') return found(leadIn.name, 'publisher/lead-in', leadIn.line);
  if (bylines.outlet !== null) return outletOfByline(bylines.outlet);
  const host = url === null ? null : hostOf(url.value);
  if (host !== null && url !== null) {
    const curated = publishersByHost[host];
    if (curated !== undefined) return found(curated, 'publisher/catalogue-host', url.provenance.line, 'catalogue');
  }
  const label = host === null ? null : siteLabel(host);
  // The page's own host, written as a name in the text, is the strongest evidence there is.
  if (label !== null && url !== null) {
    const written = findHostNameInText(label, textOutsideFooter(blocks));
    if (written !== null) return found(written, 'publisher/url-host-in-text', url.provenance.line);
  }
  const suffix = findTitleSuffix(blocks, title);
  if (suffix !== null) return suffix;
  const feedNamed = findSelfNaming(blocks, true);
  if (feedNamed !== null) return feedNamed;
  if (label !== null && url !== null) {
    const named = nameFromSiteLabel(label, blocks, url.provenance.line);
    if (named !== null) return named;
  }
  const selfNamed = findSelfNaming(blocks, false);
  if (selfNamed !== null) return selfNamed;
  const frequent = findFrequentSiteLabel(blocks);
  if (frequent !== null) {
    const named = nameFromSiteLabel(frequent.value, blocks, frequent.provenance.line);
    if (named !== null) return { value: named.value, provenance: { ...named.provenance, rule: `publisher/frequent-host` } };
  }
  return findCopyright(blocks);
}

function findSection(blocks: TaggedBlock[]): Found<string> | null {
  const crumb = blocks.find((block) => block.rule === 'chrome/breadcrumb');
  if (crumb === undefined) return null;
  const parts = crumb.text.split(BREADCRUMB_SEPARATOR).filter((part) => part.trim() !== '');
  const last = parts[parts.length - 1]?.trim();
  return last === undefined || /^home$/i.test(last) ? null : found(last, 'section/breadcrumb', crumb.line);
}

// ---------------------------------------------------------------------------
// Captions, related articles, comments

function readCaptions(blocks: TaggedBlock[]): Caption[] {
  const captions: Caption[] = [];
  let previous: TaggedBlock | null = null;
  for (const block of blocks) {
    if (block.rule === 'caption/photo-credit') {
      const match = CAPTION_PHOTO_CREDIT.exec(block.text) ?? CAPTION_PHOTO_BY.exec(block.text);
      const text = match === null ? block.text : block.text.slice(0, match.index).replace(/[\s|]+$/, '').trim();
      const credit = match?.[1]?.trim().replace(/\.$/, '') || null;
      captions.push({ text, credit });
    } else if (block.rule === 'caption/image' || block.rule === 'caption/header-zone') {
      captions.push({ text: block.text, credit: null });
    } else if (block.rule === 'credit/photo') {
      const credit = block.text;
      const last = captions[captions.length - 1];
      // A credit printed right under its caption belongs to it.
      if (last !== undefined && last.credit === null && previous?.class === 'caption') last.credit = credit;
      else captions.push({ text: '', credit });
    }
    previous = block;
  }
  return captions;
}

function readRelated(blocks: TaggedBlock[]): string[] {
  const related: string[] = [];
  for (const block of blocks) {
    if (block.class !== 'related') continue;
    let title: string;
    if (block.rule === 'related/labelled') title = plainText(RELATED_LINK_LABEL.exec(block.raw)?.[1] ?? block.raw);
    else if (block.rule === 'related/link-line') title = plainText(LINK_ONLY_LINE.exec(block.raw)?.[1] ?? block.raw);
    else title = block.text;
    title = title.replace(/^[:\s]+/, '');
    if (title !== '' && !related.includes(title)) related.push(title);
  }
  return related;
}

function readComments(blocks: TaggedBlock[]): string[] {
  return blocks.filter((block) => block.class === 'comment').map((block) => block.text).filter((text) => text !== '');
}
