import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ingestFolder } from '../../src/ingest/index.ts';
import { articleText, extractTerms, findRelated, lastWordsOfCapitalisedRuns, MAX_POSTINGS } from '../../src/site/related.ts';
import { makeArticle } from '../fixtures/site/archive.ts';

describe('extractTerms', () => {
  it('keeps the last word of each capitalised run, drops sentence words, months, titles and short words', () => {
    const terms = extractTerms("The Deputy Foreign Minister Sergei Ryabkov's talks in Rome on Tuesday, March 5. He met the U.S. envoy Elliott Abrams. It is 2019 in Caracas, Venezuela.");
    assert.deepEqual([...terms.values()].sort(), ['Abrams', 'Caracas', 'Rome', 'Ryabkov', 'U.S', 'Venezuela'].sort());
  });

  it('reads the runs the pattern it stands for finds, on the seeds and on text made to catch a careless scan', async () => {
    const RUN = /\p{Lu}(?:[\p{L}\p{N}'’-]|\.(?=\p{L}))*(?:[ \t]+\p{Lu}(?:[\p{L}\p{N}'’-]|\.(?=\p{L}))*)*/gu;
    const byPattern = (text: string): string[] => [...text.matchAll(RUN)].map((m) => m[0].slice(Math.max(m[0].lastIndexOf(' '), m[0].lastIndexOf('\t')) + 1));
    const { articles } = await ingestFolder('seeds');
    const hard = [
      'U.S. and U.K officials, the U.S.S.R.. Envoy  \t Sergei Ryabkov\u00a0Lavrov, Ab.1 A.b A. B',
      'Jean-Luc Mélenchon’s al-Assad O’Neill-Smith; Cafe\u0301 Zu\u0308rich 𝐀lpha 𝐁eta 😀 Ωmega Σ.Σ \ud800X',
      'ǅemal Ǉubljana İstanbul ΣΟΦΙΑ Москва 2019 Pages\nNext Line\r\nLast ’s',
    ];
    for (const text of [...hard, ...articles.map(articleText)]) assert.deepEqual([...lastWordsOfCapitalisedRuns(text)], byPattern(text), text.slice(0, 80));
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
