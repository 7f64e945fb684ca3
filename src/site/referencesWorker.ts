// The references' worker thread (see referencesThread.ts): formats the batches of the items it was started
// with that the other thread has not taken, answers with each, and raises the flag the other thread blocks on.
import { workerData } from 'node:worker_threads';
import { formatBatch, referenceBatches } from './citations.ts';
import { DONE, PROGRESS, takeBatch, type ReferencesAnswer, type ReferencesJob } from './referencesThread.ts';

const { items, port, flags } = workerData as ReferencesJob;
try {
  const batches = referenceBatches(items.length);
  for (let batch = takeBatch(flags); batch < batches.length; batch = takeBatch(flags)) {
    port.postMessage({ batch, references: formatBatch(items, batches[batch]!) } satisfies ReferencesAnswer);
    // Each batch formatted counts as progress: the waiting thread gives up on a worker that makes none.
    Atomics.add(flags, PROGRESS, 1);
  }
} catch (error) {
  port.postMessage({ error: String((error as Error).stack ?? error) } satisfies ReferencesAnswer);
} finally {
  port.close();
  Atomics.store(flags, DONE, 1);
  Atomics.notify(flags, DONE);
}
