// The archive's formatted references (APA, MLA, Chicago) on a worker thread, while this thread finds the
// entities, related articles and events. citeproc-js formats one item at a time (about 2.4 ms of CPU an
// article, most of it APA) and nothing else in the site data reads its output, so on two cores the site
// data takes about that much less wall time. Byte-identical: the worker runs the same formatReferences
// on the same items. toSiteData is synchronous, so the references are waited for by blocking (Atomics.wait)
// and taken with receiveMessageOnPort; the worker always signals, with an answer or an error.
// Related articles and events (about 0.7 ms an article) stay on this thread: they read the bodies, and a copy
// of every body in the worker raised the peak memory by about 250 MB at 5,000 articles.
import { isDeepStrictEqual } from 'node:util';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { CslItem } from '../types.ts';
import { formatReferences, type FormattedReferences, type ReferencesSource } from './citations.ts';

/**
 * Fewer items than this are formatted on the calling thread: a worker's start (tsx compiling the modules
 * again, citeproc-js and its styles loaded, the compiler warming up; about 1 s of CPU) costs more than
 * formatting a few hundred references.
 */
export const REFERENCES_THREAD_MIN_ITEMS = 1000;

/** What the worker is started with (workerData): the items, where to answer, and the flag it raises when done. */
export interface ReferencesJob {
  items: CslItem[];
  port: MessagePort;
  done: Int32Array;
}
export type ReferencesAnswer = { references: FormattedReferences } | { error: string };

/**
 * A worker's first lines: Node 20 does not pass the loader of the starting thread (tsx) on to a worker, so it
 * registers tsx itself. A failure to load still raises the flag, so the waiting thread never waits forever.
 */
const WORKER_BOOT = `const { workerData } = require('node:worker_threads');
const done = () => { Atomics.store(workerData.done, 0, 1); Atomics.notify(workerData.done, 0); };
process.on('exit', done);
import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then(({ register }) => { register(); return import(${JSON.stringify(new URL('./referencesWorker.ts', import.meta.url).href)}); })
  .catch((error) => { workerData.port.postMessage({ error: String(error && error.stack || error) }); done(); });`;

/**
 * Starts formatting `items` on a worker thread and returns the ReferencesSource that waits for them. Asked
 * for other items than it was started with (it should not be), it formats those on the calling thread.
 */
export function referencesOnThread(items: CslItem[]): ReferencesSource {
  const done = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER_BOOT, { eval: true, workerData: { items, port: port2, done } satisfies ReferencesJob, transferList: [port2] });
  worker.unref();
  return (wanted) => {
    Atomics.wait(done, 0, 0);
    const answer = receiveMessageOnPort(port1)?.message as ReferencesAnswer | undefined;
    port1.close();
    if (answer === undefined || 'error' in answer) throw new Error(`formatting the references on a worker thread failed: ${answer?.error ?? 'the worker stopped without an answer'}`);
    return isDeepStrictEqual(wanted, items) ? answer.references : formatReferences(wanted);
  };
}

/** The references' source for an archive of `items`: a worker thread for a large one, else this thread. */
export const referencesSource = (items: CslItem[]): ReferencesSource =>
  items.length >= REFERENCES_THREAD_MIN_ITEMS ? referencesOnThread(items) : formatReferences;
