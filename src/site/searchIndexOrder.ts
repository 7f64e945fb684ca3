// Pagefind (1.5.2) writes its filter index in hash-map order, which changes from run to run: equal
// inputs give different filter/*.pf_filter files, a different pf_meta and a different pagefind-entry.json
// (https://github.com/Pagefind/pagefind/issues/638: fragments are stable since 1.3, "other files will
// still change, such as the filter/metadata indexes"). This puts those files in a fixed order, so a
// build is byte-identical whatever the run: filter values sorted, filters sorted by name, files named
// by the sha256 of what they hold. Pagefind reads files by the names pf_meta gives and checks no hash.
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decodeCbor, encodeCbor, type Cbor } from './cbor.ts';

const SIGNATURE = new TextEncoder().encode('pagefind_dcd');

/** A file of Pagefind's bundle whose layout is not the one this module knows. */
class UnknownLayout extends Error {}

interface Entry {
  languages: Record<string, { hash: string } & Record<string, unknown>>;
}

const equalBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A Pagefind data file's value; throws UnknownLayout unless it reads back to the same bytes. */
async function readPagefindFile(path: string): Promise<Cbor> {
  const raw = gunzipSync(await readFile(path));
  if (!equalBytes(raw.subarray(0, SIGNATURE.length), SIGNATURE)) throw new UnknownLayout(`${path} has no pagefind_dcd signature`);
  const body = raw.subarray(SIGNATURE.length);
  const value = decodeCbor(body);
  if (!equalBytes(encodeCbor(value), body)) throw new UnknownLayout(`${path} does not read back to the same bytes`);
  return value;
}

/** Writes a Pagefind data file named `<lang>_<hash>` + suffix; returns the name without the suffix. */
async function writePagefindFile(dir: string, prefix: string, lang: string, hashLength: number, suffix: string, value: Cbor): Promise<string> {
  const body = Buffer.concat([SIGNATURE, encodeCbor(value)]);
  const name = `${lang}_${sha256(body).slice(0, hashLength)}`;
  // gzip with mtime 0 and no file name: the same bytes every time.
  await writeFile(join(dir, `${prefix}${name}${suffix}`), gzipSync(body, { level: 9 }));
  return name;
}

const isPair = (v: Cbor): v is [string, Cbor] => Array.isArray(v) && v.length === 2 && typeof v[0] === 'string';

/** One filter file: [name, [[value, pages], …]] with the values sorted. */
function sortFilter(value: Cbor): Cbor {
  if (!isPair(value) || !Array.isArray(value[1]) || !value[1].every(isPair)) throw new UnknownLayout('a filter file is not [name, [[value, pages], …]]');
  return [value[0], [...value[1]].sort((a, b) => compare(a[0], b[0]))];
}

/**
 * Puts the filter index of the bundle in `bundleDir` in a fixed order. Returns null when done, or why
 * the bundle was left as Pagefind wrote it (a Pagefind whose files this module does not know).
 */
export async function fixSearchIndexOrder(bundleDir: string): Promise<string | null> {
  try {
    const entryPath = join(bundleDir, 'pagefind-entry.json');
    const entry = JSON.parse(await readFile(entryPath, 'utf8')) as Entry;
    for (const [lang, language] of Object.entries(entry.languages)) {
      const metaPath = join(bundleDir, `pagefind.${language.hash}.pf_meta`);
      const meta = await readPagefindFile(metaPath);
      if (!Array.isArray(meta)) throw new UnknownLayout('pf_meta is not an array');
      // The filter list: [[filter name, filter file hash], …], each naming a file in filter/.
      const filterLists = meta.filter((part) => Array.isArray(part) && part.length > 0 && part.every((p) => isPair(p) && typeof p[1] === 'string' && p[1].startsWith(`${lang}_`)));
      if (filterLists.length > 1) throw new UnknownLayout('pf_meta has more than one list that looks like the filters');
      const filters = (filterLists[0] ?? []) as Array<[string, string]>;
      const renamed: Array<[string, string]> = [];
      for (const [name, hash] of filters) {
        const path = join(bundleDir, 'filter', `${hash}.pf_filter`);
        const sorted = sortFilter(await readPagefindFile(path));
        const newHash = await writePagefindFile(join(bundleDir, 'filter'), '', lang, 7, '.pf_filter', sorted);
        if (newHash !== hash) await rm(path);
        renamed.push([name, newHash]);
      }
      renamed.sort((a, b) => compare(a[0], b[0]));
      const newMeta: Cbor = meta.map((part) => (part === filterLists[0] ? renamed : part));
      const newHash = await writePagefindFile(bundleDir, 'pagefind.', lang, 10, '.pf_meta', newMeta);
      if (newHash !== language.hash) await rm(metaPath);
      language.hash = newHash;
    }
    await writeFile(entryPath, JSON.stringify(entry));
    return null;
  } catch (error) {
    if (error instanceof UnknownLayout || (error as Error).name === 'CborError') return (error as Error).message;
    throw error;
  }
}
