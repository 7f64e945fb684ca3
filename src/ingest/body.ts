// Body lines -> Markdown: one paragraph per block, separated by blank lines; paragraphs broken in the
// middle of a sentence are joined again; the lead-in (outlet or dateline) leaves the first paragraph.
import type { Block, Classification } from './classify.ts';
import type { LeadIn } from './leadIn.ts';
import { BULLET, MARKDOWN_HEADING, STARTS_LOWER_CASE } from './patterns.ts';
import { collapseSpaces, computePlainText, endsSentence, plainText, wordCount } from './text.ts';

export interface Body {
  markdown: string;
  /** The paragraphs as plain text (for the excerpt and language). */
  plainParagraphs: string[];
  /** The words of the plain paragraphs (`wordCount` of each, summed). */
  words: number;
}

/** A paragraph of the body, with the block it is when it is that block's text as written. */
interface Paragraph {
  text: string;
  /** Its plain text and words are the block's: they are not computed again. */
  block: Block | null;
}

/** Links whose target was lost in the copy (`[text](#)`, `[text]()`) read as their text. */
const DEAD_LINK = /\[([^\]]*)\]\((?:#?|\s*)\)/g;
/**
 * A link target a text converter printed in brackets after the link text ("AirPods [https://…]"), with an
 * address glued to it (an image's "[https://…/a.jpg]https://…"): addresses, not words of the article.
 */
const CONVERTER_LINK_TARGET = /\s*\[(?:https?:\/\/|\/)[^\]\s]*\](?:https?:\/\/[^\s<>()[\]]+)?/g;

export function buildBody(classification: Classification, leadIn: LeadIn | null): Body {
  const paragraphs: Paragraph[] = [];
  let first = true;
  for (const block of classification.blocks) {
    const line = classification.lines[block.start];
    if (line === undefined || line.class !== 'body') continue;
    let text = cleanParagraph(block.raw);
    if (first && leadIn !== null && text.startsWith(leadIn.prefix)) text = capitaliseFirst(text.slice(leadIn.prefix.length));
    first = false;
    const previous = paragraphs[paragraphs.length - 1];
    if (previous !== undefined && isBrokenSentence(previous.text, text)) {
      paragraphs[paragraphs.length - 1] = { text: `${previous.text} ${text}`, block: null };
      continue;
    }
    // Most paragraphs are written as they are (no link, no double space): their plain text is the block's.
    if (text !== '') paragraphs.push({ text, block: text === block.raw ? block : null });
  }
  const plainParagraphs = paragraphs.map((paragraph) => paragraph.block?.text ?? computePlainText(paragraph.text));
  let words = 0;
  paragraphs.forEach((paragraph, index) => {
    words += paragraph.block?.words ?? wordCount(plainParagraphs[index]!);
  });
  return { markdown: paragraphs.map((paragraph) => paragraph.text).join('\n\n'), plainParagraphs, words };
}

/** "…standpoints better" + "after the two-hour talks…": one sentence split over two paragraphs. */
export function isBrokenSentence(previous: string, next: string): boolean {
  if (MARKDOWN_HEADING.test(previous) || BULLET.test(previous) || BULLET.test(next)) return false;
  // The cheap test first: most paragraphs start with a capital.
  return STARTS_LOWER_CASE.test(next) && !endsSentence(plainText(previous));
}

export function cleanParagraph(raw: string): string {
  // Both link expressions need a '[': most paragraphs have none.
  if (!raw.includes('[')) return collapseSpaces(raw);
  return collapseSpaces(raw.replace(DEAD_LINK, '$1').replace(CONVERTER_LINK_TARGET, ''));
}

function capitaliseFirst(text: string): string {
  return text.replace(/^\p{Ll}/u, (letter) => letter.toUpperCase());
}
