// Builds an archive into a fresh temp folder exactly as a user would: `npm run build -- --seeds --out --base`.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../../src/types.ts';
import { normaliseBase } from './server.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SEEDS_DIR = join(REPO_ROOT, 'seeds');

export interface BuiltSite {
  outDir: string;
  /** '/' or '/prefix/' */
  base: string;
  /** What the build printed (stdout then stderr). */
  log: string;
  /** The records from the built /articles.json. */
  articles: Article[];
  /** Removes the temp folder. */
  cleanup(): void;
}

export interface BuildSiteOptions {
  base?: string;
  seedsDir?: string;
  /** Give up after this long (default 90 s). */
  timeoutMs?: number;
}

/** articles.json holds the Article records: as a bare array, or as `{ articles: [...] }`. */
export function readArticles(outDir: string): Article[] {
  const path = join(outDir, 'articles.json');
  if (!existsSync(path)) throw new Error(`the build wrote no articles.json in ${outDir}`);
  const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const list = Array.isArray(data) ? data : (data as { articles?: unknown } | null)?.articles;
  if (!Array.isArray(list)) throw new Error(`${path} holds neither an array nor { articles: [...] }`);
  return list as Article[];
}

function run(command: string, args: string[], timeoutMs: number): Promise<{ code: number | null; log: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      cwd: REPO_ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      fail(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const note = signal === null ? '' : `\n[killed by ${signal} after ${timeoutMs} ms]`;
      done({ code, log: `${stdout}${stderr}${note}` });
    });
  });
}

/** Builds the seeds (or another folder) into a new temp folder; throws with the build's output if it fails. */
export async function buildSite(options: BuildSiteOptions = {}): Promise<BuiltSite> {
  const base = normaliseBase(options.base ?? '/');
  const seedsDir = options.seedsDir ?? SEEDS_DIR;
  const outDir = mkdtempSync(join(tmpdir(), 'dossier-site-'));
  const cleanup = (): void => rmSync(outDir, { recursive: true, force: true });
  const args = ['run', 'build', '--', '--seeds', seedsDir, '--out', outDir, '--base', base];
  const started = Date.now();
  try {
    const { code, log } = await run('npm', args, options.timeoutMs ?? 90_000);
    if (code !== 0) {
      throw new Error(`\`npm ${args.join(' ')}\` exited with ${code}:\n${log}`);
    }
    const articles = readArticles(outDir);
    console.error(`# built ${articles.length} articles with base ${base} in ${Date.now() - started} ms → ${outDir}`);
    return { outDir, base, log, articles, cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}

// One build per (inputs, base) per test run: the test files run one after another (or a few at a time),
// and building the same site again in each would dominate the run. The cache key is a hash of everything
// the build reads (its code, templates, lock file, input folder), so any change means a fresh build.

/** What the build reads, besides node_modules (pinned by the lock file). */
const BUILD_INPUTS = ['.eleventy.ts', 'package.json', 'package-lock.json', 'tsconfig.json', 'src', 'templates', 'scripts', 'public', 'assets'];
const CACHE_DIR = join(tmpdir(), 'dossier-test-builds');
const CACHE_MAX_AGE_MS = 60 * 60 * 1000;

function hashTree(hash: ReturnType<typeof createHash>, path: string, label: string): void {
  if (!existsSync(path)) return;
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) hashTree(hash, join(path, name), `${label}/${name}`);
    return;
  }
  hash.update(`${label}\0`).update(readFileSync(path)).update('\0');
}

export function buildKey(base: string, seedsDir: string): string {
  const hash = createHash('sha256').update(`base=${base}\0`);
  for (const input of BUILD_INPUTS) hashTree(hash, join(REPO_ROOT, input), input);
  hashTree(hash, seedsDir, 'seeds');
  return hash.digest('hex').slice(0, 20);
}

/** A lock left behind by a test process that died mid-build. */
function lockHolderIsGone(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
  } catch {
    // Just created, pid not written yet; or already released.
    return false;
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

/**
 * The built site for these inputs and base, shared by every test file in the run: built once (under a lock,
 * so test files running at the same time wait for one build), then reused read-only. Never clean it up.
 */
export async function sharedSite(options: BuildSiteOptions = {}): Promise<BuiltSite> {
  const base = normaliseBase(options.base ?? '/');
  const seedsDir = options.seedsDir ?? SEEDS_DIR;
  mkdirSync(CACHE_DIR, { recursive: true });
  for (const name of readdirSync(CACHE_DIR)) {
    const path = join(CACHE_DIR, name);
    if (Date.now() - statSync(path).mtimeMs > CACHE_MAX_AGE_MS) rmSync(path, { recursive: true, force: true });
  }
  const key = buildKey(base, seedsDir);
  const done = join(CACHE_DIR, key);
  const lock = `${done}.lock`;
  const deadline = Date.now() + (options.timeoutMs ?? 90_000) + 30_000;
  for (;;) {
    if (existsSync(join(done, 'articles.json'))) {
      const log = existsSync(`${done}.log`) ? readFileSync(`${done}.log`, 'utf8') : '';
      console.error(`# reusing the build of base ${base} in ${done}`);
      return { outDir: done, base, log, articles: readArticles(done), cleanup: () => {} };
    }
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
    } catch {
      if (lockHolderIsGone(lock)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`waited too long for another test file to build ${done} (stale ${lock}?)`);
      await sleep(250);
      continue;
    }
    try {
      const site = await buildSite({ ...options, base, seedsDir });
      rmSync(done, { recursive: true, force: true });
      renameSync(site.outDir, done);
      writeFileSync(`${done}.log`, site.log);
      return { ...site, outDir: done, cleanup: () => {} };
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
