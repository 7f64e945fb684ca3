// Two builds of the same inputs, copied into folders in opposite orders and built into differently
// named folders, give byte-identical output trees: every file, Pagefind's bundle and build-report.json included.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { build } from '../../src/build.ts';

const REPO = join(import.meta.dirname, '..', '..');
/** The seeds and the hostile fixture side by side, one of them in a nested folder. */
const SOURCES: Array<[string, string]> = [
  [join(REPO, 'seeds'), ''],
  [join(REPO, 'test', 'fixtures', 'site', 'hostile'), 'nested/hostile'],
];

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

/** Copies every input into `to`, creating folders and files in the given order. */
function copyInputs(to: string, order: 'forward' | 'reverse'): number {
  const files = SOURCES.flatMap(([from, under]) => walk(from).map((file) => [file, join(to, under, relative(from, file))] as const));
  files.sort(([a], [b]) => (a < b ? -1 : 1));
  if (order === 'reverse') files.reverse();
  for (const [file, target] of files) {
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
  return files.length;
}

/** Every file of an output tree and its sha256, by path. */
function treeHashes(dir: string): Map<string, string> {
  return new Map(
    walk(dir)
      .map((file) => [relative(dir, file).split('\\').join('/'), createHash('sha256').update(readFileSync(file)).digest('hex')] as const)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

describe('determinism', () => {
  let root: string;
  let first: Map<string, string>;
  let second: Map<string, string>;
  let inputs: number;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'dossier-determinism-'));
    inputs = copyInputs(join(root, 'in-one'), 'forward');
    copyInputs(join(root, 'second', 'inputs'), 'reverse');
    const quiet = (): void => {};
    const options = { base: '/archive/', strict: false, siteUrl: 'https://example.org' };
    await build({ ...options, seedsDir: join(root, 'in-one'), outDir: join(root, 'out-one') }, quiet);
    await build({ ...options, seedsDir: join(root, 'second', 'inputs'), outDir: join(root, 'second', 'site') }, quiet);
    first = treeHashes(join(root, 'out-one'));
    second = treeHashes(join(root, 'second', 'site'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('builds a real site from both copies', () => {
    assert.ok(inputs >= 10, `${inputs} inputs`);
    const articles = JSON.parse(readFileSync(join(root, 'out-one', 'articles.json'), 'utf8')) as unknown[];
    assert.equal(articles.length, 9, 'five seeds and four hostile articles');
    assert.ok([...first.keys()].some((f) => f.startsWith('pagefind/filter/')), 'the search index has filters (the part Pagefind writes in a varying order)');
  });

  it('writes the same files', () => {
    assert.deepEqual([...second.keys()], [...first.keys()]);
  });

  it('writes every file byte for byte the same, the search index and the build report included', () => {
    const differ = [...first].filter(([file, hash]) => second.get(file) !== hash).map(([file]) => file);
    assert.deepEqual(differ, []);
  });
});
