// markdownText (src/site/markdownText.ts) reads plain paragraphs without markdown-it: its text must be
// exactly what markdown-it's tokens hold (parsedBlocks), for real bodies and for every kind of block
// that is not plain, alone, next to another, and on both sides of a plain paragraph.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus, readSeedTexts } from '../../bench/corpus.ts';
import { emptyCatalogue, ingestFolder, ingestText } from '../../src/ingest/index.ts';
import { collapseSpace, markdownText, parsedBlocks } from '../../src/site/markdownText.ts';
import { SEEDS_DIR } from '../support/build.ts';

/** What the text was before: every block's inline tokens from markdown-it, joined by a space. */
const throughMarkdownIt = (markdown: string): string => parsedBlocks(markdown).join(' ');

/** Blocks of every kind markdown-it tells apart (test/fixtures/markdown/blocks.json), tricky plain ones among them. */
const BLOCKS = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'markdown', 'blocks.json'), 'utf8')) as string[];

/** Ways blocks follow one another: a line break, blank lines (one holding spaces or a tab). */
const SEPARATORS = ['\n', '\n\n', '\n\n\n', '\n \n', '\n\t\n'];

/** The inputs whose text differs from markdown-it's, with both texts. */
function mismatches(inputs: Iterable<string>): { input: string; fast: string; markdownIt: string }[] {
  const found = [];
  for (const input of inputs) {
    const fast = markdownText(input);
    const markdownIt = throughMarkdownIt(input);
    if (fast !== markdownIt) found.push({ input, fast, markdownIt });
  }
  return found;
}

describe('markdownText', () => {
  it('keeps the text of paragraphs, headings, lists and links, without their marks', () => {
    assert.equal(markdownText('## A *big* day\n\nSee [the report](https://example.org/r) and `code`.\n\n- one\n- two'), 'A big day See the report and code. one two');
  });

  it('keeps what looks like HTML as text (raw HTML is off), and decodes entities', () => {
    assert.equal(markdownText('a <b>bold</b> claim &amp; more'), 'a <b>bold</b> claim & more');
  });

  it('gives a plain paragraph its own text, white space collapsed', () => {
    assert.equal(markdownText('First  line\nsecond line\u00a0 \n\n\nNext paragraph.  \n'), 'First line second line Next paragraph.');
  });

  it('leaves out what markdown-it takes for code, next to plain paragraphs', () => {
    assert.equal(markdownText('Before.\n\n    indented code\n\nAfter.'), 'Before. After.');
    assert.equal(markdownText('1. An item\n\n   its paragraph\n\n    still the item'), 'An item its paragraph still the item');
  });

  it('is markdown-it text for every block of the fixture, alone and after each other one', () => {
    assert.ok(BLOCKS.length > 50);
    const pairs = function* (): Generator<string> {
      for (const first of BLOCKS) {
        yield first;
        for (const second of BLOCKS) for (const separator of SEPARATORS) yield `${first}${separator}${second}`;
      }
    };
    assert.deepEqual(mismatches(pairs()), []);
  });

  it('is markdown-it text for every two blocks of the fixture with a plain paragraph between them', () => {
    const plain = ['A plain paragraph.', 'Two lines\nof plain text.', '\u00a0A no-break space first'];
    const around = function* (): Generator<string> {
      for (const first of BLOCKS) for (const middle of plain) for (const last of BLOCKS) yield `${first}\n\n${middle}\n\n${last}`;
    };
    assert.deepEqual(mismatches(around()), []);
  });

  it('is markdown-it text for the bodies of the seeds and of a bench corpus', async () => {
    const seeds = (await ingestFolder(SEEDS_DIR)).articles.map((a) => a.body);
    const catalogue = emptyCatalogue();
    const corpus = [...generateCorpus(200, readSeedTexts(SEEDS_DIR))].flatMap((file) => ingestText(file.name, new TextEncoder().encode(file.text), catalogue).article?.body ?? []);
    assert.equal(seeds.length, 5);
    assert.ok(corpus.length > 150);
    assert.deepEqual(mismatches([...seeds, ...corpus]), []);
  });
});

describe('collapseSpace', () => {
  it('turns every run of white space into one space and trims, as /\\s+/ does', () => {
    const text = ' a  b\tc\n\nd\u00a0e \u2003 f\u3000\u3000g \v';
    assert.equal(collapseSpace(text), text.replace(/\s+/g, ' ').trim());
    assert.equal(collapseSpace(text), 'a b c d e f g');
  });
});
