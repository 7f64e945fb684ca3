// Site-data speed alone, in one process: ingests a folder (not timed), then times the site data (siteDataOf: entities,
// related articles, events, citations, the timeline) by CPU (all threads, and the main thread alone) and wall
// time. `--dump FILE` writes the SiteData as JSON (one line per top-level value, one per item of a list: the
// whole would pass V8's longest string at a few thousand articles), to check that a change leaves it byte-identical.
//   node --import tsx bench/siteDataSpeed.ts --seeds DIR [--runs 1] [--dump FILE]
import { createWriteStream, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { HEAP_GROWING_PERCENT } from '../src/build.ts';
import { ingestFolder, loadCatalogue } from '../src/ingest/index.ts';
import { siteDataOf } from '../src/site/loadSiteData.ts';

const { values } = parseArgs({ options: { seeds: { type: 'string', default: 'seeds' }, runs: { type: 'string', default: '1' }, dump: { type: 'string' } } });
const runs = Number(values.runs);
const where = { siteUrl: 'http://localhost:8080', base: '/' };
// As the build sets it, so memory is measured as it would be there.
setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);

const [archive, { catalogue }] = await Promise.all([ingestFolder(values.seeds, { today: '2026-01-01' }), loadCatalogue(values.seeds)]);
const count = archive.articles.length;
const cpuMs = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
/** CPU of this (the main) thread alone, from Linux's per-thread counters (0 where there are none): the site data may use a worker thread too. */
const mainThreadCpuMs = (): number => {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in ticks of 1/100 s
  } catch {
    return 0;
  }
};
for (let run = 0; run < runs; run++) {
  const start = performance.now();
  const cpu = cpuMs();
  const mainCpu = mainThreadCpuMs();
  const site = siteDataOf(archive, catalogue, where);
  const spent = cpuMs() - cpu;
  const mainSpent = mainThreadCpuMs() - mainCpu;
  const wall = performance.now() - start;
  process.stdout.write(`run ${run + 1}: ${count} articles, site data ${(spent / 1000).toFixed(2)} s CPU (${(spent / count).toFixed(2)} ms an article; main thread ${(mainSpent / count).toFixed(2)}), ${(wall / 1000).toFixed(2)} s wall\n`);
  if (run === 0 && values.dump !== undefined) await dump(values.dump, site as unknown as Record<string, unknown>);
}

async function dump(file: string, value: Record<string, unknown>): Promise<void> {
  const out = createWriteStream(file);
  const write = (line: string): Promise<void> => new Promise((resolve) => (out.write(`${line}\n`) ? resolve() : out.once('drain', resolve)));
  const lines = function* (prefix: string, item: unknown): Generator<string> {
    if (Array.isArray(item)) for (const [i, element] of item.entries()) yield `${prefix}[${i}] ${JSON.stringify(element)}`;
    else if (item !== null && typeof item === 'object' && prefix.split('.').length < 3) for (const [key, inner] of Object.entries(item)) yield* lines(`${prefix}.${key}`, inner);
    else yield `${prefix} ${JSON.stringify(item)}`;
  };
  for (const line of lines('site', value)) await write(line);
  await new Promise((resolve) => out.end(resolve));
}
