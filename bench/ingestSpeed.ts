// Ingest speed alone, in one process: generates N benchmark articles (bench/corpus.ts), then times
// ingestText over their bytes in memory and ingestFolder over them on disk, on one thread (as the build runs
// it) and with worker threads (wall time and the CPU of all threads). Module import and corpus generation
// are not timed. `--dump FILE` writes the folder's Archive as JSON, to check that a change
// leaves the output byte-identical. `--dir DIR` times the article inputs of an existing folder instead
// (a bench corpus written by bench/run.ts, the seeds, real pages) and reads its catalogue.yaml.
//   node --import tsx bench/ingestSpeed.ts [--articles 2000 | --dir DIR] [--runs 3] [--dump FILE]
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { emptyCatalogue, ingestFolder, ingestText, loadCatalogue } from '../src/ingest/index.ts';
import { workerCount } from '../src/ingest/pool.ts';
import { inputKind, listFiles } from '../src/ingest/read.ts';
import { generateCorpus, readSeedTexts } from './corpus.ts';

const ROOT = join(import.meta.dirname, '..');
const TODAY = '2026-01-01';

const USAGE = `usage: node --import tsx bench/ingestSpeed.ts [--articles N | --dir DIR] [--runs R] [--dump FILE]

Times ingest alone: ingestText over each file's bytes in memory, then ingestFolder on one thread and with
the build's default worker threads; prints articles/s of wall and CPU time and CPU ms an article.
  --articles N  generate N bench articles (bench/corpus.ts) into a temporary folder (default 2000)
  --dir DIR     ingest this folder instead (its article inputs, recursively, and its catalogue.yaml)
  --runs R      median of R runs (default 3)
  --dump FILE   write the one-thread Archive of the first run as JSON (compare before and after a change)`;
const { values } = parseArgs({ options: { articles: { type: 'string', default: '2000' }, dir: { type: 'string' }, runs: { type: 'string', default: '3' }, dump: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
if (values.help === true) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const runs = Number(values.runs);

const encoder = new TextEncoder();
let inputs: { name: string; bytes: Uint8Array }[];
let dir: string;
if (values.dir === undefined) {
  const files = [...generateCorpus(Number(values.articles), readSeedTexts(join(ROOT, 'seeds')))];
  inputs = files.map((file) => ({ name: file.name, bytes: encoder.encode(file.text) }));
  dir = await mkdtemp(join(tmpdir(), 'dossier-ingest-'));
  for (const file of files) await writeFile(join(dir, file.name), file.text);
} else {
  dir = values.dir;
  const listed = (await listFiles(dir)).filter((file) => inputKind(file.path) !== null);
  inputs = listed.map((file) => ({ name: file.path, bytes: new Uint8Array(readFileSync(file.absolutePath)) }));
}
const count = inputs.length;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const perSecond = (ms: number): string => `${Math.round(count / (ms / 1000))} articles/s (${(ms / 1000).toFixed(2)} s)`;

// CPU time as well as wall time: on a shared machine the wall clock mostly measures the others.
const textTimes: number[] = [];
const textCpu: number[] = [];
const folderTimes: number[] = [];
const folderCpu: number[] = [];
const poolTimes: number[] = [];
const poolCpu: number[] = [];
const cpuMs = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
// The main thread's own CPU (Linux, 10 ms ticks): with workers, the longest thread's work bounds the wall
// time on idle cores, whatever else the machine runs meanwhile.
const mainThreadMs = (): number => {
  const stat = readFileSync('/proc/thread-self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
const folderMain: number[] = [];
const poolMain: number[] = [];
const catalogue = values.dir === undefined ? emptyCatalogue() : (await loadCatalogue(dir)).catalogue;
for (let run = 0; run < runs; run++) {
  let start = performance.now();
  let cpu = cpuMs();
  for (const input of inputs) ingestText(input.name, input.bytes, catalogue, { today: TODAY });
  textTimes.push(performance.now() - start);
  textCpu.push(cpuMs() - cpu);
  start = performance.now();
  cpu = cpuMs();
  let main = mainThreadMs();
  const archive = await ingestFolder(dir, { today: TODAY, workers: 0 });
  folderTimes.push(performance.now() - start);
  folderCpu.push(cpuMs() - cpu);
  folderMain.push(mainThreadMs() - main);
  if (run === 0 && values.dump !== undefined) await writeFile(values.dump, JSON.stringify(archive, null, 1));
  // With worker threads, as the build runs it when a core is idle (the load is taken as 0 here).
  // process.cpuUsage counts every thread of the process.
  start = performance.now();
  cpu = cpuMs();
  main = mainThreadMs();
  const pooled = await ingestFolder(dir, { today: TODAY, workers: workerCount(count) });
  poolMain.push(mainThreadMs() - main);
  poolTimes.push(performance.now() - start);
  poolCpu.push(cpuMs() - cpu);
  if (JSON.stringify(pooled) !== JSON.stringify(archive)) throw new Error('ingestFolder on worker threads made another Archive than on one thread');
}
if (values.dir === undefined) await rm(dir, { recursive: true, force: true });
process.stdout.write(`ingest of ${count} articles, median of ${runs}:\n`);
process.stdout.write(`  ingestText   wall ${perSecond(median(textTimes))}, CPU ${perSecond(median(textCpu))}\n`);
const perArticle = (ms: number): string => `${(ms / count).toFixed(2)} ms an article`;
process.stdout.write(`  ingestFolder, one thread      wall ${perSecond(median(folderTimes))}, CPU ${perSecond(median(folderCpu))}\n`);
process.stdout.write(`  ingestFolder with ${workerCount(count)} worker thread(s) beside the main one (${availableParallelism()} cores)\n`);
process.stdout.write(`               wall ${perSecond(median(poolTimes))}, CPU of all threads ${perArticle(median(poolCpu))} (one thread: ${perArticle(median(folderCpu))})\n`);
process.stdout.write(`               main thread CPU ${perArticle(median(poolMain))} (one thread: ${perArticle(median(folderMain))})\n`);
