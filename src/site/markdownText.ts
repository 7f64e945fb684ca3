// The text a reader sees of a Markdown body, for its search record. markdown-it parses only the blocks
// that hold Markdown: most paragraphs of news text hold none, and the text of one is the paragraph
// itself, its white space collapsed. That is exact, not an approximation: markdownText gives what
// markdown-it's tokens hold for every input (test/site/markdownText.test.ts), at a third of the cost.
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
 * Markdown inside a block: the characters that start an inline rule of markdown-it's default preset
 * with html, linkify, typographer and images off (escape, code, strikethrough, emphasis, link, autolink,
 * entity), and '|' (a table's header row holds one).
 */
const INLINE_SYNTAX = /[\\`~*_[<&|]/;

/**
 * A line that may start a block other than a paragraph, or end one: a heading, blockquote, setext
 * underline or thematic break, bullet or ordered list item ("-", "+", "1." or "1)"), whatever its indent.
 */
const BLOCK_SYNTAX = /^[ \t]*(?:[#>=+-]|\d+[.)])/m;

/** A line indented by spaces or tabs that holds more than them: code, or (after a list) a list item's. */
const INDENTED_LINE = /(?:^|\n)[ \t]+[^ \t\n]/;

/**
 * Whether `block` (lines between blank lines) is one paragraph of plain text. Its first line starts at the
 * margin: an indented one may be code, or (after a list) belong to a list item, where it is read in the
 * light of the blocks before it; one at the margin closes every list, so the blocks after it are read alone.
 */
const isPlainParagraph = (block: string): boolean => block.charCodeAt(0) !== 0x20 && block.charCodeAt(0) !== 0x09 && !INLINE_SYNTAX.test(block) && !BLOCK_SYNTAX.test(block);

/**
 * The text a reader sees of a Markdown body: what markdown-it's inline tokens hold, line breaks as
 * spaces, blocks joined by a space, white space collapsed. A plain paragraph is its own text; each run
 * of other blocks is parsed by markdown-it, alone, which gives the same tokens as in the whole body
 * because the run starts at the body's start or after a plain paragraph at the margin, and ends before one.
 */
export function markdownText(markdown: string): string {
  if (ACROSS_BLOCKS.test(markdown)) return parsedBlocks(markdown).join(' ');
  // Most bodies: every block a plain paragraph, and their texts joined by a space are the body collapsed.
  if (!INLINE_SYNTAX.test(markdown) && !BLOCK_SYNTAX.test(markdown) && !INDENTED_LINE.test(markdown)) return collapseSpace(markdown);
  const pieces = markdown.split(BLANK_LINES);
  const texts: string[] = [];
  let plain = '';
  let run = '';
  const flush = (): void => {
    if (run !== '') texts.push(...parsedBlocks(run));
    run = '';
  };
  for (let i = 0; i < pieces.length; i += 2) {
    const block = pieces[i]!;
    // Only spaces and tabs: the body's last line, blank; every other blank line is in a separator.
    if (!isPlainParagraph(block) && !/^[ \t\n]*$/.test(block)) {
      if (plain !== '') texts.push(collapseSpace(plain));
      plain = '';
      run += run === '' ? block : pieces[i - 1]! + block;
      continue;
    }
    flush();
    plain += `${block}\n`;
  }
  flush();
  if (plain !== '') texts.push(collapseSpace(plain));
  return texts.filter((text) => text !== '').join(' ');
}
