// The references' worker thread (see referencesThread.ts): formats the items it was started with, answers
// once, and raises the flag the waiting thread blocks on.
import { workerData } from 'node:worker_threads';
import { formatReferences } from './citations.ts';
import type { ReferencesAnswer, ReferencesJob } from './referencesThread.ts';

const { items, port, done } = workerData as ReferencesJob;
try {
  port.postMessage({ references: formatReferences(items) } satisfies ReferencesAnswer);
} catch (error) {
  port.postMessage({ error: String((error as Error).stack ?? error) } satisfies ReferencesAnswer);
} finally {
  port.close();
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
}
