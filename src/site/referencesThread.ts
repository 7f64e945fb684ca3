// The archive's formatted references (APA, MLA, Chicago) on a worker thread, while this thread finds the
// entities, related articles and events. citeproc-js formats one item at a time (about 2.4 ms of CPU an
// article, most of it APA) and nothing else in the site data reads its output, so on two cores the site
// data takes about that much less wall time. Byte-identical: the worker runs the same formatReferences
// on the same items. toSiteData is synchronous, so the references are waited for by blocking (Atomics.wait)
// and taken with receiveMessageOnPort. The worker signals with an answer or an error; one that dies without
// either (killed for its memory) stops formatting batches, and the wait gives up after REFERENCES_STALL_MS.
// Related articles and events (about 0.7 ms an article) stay on this thread: they read the bodies, and a copy
// of every body in the worker raised the peak memory by about 250 MB at 5,000 articles.
import { isDeepStrictEqual } from 'node:util';
import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { startTypeScriptWorker } from '../typeScriptWorker.ts';
import type { CslItem } from '../types.ts';
import { formatReferences, type FormattedReferences, type ReferencesSource } from './citations.ts';

/**
 * Fewer items than this are formatted on the calling thread: a worker's start (tsx compiling the modules
 * again, citeproc-js and its styles loaded, the compiler warming up; about 1 s of CPU) costs more than
 * formatting a few hundred references.
 */
export const REFERENCES_THREAD_MIN_ITEMS = 1000;

/**
 * A worker that formats no batch for this long is given up for lost (killed for its memory, or failed to
 * start before it could signal): the build stops with an error instead of waiting forever. Far above a
 * batch's time (about 2.4 s for 1,000 items) or a start on a loaded machine.
 */
export const REFERENCES_STALL_MS = 120_000;

/** Slots of the shared flag array: set to 1 when the worker is done; batches formatted so far. */
export const DONE = 0;
export const PROGRESS = 1;

/** What the worker is started with (workerData): the items, where to answer, and the flags it raises. */
export interface ReferencesJob {
  items: CslItem[];
  port: MessagePort;
  done: Int32Array;
}
export type ReferencesAnswer = { references: FormattedReferences } | { error: string };

/**
 * The worker's boot: the done flag is raised when its thread exits, and a failure to load answers with the
 * error, so the waiting thread is woken either way.
 */
const RAISE_DONE_ON_EXIT = `const done = () => { Atomics.store(workerData.done, ${DONE}, 1); Atomics.notify(workerData.done, ${DONE}); };
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

/**
 * Starts formatting `items` on a worker thread and returns the ReferencesSource that waits for them. Asked
 * for other items than it was started with (it should not be), it formats those on the calling thread.
 */
export function referencesOnThread(items: CslItem[], options: { stallMs?: number; module?: URL } = {}): ReferencesSource {
  const done = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  const worker = startTypeScriptWorker(options.module ?? WORKER_MODULE, { workerData: { items, port: port2, done } satisfies ReferencesJob, transferList: [port2] }, { boot: RAISE_DONE_ON_EXIT, onLoadError: ANSWER_LOAD_ERROR });
  worker.unref();
  // A failure is reported by the waiting thread (below); an 'error' event after that has no one to tell.
  worker.on('error', () => {});
  return (wanted) => {
    try {
      waitForWorker(done, options.stallMs ?? REFERENCES_STALL_MS);
    } catch (error) {
      void worker.terminate();
      port1.close();
      throw error;
    }
    const answer = receiveMessageOnPort(port1)?.message as ReferencesAnswer | undefined;
    port1.close();
    if (answer === undefined || 'error' in answer) throw new Error(`formatting the references on a worker thread failed: ${answer?.error ?? 'the worker stopped without an answer'}`);
    return isDeepStrictEqual(wanted, items) ? answer.references : formatReferences(wanted);
  };
}

/** The references' source for an archive of `items`: a worker thread for a large one, else this thread. */
export const referencesSource = (items: CslItem[]): ReferencesSource =>
  items.length >= REFERENCES_THREAD_MIN_ITEMS ? referencesOnThread(items) : formatReferences;
