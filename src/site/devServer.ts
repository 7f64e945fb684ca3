// `npm start`: build, then serve the output with the Eleventy dev server and rebuild on every change
// to the inputs (seeds), templates, public assets or code. Each build runs as a fresh `scripts/build.ts`
// process, so a change to src/ takes effect too (Node cannot reload ES modules in place), and a broken
// input or template only fails that build: the server keeps serving the last good site and says why.
// A save to one article first takes the fast path (src/site/devFastPath.ts): its page is re-rendered
// from the site data kept here and reloaded at once, and the full build follows to update the rest.
import { spawn } from 'node:child_process';
import { readFileSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import EleventyDevServer from '@11ty/eleventy-dev-server';
import { CATALOGUE_FILE } from '../ingest/index.ts';
import type { RenderedFile } from './articleFiles.ts';
import { editedEntry, loadDevState, remember, renderArticleFiles, writeArticleFiles, type DevState } from './devFastPath.ts';
import { PROJECT_ROOT } from './render.ts';

export interface DevServerOptions {
  seedsDir: string;
  outDir: string;
  base: string;
  siteUrl: string;
  port: number;
}

export type Log = (line: string) => void;

/** What a change in the project may touch: the inputs, templates, public assets and the code. */
export function watchedPaths(seedsDir: string): string[] {
  return [seedsDir, ...['templates', 'public', 'src', '.eleventy.ts'].map((p) => join(PROJECT_ROOT, p))];
}

/** Runs one build in a fresh process; resolves to its exit code. */
export function runBuild(options: DevServerOptions): Promise<number> {
  const args = ['--import', 'tsx', join(PROJECT_ROOT, 'scripts/build.ts')];
  args.push('--seeds', options.seedsDir, '--out', options.outDir, '--base', options.base, '--site-url', options.siteUrl);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', () => resolve(1));
    child.on('close', (code) => resolve(code ?? 1));
  });
}

export interface RunningDevServer {
  close(): Promise<void>;
}

/** A page the fast path wrote, and the number of the save that made it. */
interface FastPage {
  file: RenderedFile;
  save: number;
}

