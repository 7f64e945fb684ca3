// Events on the seeds (the four the issue names) and on small fixtures for the grouping rules.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dayRangeText, findAnchor, findEvents, occurrences, type ArchiveEvents } from '../../src/events/events.ts';
import { ingestFolder } from '../../src/ingest/index.ts';
import { inTimeOrder } from '../../src/site/archiveData.ts';
import type { Article } from '../../src/types.ts';
import { makeArticle } from '../fixtures/site/archive.ts';

describe('findEvents on the seeds', () => {
  let articles: Article[];
  let found: ArchiveEvents;
  const fileOf = (slug: string): string => articles.find((a) => a.slug === slug)!.sourceFile.slice(0, 3);

  before(async () => {
    articles = inTimeOrder((await ingestFolder('seeds')).articles);
    found = findEvents(articles);
  });

  it('finds the four events of the issue, on their days, with the articles that cover them', () => {
    assert.deepEqual(
      found.events.map((e) => [e.day, e.slugs.map(fileOf)]),
      [
        ['2019-02-13', ['003']], // Lavrov and Pompeo 'will discuss … on Wednesday' (paper of Tuesday 12 February)
        ['2019-03-19', ['000', '001']], // the Rome talks 'ended on Tuesday' (20 March); 001 placed before them
        ['2019-05-14', ['004']], // 'met Tuesday in Sochi' in a paper of that Tuesday
        ['2022-03-05', ['002']], // the delegation 'visited Venezuela on Saturday' (paper of Monday 7 March)
      ],
    );
  });

  it('labels each event with the place, the kind and the names its text gives', () => {
    const [phone, rome, sochi, caracas] = found.events;
    assert.equal(phone?.place, null, 'the text names no place for the February talks');
    assert.deepEqual(phone?.names, ['Lavrov', 'Pompeo']);
    assert.equal(rome?.place, 'Rome');
    assert.deepEqual([...(rome?.names ?? [])].sort(), ['Abrams', 'Ryabkov']);
    assert.equal(sochi?.place, 'Sochi');
    assert.deepEqual([...(sochi?.names ?? [])].sort(), ['Lavrov', 'Pompeo']);
    assert.equal(caracas?.place, 'Caracas');
    assert.match(rome?.label ?? '', /^Rome talks: /);
    assert.match(sochi?.label ?? '', /^Sochi meeting: /);
    assert.equal(new Set(found.events.map((e) => e.id)).size, 4, 'ids are unique');
  });

  it('places the undated Rome preview between Sunday 17 and Tuesday 19 March 2019, with the reason, and keeps it undated', () => {
    const undated = articles.find((a) => a.published === null)!;
    assert.equal(undated.sourceFile.slice(0, 3), '001');
    assert.deepEqual(found.placements.map((p) => [p.slug, p.earliest, p.latest, p.between, p.eventId]), [
      [undated.slug, '2019-03-17', '2019-03-19', 'Sunday 17 and Tuesday 19 March 2019', '2019-03-19-rome'],
    ]);
    const { reason } = found.placements[0]!;
    assert.match(reason, /‘on Tuesday’ as still to come/);
    assert.match(reason, /‘on Sunday’ as past/);
    assert.match(reason, /The Moscow Times, 20 March 2019/);
    assert.match(reason, /Tuesday 19 March 2019/);
    assert.equal(undated.published, null);
  });
});

