import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeExcerpt, slugify } from '../../src/ingest/article.ts';
import { emptyCatalogue, ingestText } from '../../src/ingest/index.ts';
import type { Catalogue } from '../../src/types.ts';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const LEDE = 'The harbour authority said on Monday that the northern pier will reopen to ferries next spring after repairs.';

describe('slugify', () => {
  it('makes readable ASCII slugs', () => {
    assert.equal(slugify('U.S.-Russia Talks on Venezuela Stall Over Role of Maduro'), 'us-russia-talks-on-venezuela-stall-over-role-of-maduro');
    assert.equal(slugify('Nicolás Maduro’s “Plan”'), 'nicolas-maduros-plan');
    assert.equal(slugify('!!!'), 'article');
  });
  it('cuts long slugs at a word boundary', () => {
    const slug = slugify('word '.repeat(40));
    assert.ok(slug.length <= 80 && !slug.endsWith('-'));
  });
});

describe('makeExcerpt', () => {
  it('keeps short text whole and cuts long text at a word with an ellipsis', () => {
    assert.equal(makeExcerpt(['Short.']), 'Short.');
    const excerpt = makeExcerpt([LEDE, LEDE, LEDE]);
    assert.ok(excerpt.length <= 300 && excerpt.endsWith('…'));
  });
});

describe('ingestText', () => {
  it('builds a full record with provenance and removed lines', () => {
    const { article, diagnostics } = ingestText('a/pier.txt', encode(['Pier to Reopen', '', 'June 3, 2021', '', LEDE].join('\n')), emptyCatalogue());
    assert.ok(article);
    assert.equal(article.slug, 'pier-to-reopen');
    assert.equal(article.id, article.slug);
    assert.equal(article.sourceFile, 'a/pier.txt');
    assert.match(article.sha256, /^[0-9a-f]{64}$/);
    assert.equal(article.published, '2021-06-03');
    assert.deepEqual(article.provenance.published, { origin: 'text', rule: 'date/line', line: 3, confidence: 'medium' });
    assert.equal(article.body, LEDE);
    assert.equal(article.wordCount, 18);
    assert.deepEqual(article.removed.map((line) => [line.line, line.class]), [[1, 'headline'], [3, 'date']]);
    assert.deepEqual(diagnostics.map((d) => d.ruleId), ['publisher/missing']);
  });
  it('lets front matter override the text', () => {
    const text = ['---', 'title: The Pier Reopens', 'published: 2021-06', 'publisher: Coastal Ledger', '---', 'Pier to Reopen', '', 'June 3, 2021', '', LEDE].join('\n');
    const { article } = ingestText('pier.md', encode(text), emptyCatalogue());
    assert.equal(article?.title, 'The Pier Reopens');
    assert.equal(article?.published, '2021-06-01');
    assert.equal(article?.datePrecision, 'month');
    assert.equal(article?.provenance.published?.origin, 'front-matter');
    assert.equal(article?.publisher, 'Coastal Ledger');
    assert.ok(!article?.body.includes('Pier to Reopen'), 'the headline line is not body');
  });
  it('lets the catalogue supply and override facts, recorded as catalogue', () => {
    const catalogue: Catalogue = { ...emptyCatalogue(), articles: { 'pier.txt': { publisher: 'Coastal Ledger', published: '2021-06-04' } } };
    const { article } = ingestText('pier.txt', encode(['Pier to Reopen', '', 'June 3, 2021', '', LEDE].join('\n')), catalogue);
    assert.equal(article?.publisher, 'Coastal Ledger');
    assert.equal(article?.published, '2021-06-04');
    assert.deepEqual(article?.provenance.publisher, { origin: 'catalogue', rule: 'publisher/catalogue', line: null, confidence: 'high' });
  });
  it('warns about a missing date with a line and a way to fix it', () => {
    const { article, diagnostics } = ingestText('pier.txt', encode(['Pier to Reopen', '', LEDE].join('\n')), emptyCatalogue());
    const missing = diagnostics.find((d) => d.ruleId === 'date/missing');
    assert.equal(missing?.line, 1);
    assert.match(missing?.note ?? '', /published:/);
    assert.equal(article?.published, null);
    assert.ok(article?.warnings.some((warning) => warning.startsWith('pier.txt:1 date/missing: ')));
  });
  it('does not crash on invalid front matter: the text is still read', () => {
    const { article, diagnostics } = ingestText('bad.md', encode(['---', 'title: [oops', '---', 'Pier to Reopen', '', LEDE].join('\n')), emptyCatalogue());
    assert.equal(article?.title, 'Pier to Reopen');
    assert.equal(diagnostics[0]?.ruleId, 'front-matter/invalid-yaml');
    assert.equal(diagnostics[0]?.line, 2);
  });
  it('gives no article for an empty or blank file', () => {
    for (const [text, rule] of [['', 'file/empty'], ['\n\n  \n', 'file/blank']] as const) {
      const { article, diagnostics } = ingestText('empty.txt', encode(text), emptyCatalogue());
      assert.equal(article, null);
      assert.equal(diagnostics.at(-1)?.ruleId, rule);
      assert.equal(diagnostics.at(-1)?.severity, 'error');
    }
  });
  it('gives no article when no line can be a headline', () => {
    const { article, diagnostics } = ingestText('x.txt', encode('• Home\n• Sport\n'), emptyCatalogue());
    assert.equal(article, null);
    assert.equal(diagnostics.at(-1)?.ruleId, 'title/missing');
  });
  it('shows markup as text in the body, never as HTML', () => {
    const { article } = ingestText('x.txt', encode(['Pier to Reopen', '', `${LEDE} <script>alert(1)</script>`].join('\n')), emptyCatalogue());
    assert.ok(article?.body.includes('<script>alert(1)</script>'));
  });
});
