import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatFileLines, formatStrictFailure, formatTotal, makeBuildReport, printable, reportJson } from '../../src/report.ts';
import { withoutControlCharacters } from '../../src/site/transforms.ts';
import { normaliseBase } from '../../src/build.ts';
import { checkOutDir, prepareOutDir, REPORT_FILE } from '../../src/site/render.ts';
import { fixtureArchive } from '../fixtures/site/archive.ts';

const context = { seedsDir: 'in', outDir: 'out', base: '/', rootUrl: 'https://e.org/', strict: false, indexedPages: 5 };

describe('build report', () => {
  it('has one line per input file with title, date, publisher and warnings', () => {
    const report = makeBuildReport(fixtureArchive(), context);
    const lines = formatFileLines(report);
    assert.ok(lines.includes('✓ talks-stall.txt  "Talks Stall Over Role of Maduro" · 2019-03-20 · The Moscow Times'));
    assert.ok(lines.includes('- notes.pdf  ignored: not a text file'));
    assert.ok(lines.some((l) => l.startsWith('! officials-meet-in-rome.txt  "Officials to Meet in Rome" · undated · Havana Times')));
    assert.equal(lines.filter((l) => !l.startsWith('    ')).length, report.files.length);
  });

  it('closes with a total that gets plurals right', () => {
    const report = makeBuildReport(fixtureArchive(), context);
    assert.equal(formatTotal(report), '6 files → 5 articles (3 published, 2 with warnings, 0 duplicates, 1 ignored, 0 skipped); 5 pages in the search index');
    const one = makeBuildReport({ articles: [], report: { files: [{ file: 'a.txt', outcome: 'skipped', reason: 'empty file', slug: null, diagnostics: [] }], counts: { published: 0, 'published-with-warnings': 0, duplicate: 1, ignored: 0, skipped: 1 } } }, { ...context, indexedPages: 1 });
    assert.equal(formatTotal(one), '1 file → 0 articles (0 published, 0 with warnings, 1 duplicate, 0 ignored, 1 skipped); 1 page in the search index');
  });

  it('fails under --strict only, and says why', () => {
    assert.equal(formatStrictFailure(makeBuildReport(fixtureArchive(), context)), null);
    const strict = makeBuildReport(fixtureArchive(), { ...context, strict: true });
    assert.equal(strict.ok, false);
    assert.match(formatStrictFailure(strict) ?? '', /^--strict: 2 files have warnings/);
  });

  it('writes JSON with the titles, escaped and stable', () => {
    const text = reportJson(makeBuildReport(fixtureArchive(), context));
    assert.ok(!text.includes('<'));
    assert.equal(text, reportJson(makeBuildReport(fixtureArchive(), context)));
    assert.equal(JSON.parse(text).files[0].title, 'Talks Stall Over Role of Maduro');
  });

  it('leaves the input and output folders out of the JSON, so a build elsewhere writes the same bytes', () => {
    const here = reportJson(makeBuildReport(fixtureArchive(), context));
    const there = reportJson(makeBuildReport(fixtureArchive(), { ...context, seedsDir: '/elsewhere/in', outDir: '/elsewhere/out' }));
    assert.equal(here, there);
    assert.deepEqual(Object.keys(JSON.parse(here)).filter((k) => /dir/i.test(k)), []);
  });

  it('prints control characters and bidi overrides from the inputs as visible escapes', () => {
    assert.equal(printable('a\u001b[31mred\u0007 \u202eevil\u202c\u009b\u007f'), 'a\\u001b[31mred\\u0007 \\u202eevil\\u202c\\u009b\\u007f');
    assert.equal(printable('Plain “quotes” — and é'), 'Plain “quotes” — and é');
    const fixture = fixtureArchive();
    const archive = { ...fixture, articles: fixture.articles.map((a, i) => (i === 0 ? { ...a, title: 'Bell\u0007 \u001b]0;title\u0007' } : a)) };
    const lines = formatFileLines(makeBuildReport(archive, context));
    assert.ok(lines.includes('✓ talks-stall.txt  "Bell\\u0007 \\u001b]0;title\\u0007" · 2019-03-20 · The Moscow Times'), lines[0]);
  });

  it('drops the characters XML forbids from pages and feeds, and keeps tab, newline and the rest', () => {
    assert.equal(withoutControlCharacters('a\u0000b\u001bc\u0085d\uffffe\tf\ng\rh é “”'), 'abcde\tf\ng\rh é “”');
  });
});

describe('output folder', () => {
  it('normalises the base', () => {
    assert.deepEqual(['/', '', 'x', '/x', 'x/', '//x//y//'].map(normaliseBase), ['/', '/', '/x/', '/x/', '/x/', '/x//y/']);
  });

  it("refuses to replace a folder that is not Dossier's, accepts a new, empty or earlier output folder", async () => {
    const root = mkdtempSync(join(tmpdir(), 'dossier-out-'));
    try {
      mkdirSync(join(root, 'mine'));
      writeFileSync(join(root, 'mine', 'notes.txt'), 'keep me');
      await assert.rejects(checkOutDir(join(root, 'mine')), /not a Dossier output folder/);
      await assert.rejects(checkOutDir(process.cwd()), /would empty the project/);
      await checkOutDir(join(root, 'new'));
      await prepareOutDir(join(root, 'new'));
      writeFileSync(join(root, 'new', 'old-page.html'), 'x');
      await prepareOutDir(join(root, 'new'));
      await checkOutDir(join(root, 'new'));
      assert.deepEqual((await import('node:fs')).readdirSync(join(root, 'new')), [REPORT_FILE]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
