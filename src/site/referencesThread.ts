// The archive's formatted references (APA, MLA, Chicago) on a worker thread, while this thread finds the
// entities, related articles and events. citeproc-js formats one item at a time (about 2 ms of CPU an
// article, most of it APA) and nothing else in the site data reads its output. The references come in
// batches (one style, BATCH_SIZE items) that the worker and this thread share: each takes the next batch not yet
// taken (a shared counter), the worker from its start and this thread once its own work is done, so
// neither thread waits long for the other whichever finishes first. Byte-identical: each batch is formatted
// by the same formatBatch, whichever thread takes it, and formatReferences (all on one thread) is those same
// batches joined. toSiteData is synchronous, so this thread waits for the worker's last batch by blocking
// (Atomics.wait) and takes the batches with receiveMessageOnPort.
// The worker signals with its batches or an error; one that dies without either (killed for its memory)
// stops formatting batches, and the wait gives up after REFERENCES_STALL_MS.
// Related articles and events (about 0.7 ms an article) stay on this thread: they read the bodies, and a copy
// of every body in the worker raised the peak memory by about 250 MB at 5,000 articles.
import { isDeepStrictEqual } from 'node:util';
import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { startTypeScriptWorker } from '../typeScriptWorker.ts';
import type { CslItem } from '../types.ts';
import { formatBatch, formatReferences, joinBatches, referenceBatches, type ReferencesSource } from './citations.ts';

/**
 * Fewer items than this are formatted on the calling thread: a worker's start (tsx compiling the modules
 * again, citeproc-js and its styles loaded, the compiler warming up; about 1 s of CPU) costs more than
 * formatting a few hundred references.
 */
export const REFERENCES_THREAD_MIN_ITEMS = 1000;

/**
 * A worker that formats no batch for this long is given up for lost (killed for its memory, or failed to
 * start before it could signal): the build stops with an error instead of waiting forever. Far above a
 * batch's time (under 1 s) or a start on a loaded machine.
 */
export const REFERENCES_STALL_MS = 120_000;

/** Slots of the shared flag array: set to 1 when the worker is done; batches formatted so far; batches taken so far (by either thread). */
export const DONE = 0;
export const PROGRESS = 1;
export const TAKEN = 2;

/** What the worker is started with (workerData): the items, where to answer, and the flags it raises. */
export interface ReferencesJob {
  items: CslItem[];
  port: MessagePort;
  flags: Int32Array;
}
/** One batch formatted (its index in referenceBatches), or why the worker stopped. */
export type ReferencesAnswer = { batch: number; references: string[] } | { error: string };

/** Far past any archive's last batch, and far from the largest Int32 (each take adds one). */
const ALL_TAKEN = 1 << 30;

/** The index of the next batch not yet taken by either thread (past the last when all are taken). */
export const takeBatch = (flags: Int32Array): number => Atomics.add(flags, TAKEN, 1);

/**
 * The worker's boot: the done flag is raised when its thread exits, and a failure to load answers with the
 * error, so the waiting thread is woken either way.
 */
const RAISE_DONE_ON_EXIT = `const done = () => { Atomics.store(workerData.flags, ${DONE}, 1); Atomics.notify(workerData.flags, ${DONE}); };
process.on('exit', done);`;
const ANSWER_LOAD_ERROR = 'workerData.port.postMessage({ error: String(error && error.stack || error) }); done();';

const WORKER_MODULE = new URL('./referencesWorker.ts', import.meta.url);

/** Blocks until the worker is done; throws when it has made no progress for `stallMs`. */
function waitForWorker(flags: Int32Array, stallMs: number): void {
  const slice = Math.min(1_000, stallMs);
  let progress = Atomics.load(flags, PROGRESS);
  let stalledSince = Date.now();
  while (Atomics.wait(flags, DONE, 0, slice) === 'timed-out') {
    const now = Atomics.load(flags, PROGRESS);
    if (now !== progress) {
      progress = now;
      stalledSince = Date.now();
    } else if (Date.now() - stalledSince >= stallMs) {
      throw new Error(`formatting the references on a worker thread failed: no batch done in ${Math.round(stallMs / 1000)} s (the worker may have run out of memory); rerun the build, or give Node more memory`);
    }
  }
}

