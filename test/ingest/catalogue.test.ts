import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyCatalogue, parseCatalogue } from '../../src/ingest/catalogue.ts';

describe('parseCatalogue', () => {
  it('reads archive info, per-file facts and publishers by host', () => {
    const { catalogue, diagnostics } = parseCatalogue(
      [
        'archive:',
        '  title: Harbour News',
        '  description: Reports about the harbour.',
        'articles:',
        '  a/one.txt:',
        '    publisher: The Coastal Ledger',
        '    published: 2020-01-31',
        '    authors: [Ana Ruiz, Li Wei]',
        'publishers:',
        '  www.Coastal-Ledger.example: The Coastal Ledger',
      ].join('\n'),
    );
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(catalogue, {
      archive: { title: 'Harbour News', description: 'Reports about the harbour.' },
      articles: { 'a/one.txt': { publisher: 'The Coastal Ledger', published: '2020-01-31', authors: ['Ana Ruiz', 'Li Wei'] } },
      publishers: { 'coastal-ledger.example': 'The Coastal Ledger' },
      entities: { merge: {}, split: [], ignore: [] },
    });
  });
  it('gives an empty catalogue for an empty file', () => {
    assert.deepEqual(parseCatalogue(''), { catalogue: emptyCatalogue(), diagnostics: [] });
  });
  it('turns invalid YAML into an error diagnostic with a line, never a throw', () => {
    const { catalogue, diagnostics } = parseCatalogue('articles:\n  a.txt: {publisher: [x\n');
    assert.deepEqual(catalogue, emptyCatalogue());
    assert.equal(diagnostics[0]?.ruleId, 'catalogue/invalid-yaml');
    assert.equal(diagnostics[0]?.severity, 'error');
    assert.equal(typeof diagnostics[0]?.line, 'number');
  });
  it('keeps the valid parts when some values are wrong, naming the line of each', () => {
    const { catalogue, diagnostics } = parseCatalogue(
      ['articles:', '  a.txt:', '    published: yesterday', '    publisher: Ledger', 'weather: fine'].join('\n'),
    );
    assert.deepEqual(catalogue.articles, { 'a.txt': { publisher: 'Ledger' } });
    assert.deepEqual(
      diagnostics.map((d) => [d.ruleId, d.line]),
      [
        ['catalogue/invalid-field', 3],
        ['catalogue/unknown-field', 5],
      ],
    );
  });
  it('rejects a catalogue that is not a mapping', () => {
    assert.equal(parseCatalogue('- a\n- b\n').diagnostics[0]?.ruleId, 'catalogue/not-a-mapping');
  });
});

describe('parseCatalogue: entities', () => {
  it('reads merge, split and ignore, and names the line of each invalid part', () => {
    const { catalogue, diagnostics } = parseCatalogue(
      [
        'entities:',
        '  merge:',
        '    Foreign Ministry: Russian Foreign Ministry',
        '    Bad One: [not, a, name]',
        '  split: [John Smith]',
        '  ignore: 5',
        '  colour: blue',
      ].join('\n'),
    );
    assert.deepEqual(catalogue.entities, { merge: { 'Foreign Ministry': 'Russian Foreign Ministry' }, split: ['John Smith'], ignore: [] });
    assert.deepEqual(
      diagnostics.map((d) => [d.line, d.ruleId]),
      [
        [4, 'catalogue/invalid-field'],
        [6, 'catalogue/invalid-field'],
        [7, 'catalogue/unknown-field'],
      ],
    );
  });
  it('an empty catalogue merges nothing', () => {
    assert.deepEqual(emptyCatalogue().entities, { merge: {}, split: [], ignore: [] });
  });
});
