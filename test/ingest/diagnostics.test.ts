import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDiagnostic, makeDiagnostic } from '../../src/diagnostics.ts';

describe('diagnostics', () => {
  it('formats as file:line rule: reason (note)', () => {
    const d = makeDiagnostic({ file: 'a/b.txt', line: 3, ruleId: 'date/missing', reason: 'no date', note: 'add one' });
    assert.equal(formatDiagnostic(d), 'a/b.txt:3 date/missing: no date (add one)');
    assert.equal(d.severity, 'warning');
    assert.equal(d.source, 'ingest');
  });
  it('leaves the line out when there is none and shortens the actual text', () => {
    const d = makeDiagnostic({ file: 'x.txt', ruleId: 'file/empty', reason: 'empty', severity: 'error', actual: 'y'.repeat(200) });
    assert.equal(formatDiagnostic(d), 'x.txt file/empty: empty');
    assert.equal(d.line, null);
    assert.equal(d.actual?.length, 80);
  });
});