export async function startDevServer(options: DevServerOptions, log: Log): Promise<RunningDevServer> {
  const seedsDir = resolve(options.seedsDir);
  // The same day the build's CLI takes by default, so the fast path's `date/future` checks agree with it.
  const today = new Date().toISOString().slice(0, 10);
  let state: DevState | null = null;
  /** Why the fast path is off (code changed since the server started; the site data is being reloaded). */
  let fastPathOff: string | null = 'the site data is still loading';
  let saves = 0;
  let fastPages: FastPage[] = [];

  const loadState = async (): Promise<void> => {
    fastPathOff = 'the site data is being reloaded';
    try {
      const loaded = await loadDevState(options.seedsDir, { siteUrl: options.siteUrl, base: options.base }, today);
      const first = loaded.site.articles[0];
      if (first !== undefined) await renderArticleFiles(loaded, first); // loads Eleventy and the templates' code once, before the first save
      if (fastPathOff !== 'the site data is being reloaded') return; // code changed meanwhile
      state = loaded;
      fastPathOff = null;
      log(`⚡ fast path ready: saving one article re-renders its page at once (${loaded.site.articles.length} articles in memory)`);
    } catch (error) {
      state = null;
      if (fastPathOff === 'the site data is being reloaded') fastPathOff = `the site data could not be loaded (${(error as Error).message.split('\n')[0]})`;
    }
  };

  const stateLoaded = loadState();
  const firstBuild = await runBuild(options);
  if (firstBuild !== 0) log('✗ the first build failed; serving what the output folder holds, and rebuilding on the next change');

  const server = EleventyDevServer.getServer('dossier', options.outDir, {
    port: options.port,
    pathPrefix: options.base,
    domDiff: false,
    showVersion: false,
    logger: { info: log, log, error: log },
    messageOnStart: ({ hosts }: { hosts: string[] }) => `dossier: serving ${options.outDir} at ${hosts.join(' or ')}; watching for changes (Ctrl+C stops)`,
  });
  server.serve(options.port);

  let building = false;
  let pending: string | null = null;
  let reloadStateAfterBuild = false;
  let timer: NodeJS.Timeout | undefined;
  const fastTimers = new Map<string, NodeJS.Timeout>();

  /** Re-renders the page of one saved input file; false when only the full build can tell what changed. */
  const fastPath = async (file: string): Promise<boolean> => {
    if (state === null || fastPathOff !== null) return false;
    const started = performance.now();
    const bytes = await readFile(join(seedsDir, file)).catch(() => null);
    if (bytes === null) return false;
    const edit = editedEntry(state, file, bytes);
    if (!edit.ok) {
      log(`\n⚡ no fast path: ${edit.reason}`);
      return false;
    }
    let files: RenderedFile[];
    try {
      files = await renderArticleFiles(state, edit.entry);
      await writeArticleFiles(options.outDir, edit.entry, files, bytes);
    } catch (error) {
      log(`\n⚡ no fast path: ${(error as Error).message.split('\n')[0]}`);
      return false;
    }
    remember(state, edit.entry);
    const save = ++saves;
    fastPages = [...fastPages.filter((p) => !files.some((f) => f.path === p.file.path)), ...files.map((f) => ({ file: f, save }))];
    server.reload({});
    log(`\n⚡ ${file}: /articles/${edit.entry.article.slug}/ re-rendered in ${Math.round(performance.now() - started)} ms; the full rebuild follows for the other pages`);
    return true;
  };

  /** After a build is published: pages saved since it started are put back; earlier ones are checked against it. */
  const settleFastPages = (buildStartedAfterSave: number): void => {
    for (const page of fastPages) {
      const target = join(options.outDir, page.file.path);
      if (page.save > buildStartedAfterSave) {
        writeFileKeepingEdit(target, page.file.content);
        continue;
      }
      let built: string | null = null;
      try {
        built = readFileSync(target, 'utf8');
      } catch {
        // the full build no longer writes it
      }
      log(built === page.file.content ? `✓ ${page.file.path}: the full build wrote the same bytes as the fast path` : `↻ ${page.file.path}: the full build updated it (related articles, names or events changed with the edit)`);
    }
    fastPages = fastPages.filter((p) => p.save > buildStartedAfterSave);
  };

  const rebuild = async (reason: string): Promise<void> => {
    if (building) {
      pending = reason;
      return;
    }
    building = true;
    const startedAfterSave = saves;
    log(`\n↻ ${reason} changed: rebuilding`);
    const code = await runBuild(options);
    building = false;
    if (code === 0) {
      settleFastPages(startedAfterSave);
      server.reload({});
      if (reloadStateAfterBuild && pending === null) {
        reloadStateAfterBuild = false;
        void loadState();
      }
    } else {
      log('✗ build failed: still serving the last good site; fix the file and save to rebuild');
      server.sendError({ error: new Error('Dossier build failed; see the terminal') });
    }
    if (pending !== null) {
      const next = pending;
      pending = null;
      void rebuild(next);
    }
  };

  const scheduleRebuild = (changed: string): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(changed), 150);
  };

  /** The kept site data no longer describes the inputs: no fast path until it is reloaded after the next build. */
  const staleState = (): void => {
    reloadStateAfterBuild = true;
    if (fastPathOff === null) fastPathOff = 'the site data is being reloaded';
  };

  const onChange = (path: string, file: string | null): void => {
    const changed = file ? join(path, file) : path;
    const inSeeds = resolve(path) === seedsDir && file !== null && file !== CATALOGUE_FILE;
    if (inSeeds) {
      // Editors save in a few writes: wait for a short quiet spell, then take the fast path if it applies.
      clearTimeout(fastTimers.get(file));
      fastTimers.set(
        file,
        setTimeout(() => {
          fastTimers.delete(file);
          // The full build starts after the fast page is out, so the two do not share the cores.
          void fastPath(file).then((fast) => {
            if (!fast) staleState();
            scheduleRebuild(changed);
          });
        }, 30),
      );
      return;
    } else if (relative(PROJECT_ROOT, changed).startsWith('src') || changed.endsWith('.eleventy.ts')) {
      // The fast path runs the code loaded at start; after an edit to it only fresh build processes are right.
      if (fastPathOff === null) log('⚡ fast path off until the dev server restarts: the code changed');
      fastPathOff = 'the code changed since the dev server started';
    } else if (resolve(path) === seedsDir) {
      staleState(); // the catalogue changed
    }
    scheduleRebuild(changed);
  };

  const watchers: FSWatcher[] = watchedPaths(options.seedsDir).map((path) => watch(path, { recursive: true }, (_event, file) => onChange(path, file ? file.toString() : null)));

  return {
    async close() {
      clearTimeout(timer);
      for (const t of fastTimers.values()) clearTimeout(t);
      await stateLoaded;
      for (const w of watchers) w.close();
      await server.close();
    },
  };
}

/** Puts a fast page back after a build that started before its save replaced the folder. */
function writeFileKeepingEdit(target: string, content: string): void {
  try {
    writeFileSync(target, content);
  } catch {
    // the build no longer has that folder (the article's address changed): the next build decides
  }
}
