// The extract CLI: JSON only on stdout, human messages on stderr, strict flags.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';

function extract(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/extract.ts', ...args], { encoding: 'utf8' });
}

describe('npm run extract', () => {
  it('prints the seeds as a JSON array and nothing else on stdout', () => {
    const run = extract('seeds/000_d3b88635c7820126.txt', 'seeds/001_7c4033cf285c53b2.txt');
    assert.equal(run.status, 0);
    const records = JSON.parse(run.stdout) as Array<{ sourceFile: string; publisher: string | null }>;
    assert.deepEqual(records.map((r) => [r.sourceFile, r.publisher]), [
      ['000_d3b88635c7820126.txt', 'The Moscow Times'],
      ['001_7c4033cf285c53b2.txt', 'Havana Times'],
    ]);
    assert.match(run.stderr, /001_7c4033cf285c53b2\.txt:1 date\/missing/);
  });
  it('uses the catalogue beside the file', () => {
    const run = extract('seeds/004_c9040504410b7eb3.txt');
    assert.equal((JSON.parse(run.stdout) as Array<{ publisher: string }>)[0]?.publisher, 'teleSUR');
  });
  it('explains every line with its class and rule', () => {
    const run = extract('--explain', 'seeds/003_a4e9cc67d4521fe8.txt');
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^\s+23\s+chrome\s+chrome\/other-articles\s+Last news$/m);
  });
  it('rejects unknown flags and missing files with a usage message and exit code 2', () => {
    for (const args of [['--nope', 'x.txt'], []]) {
      const run = extract(...args);
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /usage: npm run extract/);
    }
  });
  it('fails for a file it cannot read, naming it', () => {
    const run = extract('no/such/file.txt');
    assert.equal(run.status, 1);
    assert.deepEqual(JSON.parse(run.stdout), []);
    assert.match(run.stderr, /no\/such\/file\.txt/);
  });
});
