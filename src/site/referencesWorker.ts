// The references' worker thread (see referencesThread.ts): formats the items it was started with, answers
// once, and raises the flag the waiting thread blocks on.
import { workerData } from 'node:worker_threads';
import { formatReferences } from './citations.ts';
import { DONE, PROGRESS, type ReferencesAnswer, type ReferencesJob } from './referencesThread.ts';

const { items, port, done } = workerData as ReferencesJob;
try {
  // Each batch formatted counts as progress: the waiting thread gives up on a worker that makes none.
  port.postMessage({ references: formatReferences(items, () => Atomics.add(done, PROGRESS, 1)) } satisfies ReferencesAnswer);
} catch (error) {
  port.postMessage({ error: String((error as Error).stack ?? error) } satisfies ReferencesAnswer);
} finally {
  port.close();
  Atomics.store(done, DONE, 1);
  Atomics.notify(done, DONE);
}
