// Letter keys read in part (text.ts): a start of a key, and key equality, without the whole key.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { computeLetterKey, hasLetterKey, letterKeyPrefix } from '../../src/ingest/text.ts';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');

describe('letter keys', () => {
  it('folds accents, compatibility forms and letters outside the basic plane; drops the rest', () => {
    assert.equal(computeLetterKey('Él’s ﬁnal — Ⅻ, 𝐀𝐁 1-2'), 'elsfinalxiiab12');
  });

  it('letterKeyPrefix is the start of the whole key, on every seed and where a cut falls inside a surrogate pair', () => {
    const texts = [...readdirSync(SEEDS).map((name) => readFileSync(join(SEEDS, name), 'utf8')), `${'a'.repeat(16)}𝐀𝐁𝐂 ${'é'.repeat(40)}`];
    for (const text of texts) {
      const key = computeLetterKey(text);
      for (const length of [1, 12, 17, 64, 500, key.length, key.length + 1]) assert.equal(letterKeyPrefix(text, length), key.slice(0, length));
    }
  });

  it('hasLetterKey is key equality, not a shared start', () => {
    assert.equal(hasLetterKey('Talks on Venezuela, in Rome.', 'talksonvenezuelainrome'), true);
    assert.equal(hasLetterKey('Talks on Venezuela, in Rome, end.', 'talksonvenezuelainrome'), false);
    assert.equal(hasLetterKey('Talks on Venezuela', 'talksonvenezuelainrome'), false);
  });
});
