// A Pagefind bundle is read only once its files are whole: Pagefind's writeFiles can answer while its
// background writes still run (src/site/searchIndex.ts awaitCompleteBundle).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { awaitCompleteBundle } from '../../src/site/searchIndex.ts';

/** A bundle as Pagefind lays it out, with a fragment and the entry cut short. */
function bundleWithCutFiles(): { dir: string; fragment: Buffer; entry: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-bundle-'));
  mkdirSync(join(dir, 'fragment'));
  const fragment = gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify({ url: '/articles/a/', content: 'Talks resumed in Caracas.' })}`));
  const entry = JSON.stringify({ version: '1.5.2', languages: { en: { hash: 'en_0123456789', wasm: 'en', page_count: 1 } } });
  writeFileSync(join(dir, 'fragment', 'en_abcdef1.pf_fragment'), fragment.subarray(0, fragment.length - 6));
  writeFileSync(join(dir, 'pagefind-entry.json'), '');
  writeFileSync(join(dir, 'pagefind.js'), 'export {};');
  // Inside the first bundle sit the other shards' folders: they are not this bundle's files.
  mkdirSync(join(dir, 'shard-2'));
  writeFileSync(join(dir, 'shard-2', 'pagefind-entry.json'), '');
  return { dir, fragment, entry };
}

describe('awaitCompleteBundle', () => {
  it('waits until every file is whole', async () => {
    const { dir, fragment, entry } = bundleWithCutFiles();
    try {
      let completed = false;
      setTimeout(() => {
        writeFileSync(join(dir, 'fragment', 'en_abcdef1.pf_fragment'), fragment);
        writeFileSync(join(dir, 'pagefind-entry.json'), entry);
        completed = true;
      }, 200);
      await awaitCompleteBundle(dir, 5000);
      assert.ok(completed, 'it returned before the files were whole');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives up with an error naming a file that stays cut short', async () => {
    const { dir, entry } = bundleWithCutFiles();
    try {
      writeFileSync(join(dir, 'pagefind-entry.json'), entry);
      await assert.rejects(awaitCompleteBundle(dir, 300), (error: Error) => error.name === 'SearchIndexError' && /^search index: writeFiles failed: 1 file of .* still incomplete after 0\.3 s, e\.g\. .*en_abcdef1\.pf_fragment/.test(error.message));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
