// npm run eval: scores a labelled folder in process, with the definitions of the dev set's score.mjs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { evaluateFolder } from '../../src/eval/evaluate.ts';
import { formatCases } from '../../src/eval/format.ts';
import { bodyTokens, normalisePublisher, normaliseTitle, tokenOverlap } from '../../src/eval/score.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'eval');
const SCORE_MJS = join(ROOT, '..', 'shared', 'extraction-dev', 'score.mjs');
const SHARED_SCORE = existsSync(SCORE_MJS) ? SCORE_MJS : '/work/shared/extraction-dev/score.mjs';

describe('scoring definitions', () => {
  it('normalises titles and publishers as the dev set does', () => {
    assert.equal(normaliseTitle('U.S.–Russia  “Talks”…'), 'u.s.-russia "talks"...');
    assert.equal(normalisePublisher('The Moscow Times'), normalisePublisher('themoscowtimes.com'));
    assert.equal(normalisePublisher('Havana Times'), 'havanatimes');
  });
  it('counts body tokens as multisets, Markdown link targets left out', () => {
    assert.deepEqual(bodyTokens('A [link](https://x.example/a) and **bold**, a.'), ['a', 'link', 'and', 'bold', 'a']);
    assert.deepEqual(tokenOverlap(['a', 'a', 'b', 'c'], ['a', 'b', 'b']), { precision: 2 / 3, recall: 2 / 4, f1: (2 * (2 / 3) * 0.5) / (2 / 3 + 0.5) });
    assert.deepEqual(tokenOverlap([], []), { precision: 1, recall: 1, f1: 1 });
  });
});

describe('evaluateFolder on test/fixtures/eval', () => {
  it('scores a right case right and names the field whose truth disagrees', async () => {
    const result = await evaluateFolder(FIXTURE);
    const [right, wrong] = result.cases;
    assert.equal(right?.file, 'right.txt');
    assert.deepEqual([right?.title, right?.date, right?.publisher, right?.url, right?.authors, right?.body.f1], [true, true, true, true, 1, 1]);
    assert.equal(wrong?.file, 'wrong-truth.txt');
    assert.equal(wrong?.publisher, false, 'the truth says Island Courier; the text says Coastal Ledger');
    // The truth's body has a second sentence the case does not: 14 of its 25 tokens are found, none extra.
    assert.deepEqual(wrong?.body, { precision: 1, recall: 14 / 25, f1: (2 * (14 / 25)) / (1 + 14 / 25) });
    assert.deepEqual(result.totals.publisher, { right: 1, of: 2, percent: 50 });
    assert.deepEqual(result.totals.title, { right: 2, of: 2, percent: 100 });
    assert.match(formatCases(result).find((line) => line.startsWith('wrong-truth.txt')) ?? '', /0\.560 +0\.718 +publisher$/);
  });

  it('agrees with the dev set\'s score.mjs run on the same folder', { skip: existsSync(SHARED_SCORE) ? false : `no ${SHARED_SCORE}` }, async () => {
    // score.mjs scores the cases and truth beside it, through `npm run extract`: copy it next to the fixture.
    const dir = await mkdtemp(join(tmpdir(), 'dossier-eval-'));
    try {
      await cp(FIXTURE, dir, { recursive: true });
      await copyFile(SHARED_SCORE, join(dir, 'score.mjs'));
      const run = spawnSync(process.execPath, [join(dir, 'score.mjs'), ROOT], { encoding: 'utf8' });
      const shared = Object.fromEntries([...run.stdout.matchAll(/^(title|date|publisher)\s+([\d.]+)%/gm)].map((m) => [m[1], Number(m[2])]));
      const body = /^body\s+P=([\d.]+) R=([\d.]+) F1=([\d.]+)/m.exec(run.stdout);
      const mine = (await evaluateFolder(dir)).totals;
      assert.deepEqual(shared, { title: Number(mine.title.percent.toFixed(1)), date: Number(mine.date.percent.toFixed(1)), publisher: Number(mine.publisher.percent.toFixed(1)) }, run.stdout + run.stderr);
      assert.deepEqual(body?.slice(1).map(Number), [mine.body.precision, mine.body.recall, mine.body.f1].map((n) => Number(n.toFixed(3))));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
