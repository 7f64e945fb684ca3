// One ingest worker thread (see pool.ts): ingests each batch of files it is sent and answers with the results.
import { parentPort, workerData } from 'node:worker_threads';
import { ingestText } from './index.ts';
import type { WorkerAnswer, WorkerBatch, WorkerSetup } from './pool.ts';

const { catalogue, options } = workerData as WorkerSetup;

parentPort?.on('message', ({ batch, jobs }: WorkerBatch) => {
  const results = jobs.map((job) => ({ ...ingestText(job.sourceFile, job.bytes, catalogue, options, job.sha256), lines: [] }));
  parentPort?.postMessage({ batch, results } satisfies WorkerAnswer);
});
