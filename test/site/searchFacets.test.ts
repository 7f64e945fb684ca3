// The search page's filter lists (src/site/searchFacets.ts, templates/search.njk) must offer exactly
// the values the search index holds, each with the number of articles Pagefind has under it: checked
// against the fragments Pagefind wrote for the built seeds (its own record of each page's filters).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { SEEDS_DIR } from '../support/build.ts';
import { buildInto, type TempBuild } from './helpers.ts';

/** Pagefind's filters of every indexed page, from its fragment files (gzip of "pagefind_dcd" then JSON). */
function indexedFilters(outDir: string): Array<Record<string, string[]>> {
  const dir = join(outDir, 'pagefind', 'fragment');
  return readdirSync(dir).map(
    (name) => (JSON.parse(gunzipSync(readFileSync(join(dir, name))).subarray('pagefind_dcd'.length).toString('utf8')) as { filters: Record<string, string[]> }).filters,
  );
}

/** The search page's lists: filter name to [value, 'label (count)'] of each option but 'Any'. */
function offered(html: string): Map<string, Array<[string, string]>> {
  const lists = new Map<string, Array<[string, string]>>();
  for (const [, name, body] of html.matchAll(/<select id="search-[a-z]+" name="([a-z]+)">([\s\S]*?)<\/select>/g)) {
    if (name === 'sort') continue;
    const options = [...body!.matchAll(/<option value="([^"]*)">([^<]*)<\/option>/g)].map((m) => [m[1]!, m[2]!] as [string, string]);
    lists.set(name!, options.filter(([value]) => value !== ''));
  }
  return lists;
}

const unescape = (text: string): string => text.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('search page filter lists', () => {
  let site: TempBuild;
  before(async () => {
    site = await buildInto(SEEDS_DIR, '/');
  });
  after(async () => {
    site?.cleanup();
  });

  it('offer every value of every filter the index holds, with its number of articles, and nothing else', () => {
    const counts = new Map<string, Map<string, number>>();
    for (const filters of indexedFilters(site.outDir)) {
      for (const [name, values] of Object.entries(filters)) {
        const ofName = counts.get(name) ?? new Map<string, number>();
        counts.set(name, ofName);
        for (const value of values) ofName.set(value, (ofName.get(value) ?? 0) + 1);
      }
    }
    const lists = offered(readFileSync(join(site.outDir, 'search', 'index.html'), 'utf8'));
    assert.deepEqual([...lists.keys()].sort(), [...counts.keys()].sort(), 'one list per filter');
    for (const [name, options] of lists) {
      const want = counts.get(name)!;
      assert.deepEqual(options.map(([value]) => unescape(value)).sort(), [...want.keys()].sort(), name);
      for (const [value, label] of options) {
        assert.match(unescape(label), new RegExp(`\\(${want.get(unescape(value))}\\)$`), `${name}: ${value} shows its count`);
      }
    }
  });

  it('name the people in the most articles first, and the months as words', () => {
    const lists = offered(readFileSync(join(site.outDir, 'search', 'index.html'), 'utf8'));
    const people = lists.get('person')!.map(([, label]) => Number(/\((\d+)\)$/.exec(label)![1]));
    assert.ok(people.length > 2);
    assert.deepEqual(people, [...people].sort((a, b) => b - a), 'most articles first');
    assert.ok(lists.get('month')!.some(([value, label]) => value === '2019-03' && label === 'March 2019 (1)'), JSON.stringify(lists.get('month')));
  });
});
