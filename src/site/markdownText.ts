// The text a reader sees of a Markdown body, for its search record. markdown-it parses only the blocks
// that hold Markdown: most paragraphs of news text hold none, and the text of one is the paragraph
// itself, its white space collapsed. That is exact, not an approximation: markdownText gives what
// markdown-it's tokens hold for every input (test/site/markdownText.test.ts), for about a seventh of
// the CPU on the bench corpus.
import MarkdownIt from 'markdown-it';

/**
 * Pagefind reads an element's text with its runs of white space collapsed: do the same. (A run of two
 * or more, or one white space character other than a space: the lone spaces between words stay as they are.)
 */
export const collapseSpace = (text: string): string => text.replace(/[^\S ]\s*| \s+/g, ' ').trim();

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
md.disable(['image', 'html_block', 'html_inline']);

/** The text of each block markdown-it finds in `markdown` (a paragraph, heading, list item's paragraph, table cell), collapsed, empty ones left out. */
export function parsedBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  for (const token of md.parse(markdown, {})) {
    if (token.type !== 'inline') continue;
    const text = (token.children ?? []).map((child) => (child.type === 'softbreak' || child.type === 'hardbreak' ? ' ' : child.content)).join('');
    if (text.trim() !== '') blocks.push(collapseSpace(text));
  }
  return blocks;
}

/**
 * What makes markdown-it read one block in the light of another: a reference definition ("]:", its
 * links may be anywhere), a fence (may enclose blank lines), or what markdown-it rewrites before
 * parsing (\r, \0). A body holding one is parsed whole.
 */
const ACROSS_BLOCKS = /\]:|`{3}|~{3}|[\r\0]/;

/** Blank lines (and those the body starts with), which end every block a plain paragraph may follow: markdown-it's blank line holds only spaces and tabs. */
const BLANK_LINES = /((?:^|\n)(?:[ \t]*\n)+)/;

/**
 * Markdown, or what may be: a character that starts an inline rule of markdown-it's default preset with
 * html, linkify, typographer and images off (escape, code, strikethrough, emphasis, link, autolink,
 * entity), '|' (a table's header row holds one), \r or \0; or a line that may start a block other than
 * a paragraph, or end one (a heading, blockquote, setext underline or thematic break, bullet or ordered
 * list item: "-", "+", "1." or "1)"), or that is indented. One pattern for the lines after the first,
 * another for the first: a single (?:^|\n) pattern is several times slower.
 */
const MARKDOWN = /[\\`~*_[<&|\r\0]|\n(?:[ \t]*(?:[#>=+-]|\d+[.)])|[ \t]+[^ \t\n])/;
const MARKDOWN_FIRST_LINE = /^(?:[ \t]*(?:[#>=+-]|\d+[.)])|[ \t]+[^ \t\n])/;

/**
 * Whether `text` (the body, or a block: lines between blank lines) is plain text, a paragraph of it per
 * block. No line is indented: an indented one may be code, or (after a list) belong to a list item,
 * where it is read in the light of the blocks before it; a block at the margin closes every list, so the
 * blocks after it are read alone.
 */
const isPlain = (text: string): boolean => !MARKDOWN.test(text) && !MARKDOWN_FIRST_LINE.test(text);

/**
 * The text a reader sees of a Markdown body: what markdown-it's inline tokens hold, line breaks as
 * spaces, blocks joined by a space, white space collapsed. A plain paragraph is its own text; each run
 * of other blocks is parsed by markdown-it, alone, which gives the same tokens as in the whole body
 * because the run starts at the body's start or after a plain paragraph at the margin, and ends before one.
 */
export function markdownText(markdown: string): string {
  // Most bodies: all plain, and their paragraphs' texts joined by a space are the body collapsed.
  if (isPlain(markdown)) return collapseSpace(markdown);
  if (ACROSS_BLOCKS.test(markdown)) return parsedBlocks(markdown).join(' ');
  const pieces = markdown.split(BLANK_LINES);
  const texts: string[] = [];
  let plain = '';
  let run = '';
  for (let i = 0; i < pieces.length; i += 2) {
    // Every piece but the last starts with a line that is not blank (the last may be spaces and tabs, plain).
    const block = pieces[i]!;
    if (isPlain(block)) {
      if (run !== '') texts.push(...parsedBlocks(run));
      run = '';
      plain += `${block}\n`;
    } else {
      if (plain !== '') texts.push(collapseSpace(plain));
      plain = '';
      run += run === '' ? block : pieces[i - 1]! + block;
    }
  }
  if (run !== '') texts.push(...parsedBlocks(run));
  if (plain !== '') texts.push(collapseSpace(plain));
  return texts.filter((text) => text !== '').join(' ');
}
