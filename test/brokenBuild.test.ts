// End to end (issue 3 §1): the seeds plus a handful of broken inputs built with `npm run build`; the site
// still builds, build-report.json accounts for every file with its outcome, and --strict fails the build.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BuildReport, FileOutcome } from '../src/types.ts';

const ROOT = join(import.meta.dirname, '..');
const SEEDS = join(ROOT, 'seeds');
const BROKEN = join(ROOT, 'test', 'fixtures', 'broken');
/** The slug of seed 001 (its headline): broken neighbours must not change it. */
const A_SEED_SLUG = 'russian-and-us-officials-to-meet-in-rome-over-venezuela-crisis';

/** The broken fixtures copied in, with what the report must say of each. */
const BROKEN_FILES: Record<string, FileOutcome> = {
  'empty.txt': 'skipped',
  'image-renamed.txt': 'skipped',
  'no-headline.txt': 'skipped',
  'identical-a.txt': 'published-with-warnings',
  'identical-b.txt': 'duplicate',
  'windows-1252.txt': 'published-with-warnings',
  'slug-traversal.md': 'published-with-warnings',
  'future-date.txt': 'published-with-warnings',
  'notes.pdf': 'ignored',
  "name with spaces, accents é and 'quotes'.txt": 'published-with-warnings',
  'nested/deeper/nested-article.txt': 'published-with-warnings',
};

function npmBuild(args: string[]): Promise<{ code: number | null; log: string }> {
  return new Promise((done, fail) => {
    const child = spawn('npm', ['run', '--silent', 'build', '--', ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), 120_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, log });
    });
  });
}

describe('npm run build on the seeds plus broken inputs', () => {
  let input = '';
  let out = '';
  let outStrict = '';
  let result: { code: number | null; log: string };
  let report: BuildReport;
  before(async () => {
    input = await mkdtemp(join(tmpdir(), 'dossier-broken-in-'));
    out = await mkdtemp(join(tmpdir(), 'dossier-broken-out-'));
    outStrict = await mkdtemp(join(tmpdir(), 'dossier-broken-strict-'));
    await cp(SEEDS, input, { recursive: true });
    for (const file of Object.keys(BROKEN_FILES)) await cp(join(BROKEN, file), join(input, file), { recursive: true });
    result = await npmBuild(['--seeds', input, '--out', out, '--today', '2025-06-01']);
    report = JSON.parse(await readFile(join(out, 'build-report.json'), 'utf8')) as BuildReport;
  });
  after(async () => {
    for (const dir of [input, out, outStrict]) if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  it('exits 0 and writes a page for each of the five seeds', async () => {
    assert.equal(result.code, 0, result.log);
    const seeds = report.files.filter((file) => /^\d{3}_[0-9a-f]{16}\.txt$/.test(file.file));
    assert.equal(seeds.length, 5);
    for (const seed of seeds) {
      assert.ok(seed.outcome === 'published' || seed.outcome === 'published-with-warnings', `${seed.file}: ${seed.outcome}`);
      assert.ok((await stat(join(out, 'articles', seed.slug!, 'index.html'))).isFile(), seed.file);
    }
    assert.ok(seeds.some((seed) => seed.slug === A_SEED_SLUG));
  });
  it('lists every input file in build-report.json with its expected outcome', () => {
    const outcomes = Object.fromEntries(report.files.map((file) => [file.file, file.outcome]));
    for (const [file, outcome] of Object.entries(BROKEN_FILES)) assert.equal(outcomes[file], outcome, file);
    assert.equal(outcomes['catalogue.yaml'], 'ignored');
    assert.equal(report.files.length, 5 + 1 + Object.keys(BROKEN_FILES).length);
    const traversal = report.files.find((file) => file.file === 'slug-traversal.md');
    assert.equal(traversal?.slug, 'coast-guard-station-expands');
    assert.ok(traversal?.diagnostics.some((d) => d.ruleId === 'slug/unsafe'));
    assert.ok(report.files.find((file) => file.file === 'future-date.txt')?.diagnostics.some((d) => d.ruleId === 'date/future'));
    assert.equal(report.files.find((file) => file.file === 'identical-b.txt')?.reason, 'same bytes as identical-a.txt, which is kept');
  });
  it('prints each skipped file with its reason', () => {
    assert.match(result.log, /image-renamed\.txt\s+skipped: the file holds a PNG image, not text/);
    assert.match(result.log, /empty\.txt\s+skipped: the file is empty/);
  });
  it('fails with --strict', async () => {
    const strict = await npmBuild(['--seeds', input, '--out', outStrict, '--today', '2025-06-01', '--strict']);
    assert.notEqual(strict.code, 0, strict.log);
    assert.match(strict.log, /--strict/);
  });
  it('refuses an --ingest-workers that is not a whole number', async () => {
    const refused = await npmBuild(['--seeds', input, '--out', outStrict, '--ingest-workers', 'two']);
    assert.equal(refused.code, 2, refused.log);
    assert.match(refused.log, /--ingest-workers must be a whole number of 0 or more, not "two"/);
  });
  it('refuses a --search-processes below 1', async () => {
    const refused = await npmBuild(['--seeds', input, '--out', outStrict, '--search-processes', '0']);
    assert.equal(refused.code, 2, refused.log);
    assert.match(refused.log, /--search-processes must be a whole number of 1 or more, not "0"/);
  });
});
