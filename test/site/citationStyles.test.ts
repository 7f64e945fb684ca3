// The styles as citeproc-js is handed them (styleForItems: what no Dossier item can reach taken out) give the
// references the whole styles give, byte for byte, for the seeds' items and for items that take every path an
// item can: each kind of byline, each date precision, with and without outlet, URL, section and access date.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import CSL from 'citeproc';
import { plugins } from '@citation-js/core';
import { ingestFolder } from '../../src/ingest/index.ts';
import { CHICAGO_STYLE, MLA_STYLE, styleForItems } from '../../src/site/citationStyles.ts';
import { citationItems, citationKeys, cslItem, referenceOnlyStyle, referencesIn } from '../../src/site/citations.ts';
import type { Article, CslItem } from '../../src/types.ts';
import { HOSTILE, makeArticle } from '../fixtures/site/archive.ts';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');
const STYLES = { apa: plugins.config.get('@csl').styles.get('apa'), mla: MLA_STYLE, chicago: CHICAGO_STYLE };

const BYLINES: string[][] = [
  [],
  ['Reuters'],
  ['Jane Roe'],
  ['Jane Roe', 'John Q. Public'],
  ['Ludwig van Beethoven', 'Martin Luther King Jr.'],
  ['Jane Roe', 'The Daily Example'],
  // Past APA's et-al-min of 21 in the bibliography.
  Array.from({ length: 22 }, (_, i) => `Writer Number${String.fromCharCode(65 + i)}`),
  [`Author ${HOSTILE}`],
];
const DATES: Array<Pick<Article, 'published' | 'datePrecision'>> = [
  { published: '2019-03-20', datePrecision: 'day' },
  { published: '2019-03-01', datePrecision: 'month' },
  { published: '2019-01-01', datePrecision: 'year' },
  { published: null, datePrecision: null },
];
const TITLES = ['Talks Stall Over Role of Maduro', 'Venezuela: what the talks left out', 'Talks on Resolution 2440', `Hostile ${HOSTILE}`];

/** Every byline with every date, each with and without outlet, URL and section, in four kinds of title; some with an access date. */
function variedItems(): CslItem[] {
  const items: CslItem[] = [];
  for (const [b, authors] of BYLINES.entries()) {
    for (const [d, date] of DATES.entries()) {
      for (let extras = 0; extras < 8; extras++) {
        const n = items.length;
        const article = makeArticle({
          slug: `item-${n}`,
          title: TITLES[(b + d + extras) % TITLES.length]!,
          ...date,
          authors,
          publisher: extras & 1 ? 'The Daily Example' : null,
          url: extras & 2 ? `https://example.org/news/${n}` : null,
          section: extras & 4 ? 'World' : null,
          language: n % 3 === 0 ? null : 'en',
        });
        const item = cslItem(article, `item_${n}`);
        items.push(n % 5 === 0 ? { ...item, accessed: { 'date-parts': [[2026, 1, 1]] } } : item);
      }
    }
  }
  return items;
}

let seedItems: CslItem[];
before(async () => {
  const { articles } = await ingestFolder(SEEDS, { today: '2026-01-01' });
  seedItems = citationItems(articles, citationKeys(articles.map((a) => a.slug)));
});

describe('styleForItems', () => {
  for (const [name, xml] of Object.entries(STYLES)) {
    it(`gives the references of the whole ${name} style, byte for byte`, () => {
      const whole = referenceOnlyStyle(xml);
      const items = [...seedItems, ...variedItems()];
      const expected = referencesIn(items, whole);
      assert.ok(expected.every((reference) => reference.length > 0));
      assert.deepEqual(referencesIn(items, styleForItems(whole)), expected);
    });
  }

  it('keeps a group that no item fills suppressing the group around it, as citeproc-js does', () => {
    // Each outer group prints its terms only if something inside it renders: the volume and the original date
    // never do for a news article (so neither does "online" beside them), the title and the outlet always or sometimes do.
    const style = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US">
  <info><title>Groups (test)</title><id>test-groups</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <macro name="original"><group delimiter=" "><text term="original-work-published"/><date variable="original-date" form="numeric"/></group></macro>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><group delimiter=" | ">
    <group delimiter=" "><text term="in"/><group><text value="vol."/><text variable="volume"/></group></group>
    <group delimiter=" "><text term="in"/><text macro="original"/><text variable="container-title"/></group>
    <group delimiter=" "><text term="in"/><choose><if type="book"><text variable="title"/></if><else><text macro="original"/></else></choose></group>
    <group delimiter=" "><text macro="original"/><choose><if variable="URL"><text term="online"/></if></choose></group>
    <group delimiter=" "><text value="title:"/><text variable="title"/><group><text value="vol."/><text variable="volume"/></group></group>
  </group></layout></bibliography>
</style>`;
    const items = variedItems();
    const expected = referencesIn(items, style);
    assert.ok(expected.some((reference) => /^in The Daily Example \| title: /i.test(reference)), expected[1]);
    assert.deepEqual(referencesIn(items, styleForItems(style)), expected);
    assert.ok(JSON.stringify(styleForItems(style)).length < JSON.stringify(CSL.parseXml(style)).length, 'the groups no item fills are taken out');
  });

  it('keeps a group inside a substitute and a citeproc-js "nand" condition as the whole style renders them', () => {
    // The author's substitute holds a group whose names no item has: the group tries them and renders nothing,
    // so its term is hidden too. A nand test on variables no item holds is true for every item.
    const style = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US">
  <info><title>Substitutes (test)</title><id>test-substitutes</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><group delimiter=" | ">
    <names variable="author"><substitute><group delimiter=" "><text term="in"/><names variable="editor"/></group><text variable="title"/></substitute></names>
    <choose><if variable="volume page" match="nand"><text value="NAND"/></if></choose>
    <text variable="container-title"/>
  </group></layout></bibliography>
</style>`;
    const items = variedItems();
    const expected = referencesIn(items, style);
    assert.ok(expected.some((reference) => reference.includes('NAND')), expected[0]);
    assert.ok(expected.every((reference) => !/^in /i.test(reference)), expected[0]);
    assert.deepEqual(referencesIn(items, styleForItems(style)), expected);
  });

  it("leaves APA only the branches for a news article and, in place of a missing author, only what an item can hold", () => {
    const conditions = (node: CSL.StyleNode, found: { types: Set<string>; substitutes: Set<string> }, inSubstitute = false): typeof found => {
      if (node.name === 'if' || node.name === 'else-if') for (const type of (node.attrs.type ?? '').split(/\s+/).filter(Boolean)) found.types.add(type);
      if (node.name === 'names' && inSubstitute) for (const variable of (node.attrs.variable ?? '').split(/\s+/)) found.substitutes.add(variable);
      for (const child of node.children) if (typeof child !== 'string') conditions(child, found, inSubstitute || node.name === 'substitute');
      return found;
    };
    const whole = conditions(CSL.parseXml(referenceOnlyStyle(STYLES.apa)), { types: new Set(), substitutes: new Set() });
    const adjusted = conditions(styleForItems(referenceOnlyStyle(STYLES.apa)), { types: new Set(), substitutes: new Set() });
    assert.ok(whole.types.has('book') && whole.substitutes.has('editor'), 'APA as citation-js ships it cites books and editors');
    assert.deepEqual([...adjusted.types], ['article-newspaper']);
    assert.deepEqual([...adjusted.substitutes], ['author']);
  });
});
