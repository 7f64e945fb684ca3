// The benchmark's corpus generator and baseline (npm run bench): the corpus is fixed by its seed and
// looks like the seeds (five outlet styles, several date formats, chrome, 300-1500 words); Dossier
// ingests it; the baseline site builds. Nothing here is timed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus, readSeedTexts, seededRandom } from '../bench/corpus.ts';
import { buildBaseline, SEARCH_QUERIES, writeCorpus } from '../bench/run.ts';
import { cpuOfTimeReport, measure } from '../bench/measure.ts';
import { searchBundleKind } from '../bench/searchBytes.ts';
import { ingestFolder } from '../src/ingest/index.ts';

const SEEDS = readSeedTexts(join(import.meta.dirname, '..', 'seeds'));
const corpus = (count: number, seed = 1): string[] => [...generateCorpus(count, SEEDS, seed)].map((f) => f.text);

describe('bench corpus', () => {
  it('is the same for the same seed and differs for another', () => {
    assert.deepEqual(corpus(20), corpus(20));
    assert.notDeepEqual(corpus(20, 2), corpus(20));
    const random = seededRandom(7);
    const first = [random(), random()];
    const again = seededRandom(7);
    assert.deepEqual([again(), again()], first);
    assert.ok(first.every((x) => x >= 0 && x < 1));
  });

  it('has the searched words at the frequencies the bench says: most articles, a few in a hundred, a handful', () => {
    const texts = corpus(2000);
    const share = (word: string): number => texts.filter((text) => new RegExp(`\\b${word}\\b`, 'i').test(text)).length / texts.length;
    const [common, topic, tail] = SEARCH_QUERIES as [string, string, string];
    for (const word of common.split(' ')) assert.ok(share(word) > 0.6, `${word}: ${share(word)}`);
    assert.ok(share(topic) > 0.01 && share(topic) < 0.1, `${topic}: ${share(topic)}`);
    assert.ok(share(tail) > 0 && share(tail) < 0.01, `${tail}: ${share(tail)}`);
  });

  it('mixes the five outlet styles, several date formats and page chrome', () => {
    const texts = corpus(100);
    const styles = {
      'Original url': /^Original url:$/m,
      'comment section': /^Leave a Reply$/m,
      'editor note': /^Edited by /m,
      'outlet | date byline': /^[^\n|]+ \| \d{1,2} [A-Z][a-z]{2}, \d{4}$/m,
      'menu and Published': /^Published \d{1,2} [A-Z][a-z]+ \d{4}$/m,
    };
    for (const [name, pattern] of Object.entries(styles)) {
      const share = texts.filter((t) => pattern.test(t)).length;
      assert.ok(share >= 10 && share <= 35, `${name}: ${share} of 100`);
    }
    assert.ok(texts.some((t) => /^[A-Z][a-z]+ \d{1,2}, \d{4}$/m.test(t)), 'Month D, YYYY');
    assert.ok(texts.some((t) => /^• Live$/m.test(t) && /google plus/.test(t)), 'a menu');
    assert.ok(texts.some((t) => /^Please share, follow and like us:$/m.test(t)), 'a share bar');
  });

  it('writes articles of 300 to 1,500 words from a vocabulary with a long tail', () => {
    const texts = corpus(100);
    const counts = texts.map((t) => t.split(/\s+/).filter(Boolean).length);
    assert.ok(Math.min(...counts) >= 300, `shortest ${Math.min(...counts)}`);
    assert.ok(Math.max(...counts) <= 1800, `longest ${Math.max(...counts)}`);
    assert.ok(Math.max(...counts) - Math.min(...counts) > 800, 'lengths vary');
    const vocabulary = new Set(texts.join(' ').toLowerCase().match(/\p{L}+/gu));
    assert.ok(vocabulary.size > 2000, `${vocabulary.size} distinct words`);
  });
});

