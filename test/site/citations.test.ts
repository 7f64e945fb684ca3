// Citations from the seeds' records: the CSL-JSON item, the three reference styles, BibTeX and RIS read back
// by citation-js's own parsers, the CSV read back by csv-parse, and JSON-LD that no title can break out of.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cite } from '@citation-js/core';
import { parse as parseCsv } from 'csv-parse/sync';
import { ingestFolder } from '../../src/ingest/index.ts';
import { toSiteData } from '../../src/site/archiveData.ts';
import { articleCitation, articleCitations, articlesCsv, citationKeys, cslName, CSV_COLUMNS, csvCell, highwireDate, pageUrlOf, reference } from '../../src/site/citations.ts';
import { json } from '../../src/site/filters.ts';
import type { Article, SiteArticle } from '../../src/types.ts';
import { HOSTILE, makeArticle } from '../fixtures/site/archive.ts';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');
const GOLDEN = join(import.meta.dirname, '..', 'fixtures', 'golden');
let site: SiteArticle[];

/** The seed whose file name starts with `prefix`, and its reviewed golden record. */
function seed(prefix: string): { entry: SiteArticle; golden: Pick<Article, 'title' | 'publisher' | 'published' | 'authors' | 'url'> } {
  const entry = site.find((s) => s.article.sourceFile.startsWith(prefix));
  assert.ok(entry, `no seed ${prefix}`);
  const golden = JSON.parse(readFileSync(join(GOLDEN, entry.article.sourceFile.replace(/\.txt$/, '.json')), 'utf8')) as ReturnType<typeof seed>['golden'];
  return { entry, golden };
}

before(async () => {
  const archive = await ingestFolder(SEEDS, { today: '2026-01-01' });
  site = toSiteData(archive, null, { siteUrl: 'https://example.org', base: '/' }).articles;
});

