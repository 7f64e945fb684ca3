// Issue 4 §5: each field carries a confidence from the rule that decided it, and the build report lists
// the articles whose title, date, publisher or authors are missing or only guessed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { confidenceOf } from '../../src/ingest/confidence.ts';
import { emptyCatalogue, ingestFolder, ingestText } from '../../src/ingest/index.ts';
import { formatUncertain, makeBuildReport, reportJson, uncertainFields } from '../../src/report.ts';
import type { Article } from '../../src/types.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SEEDS = join(ROOT, 'seeds');
const context = { seedsDir: 'in', outDir: 'out', base: '/', rootUrl: 'https://e.org/', strict: false, indexedPages: 5 };

function ingest(path: string): Article {
  const article = ingestText(path.split('/').pop()!, readFileSync(join(ROOT, path)), emptyCatalogue()).article;
  assert.ok(article, path);
  return article;
}

describe('confidence', () => {
  it('rates values by who declared them and by the rule: curated and page metadata high, host-name guesses low', () => {
    assert.equal(confidenceOf({ origin: 'catalogue', rule: 'publisher/catalogue', line: null }), 'high');
    assert.equal(confidenceOf({ origin: 'front-matter', rule: 'published/front-matter', line: null }), 'high');
    assert.equal(confidenceOf({ origin: 'text', rule: 'date/json-ld', line: null }), 'high');
    assert.equal(confidenceOf({ origin: 'text', rule: 'date/line', line: 3 }), 'medium');
    assert.equal(confidenceOf({ origin: 'inferred', rule: 'publisher/url-host-words', line: 5 }), 'low');
    assert.equal(confidenceOf({ origin: 'inferred', rule: 'some/new-rule', line: null }), 'low', 'an inferred value of a rule not in the table');
    // Asked again (now from what was found the first time), and the same rule from another origin.
    assert.equal(confidenceOf({ origin: 'inferred', rule: 'some/new-rule', line: 2 }), 'low');
    assert.equal(confidenceOf({ origin: 'text', rule: 'some/new-rule', line: null }), 'medium', 'a rule not in the table read from the text');
    assert.equal(confidenceOf({ origin: 'front-matter', rule: 'some/new-rule', line: null }), 'high');
    assert.equal(confidenceOf({ origin: 'text', rule: 'date/line', line: 7 }), 'medium');
  });

  it('puts a confidence on every provenance entry of the record (what npm run extract prints)', () => {
    const page = ingest('test/fixtures/html/jsonld.html');
    assert.deepEqual(
      Object.fromEntries(Object.entries(page.provenance).map(([field, source]) => [field, source.confidence])),
      { title: 'high', published: 'high', publisher: 'high', authors: 'high', url: 'high', language: 'high' },
    );
    const text = ingest('test/fixtures/confidence/host-only.txt');
    assert.deepEqual([text.publisher, text.provenance.publisher?.confidence, text.provenance.url?.confidence], ['Harbour Gazette', 'low', 'high']);
    assert.deepEqual(uncertainFields(text), [
      { field: 'published', confidence: 'missing', rule: null },
      { field: 'publisher', confidence: 'low', rule: 'publisher/url-host-words' },
      { field: 'authors', confidence: 'missing', rule: null },
    ]);
  });

  it('lists the seeds with missing or low-confidence fields in the build report, printed and as JSON', async () => {
    const archive = await ingestFolder(SEEDS);
    const report = makeBuildReport(archive, context);
    const undated = report.files.find((file) => file.file === '001_7c4033cf285c53b2.txt')!;
    assert.ok(undated.uncertain.some((u) => u.field === 'published' && u.confidence === 'missing'), 'seed 001 has no date');
    // Every listed field is missing or low, never a confident one; every seed without an entry is confident in all four.
    for (const file of report.files) {
      const article = archive.articles.find((a) => a.sourceFile === file.file);
      for (const u of file.uncertain) {
        if (u.confidence === 'missing') assert.ok(article && (article[u.field] === null || (Array.isArray(article[u.field]) && (article[u.field] as string[]).length === 0)));
        else assert.equal(article?.provenance[u.field]?.confidence, 'low');
      }
    }
    const lines = formatUncertain(report);
    assert.match(lines[0] ?? '', /^\? \d+ articles? ha(?:s|ve) missing or low-confidence fields; catalogue them \(.*date.*catalogue\.yaml/);
    assert.ok(lines.includes('    001_7c4033cf285c53b2.txt: ' + undated.uncertain.map((u) => (u.rule === null ? `${u.field === 'published' ? 'date' : u.field} missing` : `${u.field} low confidence (${u.rule})`)).join('; ')));
    assert.equal(lines.length, 1 + report.files.filter((file) => file.uncertain.length > 0).length);
    const json = JSON.parse(reportJson(report)) as { files: Array<{ file: string; uncertain: unknown[] }> };
    assert.deepEqual(json.files.find((file) => file.file === undated.file)?.uncertain, undated.uncertain);
  });

  it('says nothing when every field is confident', () => {
    const archive = { articles: [ingest('test/fixtures/html/jsonld.html')], report: { files: [{ file: 'jsonld.html', outcome: 'published' as const, reason: null, slug: 'harbour-pilots-train-on-new-tugboat', diagnostics: [] }], counts: { published: 1, 'published-with-warnings': 0, duplicate: 0, ignored: 0, skipped: 0 } } };
    assert.deepEqual(formatUncertain(makeBuildReport(archive, context)), []);
  });
});