describe('bench measurements', () => {
  it("reads user and kernel CPU from GNU time's report (a real one, of a loop in node), and nothing from a report without them", () => {
    const report = readFileSync(join(import.meta.dirname, 'fixtures', 'bench', 'gnu-time-v.txt'), 'utf8');
    assert.deepEqual(cpuOfTimeReport(report), { userMs: 2470, systemMs: 20 });
    assert.equal(cpuOfTimeReport(report.replace(/\tSystem time.*\n/, '')), null);
  });

  it('tells the CPU of the command from that of the processes it starts', async () => {
    // The command (node) spins for about 0.8 s of CPU, then starts another node that spins for about
    // 0.8 s; sampled every 50 ms.
    // Spun by CPU time, not the clock, so that a busy machine gives the same figures.
    const spin = (ms: number): string => `for (let used = 0; used < ${ms * 1000}; ) { const { user, system } = process.cpuUsage(); used = user + system; }`;
    const script = `${spin(800)} require('node:child_process').execFileSync(process.execPath, ['-e', ${JSON.stringify(spin(800))}]);`;
    const run = await measure(process.execPath, ['-e', script], { sampleMs: 50 });
    assert.equal(run.code, 0, run.stderr);
    const main = run.cpuByProgram['main'] ?? 0;
    const started = Object.entries(run.cpuByProgram).filter(([program]) => program !== 'main');
    assert.ok(main >= 600 && main < 1500, `main ${main} ms of ${JSON.stringify(run.cpuByProgram)}`);
    const spun = started.reduce((sum, [, ms]) => sum + ms, 0);
    assert.ok(spun >= 600 && spun < 1500, `the started processes ${spun} ms of ${JSON.stringify(run.cpuByProgram)}`);
    assert.deepEqual(started.map(([program]) => program), ['node']);
  });
});

describe('bench corpus through Dossier and the baseline', () => {
  let root: string;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'dossier-bench-test-'));
    await writeCorpus(join(root, 'corpus'), 12);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('is ingested by Dossier: every file an article, with dates and publishers found', async () => {
    const archive = await ingestFolder(join(root, 'corpus'), { today: '2026-01-01' });
    assert.equal(archive.articles.length, 12);
    assert.ok(archive.articles.filter((a) => a.published !== null).length >= 6);
    assert.ok(new Set(archive.articles.map((a) => a.publisher).filter(Boolean)).size >= 3);
    assert.ok(archive.articles.every((a) => a.wordCount >= 250));
  });

  it('builds the baseline: a page per article, an index linking each, a Pagefind index of the articles', async () => {
    const out = join(root, 'baseline');
    const run = await buildBaseline(join(root, 'corpus'), out);
    assert.ok(run.peakRss > 0 && run.phases['searchIndex'] !== undefined);
    const pages = readdirSync(join(out, 'articles'));
    assert.equal(pages.length, 12);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    for (const slug of pages) assert.ok(index.includes(`href="/articles/${slug}/"`), slug);
    const entry = JSON.parse(readFileSync(join(out, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    assert.equal(Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0), 12);
  });

  it("sorts every file of the baseline's search bundle into code, metadata, index chunks or fragments", () => {
    const bundle = join(root, 'baseline', 'pagefind');
    const files = readdirSync(bundle, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    const byKind = new Map<string, typeof files>();
    for (const file of files) {
      const kind = searchBundleKind(join(file.parentPath, file.name));
      byKind.set(kind, [...(byKind.get(kind) ?? []), file]);
    }
    // 12 pages: one fragment each; word index chunks of about 20,000 word positions (12 articles make one or two).
    assert.equal(byKind.get('fragments')?.length, 12);
    assert.ok((byKind.get('index')?.length ?? 0) >= 1);
    assert.ok(byKind.get('metadata')?.some((file) => file.name.endsWith('.pf_meta')));
    assert.ok(byKind.get('code')?.some((file) => file.name === 'pagefind.js'));
    assert.ok(byKind.get('code')?.some((file) => file.name.startsWith('wasm.')));
    assert.deepEqual(byKind.get('code')?.filter((file) => /\.pf_/.test(file.name)) ?? [], []);
  });
});
