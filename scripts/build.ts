// npm run build [-- --seeds DIR --out DIR --base /prefix/ --site-url URL --strict]
import { parseFlags, wholeNumberFlag } from '../src/cli.ts';
import { build, defaultBuildOptions, errorChain } from '../src/build.ts';
import { printable } from '../src/report.ts';

const USAGE = `usage: npm run build -- [--seeds DIR] [--out DIR] [--base /prefix/] [--site-url URL] [--today YYYY-MM-DD] [--strict]

  --seeds DIR      input folder of article text files (default: seeds)
  --out DIR        output folder, emptied first (default: _site)
  --base PREFIX    URL path the site is served under (default: /), e.g. /archive/
  --site-url URL   origin for absolute URLs in feeds and the sitemap (default: http://localhost:8080)
  --today DATE     the day dates in the future are judged against (default: today, UTC)
  --strict         exit non-zero when any input has warnings or is skipped
  --search-shard-pages N  most pages in one search index (default 4000): fewer need less build memory, more
                   make a search on a large archive download less (the search page merges the shards)
  --search-processes N  search index shards made at the same time, each by a Pagefind process of its
                   own of about 1 GB at 4,000 pages (default 2; 1 needs less memory, takes longer)
  --timings FILE   also write the phase timings as JSON to FILE (for npm run bench)
  --ingest-workers N  worker threads that ingest beside the main one (default: one per other
                   core from 1,000 files on; 0 turns them off); the site is the same either way
  --help           show this help`;

async function main(): Promise<void> {
  const defaults = defaultBuildOptions();
  const values = parseFlags(
    {
      seeds: { type: 'string', default: defaults.seedsDir },
      out: { type: 'string', default: defaults.outDir },
      base: { type: 'string', default: defaults.base },
      'site-url': { type: 'string', default: defaults.siteUrl },
      // The one place the clock is read: the ingest is given the day, so its result never depends on when it ran.
      today: { type: 'string', default: new Date().toISOString().slice(0, 10) },
      strict: { type: 'boolean', default: false },
      timings: { type: 'string' },
      'search-shard-pages': { type: 'string' },
      'search-processes': { type: 'string' },
      'ingest-workers': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    USAGE,
  );
  if (values === null) return;
  try {
    new URL(values['site-url']);
  } catch {
    process.stderr.write(`--site-url must be an absolute URL such as https://example.org, not ${JSON.stringify(values['site-url'])}\n`);
    process.exitCode = 2;
    return;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.today)) {
    process.stderr.write(`--today must be a date written YYYY-MM-DD, not ${JSON.stringify(values.today)}\n`);
    process.exitCode = 2;
    return;
  }
  const shardPages = wholeNumberFlag('search-shard-pages', values['search-shard-pages'], 1);
  const searchProcesses = wholeNumberFlag('search-processes', values['search-processes'], 1);
  const ingestWorkers = wholeNumberFlag('ingest-workers', values['ingest-workers'], 0);
  if (shardPages === null || searchProcesses === null || ingestWorkers === null) return;
  try {
    const report = await build({
      seedsDir: values.seeds,
      outDir: values.out,
      base: values.base,
      siteUrl: values['site-url'],
      strict: values.strict,
      today: values.today,
      ...(values.timings === undefined ? {} : { timingsFile: values.timings }),
      ...(shardPages === undefined ? {} : { searchShardPages: shardPages }),
      ...(searchProcesses === undefined ? {} : { searchProcesses }),
      ...(ingestWorkers === undefined ? {} : { ingestWorkers }),
    });
    if (!report.ok) process.exitCode = 1;
  } catch (error) {
    const [first, ...causes] = errorChain(error).map(printable);
    process.stderr.write(`✗ build failed: ${first}\n${causes.map((c, i) => `  ${i + 1}. ${c}\n`).join('')}`);
    process.stderr.write(process.env.DEBUG ? `${(error as Error).stack ?? ''}\n` : '  (the output folder was left as it was; DEBUG=1 shows the stack)\n');
    process.exitCode = 1;
  }
}

await main();
