// npm run eval -- DIR [--json]   scores the extractor on DIR/cases/* against DIR/truth/*.json
// Per-field accuracy and a per-case table on stdout; --json prints the whole result as JSON instead.
import { parseArgs } from 'node:util';
import { evaluateFolder } from '../src/eval/evaluate.ts';
import { formatCases, formatTotals } from '../src/eval/format.ts';
import { printable } from '../src/report.ts';

const USAGE = `usage: npm run eval -- DIR [--json]

Scores the extractor on a labelled sample: DIR/cases/*.txt|.md|.html and DIR/truth/*.json
(title, published, publisher, authors, url, body), with the scoring of the extraction dev set.
  --json  print the result (totals and every case) as JSON`;

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, strict: true, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    process.stderr.write(`eval: ${(error as Error).message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    process.stderr.write(`${USAGE}\n`);
    return;
  }
  if (positionals.length !== 1) {
    process.stderr.write(`eval: give exactly one DIR\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  let result;
  try {
    result = await evaluateFolder(positionals[0]!);
  } catch (error) {
    process.stderr.write(`eval: ${positionals[0]}: ${(error as Error).message} (expected cases/ and truth/ inside it)\n`);
    process.exitCode = 2;
    return;
  }
  for (const problem of result.problems) process.stderr.write(`eval: ${printable(problem)}\n`);
  if (values.json === true) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const lines = [...formatCases(result), '', ...formatTotals(result)];
  process.stdout.write(`${lines.map(printable).join('\n')}\n`);
}

await main();
