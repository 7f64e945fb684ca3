// Issue 3 §1 and §3 on the ingest side: every broken input in test/fixtures/broken/ (plus big, unreadable
// and order-dependent cases made at test time) gives no crash, a clear diagnostic and an outcome in the report.
import assert from 'node:assert/strict';
import { chmod, copyFile, cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { after, before, describe, it } from 'node:test';
import { emptyCatalogue, ingestFolder, ingestText, INGEST_LIMITS } from '../../src/ingest/index.ts';
import { readBytes } from '../../src/ingest/read.ts';
import { checkSlugValue, SAFE_SLUG } from '../../src/ingest/slug.ts';
import type { Archive, FileOutcome, FileReport } from '../../src/types.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'broken');
const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');
const TODAY = '2025-06-01';
const ODD_NAME = "name with spaces, accents é and 'quotes'.txt";
const LEDE = 'The harbour authority said on Monday that the northern pier will reopen to ferries next spring after repairs.';
const isRoot = process.getuid?.() === 0;

/** Each fixture: its outcome and the rules that must be reported for it (others may be too). */
const EXPECTED: Record<string, [FileOutcome, string[]]> = {
  'bad-yaml.md': ['published-with-warnings', ['front-matter/invalid-yaml']],
  'crlf.txt': ['published-with-warnings', []],
  'empty.txt': ['skipped', ['file/empty']],
  'future-date.txt': ['published-with-warnings', ['date/future']],
  'headline-only.txt': ['published-with-warnings', ['body/empty', 'date/missing']],
  'identical-a.txt': ['published-with-warnings', []],
  'identical-b.txt': ['duplicate', ['file/duplicate']],
  'image-renamed.txt': ['skipped', ['file/binary']],
  'impossible-date.txt': ['published-with-warnings', ['date/impossible', 'date/missing']],
  'invalid-utf8.txt': ['published-with-warnings', ['encoding/invalid-utf8']],
  'lone-cr.txt': ['published-with-warnings', []],
  [ODD_NAME]: ['published-with-warnings', []],
  'nested/deeper/nested-article.txt': ['published-with-warnings', []],
  'no-headline.txt': ['skipped', ['title/missing']],
  'notes.pdf': ['ignored', []],
  'permalink-absolute.md': ['published-with-warnings', ['slug/unsafe']],
  'photo.jpg': ['ignored', []],
  'same-headline-1.txt': ['published-with-warnings', []],
  'same-headline-2.txt': ['published-with-warnings', ['slug/collision']],
  'slug-backslash.md': ['published-with-warnings', ['slug/unsafe']],
  'slug-encoded.md': ['published-with-warnings', ['slug/unsafe']],
  'slug-ok.md': ['published-with-warnings', []],
  'slug-traversal.md': ['published-with-warnings', ['slug/unsafe']],
  'utf16be-bom.txt': ['published-with-warnings', []],
  'utf16le-bom.txt': ['published-with-warnings', []],
  'whitespace-only.txt': ['skipped', ['file/blank']],
  'windows-1252.txt': ['published-with-warnings', ['encoding/not-utf8']],
  'wrong-types.md': ['published-with-warnings', ['front-matter/invalid-field']],
  // Made at test time (see `before`).
  'big-20mb.txt': ['skipped', ['file/too-large']],
  'long-line.txt': ['published-with-warnings', []],
  'unreadable.txt': ['skipped', ['file/unreadable']],
};

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** 20 MB of article-like text: a headline, then paragraphs. */
function bigText(): string {
  const paragraph = `${LEDE} ${LEDE}\n\n`;
  return `Harbour Archive Dump\n\n${paragraph.repeat(Math.ceil((20 * 1024 * 1024) / paragraph.length))}`;
}

/** A headline, then one line of 200,000 characters. */
function longLineText(): string {
  return `Longest Paragraph Ever Printed\n\nJune 3, 2021\n\n${'harbour '.repeat(25_000)}\n`;
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

describe('broken inputs (test/fixtures/broken)', () => {
  let dir = '';
  let archive: Archive;
  let byFile: Map<string, FileReport>;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dossier-broken-'));
    await cp(FIXTURES, dir, { recursive: true });
    await writeFile(join(dir, 'big-20mb.txt'), bigText());
    await writeFile(join(dir, 'long-line.txt'), longLineText());
    await writeFile(join(dir, 'unreadable.txt'), `Locked Away\n\n${LEDE}\n`);
    await chmod(join(dir, 'unreadable.txt'), 0o000);
    // Root reads a chmod 000 file anyway, so there the read error is injected instead.
    if (isRoot) {
      process.stderr.write('!!! running as root: chmod 000 does not stop root reading, so unreadable.txt gets an injected EACCES read error\n');
    }
    const read = isRoot
      ? async (path: string) => (path.endsWith('unreadable.txt') ? { ok: false as const, reason: 'cannot read file (EACCES)' } : readBytes(path))
      : readBytes;
    archive = await ingestFolder(dir, { today: TODAY, read });
    byFile = new Map(archive.report.files.map((file) => [file.file, file]));
  });
  after(async () => {
    await chmod(join(dir, 'unreadable.txt'), 0o644).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  });

  it('accounts for every file, each with its expected outcome and rules', () => {
    assert.deepEqual([...byFile.keys()].sort(), Object.keys(EXPECTED).sort());
    for (const [file, [outcome, rules]] of Object.entries(EXPECTED)) {
      const report = byFile.get(file)!;
      assert.equal(report.outcome, outcome, `${file}: ${report.outcome} (${report.reason})`);
      const found = report.diagnostics.map((d) => d.ruleId);
      for (const rule of rules) assert.ok(found.includes(rule), `${file}: expected ${rule}, got ${found.join(', ')}`);
      if (outcome !== 'published' && outcome !== 'published-with-warnings') assert.ok(report.reason !== null && report.reason.length > 10, file);
    }
    const counts = Object.fromEntries(Object.keys(archive.report.counts).map((k) => [k, 0])) as Record<FileOutcome, number>;
    for (const [outcome] of Object.values(EXPECTED)) counts[outcome]++;
    assert.deepEqual(archive.report.counts, counts);
  });
  it('says what to do: every warning and error has a note, and a line where the text has one', () => {
    const lineRules = ['front-matter/invalid-yaml', 'front-matter/invalid-field', 'slug/unsafe', 'date/impossible', 'date/future', 'encoding/invalid-utf8'];
    for (const report of archive.report.files) {
      for (const d of report.diagnostics.filter((d) => d.severity === 'error' || lineRules.includes(d.ruleId))) {
        assert.ok(d.note !== undefined && d.note.length > 10, `${report.file} ${d.ruleId} has no note`);
        assert.equal(d.file, report.file);
        if (lineRules.includes(d.ruleId)) assert.equal(typeof d.line, 'number', `${report.file} ${d.ruleId}`);
      }
    }
    const line = (file: string, rule: string): number | null | undefined => byFile.get(file)?.diagnostics.find((d) => d.ruleId === rule)?.line;
    assert.equal(line('bad-yaml.md', 'front-matter/invalid-yaml'), 3);
    assert.deepEqual(byFile.get('wrong-types.md')?.diagnostics.filter((d) => d.ruleId === 'front-matter/invalid-field').map((d) => [d.line, d.actual]), [[3, 'yesterday'], [4, '5']]);
    assert.equal(line('impossible-date.txt', 'date/impossible'), 3);
    assert.equal(line('invalid-utf8.txt', 'encoding/invalid-utf8'), 5);
    assert.equal(line('future-date.txt', 'date/future'), 3);
    assert.match(byFile.get('image-renamed.txt')?.reason ?? '', /PNG image/);
    assert.equal(byFile.get('identical-b.txt')?.reason, 'same bytes as identical-a.txt, which is kept');
    assert.match(byFile.get('notes.pdf')?.reason ?? '', /not an article input/);
  });
  it('decodes every encoding and line ending to the same clean text', () => {
    const article = (file: string) => archive.articles.find((a) => a.sourceFile === file)!;
    assert.equal(article('windows-1252.txt').title, 'Mayor Says “The Pier Will Reopen”');
    assert.match(article('windows-1252.txt').body, /said it’s on Monday/);
    assert.equal(article('utf16le-bom.txt').title, 'Harbour Dredging Begins in Autumn');
    assert.equal(article('utf16be-bom.txt').title, 'Lighthouse Keeper Retires After Forty Years');
    assert.equal(article('invalid-utf8.txt').title, 'Ferry Timetable Changes at the Café');
    assert.match(article('invalid-utf8.txt').body, /north\uFFFD\(ern/);
    for (const file of ['crlf.txt', 'lone-cr.txt']) {
      const a = article(file);
      assert.equal(a.published, '2021-06-03', file);
      assert.equal(a.body, LEDE, file);
      assert.ok(!/\r/.test(JSON.stringify(a)), file);
    }
    assert.equal(article('headline-only.txt').body, '');
    assert.equal(article('future-date.txt').published, '2099-03-04');
    assert.equal(article('impossible-date.txt').published, null);
  });
  it('keeps odd file names exactly and nested paths with forward slashes; every slug is ASCII-safe', () => {
    assert.equal(archive.articles.find((a) => a.sourceFile === ODD_NAME)?.slug, 'quayside-cafe-wins-award');
    assert.equal(archive.articles.find((a) => a.sourceFile === 'nested/deeper/nested-article.txt')?.slug, 'harbour-pilots-train-on-new-tugboat');
    for (const a of archive.articles) assert.match(a.slug, SAFE_SLUG, a.sourceFile);
    assert.equal(new Set(archive.articles.map((a) => a.slug)).size, archive.articles.length);
  });
  it('gives two articles with one headline distinct slugs, the earlier the plain one', () => {
    const slugs = ['same-headline-1.txt', 'same-headline-2.txt'].map((file) => byFile.get(file)?.slug);
    assert.deepEqual(slugs, ['pier-to-reopen-next-spring', 'pier-to-reopen-next-spring-2021-06-03']);
  });
  it('never lets front matter put a page outside /articles/', () => {
    assert.equal(byFile.get('slug-ok.md')?.slug, 'dock-vote-2021');
    assert.equal(byFile.get('slug-traversal.md')?.slug, 'coast-guard-station-expands');
    assert.equal(byFile.get('permalink-absolute.md')?.slug, 'beach-cleanup-draws-hundreds');
    assert.equal(byFile.get('slug-backslash.md')?.slug, 'ferry-captain-honoured');
    assert.equal(byFile.get('slug-encoded.md')?.slug, 'harbour-festival-returns');
    const refused = ['../../x', '/etc/passwd', '..\\..\\x', '%2e%2e%2fx', '%252e%252e%252fx', 'C:/x', '//host/x', 'a/../../b', '%zz', '', 42];
    for (const value of refused) assert.equal(checkSlugValue(value).ok, false, String(value));
    const accepted: Array<[string, string, boolean]> = [
      ['pier', 'pier', false],
      ['/articles/pier/', 'pier', false],
      ['articles/pier/index.html', 'pier', false],
      ['/pier', 'pier', false],
      ['Pier Reopens!', 'pier-reopens', true],
      ['caf%C3%A9', 'cafe', true],
    ];
    for (const [value, slug, changed] of accepted) assert.deepEqual(checkSlugValue(value), { ok: true, slug, changed }, value);
  });
  it('handles the 20 MB file and the 200,000-character line', () => {
    const big = encode(bigText());
    const skipped = timed(() => ingestText('big.txt', big, emptyCatalogue()));
    assert.equal(skipped.value.article, null);
    assert.equal(skipped.value.diagnostics[0]?.ruleId, 'file/too-large');
    // Just under the limit, the whole pipeline runs on article-shaped text.
    const underLimit = encode(bigText().slice(0, INGEST_LIMITS.maxFileBytes - 1024));
    const full = timed(() => ingestText('under.txt', underLimit, emptyCatalogue()));
    assert.equal(full.value.article?.title, 'Harbour Archive Dump');
    const line = timed(() => ingestText('long.txt', encode(longLineText()), emptyCatalogue()));
    assert.equal(line.value.article?.wordCount, 25_000);
    const lineOnly = timed(() => ingestText('line-only.txt', encode('harbour '.repeat(25_000)), emptyCatalogue()));
    assert.equal(lineOnly.value.article, null);
    process.stderr.write(
      `    timings: 20 MB ${skipped.ms.toFixed(0)} ms (skipped), ${(underLimit.length / 1048576).toFixed(1)} MB ${full.ms.toFixed(0)} ms, ` +
        `200k-char line ${line.ms.toFixed(0)} ms, 200k-char line alone ${lineOnly.ms.toFixed(0)} ms\n`,
    );
    // Speed is the benchmark's job (`npm run bench` times these inputs); here only the outcomes count.
  });
  it('does not scan quadratically: many headline-like lines above the prose', () => {
    const titles = Array.from({ length: 20_000 }, (_, i) => `Short Title Number ${i} Here`).join('\n\n');
    const { value, ms } = timed(() => ingestText('titles.txt', encode(`${titles}\n\n${LEDE}\n`), emptyCatalogue()));
    assert.equal(value.article?.title, 'Short Title Number 19999 Here');
    process.stderr.write(`    timing: 20,000 headline-like lines ${ms.toFixed(0)} ms\n`);
  });
});

describe('future dates are judged against the day passed in, never the clock', () => {
  const text = encode(`New Marina Opens\n\nMarch 4, 2030\n\n${LEDE}\n`);
  it('warns date/future only when the date is after `today`', () => {
    const rules = (today?: string) => ingestText('m.txt', text, emptyCatalogue(), today === undefined ? {} : { today }).diagnostics.map((d) => d.ruleId);
    assert.ok(rules('2030-03-03').includes('date/future'));
    assert.ok(!rules('2030-03-04').includes('date/future'));
    assert.ok(!rules().includes('date/future'));
  });
});

describe('determinism', () => {
  const dirs: string[] = [];
  after(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });
  async function copyInOrder(names: string[], extra: Record<string, string> = {}): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'dossier-order-'));
    dirs.push(dir);
    for (const name of names) {
      await mkdir(join(dir, name, '..'), { recursive: true });
      await copyFile(join(SEEDS, name), join(dir, name));
    }
    for (const [name, text] of Object.entries(extra)) await writeFile(join(dir, name), text);
    return dir;
  }
  it('gives the same archive whatever order the files were created in', async () => {
    const names = (await readdir(SEEDS)).sort();
    const extra = { 'z-first.txt': `Pier to Reopen\n\nMay 1, 2020\n\n${LEDE}\n`, 'a-last.txt': `Pier to Reopen\n\nMay 1, 2020\n\n${LEDE} Again.\n` };
    const forward = await copyInOrder(names, extra);
    const backward = await copyInOrder([...names].reverse(), Object.fromEntries(Object.entries(extra).reverse()));
    const [a, b] = [await ingestFolder(forward, { today: TODAY }), await ingestFolder(backward, { today: TODAY })];
    assert.deepEqual(a, b);
    assert.deepEqual(a.articles.filter((x) => x.title === 'Pier to Reopen').map((x) => x.sourceFile), ['a-last.txt', 'z-first.txt']);
  });
  it('keeps every seed slug when an article with a colliding headline is added', async () => {
    const names = (await readdir(SEEDS)).sort();
    const before = await ingestFolder(await copyInOrder(names), { today: TODAY });
    const first = before.articles[0]!;
    const collide = (date: string) => `${first.title}\n\n${date}\n\n${LEDE}\n`;
    const afterAdding = await ingestFolder(
      await copyInOrder(names, { 'added-later.txt': collide('January 5, 2024'), 'added-undated.txt': collide('') }),
      { today: TODAY },
    );
    const slugOf = (archive: Archive, file: string) => archive.articles.find((a) => a.sourceFile === file)?.slug;
    for (const article of before.articles) assert.equal(slugOf(afterAdding, article.sourceFile), article.slug, article.sourceFile);
    const added = ['added-later.txt', 'added-undated.txt'].map((file) => slugOf(afterAdding, file));
    assert.equal(added[0], `${first.slug}-2024-01-05`);
    assert.match(added[1] ?? '', new RegExp(`^${first.slug}-[0-9a-f]{8}$`));
  });
});
