// `npm start`: build, then serve the output with the Eleventy dev server and rebuild on every change
// to the inputs (seeds), templates, public assets or code. Each build runs as a fresh `scripts/build.ts`
// process, so a change to src/ takes effect too (Node cannot reload ES modules in place), and a broken
// input or template only fails that build: the server keeps serving the last good site and says why.
import { spawn } from 'node:child_process';
import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import EleventyDevServer from '@11ty/eleventy-dev-server';
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

export async function startDevServer(options: DevServerOptions, log: Log): Promise<RunningDevServer> {
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
  let timer: NodeJS.Timeout | undefined;

  const rebuild = async (reason: string): Promise<void> => {
    if (building) {
      pending = reason;
      return;
    }
    building = true;
    log(`\n↻ ${reason} changed: rebuilding`);
    const code = await runBuild(options);
    building = false;
    if (code === 0) server.reload({});
    else {
      log('✗ build failed: still serving the last good site; fix the file and save to rebuild');
      server.sendError({ error: new Error('Dossier build failed; see the terminal') });
    }
    if (pending !== null) {
      const next = pending;
      pending = null;
      void rebuild(next);
    }
  };

  const watchers: FSWatcher[] = watchedPaths(options.seedsDir).map((path) =>
    watch(path, { recursive: true }, (_event, file) => {
      clearTimeout(timer);
      timer = setTimeout(() => void rebuild(file ? join(path, file.toString()) : path), 150);
    }),
  );

  return {
    async close() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      await server.close();
    },
  };
}
