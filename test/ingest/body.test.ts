import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildBody, cleanParagraph, isBrokenSentence } from '../../src/ingest/body.ts';
import { classifyLines } from '../../src/ingest/classify.ts';
import { extractMetadata } from '../../src/ingest/metadata.ts';
import { plainText, wordCount } from '../../src/ingest/text.ts';

function body(lines: string[]): string {
  const classification = classifyLines(lines.join('\n'), { frontMatterLines: 0, knownTitle: null });
  return buildBody(classification, extractMetadata(classification, {}).leadIn).markdown;
}

const LEDE = 'The harbour authority said on Monday that the northern pier will reopen to ferries next spring after repairs.';

describe('buildBody', () => {
  it('joins a sentence broken over two paragraphs', () => {
    assert.equal(
      body(['Pier to Reopen', '', LEDE, '', 'Engineers said the damage was worse', '', 'than the town had been told in March.']),
      `${LEDE}\n\nEngineers said the damage was worse than the town had been told in March.`,
    );
  });
  it('does not join after a finished sentence or before a capital', () => {
    assert.equal(isBrokenSentence('It was late.', 'then it rained'), false);
    assert.equal(isBrokenSentence('The mayor said', 'The council agreed'), false);
    assert.equal(isBrokenSentence('The mayor said', 'that it was late.'), true);
    assert.equal(isBrokenSentence('## Background', 'the pier'), false);
  });
  it('removes the lead-in of the first paragraph', () => {
    assert.equal(body(['Pier to Reopen', '', `PORT ELM, Maine — ${LEDE}`]), LEDE);
  });
  it('turns dead links into their text, keeps live ones, and collapses spaces', () => {
    assert.equal(cleanParagraph('See [the plan](#)  and [the map](https://ledger.example/map).'), 'See the plan and [the map](https://ledger.example/map).');
  });
  it('drops link targets a text converter printed in brackets, and an address glued to one', () => {
    assert.equal(
      cleanParagraph('The new pier [https://ledger.example/pier] opens in May. [https://cdn.ledger.example/pier.jpg]https://ledger.example/gallery'),
      'The new pier opens in May.',
    );
  });
  it('makes one paragraph per block, separated by blank lines', () => {
    const text = body(['Pier to Reopen', '', LEDE, '', 'Engineers found forty loose pilings.', '', 'Ferries should return in April.']);
    assert.deepEqual(text.split('\n\n'), [LEDE, 'Engineers found forty loose pilings.', 'Ferries should return in April.']);
  });
  it("gives each paragraph's plain text and the words of them all, as computed from the Markdown, on the seeds and a paragraph with links", () => {
    const seeds = join(import.meta.dirname, '..', '..', 'seeds');
    const texts = [
      ...readdirSync(seeds).filter((name) => name.endsWith('.txt')).map((name) => readFileSync(join(seeds, name), 'utf8')),
      ['Pier to Reopen', '', `PORT ELM, Maine — ${LEDE}`, '', 'Engineers said  the [damage](#) was worse', '', 'than the town had been told in [March](https://ledger.example/march).'].join('\n'),
    ];
    for (const text of texts) {
      const classification = classifyLines(text, { frontMatterLines: 0, knownTitle: null });
      const built = buildBody(classification, extractMetadata(classification, {}).leadIn);
      const paragraphs = built.markdown.split('\n\n');
      assert.deepEqual(built.plainParagraphs, paragraphs.map((paragraph) => plainText(paragraph)));
      assert.equal(built.words, paragraphs.reduce((sum, paragraph) => sum + wordCount(plainText(paragraph)), 0));
      assert.ok(built.words > 20);
    }
  });
});
