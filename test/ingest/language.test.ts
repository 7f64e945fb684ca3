// The language of each article (issue 4 §3): declared (front matter, catalogue, <html lang>) wins over
// franc-min's detection; a text too short to tell gets the archive default; the page's lang follows it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { emptyCatalogue, ingestText, parseCatalogue } from '../../src/ingest/index.ts';
import { franc } from 'franc-min';
import { cleanedUnits, closestLanguage, detectLanguage, languageTag } from '../../src/ingest/language.ts';
import type { Article, Catalogue } from '../../src/types.ts';
import { buildInto } from '../site/helpers.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'language');

function ingest(name: string, catalogue: Catalogue = emptyCatalogue()): Article {
  const article = ingestText(name, readFileSync(join(FIXTURES, name)), catalogue).article;
  assert.ok(article, name);
  return article;
}

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');
/** Every seed's and language fixture's text: real articles to hold the fast paths to franc-min on. */
const SEED_AND_FIXTURE_TEXTS = [SEEDS, FIXTURES].flatMap((dir) => readdirSync(dir).map((name) => readFileSync(join(dir, name), 'utf8')));

const languageOf = (article: Article): [string | null, string | undefined] => [article.language, article.provenance.language?.rule];

describe('language', () => {
  it('closestLanguage answers as franc-min does, on every stretch of the seeds and fixtures', () => {
    const texts = [
      ...SEED_AND_FIXTURE_TEXTS,
      'Президент России заявил, что переговоры с США по Венесуэле зашли в тупик из-за роли Мадуро в будущем правительстве страны.',
      '俄罗斯和美国官员在罗马会面讨论委内瑞拉危机，双方在马杜罗的角色问题上存在分歧，会谈没有取得突破性进展。'.repeat(3),
      '2019-03-20 12:00 | 12345 67890 '.repeat(10),
      // Characters that lower-case only in context (Σ), into two units (İ), or as a pair (𝐀), and a Latin text with more non-ASCII letters than ASCII ones.
      'Ο ΣΟΦΟΣ ΔΑΣΚΑΛΟΣ ΕΙΠΕ ΟΤΙ Η ΣΥΝΑΝΤΗΣΗ ΣΤΗ ΡΩΜΗ ΔΕΝ ΕΦΕΡΕ ΑΠΟΤΕΛΕΣΜΑ ΓΙΑ ΤΗ ΒΕΝΕΖΟΥΕΛΑ ΚΑΙ ΤΟΝ ΜΑΔΟΥΡΟ. '.repeat(3),
      'İstanbul’da Rusya ve ABD yetkilileri Venezuela konusunu görüştü; toplantıda Maduro’nun rolü tartışıldı. 𝐀𝐁 '.repeat(3),
      'Ở Hà Nội, các quan chức Nga và Mỹ đã gặp nhau để bàn về cuộc khủng hoảng ở Venezuela và vai trò của ông Maduro. '.repeat(3),
    ];
    const answers = new Set<string>();
    for (const text of texts) {
      for (let start = 0; start < text.length; start += 397) {
        for (const length of [120, 700, 2048, 4000]) {
          const sample = text.slice(start, start + length);
          if (sample.length < 120) continue;
          const expected = franc(sample, { minLength: 120 });
          answers.add(expected);
          assert.equal(closestLanguage(sample), expected, sample.slice(0, 60));
        }
      }
    }
    // The samples reach several scripts and languages and franc's 'und', not only English.
    for (const code of ['eng', 'spa', 'fra', 'bul', 'cmn', 'und']) assert.ok(answers.has(code), code);
  });
  it('closestLanguage counts a sample again from the start when a letter that lowers only in context comes late in it', () => {
    // The one-pass count meets İ, Σ or a surrogate pair after counting most of the sample: its counts are undone.
    const english = SEED_AND_FIXTURE_TEXTS[0]!.replace(/\s+/g, ' ').slice(0, 1900);
    for (const late of ['İ', 'Σ', '𝐀']) {
      const sample = `${english} ${late}stanbul`;
      assert.equal(closestLanguage(sample), franc(sample, { minLength: 120 }), late);
      assert.equal(closestLanguage(sample), 'eng', late);
      // Nothing of the undone count is left over for the next sample.
      assert.equal(closestLanguage(english), franc(english, { minLength: 120 }));
    }
  });
  it("cleanedUnits is franc's cleaning of a sample (trigram-utils' asTuples), on the seeds, the fixtures and odd letters", () => {
    const texts = [
      ...SEED_AND_FIXTURE_TEXTS,
      '  ΣΟΦΟΣ İstanbul 𝐀𝐁 Straße ǅ  ',
      'Ünïcödé “quotes” — and\u00a0no-break\tspaces, 1,000 digits!  ',
      '',
      '12 34 !!',
    ];
    for (const text of texts) {
      const expected = ` ${text.replace(/[\u0021-\u0040]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase()} `;
      // An empty cleaning gives the padding once (two spaces make no trigram either).
      assert.equal(String.fromCharCode(...cleanedUnits(text)), expected.trim() === '' ? ' ' : expected, text.slice(0, 40));
    }
  });
  it('detects Spanish and French bodies', () => {
    assert.deepEqual(languageOf(ingest('es.txt')), ['es', 'language/detected']);
    assert.deepEqual(languageOf(ingest('fr.md')), ['fr', 'language/detected']);
  });
  it('takes front matter `lang:` over detection, as a BCP 47 tag', () => {
    assert.deepEqual(languageOf(ingest('declared.md')), ['pt-BR', 'language/front-matter']);
  });
  it('takes the catalogue over detection', () => {
    const { catalogue } = parseCatalogue('articles:\n  es.txt:\n    language: ca\n');
    assert.deepEqual(languageOf(ingest('es.txt', catalogue)), ['ca', 'language/catalogue']);
  });
  it('takes <html lang> over detection, even when the body says otherwise', () => {
    const html = `<html lang="en"><body><h1>Muelle norte</h1><p>${readFileSync(join(FIXTURES, 'es.txt'), 'utf8').split('\n\n').slice(3).join('</p><p>')}</p></body></html>`;
    const article = ingestText('es.html', new TextEncoder().encode(html), emptyCatalogue()).article!;
    assert.deepEqual(languageOf(article), ['en', 'language/html-lang']);
  });
  it('gives a text too short to tell the archive default, marked inferred', () => {
    const article = ingest('short.txt');
    assert.deepEqual(languageOf(article), ['en', 'language/default']);
    assert.equal(article.provenance.language?.origin, 'inferred');
    assert.equal(detectLanguage('El puerto.'), null);
  });
  it('refuses what is not a language tag', () => {
    const { catalogue, diagnostics } = parseCatalogue('articles:\n  es.txt:\n    lang: "<script>"\n');
    assert.equal(catalogue.articles['es.txt']?.language, undefined);
    assert.deepEqual(diagnostics.map((d) => [d.ruleId, d.line]), [['catalogue/invalid-field', 3]]);
    assert.equal(languageTag('en_gb'), 'en-GB');
  });
  it("sets each article page's <html lang> to the article's language, and 'en' elsewhere", async () => {
    const site = await buildInto(FIXTURES, '/');
    try {
      const records = JSON.parse(site.read('articles.json')) as Article[];
      for (const article of records) {
        assert.match(site.read(`articles/${article.slug}/index.html`), new RegExp(`<html lang="${article.language}">`), article.sourceFile);
      }
      assert.deepEqual(records.map((a) => a.language).sort(), ['en', 'es', 'fr', 'pt-BR']);
      assert.match(site.read('index.html'), /<html lang="en">/);
    } finally {
      site.cleanup();
    }
  });
});