describe('findEvents: grouping rules', () => {
  const article = (slug: string, published: string | null, body: string): Article =>
    makeArticle({ slug, title: slug, published, datePrecision: published ? 'day' : null, body });
  const filler = [
    article('f1', '2020-01-01', 'Nothing happened in Lima, Peru.'),
    article('f2', '2020-01-02', 'Markets in Oslo were calm.'),
    article('f3', '2020-01-03', 'Rain in Quito.'),
  ];

  it('one event for two papers on the same day that share two names, even when published on different days', () => {
    const { events } = findEvents([
      article('a', '2019-03-20', 'Talks in Geneva between Ivanova and Baptiste ended on Tuesday. Ivanova said little.'),
      article('b', '2019-03-19', 'Ivanova and Baptiste met today in Geneva. Baptiste said the talks were useful.'),
      ...filler,
    ]);
    assert.deepEqual(events.map((e) => [e.day, e.slugs, e.place]), [['2019-03-19', ['a', 'b'], 'Geneva']]);
  });

  it('two events for one day when the papers share fewer than two names', () => {
    const { events } = findEvents([
      article('a', '2019-03-20', 'Talks in Geneva between Ivanova and Baptiste ended on Tuesday.'),
      article('b', '2019-03-20', 'A summit in Nairobi with Ivanova ended on Tuesday, Okafor said.'),
      ...filler,
    ]);
    assert.deepEqual(events.map((e) => e.slugs), [['a'], ['b']]);
  });

  it('no event for a paper whose lede names no day, or only a day far from its date', () => {
    assert.equal(findAnchor(article('x', '2019-03-20', 'Ivanova spoke about the economy.')), null);
    assert.equal(findAnchor(article('y', '2019-03-20', 'On March 19, 1990 Ivanova was elected.')), null);
    assert.equal(findAnchor(article('z', null, 'Ivanova spoke on Tuesday.')), null, 'undated papers have no anchor');
  });

  it('leaves an undated paper unplaced when no event on its weekday shares its names', () => {
    const { placements } = findEvents([
      article('a', '2019-03-20', 'Talks in Geneva between Ivanova and Baptiste ended on Tuesday.'),
      article('u', null, 'Ivanova and Baptiste are to meet in Geneva on Friday.'),
      ...filler,
    ]);
    assert.deepEqual(placements, []);
  });

  it('places an undated report of a past event after it', () => {
    const { placements } = findEvents([
      article('a', '2019-03-18', 'Ivanova and Baptiste will meet in Geneva on Tuesday.'),
      article('u', null, 'Ivanova and Baptiste met in Geneva on Tuesday. They are to meet again on Friday.'),
      ...filler,
    ]);
    assert.deepEqual(placements.map((p) => [p.slug, p.earliest, p.latest]), [['u', '2019-03-19', '2019-03-22']]);
  });
});

describe('dayRangeText', () => {
  it('names the month and year once when they are shared', () => {
    assert.equal(dayRangeText('2019-03-17', '2019-03-19'), 'Sunday 17 and Tuesday 19 March 2019');
    assert.equal(dayRangeText('2019-02-27', '2019-03-01'), 'Wednesday 27 February and Friday 1 March 2019');
    assert.equal(dayRangeText('2019-12-30', '2020-01-02'), 'Monday 30 December 2019 and Thursday 2 January 2020');
    assert.equal(dayRangeText('2019-03-19', '2019-03-19'), 'Tuesday 19 March 2019');
  });
});

describe('occurrences', () => {
  it('counts a name only as a whole word: no letter or digit, accented or not, on either side', () => {
    const text = 'Abrams met Ryabkov. Abrams’s aide and Abramson did not; “Abrams” spoke, Abrams2 did not, éAbrams neither.';
    assert.equal(occurrences(text, 'Abrams'), 3);
    assert.equal(occurrences('Guaidó and Guaido', 'Guaid'), 0);
    assert.equal(occurrences('Guaidó and Guaido', 'Guaidó'), 1);
  });

  it('reads a letter outside the basic plane as a letter, and counts repeats without overlap', () => {
    assert.equal(occurrences('𝐀Rome and Rome𝐁 but Rome', 'Rome'), 1, 'mathematical letters are letters');
    assert.equal(occurrences('Ab Ab Ab', 'Ab Ab'), 1);
    assert.equal(occurrences('', 'Rome'), 0);
  });
});
