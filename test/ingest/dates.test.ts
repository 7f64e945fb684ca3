import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDate, findDateInUrl, findFullDate, findPublishedInLine, isDateOnly } from '../../src/ingest/dates.ts';

describe('dates', () => {
  it('reads the usual ways of writing a day', () => {
    const cases: Array<[string, string]> = [
      ['March 20, 2019', '2019-03-20'],
      ['Nov. 18th 2019 12:12 pm PT', '2019-11-18'],
      ['12 Feb, 2019', '2019-02-12'],
      ['Published 14 May 2019', '2019-05-14'],
      ['3rd of March 2020', '2020-03-03'],
      ['2021-06-03T10:00:00Z', '2021-06-03'],
      ['11/18/2019', '2019-11-18'],
      ['18/11/2019', '2019-11-18'],
      ['Tuesday, September 3, 2019', '2019-09-03'],
    ];
    for (const [text, iso] of cases) assert.equal(findFullDate(text)?.iso, iso, text);
  });
  it('reads a year glued to the time or label after it, and a two-digit year', () => {
    assert.equal(findFullDate('Jun 3, 20215:45 AM')?.iso, '2021-06-03');
    assert.equal(findFullDate('Jun. 3, 2021Updated: Jun. 4, 2021')?.iso, '2021-06-03');
    assert.equal(findFullDate('By Ana Ruiz On 6/3/21 at 4:00 PM EST')?.iso, '2021-06-03');
    assert.equal(findFullDate('Call 555 20214'), null);
  });
  it('takes the published date of a line that also prints an updated one', () => {
    assert.equal(findPublishedInLine('UPDATED: 10:43, Jun 4, 2021 | PUBLISHED: 00:01, Jun 3, 2021')?.iso, '2021-06-03');
    assert.equal(findPublishedInLine('Jun 3, 2021 @17:19 PM · _Updated: Jun 4, 2021 @17:26 PM _')?.iso, '2021-06-03');
    assert.notEqual(isDateOnly('Jun 3, 2021 @17:19 PM · _Updated: Jun 4, 2021 @17:26 PM _', 2), null);
  });
  it('rejects impossible and implausible dates', () => {
    assert.equal(findFullDate('February 30, 2019'), null);
    assert.equal(findFullDate('May 5, 1234'), null);
  });
  it('falls back to month precision', () => {
    assert.deepEqual(findDate('Spring issue, March 2019'), { iso: '2019-03-01', precision: 'month', index: 14, length: 10 });
  });
  it('reads a date in a URL path', () => {
    assert.equal(findDateInUrl('https://ledger.example/2019/03/20/pier-a1')?.iso, '2019-03-20');
    assert.equal(findDateInUrl('https://ledger.example/2019/03/pier')?.precision, 'month');
    assert.equal(findDateInUrl('https://ledger.example/pier-2019'), null);
  });
  it('knows a date line from a sentence that holds a date', () => {
    assert.ok(isDateOnly('Updated: June 4, 2021 10:15 am ET'));
    assert.ok(isDateOnly('Posted on Tuesday, 4 June 2021'));
    assert.equal(isDateOnly('The pier closed on June 4, 2021 after the storm.'), null);
  });
});
