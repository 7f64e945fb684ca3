// Ingest on worker threads (pool.ts) must give what one thread gives: the same Archive, byte for byte,
// with the same diagnostics and order, for the seeds and for a folder large enough to be shared out.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateCorpus, readSeedTexts } from '../../bench/corpus.ts';
import { emptyCatalogue, ingestFolder, ingestText } from '../../src/ingest/index.ts';
import { ingestOnWorkers, POOL_LIMITS, startIngestWorkers, workerCount } from '../../src/ingest/pool.ts';
import { sha256Hex } from '../../src/ingest/read.ts';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');

describe('ingest on worker threads', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dossier-pool-'));
    // Enough batches that the worker, which takes about half a second to start, gets many of them while
    // this thread works through its own; the catalogue reaches the worker too.
    const files = [...generateCorpus(POOL_LIMITS.batchFiles * 40, readSeedTexts(SEEDS))];
    for (const file of files) await writeFile(join(dir, file.name), file.text);
    await writeFile(join(dir, 'empty.txt'), '');
    // The last file is in the last batch, which the calling thread does not take first.
    await writeFile(join(dir, 'catalogue.yaml'), `articles:\n  ${files[files.length - 1]!.name}:\n    publisher: Ledger of the Catalogue\n`);
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('makes the same Archive as one thread, with the same report', async () => {
    const told: [number, string | null][] = [];
    const alone = await ingestFolder(dir, { today: '2026-01-01', workers: 0, onWorkers: (n, failure) => told.push([n, failure]) });
    const pooled = await ingestFolder(dir, { today: '2026-01-01', workers: 1, onWorkers: (n, failure) => told.push([n, failure]) });
    assert.equal(JSON.stringify(pooled), JSON.stringify(alone));
    // The worker ran and did not fail (had it failed, the files would have been ingested here, silently but for this).
    assert.deepEqual(told, [[0, null], [1, null]]);
    assert.equal(alone.report.counts.skipped, 1);
    assert.ok(alone.articles.some((article) => article.publisher === 'Ledger of the Catalogue'));
  });

  it('ingests on the workers alone as ingestText does here (without the classified lines)', async () => {
    const jobs = await Promise.all((await readdir(SEEDS)).sort().map(async (name) => {
      const bytes = await readFile(join(SEEDS, name));
      return { sourceFile: name, bytes, sha256: sha256Hex(bytes) };
    }));
    const catalogue = emptyCatalogue();
    const results = await ingestOnWorkers(jobs, startIngestWorkers(2, { catalogue, options: { today: '2026-01-01' } }), null);
    const here = jobs.map((job) => ({ ...ingestText(job.sourceFile, job.bytes, catalogue, { today: '2026-01-01' }), lines: [] }));
    assert.equal(results.length, jobs.length);
    assert.deepEqual(results, here);
    assert.ok(results.some((result) => result.article !== null));
  });

  it('keeps a small folder on the calling thread', () => {
    assert.equal(workerCount(POOL_LIMITS.minFiles - 1), 0);
  });

  it('gives a large folder one worker per other core, and no more than it has batches for the others', () => {
    // On a machine with many cores, the folder's batches (less the calling thread's first) are the cap.
    const othersFor = (files: number): number => Math.min(availableParallelism() - 1, Math.ceil(files / POOL_LIMITS.batchFiles) - 1);
    assert.equal(workerCount(POOL_LIMITS.minFiles), othersFor(POOL_LIMITS.minFiles));
    assert.equal(workerCount(10_000), othersFor(10_000));
  });
});
