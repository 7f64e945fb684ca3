// The only step that touches the disk: it lists input files and reads their bytes.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export interface SourceFile {
  /** Path relative to the input folder, forward slashes. */
  path: string;
  absolutePath: string;
}

/** How a file is read, by its name's ending; null for files that are not article inputs. */
export type InputKind = 'text' | 'markdown' | 'html';

const KIND_BY_EXTENSION: Record<string, InputKind> = {
  '.txt': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
};

/** File name endings that are article inputs. */
export const INPUT_EXTENSIONS = Object.keys(KIND_BY_EXTENSION);

export function inputKind(path: string): InputKind | null {
  const dot = path.lastIndexOf('.');
  return dot < 0 || path.lastIndexOf('/') > dot ? null : (KIND_BY_EXTENSION[path.slice(dot).toLowerCase()] ?? null);
}

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

/** Every file under `dir`, recursively, sorted by relative path (so the order never depends on the file system). */
export async function listFiles(dir: string): Promise<SourceFile[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => {
      // `parentPath` (Node >= 20.12) replaces the older `path` property.
      const parent = (entry as { parentPath?: string; path?: string }).parentPath ?? (entry as { path?: string }).path ?? dir;
      const absolutePath = join(parent, entry.name);
      return { path: relative(dir, absolutePath).split(sep).join('/'), absolutePath };
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export async function readBytes(absolutePath: string): Promise<ReadResult> {
  try {
    // Read synchronously: files are read one after the other anyway, and the promise API's round trips
    // through the thread pool cost ten times the CPU (1.1 s against 0.1 s for 10,000 articles).
    return { ok: true, bytes: new Uint8Array(readFileSync(absolutePath)) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return { ok: false, reason: `cannot read file (${code})` };
  }
}

/** Reads a text file, or null when it does not exist or cannot be read. */
export async function readOptionalText(absolutePath: string): Promise<string | null> {
  const result = await readBytes(absolutePath);
  return result.ok ? new TextDecoder('utf-8').decode(result.bytes) : null;
}

/** sha256 of raw bytes, lower-case hex (pure; here because it is about the bytes as read). */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
