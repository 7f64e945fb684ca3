// The entity rules' tokenizer (a scan by character class) gives the tokens of the pattern it stands for, on
// the seeds' text and on text made to catch a careless scan: acronyms with full stops, hyphens and apostrophes
// of every kind, accents written as marks, letters outside the Basic Multilingual Plane, lone surrogates and
// every kind of white space.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tokenize } from '../../src/entities/mentions.ts';
import { textUnits } from '../../src/entities/text.ts';
import { ingestFolder } from '../../src/ingest/index.ts';

/** The tokens as the rules defined them first: the matches of this pattern. */
const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’]*(?:[-‐‑][\p{L}\p{M}\p{N}'’]+)*|\S/gu;
const byPattern = (text: string): Array<[string, number]> => [...text.matchAll(TOKEN)].map((m) => [m[0], m.index]);
const byScan = (text: string): Array<[string, number]> => {
  const { starts, ends } = tokenize(text);
  return starts.map((start, i) => [text.slice(start, ends[i]), start]);
};

const HARD = [
  'U.S. and U.K officials met the U.S.S.R. envoy; A.B and Ä.É. (Ω.Σ.) too.',
  'Jean-Luc Mélenchon, al-Assad, co-chair, well-\u2010known, non\u2011stop, end- , -start, a--b, x-',
  "Maduro's aides, O’Neill’s, rock 'n' roll, ''quoted'' and ’tis",
  'Cafe\u0301 Zu\u0308rich \u0301alone, 𝐀.𝐁. 𝐁old 𝒳-ray 😀 ok, 2019-03-20, 5.5%, №1',
  'lone \ud800 high, \udc00 low, tab\there\u00a0nbsp\u2003em\u3000ideo\ufeffbom\u2028line\u205fmath',
  'ǅemal Ǉubljana ﬁne ᾈdes İstanbul ΣΟΦΙΑ Москва, 北京 and عربي.',
];

describe('the entity tokenizer', () => {
  it('gives the tokens of the pattern on text made to catch a careless scan', () => {
    for (const text of HARD) assert.deepEqual(byScan(text), byPattern(text), text);
  });

  it('gives the tokens of the pattern on every text unit of the seeds', async () => {
    const { articles } = await ingestFolder('seeds');
    const units = articles.flatMap((a) => textUnits(a));
    assert.ok(units.length > 50);
    for (const text of units) assert.deepEqual(byScan(text), byPattern(text));
  });

  it('marks a capitalised word unless a hyphen joins it to a lower-case part', () => {
    const text = 'Jean-Luc Anti-corruption Ütopia éclair U.S. Ωmega';
    const { starts, ends, capitalised: marks } = tokenize(text);
    const capitalised = starts.map((start, i) => [text.slice(start, ends[i]), marks[i]]);
    assert.deepEqual(capitalised, [['Jean-Luc', true], ['Anti-corruption', false], ['Ütopia', true], ['éclair', false], ['U.S.', true], ['Ωmega', true]]);
  });
});