describe('CSL-JSON of the seeds', () => {
  it('gives seed 000 its headline, outlet, day and agency byline, and its original URL', () => {
    const { entry, golden } = seed('000_');
    const csl = entry.citation.csl;
    assert.equal(csl.type, 'article-newspaper');
    assert.equal(csl.title, golden.title);
    assert.equal(csl['container-title'], golden.publisher);
    assert.deepEqual(csl.issued, { 'date-parts': [golden.published!.split('-').map(Number)] });
    assert.deepEqual(golden.authors, ['Reuters'], 'the seed is bylined to a news agency');
    assert.deepEqual(csl.author, [{ literal: 'Reuters' }], 'an agency is a literal name, not a surname');
    assert.equal(csl.URL, golden.url);
  });

  it('gives the undated seed no date at all, and the styles say n.d. rather than invent one', () => {
    const { entry, golden } = seed('001_');
    assert.equal(golden.published, null);
    assert.equal(entry.citation.csl.issued, undefined);
    assert.equal(entry.citation.highwireDate, null);
    assert.match(entry.citation.apa, /\(n\.d\.\)/);
    assert.match(entry.citation.chicago, /n\.d\./);
    assert.doesNotMatch(entry.citation.mla, /\b(?:19|20)\d\d\b/, 'MLA leaves an unknown date out');
  });

  it('formats seed 000 in APA, MLA and Chicago with the outlet in italics and the date at its precision', () => {
    const { entry, golden } = seed('000_');
    const [year, month, day] = golden.published!.split('-').map(Number) as [number, number, number];
    const monthName = new Date(Date.UTC(year, month - 1, day)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
    assert.ok(entry.citation.apa.startsWith(`Reuters. (${year}, ${monthName} ${day}). ${golden.title}. <i>${golden.publisher}</i>.`), entry.citation.apa);
    assert.ok(entry.citation.mla.includes(`<i>${golden.publisher}</i>, ${day} ${monthName.slice(0, 3)}. ${year}, ${golden.url}.`), entry.citation.mla);
    assert.ok(entry.citation.chicago.includes(`<i>${golden.publisher}</i>, ${monthName} ${day}, ${year}. ${golden.url}.`), entry.citation.chicago);
  });

  it('keeps a date known only to the month or year at that precision', () => {
    const month = makeArticle({ slug: 'm', title: 'Monthly', published: '2019-03-01', datePrecision: 'month', publisher: 'Outlet' });
    const year = makeArticle({ slug: 'y', title: 'Yearly', published: '2019-01-01', datePrecision: 'year', publisher: 'Outlet' });
    assert.deepEqual(articleCitation(month, 'm', 'https://e.org/').csl.issued, { 'date-parts': [[2019, 3]] });
    assert.deepEqual(articleCitation(year, 'y', 'https://e.org/').csl.issued, { 'date-parts': [[2019]] });
    assert.equal(highwireDate(month), '2019/03');
    assert.equal(highwireDate(year), '2019');
    assert.match(articleCitation(month, 'm', 'https://e.org/').mla, /<i>Outlet<\/i>, Mar\. 2019\.$/);
  });
});

describe('citing the archive at once', () => {
  // Two articles by one author in one year, and two authors sharing a family name: in one bibliography APA
  // would tell them apart (2019a/2019b, added initials); a page cites its article alone.
  const alike = [
    makeArticle({ slug: 'one', title: 'First Talks', published: '2019-03-20', datePrecision: 'day', publisher: 'Outlet', authors: ['Jane Roe'] }),
    makeArticle({ slug: 'two', title: 'Second Talks', published: '2019-05-02', datePrecision: 'day', publisher: 'Outlet', authors: ['Jane Roe'] }),
    makeArticle({ slug: 'three', title: 'Third Talks', published: '2019-06-11', datePrecision: 'day', publisher: 'Outlet', authors: ['Alan Roe'] }),
    makeArticle({ slug: 'same', title: 'First Talks', published: '2019-03-20', datePrecision: 'day', publisher: 'Outlet', authors: ['Jane Roe'] }),
  ];

  it('gives each article the references it has when cited alone, whatever else the archive holds', () => {
    const keys = citationKeys(alike.map((a) => a.slug));
    const together = articleCitations(alike, keys, 'https://e.org/');
    alike.forEach((article, i) => {
      const alone = articleCitation(article, keys.get(article.slug)!, 'https://e.org/');
      assert.deepEqual(together[i], alone, article.slug);
    });
    assert.ok(together[0]!.apa.startsWith('Roe, J. (2019, March 20). First Talks.'), together[0]!.apa);
    assert.equal(together[3]!.apa, together[0]!.apa, 'two equal records, two equal references');
  });
});

describe('cslName', () => {
  it('splits a person into family and given, particles apart', () => {
    assert.deepEqual(cslName('Jane Roe'), { family: 'Roe', given: 'Jane' });
    assert.deepEqual(cslName('Ludwig van Beethoven'), { family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' });
  });

  it('keeps agencies, desks, acronyms and the outlet itself as literal names', () => {
    for (const name of ['Reuters', 'Agence France-Presse', 'Associated Press', 'RIA Novosti', 'Staff Writer', 'teleSUR English']) {
      assert.deepEqual(cslName(name, 'teleSUR English'), { literal: name }, name);
    }
  });
});

describe('BibTeX and RIS', () => {
  it('BibTeX of every seed parses back (citation-js) to the same title, outlet and date', () => {
    for (const { article, citation } of site) {
      const [back] = new Cite(citation.bibtex).data as Array<Record<string, unknown>>;
      assert.ok(back, `${article.slug}: no entry parsed`);
      assert.equal(back.title, article.title, article.slug);
      assert.equal(back['container-title'], article.publisher ?? undefined, article.slug);
      assert.deepEqual(back.issued, citation.csl.issued, article.slug);
      assert.equal(back.URL, citation.csl.URL, article.slug);
      assert.ok(citation.bibtex.startsWith(`@article{${citation.csl['citation-key']},`), citation.bibtex);
    }
  });

  it('RIS of every seed is TY NEWS and parses back to the same title, authors and outlet', () => {
    for (const { article, citation } of site) {
      assert.ok(citation.ris.startsWith('TY  - NEWS\n'), citation.ris);
      assert.ok(citation.ris.trimEnd().endsWith('ER  -'), citation.ris);
      for (const line of citation.ris.replace(/\n+$/, '').split('\n')) assert.match(line, /^[A-Z][A-Z0-9]  - /, `a whole tag line: ${line}`);
      const [back] = new Cite(citation.ris).data as Array<Record<string, unknown>>;
      assert.equal(back?.title, article.title, article.slug);
      assert.equal(back?.['container-title'], article.publisher ?? undefined, article.slug);
      assert.equal((back?.author as unknown[] | undefined)?.length ?? 0, article.authors.length, article.slug);
      assert.deepEqual(back?.issued, citation.csl.issued, `${article.slug}: the date at its precision`);
    }
    assert.match(seed('000_').entry.citation.ris, /^A1  - Reuters$/m);
  });

  it('gives every article a BibTeX key of its own', () => {
    const keys = citationKeys(['a-b', 'a.b', 'café', 'cafe']);
    assert.deepEqual([...keys.values()], ['a_b', 'a_b_2', 'cafe', 'cafe_2']);
  });
});

describe('markup in the input', () => {
  const hostile = makeArticle({ slug: 'h', title: `Title </script><!-- ${HOSTILE} <b>bold</b>`, publisher: `Pub ${HOSTILE}`, authors: [`Au ${HOSTILE}`] });

  it('formatted references hold no tag but <i>: citeproc escapes the text, and field markup is dropped', () => {
    for (const style of ['apa', 'mla', 'chicago'] as const) {
      const html = reference(articleCitation(hostile, 'h', 'https://e.org/').csl, style);
      const tags = [...html.matchAll(/<\/?([a-z]+)/gi)].map((m) => m[1]);
      assert.deepEqual([...new Set(tags)].filter((t) => t !== 'i'), [], `${style}: ${html}`);
      assert.ok(html.includes('&#60;script&#62;alert(1)&#60;/script&#62;'), `${style} shows the markup as text: ${html}`);
    }
  });

  it('JSON-LD survives a </script> and <!-- in the title: no < in the element, the title back intact', () => {
    const text = json(articleCitation(hostile, 'h', 'https://e.org/').jsonLd);
    assert.doesNotMatch(text, /</);
    const back = JSON.parse(text) as { headline: string; author: Array<{ name: string }>; publisher: { name: string } };
    assert.equal(back.headline, hostile.title);
    assert.equal(back.author[0]?.name, hostile.authors[0]);
    assert.equal(back.publisher.name, hostile.publisher);
  });
});

describe('articles.csv', () => {
  it('parses back (csv-parse, RFC 4180) into one record per article with the named columns', () => {
    const records = parseCsv(articlesCsv(site), { columns: true, record_delimiter: '\r\n' }) as Array<Record<string, string>>;
    assert.equal(records.length, site.length);
    assert.deepEqual(Object.keys(records[0]!), [...CSV_COLUMNS]);
    site.forEach(({ article }, i) => {
      const row = records[i]!;
      assert.equal(row.id, article.slug);
      assert.equal(row.title, article.title);
      assert.equal(row.published, article.published ?? '');
      assert.equal(row.authors, article.authors.join('; '));
      assert.equal(row.sha256, article.sha256);
      assert.equal(row.excerpt, article.excerpt);
    });
  });

  it('quotes commas, quotes and line breaks, and defuses cells a spreadsheet would run as formulas', () => {
    assert.equal(csvCell('a, "b"\nc'), '"a, ""b""\nc"');
    for (const formula of ['=HYPERLINK("http://x")', '+1', '-1+2', '@SUM(A1)', '\t=1']) assert.ok(csvCell(formula).replace(/^"/, '').startsWith(`'${formula[0]}`), formula);
    const tricky = makeArticle({ slug: 't', title: '=cmd|" /C calc"!A0', authors: ['@evil, "x"'], excerpt: 'line one\r\nline two' });
    const entry = { ...site[0]!, article: tricky, source: { ...site[0]!.source, path: 'articles/t/source.txt' } };
    const [row] = parseCsv(articlesCsv([entry]), { columns: true, record_delimiter: '\r\n' }) as Array<Record<string, string>>;
    assert.equal(row?.title, `'${tricky.title}`);
    assert.equal(row?.authors, `'${tricky.authors[0]}`);
    assert.equal(row?.excerpt, tricky.excerpt);
  });
});

describe('pageUrlOf', () => {
  it('gives the page address on a real origin and none on a loopback one (the dev default)', () => {
    assert.equal(pageUrlOf('a-b', 'https://example.org/x/'), 'https://example.org/x/articles/a-b/');
    assert.equal(pageUrlOf('a-b', 'http://localhost:8080/'), null);
    assert.equal(pageUrlOf('a-b', 'http://127.0.0.1:8080/'), null);
  });
});
