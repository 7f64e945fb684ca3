// `npm start` re-renders an edited article's page at once, byte for byte as the full build then writes
// it, and survives a broken input while it runs: it keeps serving, says what is wrong with which file,
// and shows the article once the file is fixed. Every wait is on a condition, with a deadline.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REPO = join(import.meta.dirname, '..');

/** A port nobody listens on right now. */
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

/** Polls `check` until it returns a value (not undefined) or the deadline passes. */
async function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs: number, output: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; the dev server printed:\n${output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function get(url: string): Promise<{ status: number; body: string } | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    return { status: response.status, body: await response.text() };
  } catch {
    return undefined;
  }
}

describe('dev server (npm start)', () => {
  let root: string;
  let seeds: string;
  let child: ChildProcess;
  let output = '';
  let base: string;
  const printed = (): string => output;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'dossier-dev-'));
    seeds = join(root, 'seeds');
    cpSync(join(REPO, 'seeds'), seeds, { recursive: true });
    const port = await freePort();
    base = `http://localhost:${port}/`;
    child = spawn('npm', ['start', '--', '--seeds', seeds, '--out', join(root, 'site'), '--port', String(port)], {
      cwd: REPO,
      detached: true, // its own process group, so `after` stops npm, tsx, the server and any build at once
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitFor('the site to be served', async () => ((await get(base))?.status === 200 ? true : undefined), 90_000, printed);
  });

  after(async () => {
    if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const late = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5_000);
      await exited;
      clearTimeout(late);
    }
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('serves the seeds at first', async () => {
    const articles = JSON.parse((await get(`${base}articles.json`))!.body) as unknown[];
    assert.equal(articles.length, 5);
  });

  it('re-renders an edited article at once, as the full build then writes it', async () => {
    await waitFor('the fast path to be ready', () => (output.includes('⚡ fast path ready') ? true : undefined), 120_000, printed);
    const articles = JSON.parse((await get(`${base}articles.json`))!.body) as Array<{ slug: string; sourceFile: string }>;
    const { slug, sourceFile } = articles[0]!;
    const url = `${base}articles/${slug}/`;
    const before = output.length;
    // Lower-case words only this article has: a paragraph that adds no name and no term shared with another article.
    const marker = 'zqxfastpathedit';
    appendFileSync(join(seeds, sourceFile), `\nthis paragraph ends with ${marker}.\n`);
    await waitFor('the fast path to re-render the page', () => (output.slice(before).includes(`⚡ ${sourceFile}: /articles/${slug}/ re-rendered`) ? true : undefined), 60_000, printed);
    const fast = (await get(url))!.body;
    // The appended line follows the capture's footer, so it may be kept out of the body: then the article's
    // provenance page lists it; either page shows the edit.
    const fastProvenance = (await get(`${url}provenance/`))!.body;
    assert.ok(fast.includes(marker) || fastProvenance.includes(marker), 'the page has the edit as soon as the fast path says so');
    assert.doesNotMatch(output.slice(before), /[✓✗] \d+ files? →/, 'before the full build finished');
    const verdict = await waitFor(
      'the full build to check the fast page',
      () => /(✓|↻) articles\/\S+\/index\.html: the full build (wrote the same bytes|updated it)/.exec(output.slice(before))?.[0],
      120_000,
      printed,
    );
    assert.match(verdict, /wrote the same bytes/);
    assert.equal((await get(url))!.body, fast, 'the page the full build serves is the fast page, byte for byte');
    assert.equal((await get(`${url}provenance/`))!.body, fastProvenance, 'and so is its provenance page');
  });

  it('reports a file with broken front matter and a binary .txt by name, and keeps serving', async () => {
    const before = output.length;
    writeFileSync(join(seeds, 'broken.md'), '---\ntitle: "Dev Server Canary\npublished: [2020-01-02\n---\n\nA body that is fine.\n');
    writeFileSync(join(seeds, 'picture.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0, 0xff, 0xfe, 0, 0]));
    const report = await waitFor(
      'the rebuild to report both files',
      () => {
        const since = output.slice(before);
        return /broken\.md/.test(since) && /picture\.txt/.test(since) && /[✓✗] \d+ files? →/.test(since) ? since : undefined;
      },
      60_000,
      printed,
    );
    assert.match(report, /broken\.md.*(?:skipped|front matter|YAML)/i, 'the broken front matter is named with its file');
    assert.match(report, /broken\.md:\d+/, 'and a line');
    assert.match(report, /picture\.txt.*(?:skipped|binary|not text)/i, 'the binary file is named with its reason');
    const home = await get(base);
    assert.equal(home?.status, 200, 'the site is still served');
    const articles = JSON.parse((await get(`${base}articles.json`))!.body) as Array<{ title: string }>;
    assert.equal(articles.length, 5, 'the broken files are not published, the others still are');
    assert.equal(child.exitCode, null, 'the dev server is still running');
  });

  it('shows the article once the file is fixed', async () => {
    writeFileSync(join(seeds, 'broken.md'), '---\ntitle: "Dev Server Canary"\npublished: 2020-01-02\npublisher: "Canary Times"\n---\n\nA body that is fine now, long enough to read as the text of an article about a canary.\n');
    const slug = await waitFor(
      'the fixed article in articles.json',
      async () => {
        const response = await get(`${base}articles.json`);
        if (response?.status !== 200) return undefined;
        const articles = JSON.parse(response.body) as Array<{ title: string; slug: string }>;
        return articles.find((a) => a.title === 'Dev Server Canary')?.slug;
      },
      60_000,
      printed,
    );
    const page = await get(`${base}articles/${slug}/`);
    assert.equal(page?.status, 200);
    assert.match(page!.body, /<h1 data-pagefind-meta="title">Dev Server Canary<\/h1>/);
    assert.equal((await get(base))?.status, 200);
  });
});
