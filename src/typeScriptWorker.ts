// A worker thread that runs a TypeScript module. Node 20 does not pass the starting thread's loader (tsx,
// which runs the build) on to a worker, so the worker registers tsx itself before importing the module.
import { Worker, type WorkerOptions } from 'node:worker_threads';

const TSX_API = JSON.stringify(import.meta.resolve('tsx/esm/api'));

/**
 * Starts `module` on a worker thread. `boot`, plain JavaScript with `workerData` in scope, runs before the
 * module loads; `onLoadError`, a statement with `error` in scope, runs if it fails to load (without it, the
 * failure reaches the Worker's 'error' event).
 */
export function startTypeScriptWorker(module: URL, options: WorkerOptions, code: { boot?: string; onLoadError?: string } = {}): Worker {
  const source = [
    "const { workerData } = require('node:worker_threads');",
    code.boot ?? '',
    `import(${TSX_API})`,
    `  .then(({ register }) => { register(); return import(${JSON.stringify(module.href)}); })`,
    code.onLoadError === undefined ? '' : `  .catch((error) => { ${code.onLoadError} })`,
  ].join('\n');
  return new Worker(source, { ...options, eval: true });
}
