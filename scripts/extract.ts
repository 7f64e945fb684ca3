// npm run extract -- FILE...        prints the Article records of the files as a JSON array on stdout
// npm run extract -- --explain FILE prints every line of the file with its class and rule
// Human messages go to stderr; stdout carries only the data.
import { basename, dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnostic } from '../src/diagnostics.ts';
import { ingestText, loadCatalogue } from '../src/ingest/index.ts';
import { readBytes } from '../src/ingest/read.ts';
import type { Article, Catalogue } from '../src/types.ts';

const USAGE = `usage: npm run extract -- FILE...
       npm run extract -- --explain FILE

Prints the Article records of the files as a JSON array on stdout.
A catalogue.yaml beside a file is used for it.
  --explain  print every line of one file with its class and rule instead`;

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, strict: true, options: { explain: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    process.stderr.write(`extract: ${(error as Error).message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    process.stderr.write(`${USAGE}\n`);
    return;
  }
  if (positionals.length === 0 || (values.explain === true && positionals.length !== 1)) {
    process.stderr.write(`extract: ${values.explain === true ? '--explain takes exactly one FILE' : 'no FILE given'}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }

  const catalogues = new Map<string, Catalogue>();
  const catalogueFor = async (dir: string): Promise<Catalogue> => {
    const cached = catalogues.get(dir);
    if (cached !== undefined) return cached;
    const loaded = await loadCatalogue(dir);
    for (const d of loaded.diagnostics) process.stderr.write(`${formatDiagnostic({ ...d, file: `${dir}/${d.file}` })}\n`);
    catalogues.set(dir, loaded.catalogue);
    return loaded.catalogue;
  };

  // The one place the clock is read: the ingest is told the day, for `date/future`.
  const today = new Date().toISOString().slice(0, 10);
  const articles: Article[] = [];
  for (const path of positionals) {
    const read = await readBytes(path);
    if (!read.ok) {
      process.stderr.write(`extract: ${path}: ${read.reason}\n`);
      process.exitCode = 1;
      continue;
    }
    const bytes = read.bytes;
    // Catalogue keys are paths relative to the catalogue's folder: the file's own name here.
    const result = ingestText(basename(path), bytes, await catalogueFor(dirname(path)), { today });
    if (values.explain === true) {
      for (const line of result.lines) {
        process.stdout.write(`${String(line.line).padStart(4)}  ${line.class.padEnd(12)} ${line.rule.padEnd(28)} ${line.text}\n`);
      }
    }
    for (const d of result.diagnostics) process.stderr.write(`${formatDiagnostic({ ...d, file: path })}\n`);
    // A file that is not an article is reported (above) and left out; only unreadable files fail the run.
    if (result.article !== null) articles.push(result.article);
    else process.stderr.write(`extract: ${path}: skipped, not an article\n`);
  }
  if (values.explain !== true) process.stdout.write(`${JSON.stringify(articles, null, 2)}\n`);
}

await main();
