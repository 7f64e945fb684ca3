import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decode, normaliseText } from '../../src/ingest/decode.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('decode', () => {
  it('reads UTF-8 and drops a byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Café')]);
    const result = decode('a.txt', bytes);
    assert.equal(result.text, 'Café');
    assert.equal(result.encoding, 'utf-8');
    assert.deepEqual(result.diagnostics, []);
  });
  it('turns CRLF and lone CR into LF', () => {
    assert.equal(decode('a.txt', utf8('one\r\ntwo\rthree\n')).text, 'one\ntwo\nthree\n');
  });
  it('turns no-break and narrow spaces into spaces and drops zero-width ones', () => {
    assert.equal(normaliseText('a\u00A0b\u202Fc\u200Bd'), 'a b cd');
  });
  it('composes characters (NFC)', () => {
    assert.equal(decode('a.txt', utf8('Nicola\u0301s')).text, 'Nicolás');
  });
  it('falls back to Windows-1252 when the bytes are not UTF-8, and says so', () => {
    // “Hi” — in cp1252: 0x93 Hi 0x94 0x97
    const result = decode('old.txt', new Uint8Array([0x93, 0x48, 0x69, 0x94, 0x20, 0x97]));
    assert.equal(result.text, '“Hi” —');
    assert.equal(result.encoding, 'windows-1252');
    assert.equal(result.diagnostics[0]?.ruleId, 'encoding/not-utf8');
    assert.equal(result.diagnostics[0]?.file, 'old.txt');
  });
  it('reads UTF-16 little- and big-endian with a byte-order mark', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0xe9, 0x00, 0x0d, 0x00, 0x0a, 0x00]);
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0x48, 0x00, 0xe9]);
    assert.equal(decode('le.txt', le).text, 'Hé\n');
    assert.equal(decode('le.txt', le).encoding, 'utf-16le');
    assert.equal(decode('be.txt', be).text, 'Hé');
  });
  it('warns about replacement characters with their line', () => {
    const result = decode('lost.txt', utf8('fine\nbro\uFFFDken'));
    assert.equal(result.diagnostics[0]?.ruleId, 'encoding/replacement-char');
    assert.equal(result.diagnostics[0]?.line, 2);
  });
});
