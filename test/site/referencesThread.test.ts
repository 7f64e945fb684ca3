// The references formatted on a worker thread are those formatted here, for the seeds' items and for items
// that would break a careless copy (hostile titles, no author, no date).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ingestFolder } from '../../src/ingest/index.ts';
import { inTimeOrder } from '../../src/site/archiveData.ts';
import { BATCH_SIZE, citationItems, citationKeys, formatReferences, referenceBatches } from '../../src/site/citations.ts';
import { REFERENCES_THREAD_MIN_ITEMS, referencesOnThread, referencesSource } from '../../src/site/referencesThread.ts';
import { HOSTILE, makeArticle } from '../fixtures/site/archive.ts';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');

describe('references on a worker thread', () => {
  it('gives the seeds and hostile records the references formatted on this thread, in order', async () => {
    const archive = await ingestFolder(SEEDS, { today: '2026-01-01' });
    const articles = inTimeOrder([...archive.articles, makeArticle({ slug: 'hostile', title: HOSTILE, authors: [], published: null })]);
    const items = citationItems(articles, citationKeys(articles.map((a) => a.slug)));
    const here = formatReferences(items);
    assert.equal(here.apa.length, articles.length);
    assert.deepEqual(referencesOnThread(items, { takeHere: false })(items), here);
    assert.deepEqual(referencesOnThread(items)(items), here);
  });

  it('gives the same references however the batches are shared between the threads', () => {
    const articles = Array.from({ length: BATCH_SIZE + BATCH_SIZE / 5 }, (_, i) => makeArticle({ slug: `a${i}`, title: `${HOSTILE} ${i}`, authors: i % 2 === 0 ? ['Ana María de la Cruz', 'Reuters'] : [] }));
    const items = citationItems(articles, citationKeys(articles.map((a) => a.slug)));
    const here = formatReferences(items);
    assert.equal(referenceBatches(items.length).length, 6);
    assert.deepEqual(referencesOnThread(items)(items), here);
    // This thread starts taking only once the worker has formatted a batch: each thread formats some.
    let takenHere = 0;
    assert.deepEqual(referencesOnThread(items, { takeHere: 'after-worker-batch', onTakenHere: (count) => (takenHere = count) })(items), here);
    assert.ok(takenHere >= 1 && takenHere < 6, `this thread formatted ${takenHere} of 6 batches`);
  });

  it('formats on this thread when asked for other items than it was started with', () => {
    const items = citationItems([makeArticle({ slug: 'a', title: 'First' })], new Map([['a', 'a']]));
    const other = citationItems([makeArticle({ slug: 'b', title: 'Second' })], new Map([['b', 'b']]));
    assert.deepEqual(referencesOnThread(items)(other), formatReferences(other));
  });

  it('stops waiting, with an error, for a worker that formats nothing', () => {
    const items = citationItems([makeArticle({ slug: 'a', title: 'First' })], new Map([['a', 'a']]));
    const stalled = new URL('../fixtures/site/stalledReferencesWorker.ts', import.meta.url);
    const started = Date.now();
    assert.throws(() => referencesOnThread(items, { stallMs: 1_500, module: stalled, takeHere: false })(items), /no batch done in 2 s/);
    assert.ok(Date.now() - started >= 1_500);
  });

  it('starts no thread for a small archive', () => {
    assert.equal(referencesSource([]), formatReferences);
    assert.ok(REFERENCES_THREAD_MIN_ITEMS > 1);
  });
});
