// Letter keys read in part (text.ts): a start of a key, and key equality, without the whole key.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { collapseWhiteSpace, computeLetterKey, computePlainText, hasLetterKey, hasLetterKeyPrefix, letterKeyPrefix, plainText, wordCount, words } from '../../src/ingest/text.ts';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');

describe('letter keys', () => {
  it('folds accents, compatibility forms and letters outside the basic plane; drops the rest', () => {
    assert.equal(computeLetterKey('Él’s ﬁnal — Ⅻ, 𝐀𝐁 1-2'), 'elsfinalxiiab12');
  });

  it('letterKeyPrefix is the start of the whole key, on every seed and where a cut falls inside a surrogate pair', () => {
    // 'ﷺ' folds to 18 letters, past the end of the prefix wanted; 255-257 are each side of the longest prefix built in the scratch array.
    const texts = [...readdirSync(SEEDS).map((name) => readFileSync(join(SEEDS, name), 'utf8')), `${'a'.repeat(16)}𝐀𝐁𝐂 ${'é'.repeat(40)}`, `${'b'.repeat(250)}${'ﷺ'.repeat(3)}`];
    for (const text of texts) {
      const key = computeLetterKey(text);
      for (const length of [1, 12, 17, 64, 255, 256, 257, 500, key.length, key.length + 1]) assert.equal(letterKeyPrefix(text, length), key.slice(0, length));
    }
  });

  it('hasLetterKey is key equality, not a shared start', () => {
    assert.equal(hasLetterKey('Talks on Venezuela, in Rome.', 'talksonvenezuelainrome'), true);
    assert.equal(hasLetterKey('Talks on Venezuela, in Rome, end.', 'talksonvenezuelainrome'), false);
    assert.equal(hasLetterKey('Talks on Venezuela', 'talksonvenezuelainrome'), false);
  });

  it('hasLetterKeyPrefix is a shared start of the keys', () => {
    assert.equal(hasLetterKeyPrefix('Talks on Venezuela, in Rome | The Ledger', 'talksonvenezuelainrome'), true);
    assert.equal(hasLetterKeyPrefix('Talks on Venezuela', 'talksonvenezuelainrome'), false);
    assert.equal(hasLetterKeyPrefix('The Ledger | Talks on Venezuela, in Rome', 'talksonvenezuelainrome'), false);
  });

  it('hasLetterKey and hasLetterKeyPrefix answer as the whole keys do, on the lines of the seeds and letters that fold to several', () => {
    const lines = [
      ...readdirSync(SEEDS).flatMap((name) => readFileSync(join(SEEDS, name), 'utf8').split('\n')).filter((line) => line.trim() !== ''),
      'Ⅻ ﬁnal', 'Él’s 𝐀𝐁 café', 'ﷺ', '', '— …',
    ];
    const keyOf = lines.map((line) => computeLetterKey(line));
    let equal = 0;
    let prefixed = 0;
    lines.forEach((line, index) => {
      const key = keyOf[index]!;
      // Its own key and its starts (cut inside a fold too), a longer key, and the next lines' keys.
      const keys = [key, key.slice(0, 1), key.slice(0, 7), key.slice(0, -1), `${key}x`, 'xii', 'fi', ...keyOf.slice(index + 1, index + 4)];
      for (const other of keys) {
        assert.equal(hasLetterKey(line, other), key === other, `${line} / ${other}`);
        assert.equal(hasLetterKeyPrefix(line, other), key.startsWith(other), `${line} / ${other}`);
        if (key === other) equal++;
        if (key.startsWith(other)) prefixed++;
      }
    });
    assert.ok(equal > lines.length && prefixed > 2 * lines.length, 'both answers are met');
  });
});

describe('plain text and white space', () => {
  const seedLines = readdirSync(SEEDS).flatMap((name) => readFileSync(join(SEEDS, name), 'utf8').split('\n'));

  it('computePlainText is plainText without the memo, on every line of the seeds', () => {
    for (const line of seedLines) assert.equal(computePlainText(line), plainText(line));
  });

  it("collapseWhiteSpace is `replace(/\\s+/g, ' ').trim()`, on the seeds whole and odd white space", () => {
    const texts = [...readdirSync(SEEDS).map((name) => readFileSync(join(SEEDS, name), 'utf8')), ' a  b\t c\u00a0d \u2028e\r\n\n f ', 'one two', '', '   '];
    for (const text of texts) assert.equal(collapseWhiteSpace(text), text.replace(/\s+/g, ' ').trim());
  });

  it('wordCount counts the runs between white space that hold a letter or number (`words`), with spaces only or any white space', () => {
    const texts = [...seedLines, ...seedLines.map((line) => plainText(line)), readFileSync(join(SEEDS, readdirSync(SEEDS)[0]!), 'utf8'), '— “Yes” — 1,000 · ¿Qué? 日本 ', ' a\u00a0b\tc  -- ', '', ' '];
    for (const text of texts) assert.equal(wordCount(text), words(text).length, text.slice(0, 40));
  });
});
