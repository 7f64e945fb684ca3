// The dev server's edit-to-page time: start `npm start` (scripts/serve.ts) on a corpus, wait for the
// first build and for the fast path's site data, change one input file, and time until the changed
// article page is served with the edit.
import { spawn } from 'node:child_process';
import { appendFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = join(import.meta.dirname, '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`dev server: no result after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const fetchText = async (url: string): Promise<string> => {
  try {
    return await (await fetch(url, { signal: AbortSignal.timeout(5_000) })).text();
  } catch {
    return '';
  }
};

/** Milliseconds from saving an edit to one file of `corpus` until its page carries the edit. */
export async function measureDevRebuild(corpus: string, outDir: string): Promise<number> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/serve.ts'), '--seeds', corpus, '--out', outDir, '--port', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let printed = '';
  child.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  try {
    await until(async () => printed.includes('dossier: serving') && printed.includes('⚡ fast path ready'), 1_800_000);
    const articles = JSON.parse(await fetchText(`http://localhost:${port}/articles.json`)) as Array<{ slug: string; sourceFile: string }>;
    const file = readdirSync(corpus).sort()[0] as string;
    const slug = articles.find((a) => a.sourceFile === file)?.slug;
    if (slug === undefined) throw new Error(`dev server: ${file} has no article page`);
    const marker = `Benchmarkedit${Date.now()}`;
    const started = performance.now();
    appendFileSync(join(corpus, file), `\nThis paragraph was added by the bench as ${marker}.\n`);
    // The appended line lands in the body or, after a capture's footer, among the lines kept out of it,
    // which the article's provenance page lists: either page shows the edit.
    const pages = [`articles/${slug}/`, `articles/${slug}/provenance/`];
    await until(async () => (await Promise.all(pages.map((page) => fetchText(`http://localhost:${port}/${page}`)))).some((html) => html.includes(marker)), 600_000);
    const elapsed = performance.now() - started;
    // The dev server's own account: the fast path's time, or why the edit had to wait for the full build.
    const account = printed.split('\n').find((line) => line.startsWith('⚡ ') && line.includes(file));
    if (account !== undefined) process.stderr.write(`${account}\n`);
    return elapsed;
  } finally {
    child.kill('SIGTERM');
  }
}
