// Measuring one child process: wall time, and the peak resident memory of every process in its tree
// (GNU time's maximum over the waited-for tree when /usr/bin/time exists, plus /proc sampling that says
// which program it was: node for Eleventy, pagefind for Pagefind's own binary).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';

const GNU_TIME = '/usr/bin/time';

export interface ProcessRun {
  ms: number;
  code: number;
  /** Largest peak RSS of any process in the tree, in bytes. */
  peakRss: number;
  /** Peak RSS by program name (from /proc sampling; may miss a process shorter than the sampling step). */
  peakRssByProgram: Record<string, number>;
  /** CPU time of the whole tree in ms, in user space and in the kernel (GNU time), or null without /usr/bin/time. */
  cpu: Cpu | null;
  /**
   * CPU ms (user + kernel, every thread) by program, from /proc sampling: 'main' for the command itself,
   * program names for the processes it starts. A process's last sampling step is missed, so each is low
   * by up to `sampleMs`.
   */
  cpuByProgram: Record<string, number>;
  stderr: string;
}

export interface Cpu {
  userMs: number;
  systemMs: number;
}

/** User and system CPU from the report of GNU time -v, or null when it has none. */
export function cpuOfTimeReport(report: string): Cpu | null {
  const seconds = (label: string): number | null => {
    const match = new RegExp(`${label} time \\(seconds\\): ([\\d.]+)`).exec(report);
    return match ? Math.round(Number(match[1]) * 1000) : null;
  };
  const userMs = seconds('User');
  const systemMs = seconds('System');
  return userMs === null || systemMs === null ? null : { userMs, systemMs };
}

/**
 * Puts the file system in the same state before each measured build; true when the kernel's caches could
 * be dropped (as root), false when they could not (the build is measured all the same).
 *
 * Why: ext4 without a journal (this machine's) will not reuse an inode deleted less than a minute ago
 * (six while its block is unwritten) while the inode's table block is cached, and walks past every such
 * inode each time it makes a file or folder (recently_deleted() in Linux's fs/ext4/ialloc.c). Once the
 * bench had deleted a built site, making a folder cost up to 0.7 ms of kernel CPU instead of 0.03 ms, so a
 * build's kernel time followed what had been deleted just before it: 20 to 52 s at 10,000 articles. With
 * the blocks written out and dropped, no inode counts as recently deleted. Then the files of `inputDir`
 * are read back in, so each build starts with its input in memory, as before.
 */
export function settleFileSystem(inputDir: string): boolean {
  let dropped = false;
  try {
    execFileSync('sync');
    writeFileSync('/proc/sys/vm/drop_caches', '3');
    dropped = true;
  } catch {
    // not root, or no such file: measured as it is
  }
  for (const entry of readdirSync(inputDir, { withFileTypes: true })) if (entry.isFile()) readFileSync(join(inputDir, entry.name));
  return dropped;
}

/** pid -> [parent pid, program name] of every process now running. */
function processTable(): Map<number, [number, string]> {
  const table = new Map<number, [number, string]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split at the last ')'.
      const close = stat.lastIndexOf(')');
      const name = stat.slice(stat.indexOf('(') + 1, close);
      const ppid = Number(stat.slice(close + 2).split(' ')[1]);
      table.set(Number(entry), [ppid, name]);
    } catch {
      // the process ended while being read
    }
  }
  return table;
}

function descendants(root: number, table: Map<number, [number, string]>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, [ppid]] of table) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const out: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** Clock ticks a second, the unit of /proc/<pid>/stat's CPU times. */
const CLOCK_TICKS = ((): number => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU ms so far of process `pid`, all its threads, user and kernel (0 once it has ended). */
function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime: fields 14 and 15 of the line, 12 and 13 after "pid (comm)".
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

function highWaterMark(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Runs `command args` and measures it. Rejects only when it cannot start. */
export async function measure(command: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; sampleMs?: number } = {}): Promise<ProcessRun> {
  const dir = await mkdtemp(join(tmpdir(), 'dossier-bench-time-'));
  const timeFile = join(dir, 'time.txt');
  const useTime = existsSync(GNU_TIME);
  const [file, argv] = useTime ? [GNU_TIME, ['-v', '-o', timeFile, command, ...args]] : [command, [...args]];
  const started = performance.now();
  const child = spawn(file, argv, { env: options.env ?? process.env, cwd: options.cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-20_000);
  });
  const peaks: Record<string, number> = {};
  // The last CPU time read of each process, and what to call it.
  const cpuSeen = new Map<number, { program: string; ms: number }>();
  const sample = (): void => {
    if (child.pid === undefined) return;
    const table = processTable();
    for (const pid of descendants(child.pid, table)) {
      const [ppid, name] = table.get(pid) ?? [0, '?'];
      if (name === 'time') continue;
      peaks[name] = Math.max(peaks[name] ?? 0, highWaterMark(pid));
      // The command is the spawned process, or GNU time's child when time runs it.
      const isCommand = pid === child.pid || (useTime && ppid === child.pid);
      const ms = cpuMsOf(pid);
      if (ms > 0) cpuSeen.set(pid, { program: isCommand ? 'main' : name, ms });
    }
  };
  const timer = setInterval(sample, options.sampleMs ?? 200);
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c) => resolve(c ?? 1));
  });
  const ms = performance.now() - started;
  clearInterval(timer);
  let peakRss = Math.max(0, ...Object.values(peaks));
  const report = useTime ? await readFile(timeFile, 'utf8').catch(() => '') : '';
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
  if (match) peakRss = Math.max(peakRss, Number(match[1]) * 1024);
  await rm(dir, { recursive: true, force: true });
  const cpuByProgram: Record<string, number> = {};
  for (const { program, ms: cpuMs } of cpuSeen.values()) cpuByProgram[program] = (cpuByProgram[program] ?? 0) + cpuMs;
  return { ms, code, peakRss, peakRssByProgram: peaks, cpu: cpuOfTimeReport(report), cpuByProgram, stderr };
}

export interface OutputStats {
  files: number;
  bytes: number;
  /** The largest HTML page, by bytes. */
  largestPage: { path: string; bytes: number };
  /** The largest file of any kind (feeds, JSON exports, search chunks). */
  largestFile: { path: string; bytes: number };
}

/** Counts the files and bytes of a built site. */
export function outputStats(root: string): OutputStats {
  const stats: OutputStats = { files: 0, bytes: 0, largestPage: { path: '', bytes: 0 }, largestFile: { path: '', bytes: 0 } };
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(path);
        continue;
      }
      const bytes = statSync(path).size;
      stats.files += 1;
      stats.bytes += bytes;
      const rel = relative(root, path);
      if (bytes > stats.largestFile.bytes) stats.largestFile = { path: rel, bytes };
      if (entry.name.endsWith('.html') && bytes > stats.largestPage.bytes) stats.largestPage = { path: rel, bytes };
    }
  };
  walk(root);
  return stats;
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? NaN : sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
