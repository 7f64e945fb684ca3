import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractTerms, findRelated, MAX_POSTINGS } from '../../src/site/related.ts';
import { makeArticle } from '../fixtures/site/archive.ts';

describe('extractTerms', () => {
  it('keeps the last word of each capitalised run, drops sentence words, months, titles and short words', () => {
    const terms = extractTerms("The Deputy Foreign Minister Sergei Ryabkov's talks in Rome on Tuesday, March 5. He met the U.S. envoy Elliott Abrams. It is 2019 in Caracas, Venezuela.");
    assert.deepEqual([...terms.values()].sort(), ['Abrams', 'Caracas', 'Rome', 'Ryabkov', 'U.S', 'Venezuela'].sort());
  });
});

describe('findRelated', () => {
  const a = (slug: string, body: string) => makeArticle({ slug, title: slug, body });

  it('ranks by shared rare names, ignores names every article has', () => {
    const related = findRelated([
      a('one', 'Venezuela, Ryabkov, Abrams'),
      a('two', 'Venezuela, Ryabkov, Abrams'),
      a('three', 'Venezuela, Ryabkov, Lavrov'),
      a('four', 'Venezuela, Pompeo'),
    ]);
    assert.deepEqual(related[0]?.map((r) => r.index), [1, 2]);
    assert.deepEqual(related[0]?.[0]?.shared, ['Abrams', 'Ryabkov']);
    assert.deepEqual(related[3], [], 'a name in every article relates nothing');
  });

  it('skips terms listed under more than MAX_POSTINGS articles (no quadratic blow-up)', () => {
    const many = Array.from({ length: MAX_POSTINGS + 1 }, (_, i) => a(`a${i}`, `Common text number ${i}.`));
    many.push(a('odd', 'Nothing shared here at all.'));
    const started = performance.now();
    const related = findRelated(many);
    assert.ok(related.every((list) => list.length === 0));
    assert.ok(performance.now() - started < 5000);
  });
});
