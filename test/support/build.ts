// Builds an archive into a fresh temp folder exactly as a user would: `npm run build -- --seeds --out --base`.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
