// npm run bench [-- --articles N[,N…] --runs K --json --work DIR --keep]: Dossier against bare Eleventy + Pagefind.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureDevRebuild } from '../bench/devRebuild.ts';
import { formatTable, runBench, writeCorpus } from '../bench/run.ts';
import { parseFlags } from '../src/cli.ts';

const USAGE = `usage: npm run bench -- [--articles N[,N…]] [--runs K] [--search-at N] [--search-shard-pages N] [--baseline-max N] [--json] [--work DIR] [--keep]

  --articles LIST  corpus sizes (default: 1000,5000,10000,20000)
  --runs K         builds per size, the median is reported (default: 3 up to 1,000 articles, 1 above: large builds take minutes)
  --search-at N    measure one search in Chromium at this size (default: 10000, or the largest size below it)
  --search-shard-pages N  passed to the Dossier build (most pages in one search index)
  --baseline-max N build the baseline only up to N articles (default 20000: its one Pagefind process
                   holds the whole index in memory, 5.3 GB at 20,000 articles)
  --dev-rebuild N  instead: time the dev server from an edit of one file to its rebuilt page, on N articles
  --json           print the results as JSON on stdout (the table goes to stderr)
  --work DIR       where corpora and outputs go (default: a folder in the system temp folder)
  --keep           keep the corpora and built sites
  --help           show this help`;

function main(): Promise<void> | void {
  const values = parseFlags(
    {
      articles: { type: 'string', default: '1000,5000,10000,20000' },
      runs: { type: 'string' },
      'search-at': { type: 'string' },
      'search-shard-pages': { type: 'string' },
      'baseline-max': { type: 'string', default: '20000' },
      'dev-rebuild': { type: 'string' },
      json: { type: 'boolean', default: false },
      work: { type: 'string', default: join(tmpdir(), 'dossier-bench') },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    USAGE,
  );
  if (values === null) return;
  const ladder = values.articles.split(',').map(Number);
  const runs = values.runs === undefined ? null : Number(values.runs);
  if (ladder.some((n) => !Number.isInteger(n) || n < 1) || (runs !== null && (!Number.isInteger(runs) || runs < 1))) {
    process.stderr.write(`--articles takes whole numbers separated by commas, --runs a whole number\n\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const searchAt = values['search-at'] === undefined ? Math.max(...ladder.filter((n) => n <= 10_000), ladder[0] ?? 0) : Number(values['search-at']);
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  if (values['dev-rebuild'] !== undefined) {
    const articles = Number(values['dev-rebuild']);
    const corpus = join(values.work, `dev-corpus-${articles}`);
    return writeCorpus(corpus, articles)
      .then(() => measureDevRebuild(corpus, join(values.work, `dev-site-${articles}`)))
      .then((ms) => {
        log(`dev server, ${articles} articles: an edit reached its page in ${(ms / 1000).toFixed(1)} s`);
        if (values.json) process.stdout.write(`${JSON.stringify({ articles, devRebuildMs: ms })}\n`);
      });
  }
  return runBench({
    ladder,
    runs: (n) => runs ?? (n <= 1000 ? 3 : 1),
    workDir: values.work,
    searchAt: (n) => n === searchAt,
    keep: values.keep,
    baselineMax: Number(values['baseline-max']),
    searchShardPages: values['search-shard-pages'] === undefined ? null : Number(values['search-shard-pages']),
    log,
  }).then((results) => {
    log(`\n${formatTable(results)}`);
    if (values.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  });
}

await main();
