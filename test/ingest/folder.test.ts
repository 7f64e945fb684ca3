import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ingestFolder } from '../../src/ingest/index.ts';

const LEDE = 'The harbour authority said on Monday that the northern pier will reopen to ferries next spring after repairs.';
const article = (title: string, date: string | null): string => [title, '', ...(date === null ? [] : [date, '']), LEDE, ''].join('\n');

describe('ingestFolder', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dossier-folder-'));
    await mkdir(join(dir, 'nested', 'deeper'), { recursive: true });
    await writeFile(join(dir, 'b.txt'), article('Pier to Reopen', 'June 3, 2021'));
    await writeFile(join(dir, 'nested', 'a.md'), article('Pier to Reopen', 'May 1, 2020'));
    await writeFile(join(dir, 'nested', 'deeper', 'c.markdown'), article('Ferries Return', null));
    await writeFile(join(dir, 'nested', 'copy.txt'), article('Pier to Reopen', 'June 3, 2021'));
    await writeFile(join(dir, 'empty.txt'), '');
    await writeFile(join(dir, 'menu.txt'), '• Home\n• Sport\n');
    await writeFile(join(dir, 'photo.png'), new Uint8Array([0x89, 0x50]));
    await writeFile(join(dir, 'catalogue.yaml'), 'articles:\n  nested/deeper/c.markdown:\n    publisher: Coastal Ledger\n');
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('accounts for every file with an outcome and a reason', async () => {
    const archive = await ingestFolder(dir);
    const outcomes = Object.fromEntries(archive.report.files.map((file) => [file.file, [file.outcome, file.reason]]));
    assert.deepEqual(Object.keys(outcomes).sort(), [
      'b.txt', 'catalogue.yaml', 'empty.txt', 'menu.txt', 'nested/a.md', 'nested/copy.txt', 'nested/deeper/c.markdown', 'photo.png',
    ]);
    assert.equal(outcomes['nested/copy.txt']?.[0], 'duplicate');
    assert.match(String(outcomes['nested/copy.txt']?.[1]), /b\.txt/);
    assert.deepEqual(outcomes['empty.txt'], ['skipped', 'the file is empty']);
    assert.equal(outcomes['menu.txt']?.[0], 'skipped');
    assert.equal(outcomes['photo.png']?.[0], 'ignored');
    assert.equal(outcomes['catalogue.yaml']?.[0], 'ignored');
    assert.deepEqual(archive.report.counts, { published: 0, 'published-with-warnings': 3, duplicate: 1, ignored: 2, skipped: 2 });
  });
  it('sorts by date, undated last, and makes colliding slugs unique and stable', async () => {
    const archive = await ingestFolder(dir);
    assert.deepEqual(
      archive.articles.map((a) => [a.sourceFile, a.slug]),
      [
        ['nested/a.md', 'pier-to-reopen'],
        ['b.txt', 'pier-to-reopen-2021-06-03'],
        ['nested/deeper/c.markdown', 'ferries-return'],
      ],
    );
    const c = archive.articles[2];
    assert.equal(c?.publisher, 'Coastal Ledger');
    assert.equal(c?.provenance.publisher?.origin, 'catalogue');
    assert.equal(archive.report.files.find((file) => file.file === 'b.txt')?.slug, 'pier-to-reopen-2021-06-03');
  });
  it('gives the same result twice (deterministic)', async () => {
    assert.deepEqual(await ingestFolder(dir), await ingestFolder(dir));
  });
  it('reports a bad catalogue as diagnostics and still ingests', async () => {
    const bad = await mkdtemp(join(tmpdir(), 'dossier-badcat-'));
    try {
      await writeFile(join(bad, 'catalogue.yaml'), 'articles: [unclosed\n');
      await writeFile(join(bad, 'a.txt'), article('Pier to Reopen', 'June 3, 2021'));
      const archive = await ingestFolder(bad);
      assert.equal(archive.articles.length, 1);
      const report = archive.report.files.find((file) => file.file === 'catalogue.yaml');
      assert.equal(report?.diagnostics[0]?.ruleId, 'catalogue/invalid-yaml');
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });
});