/** Blocks until the worker has formatted a batch or is done, for at most `stallMs`. */
function waitForFirstBatch(flags: Int32Array, stallMs: number): void {
  const start = Date.now();
  while (Atomics.load(flags, PROGRESS) === 0 && Atomics.load(flags, DONE) === 0 && Date.now() - start < stallMs) Atomics.wait(flags, DONE, 0, 10);
}

/** How referencesOnThread runs; all but the build's defaults are for tests. */
export interface ReferencesThreadOptions {
  stallMs?: number;
  /** The worker's module (a test's stand-in). */
  module?: URL;
  /**
   * Whether this thread takes batches too: true (the build), false (the worker formats every batch), or
   * 'after-worker-batch' (only once the worker has formatted one, so that both threads take some).
   */
  takeHere?: boolean | 'after-worker-batch';
  /** Told how many batches this thread formatted. */
  onTakenHere?: (count: number) => void;
}

/**
 * Starts formatting `items` on a worker thread and returns the ReferencesSource that formats the batches the
 * worker has not yet taken (none with `takeHere` false), waits for the rest and joins them. Asked for other items than it was started
 * with (it should not be), it formats those on the calling thread.
 */
export function referencesOnThread(items: CslItem[], options: ReferencesThreadOptions = {}): ReferencesSource {
  const flags = new Int32Array(new SharedArrayBuffer(12));
  const { port1, port2 } = new MessageChannel();
  const worker = startTypeScriptWorker(options.module ?? WORKER_MODULE, { workerData: { items, port: port2, flags } satisfies ReferencesJob, transferList: [port2] }, { boot: RAISE_DONE_ON_EXIT, onLoadError: ANSWER_LOAD_ERROR });
  worker.unref();
  // A failure is reported by the waiting thread (below); an 'error' event after that has no one to tell.
  worker.on('error', () => {});
  const stop = (): void => {
    void worker.terminate();
    port1.close();
  };
  return (wanted) => {
    if (!isDeepStrictEqual(wanted, items)) {
      // Nothing more for the worker: every batch is taken, and the worker is stopped.
      Atomics.store(flags, TAKEN, ALL_TAKEN);
      stop();
      return formatReferences(wanted);
    }
    const batches = referenceBatches(items.length);
    const formatted: Array<string[] | undefined> = new Array(batches.length);
    let takenHere = 0;
    try {
      if (options.takeHere === 'after-worker-batch') waitForFirstBatch(flags, options.stallMs ?? REFERENCES_STALL_MS);
      for (let batch = options.takeHere === false ? batches.length : takeBatch(flags); batch < batches.length; batch = takeBatch(flags)) {
        formatted[batch] = formatBatch(items, batches[batch]!);
        takenHere += 1;
      }
      options.onTakenHere?.(takenHere);
      // The worker took none (it had not started yet): nothing to wait for.
      if (takenHere === batches.length) {
        stop();
        return joinBatches(batches, formatted as string[][]);
      }
      waitForWorker(flags, options.stallMs ?? REFERENCES_STALL_MS);
    } catch (error) {
      stop();
      throw error;
    }
    for (let answer = receiveMessageOnPort(port1)?.message as ReferencesAnswer | undefined; answer !== undefined; answer = receiveMessageOnPort(port1)?.message as ReferencesAnswer | undefined) {
      if ('error' in answer) {
        port1.close();
        throw new Error(`formatting the references on a worker thread failed: ${answer.error}`);
      }
      formatted[answer.batch] = answer.references;
    }
    port1.close();
    if (formatted.some((batch) => batch === undefined)) throw new Error('formatting the references on a worker thread failed: the worker stopped without formatting the batches it took');
    return joinBatches(batches, formatted as string[][]);
  };
}

/** The references' source for an archive of `items`: a worker thread for a large one, else this thread. */
export const referencesSource = (items: CslItem[]): ReferencesSource =>
  items.length >= REFERENCES_THREAD_MIN_ITEMS ? referencesOnThread(items) : formatReferences;
