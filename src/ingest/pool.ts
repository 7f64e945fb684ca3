// Ingests many files on worker threads (one per core): each file is parsed on its own, so the folder's
// files are shared out in batches and the results put back in the folder's order. Byte-identical to
// ingesting on one thread: the same ingestText runs on each file, results are plain data (structured
// clone keeps them as they are), and the caller assembles the Archive in file order as before.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startTypeScriptWorker } from '../typeScriptWorker.ts';
import type { Catalogue } from '../types.ts';
import type { IngestOptions, IngestResult } from './index.ts';

export const POOL_LIMITS = {
  /**
   * Fewer files than this are ingested on the calling thread alone. A worker's start (loading the ingest
   * modules and their models again, about 0.5 s of CPU) and its second heap cost about 1.2 s of CPU at
   * 1,000 files and shorten the calling thread's work by a fifth there, a third at 3,000 and more
   * (README, Performance): below that, too little is left to share.
   */
  minFiles: 1000,
  /** Files sent to a worker in one message: fewer messages, and still an even share at the end. */
  batchFiles: 25,
  /** Batches sent to a worker before its first answer (see ingestOnWorkers). */
  batchesInFlight: 3,
} as const;

export interface IngestJob {
  sourceFile: string;
  bytes: Uint8Array;
  /** sha256 of the bytes, as read.ts's sha256Hex gives it (the folder hashes each file to find duplicates). */
  sha256: string;
}

/** What the worker is started with (workerData). */
export interface WorkerSetup {
  catalogue: Catalogue;
  options: IngestOptions;
}

/** A batch for a worker, and its answer: the results of the batch's files, in order, without their lines. */
export interface WorkerBatch {
  batch: number;
  jobs: IngestJob[];
}
export interface WorkerAnswer {
  batch: number;
  results: IngestResult[];
}

const WORKER_MODULE = new URL('./ingestWorker.ts', import.meta.url);

/**
 * How many worker threads a folder of `files` inputs gets besides the calling thread, which ingests too:
 * none for a small folder, else one per other core. Not fewer on a busy machine: Linux's load average
 * also counts threads waiting on the disk, so it read about 1 on an idle 2-core VM and gave no worker at
 * all; a worker that has to share a core costs only its start-up (about 0.5 s of CPU).
 */
export function workerCount(files: number): number {
  if (files < POOL_LIMITS.minFiles) return 0;
  return Math.max(0, Math.min(availableParallelism() - 1, Math.ceil(files / POOL_LIMITS.batchFiles) - 1));
}

/** A worker thread started before its jobs are known; `online` settles when it can take them, or fails to start. */
export interface IngestWorker {
  worker: Worker;
  online: Promise<void>;
}

/**
 * Starts `count` ingest workers. The folder starts them before it reads its files, so their start-up
 * (about 0.5 s of CPU each) runs while this thread reads.
 */
export function startIngestWorkers(count: number, setup: WorkerSetup): IngestWorker[] {
  return Array.from({ length: count }, () => {
    const worker = startTypeScriptWorker(WORKER_MODULE, { workerData: setup satisfies WorkerSetup });
    const online = new Promise<void>((resolve, reject) => {
      worker.once('online', () => resolve());
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`an ingest worker stopped with exit code ${code}`)));
    });
    // Awaited by ingestOnWorkers; should the folder fail before, the failure is not also an unhandled rejection,
    // and the idle worker does not keep the process alive (ingestOnWorkers refs it again).
    online.catch(() => undefined);
    worker.unref();
    return { worker, online };
  });
}

/**
 * Runs ingestText over every job, here (unless `ingestHere` is null) and on the `workers`, each taking the next batch when it is done
 * (a worker's start-up is overlapped by this thread's work); the results come back in the jobs' order.
 * Results made by a worker have `lines` empty: the folder's Archive does not keep them, and they are most
 * of what would be copied back.
 */
export async function ingestOnWorkers(
  jobs: IngestJob[],
  workers: readonly IngestWorker[],
  ingestHere: ((job: IngestJob) => IngestResult) | null,
): Promise<IngestResult[]> {
  const batches: IngestJob[][] = [];
  for (let start = 0; start < jobs.length; start += POOL_LIMITS.batchFiles) batches.push(jobs.slice(start, start + POOL_LIMITS.batchFiles));
  const answers: IngestResult[][] = new Array(batches.length);
  let next = 0;
  const runWorker = ({ worker, online }: IngestWorker): Promise<void> =>
    new Promise((resolve, reject) => {
      worker.ref();
      let finished = false;
      let pending = 0;
      const send = (): void => {
        if (finished) return;
        if (next >= batches.length) {
          if (pending > 0) return;
          finished = true;
          void worker.terminate().then(() => resolve());
          return;
        }
        const batch = next++;
        pending++;
        worker.postMessage({ batch, jobs: batches[batch]! } satisfies WorkerBatch);
      };
      worker.on('message', (answer: WorkerAnswer) => {
        pending--;
        answers[answer.batch] = answer.results;
        send();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (!finished) reject(new Error(`an ingest worker stopped with exit code ${code}`));
      });
      // Batches in flight: the worker's next batch is already waiting when it answers, so it does not sit
      // idle until this thread finishes its own batch and reads the answer.
      online.then(() => {
        for (let sent = 0; sent < POOL_LIMITS.batchesInFlight; sent++) send();
      }, reject);
    });
  const runHere = async (): Promise<void> => {
    while (ingestHere !== null && next < batches.length) {
      const batch = next++;
      answers[batch] = batches[batch]!.map(ingestHere);
      // Between batches, the workers' answers are taken in and they are sent their next batch.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  await Promise.all([runHere(), ...workers.map(runWorker)]);
  return answers.flat();
}
