// Text that hides characters or markup in a capture: control characters and bidi overrides leave the
// extracted fields (the raw lines keep them), and the first paragraph of a text without a headline is body.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { emptyCatalogue, ingestText } from '../../src/ingest/index.ts';
import { stripControls } from '../../src/ingest/text.ts';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const HOSTILE = join(import.meta.dirname, '..', 'fixtures', 'site', 'hostile');
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('control characters and bidi overrides', () => {
  it('are stripped from the title, body, captions and authors, and kept in the raw lines', () => {
    const text = [
      'Pier \u001b[31mReopens\u202e Next\u0007 Spring',
      '',
      'By Ana\u0085 Ruiz',
      '',
      'The harbour authority said on Monday \u2066that the\u2069 northern pier will reopen\u0001 to ferries next spring after repairs.',
      '',
      'A diver checks a piling.\u202d Photo: Mara Lind',
      '',
      'Engineers found that the storm had loosened more than forty pilings, the authority said in a statement.',
    ].join('\n');
    const { article, lines } = ingestText('pier.txt', encode(text), emptyCatalogue());
    assert.equal(article?.title, 'Pier [31mReopens Next Spring');
    assert.deepEqual(article?.authors, ['Ana Ruiz']);
    assert.ok(article?.body.startsWith('The harbour authority said on Monday that the northern pier will reopen to ferries'));
    for (const value of [article?.title, article?.body, article?.excerpt, JSON.stringify(article?.captions), ...(article?.authors ?? [])]) {
      assert.doesNotMatch(value ?? '', CONTROLS, JSON.stringify(value));
    }
    assert.equal(lines[0]?.text, 'Pier \u001b[31mReopens\u202e Next\u0007 Spring', 'the raw capture is unchanged');
  });
  it('keeps tabs and the text around the stripped characters', () => {
    assert.equal(stripControls('a\tb\u0001c\u202ed\u2067e\u009bf'), 'a\tbcdef');
  });
});

describe('a text without a headline of its own (title from front matter)', () => {
  it('starts its body with the first paragraph, never a dek', () => {
    for (const [file, first] of [['links.md', 'This article mentions Ryabkov'], ['tab-url.md', 'An article whose original address']] as const) {
      const { article } = ingestText(file, readFileSync(join(HOSTILE, file)), emptyCatalogue());
      assert.equal(article?.subtitle, null, file);
      assert.ok(article?.body.startsWith(first), `${file}: ${article?.body.slice(0, 60)}`);
    }
  });
});

describe('a paragraph made mostly of links, hard-wrapped after the headline', () => {
  it('is one body paragraph, not an image caption group', () => {
    const text = [
      'Harbour Pier to Reopen Next Spring',
      '',
      '[The harbour authority](https://ledger.example/authority) said on [Monday](https://ledger.example/monday)',
      '[that the northern pier](https://ledger.example/pier) will reopen to [ferries](https://ledger.example/ferries) next spring.',
      '',
      'The council will vote on the repair budget in March, and the work should take about six weeks in all.',
    ].join('\n');
    const { article, lines } = ingestText('links.txt', encode(text), emptyCatalogue());
    assert.deepEqual(lines.slice(2, 4).map((line) => line.rule), ['body/paragraph', 'body/paragraph']);
    assert.equal(article?.captions.length, 0);
    assert.ok(article?.body.startsWith('[The harbour authority](https://ledger.example/authority) said on [Monday](https://ledger.example/monday) [that the northern pier]'));
  });
});
