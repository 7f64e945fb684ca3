// Relative dates, one fixture sentence per pattern, resolved against the article's date.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findDateMentions, nearestYear, tenseAt } from '../../src/events/relativeDates.ts';

/** [words, start, end, tense] of every mention. */
const resolve = (text: string, published: string | null) => findDateMentions(text, published).map((m) => [m.text, m.start, m.end, m.tense]);

describe('findDateMentions: weekdays', () => {
  it("'ended on Tuesday' in a paper of Wednesday 20 March 2019 is Tuesday 19 March", () => {
    assert.deepEqual(resolve('High-level talks ended on Tuesday with the two sides still at odds.', '2019-03-20'), [['on Tuesday', '2019-03-19', '2019-03-19', 'past']]);
  });

  it("'on Saturday' in a paper of Monday 7 March 2022 is Saturday 5 March", () => {
    assert.deepEqual(resolve('A delegation that visited Venezuela on Saturday failed to produce an agreement.', '2022-03-07'), [['on Saturday', '2022-03-05', '2022-03-05', 'past']]);
  });

  it("the paper's own weekday is that day ('met Tuesday' on Tuesday 14 May 2019)", () => {
    assert.deepEqual(resolve('Pompeo and Lavrov met Tuesday in Sochi.', '2019-05-14'), [['Tuesday', '2019-05-14', '2019-05-14', 'past']]);
  });

  it("goes forward after 'will', 'are to' and similar, back after reporting verbs", () => {
    assert.deepEqual(resolve('Lavrov and Pompeo will discuss Venezuela on Wednesday. Shchetinin on Monday condemned it.', '2019-02-12'), [
      ['on Wednesday', '2019-02-13', '2019-02-13', 'future'],
      ['on Monday', '2019-02-11', '2019-02-11', 'past'],
    ]);
    assert.deepEqual(resolve('Diplomats are to meet in Rome on Tuesday.', '2019-03-17'), [['on Tuesday', '2019-03-19', '2019-03-19', 'future']]);
  });

  it('reads the tense from the nearest cue before the date in its clause', () => {
    assert.deepEqual(resolve('Russia will not send troops, Lavrov said on Monday.', '2019-03-20'), [['on Monday', '2019-03-18', '2019-03-18', 'past']]);
    assert.equal(tenseAt('They said they will meet on Friday', 'They said they will meet '.length), 'future');
  });

  it("'next' and 'last' never mean the paper's own day", () => {
    assert.deepEqual(resolve('They meet next Monday.', '2019-03-18'), [['next Monday', '2019-03-25', '2019-03-25', 'future']]);
    assert.deepEqual(resolve('They met last Monday.', '2019-03-18'), [['last Monday', '2019-03-11', '2019-03-11', 'past']]);
    assert.deepEqual(resolve('They meet next Wednesday.', '2019-03-18'), [['next Wednesday', '2019-03-20', '2019-03-20', 'future']]);
  });

  it("'Tuesday's talks' is a weekday too", () => {
    assert.deepEqual(resolve("He called Tuesday's talks useful.", '2019-03-20'), [["Tuesday's", '2019-03-19', '2019-03-19', 'past']]);
  });

  it('without the article date, keeps the weekday and tense but no day', () => {
    const [ahead, back] = findDateMentions('Diplomats are to meet on Tuesday, Ryabkov told Interfax on Sunday.', null);
    assert.deepEqual([ahead?.weekday, ahead?.tense, ahead?.start], [2, 'future', null]);
    assert.deepEqual([back?.weekday, back?.tense, back?.start], [0, 'past', null]);
  });
});

describe('findDateMentions: days and spans', () => {
  it("'yesterday', 'today', 'tomorrow'", () => {
    assert.deepEqual(resolve('It ended yesterday; today they rest and tomorrow they fly.', '2019-03-20'), [
      ['yesterday', '2019-03-19', '2019-03-19', 'past'],
      ['today', '2019-03-20', '2019-03-20', 'past'],
      ['tomorrow', '2019-03-21', '2019-03-21', 'future'],
    ]);
  });

  it("'last week' and 'next month' are spans (weeks from Monday)", () => {
    assert.deepEqual(resolve('Putin spoke to Maduro last week.', '2022-03-07'), [['last week', '2022-02-28', '2022-03-06', 'past']]);
    assert.deepEqual(resolve('Talks resume next month.', '2022-03-07'), [['next month', '2022-04-01', '2022-04-30', 'future']]);
  });

  it("'on March 19' without a year takes the article's year, or the nearest one across New Year", () => {
    assert.deepEqual(resolve('The talks on March 19 ended.', '2019-03-20'), [['March 19', '2019-03-19', '2019-03-19', 'past']]);
    assert.deepEqual(resolve('It snowed on 28 December.', '2020-01-05'), [['28 December', '2019-12-28', '2019-12-28', 'past']]);
    assert.equal(nearestYear(new Date(2020, 11, 30), 0, 2)?.getFullYear(), 2021);
  });

  it('keeps explicit full dates as written, a weekday before one is part of it', () => {
    assert.deepEqual(resolve('They met in Sochi on Tuesday, May 14, 2019 and again on 2019-06-01.', '2019-06-20'), [
      ['May 14, 2019', '2019-05-14', '2019-05-14', 'past'],
      ['2019-06-01', '2019-06-01', '2019-06-01', 'past'],
    ]);
  });

  it('finds nothing in a text without dates (months and weekdays inside words are not dates)', () => {
    assert.deepEqual(resolve('Sundayschool Mayhem in Marchington.', '2019-03-20'), []);
  });
});
