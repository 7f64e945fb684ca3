import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFrontMatter } from '../../src/ingest/frontMatter.ts';

describe('readFrontMatter', () => {
  it('finds nothing when the text does not start with ---', () => {
    const result = readFrontMatter('a.md', 'Headline\n---\ntitle: no\n---\n');
    assert.equal(result.lineCount, 0);
    assert.deepEqual(result.fields, {});
    assert.deepEqual(result.diagnostics, []);
  });
  it('reads the fields, their aliases and a date, and counts its lines', () => {
    const text = '---\ntitle: The Harbour Reopens\nauthor: Ana Ruiz\ndate: 2021-06-03\noutlet: The Coastal Ledger\n---\nBody.\n';
    const result = readFrontMatter('a.md', text);
    assert.deepEqual(result.fields, {
      title: 'The Harbour Reopens',
      authors: ['Ana Ruiz'],
      published: '2021-06-03',
      publisher: 'The Coastal Ledger',
    });
    assert.equal(result.lineCount, 6);
    assert.deepEqual(result.diagnostics, []);
  });
  it('accepts month and year precision dates', () => {
    assert.equal(readFrontMatter('a.md', '---\npublished: 2021-06\n---\n').fields.published, '2021-06');
    assert.equal(readFrontMatter('a.md', '---\npublished: 2021\n---\n').fields.published, '2021');
  });
  it('turns invalid YAML into a diagnostic with the file line, never a throw', () => {
    const result = readFrontMatter('bad.md', '---\ntitle: ok\nauthors: [unclosed\n---\nText\n');
    assert.deepEqual(result.fields, {});
    assert.equal(result.lineCount, 4);
    assert.equal(result.diagnostics.length, 1);
    assert.equal(result.diagnostics[0]?.ruleId, 'front-matter/invalid-yaml');
    assert.equal(result.diagnostics[0]?.line, 3);
    assert.equal(result.diagnostics[0]?.file, 'bad.md');
  });
  it('reports an unclosed front matter and reads nothing from it', () => {
    const result = readFrontMatter('a.md', '---\ntitle: x\n\nHeadline\n');
    assert.equal(result.lineCount, 0);
    assert.equal(result.diagnostics[0]?.ruleId, 'front-matter/unclosed');
  });
  it('reports unknown fields and invalid values with their line', () => {
    const result = readFrontMatter('a.md', '---\ntitle: T\nmood: sunny\npublished: 20 June\n---\n');
    assert.deepEqual(result.fields, { title: 'T' });
    assert.deepEqual(
      result.diagnostics.map((d) => [d.ruleId, d.line]),
      [
        ['front-matter/unknown-field', 3],
        ['front-matter/invalid-field', 4],
      ],
    );
  });
});
