// Bytes -> normalised text: BOM, UTF-8 with a Windows-1252 fallback, UTF-16 with BOM, LF, NBSP, NFC.
import { makeDiagnostic } from '../diagnostics.ts';
import type { Diagnostic } from '../types.ts';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Decoded {
  text: string;
  encoding: Encoding;
  diagnostics: Diagnostic[];
}

/** How many leading bytes are looked at to tell text from binary data. */
const BINARY_SNIFF_BYTES = 8192;
/** Above this share of control bytes (other than tab, LF, CR, FF, ESC) the data is not text. */
const BINARY_CONTROL_SHARE = 0.1;

/** Signatures of common binary formats, to name what was found. */
const BINARY_SIGNATURES: Array<[string, number[]]> = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a ZIP archive (or a .docx/.odt document)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
];

/** What kind of binary data the bytes are ('a PNG image', 'binary data'), or null when they read as text. */
export function sniffBinary(bytes: Uint8Array): string | null {
  const signature = BINARY_SIGNATURES.find(([, magic]) => magic.every((byte, index) => bytes[index] === byte));
  if (signature !== undefined) return signature[0];
  const head = bytes.subarray(0, BINARY_SNIFF_BYTES);
  let control = 0;
  for (let index = 0; index < head.length; index++) {
    const byte = head[index]!;
    if (byte === 0) return 'binary data';
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) || byte === 0x7f) control++;
  }
  return head.length > 0 && control / head.length > BINARY_CONTROL_SHARE ? 'binary data' : null;
}

/** Made once: a decoder without `stream` keeps no state between calls. */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });
const LENIENT_UTF8 = new TextDecoder('utf-8');

export function decode(file: string, bytes: Uint8Array): Decoded {
  const diagnostics: Diagnostic[] = [];
  const { encoding, start } = sniffEncoding(bytes);
  const binary = encoding === 'utf-8' ? sniffBinary(bytes) : null;
  if (binary !== null) {
    diagnostics.push(
      makeDiagnostic({
        file,
        ruleId: 'file/binary',
        severity: 'error',
        reason: `the file holds ${binary}, not text`,
        note: 'only text files are articles: remove it, or give it its real extension so that it is ignored',
      }),
    );
    return { text: '', encoding, diagnostics };
  }
  let text: string;
  let used: Encoding = encoding;
  let invalidUtf8 = false;
  if (encoding === 'utf-8') {
    try {
      text = STRICT_UTF8.decode(bytes.subarray(start));
    } catch {
      text = LENIENT_UTF8.decode(bytes.subarray(start));
      if (mostlyUtf8(text)) {
        // UTF-8 with a few broken bytes: keep the good characters, mark the broken ones.
        invalidUtf8 = true;
        const at = text.indexOf('\uFFFD');
        diagnostics.push(
          makeDiagnostic({
            file,
            line: lineAt(text, at),
            ruleId: 'encoding/invalid-utf8',
            reason: 'the file has bytes that are not valid UTF-8; they show as U+FFFD (\uFFFD)',
            note: 'fix the characters on this line and save the file as UTF-8',
            actual: snippetAround(text, at),
          }),
        );
      } else {
        // Not valid UTF-8: old Windows exports are the usual culprit, and every byte means something in cp1252.
        used = 'windows-1252';
        text = decodeWindows1252(bytes.subarray(start));
        diagnostics.push(
          makeDiagnostic({
            file,
            ruleId: 'encoding/not-utf8',
            severity: 'info',
            reason: 'the file is not valid UTF-8; it was read as Windows-1252',
            note: 'save the file as UTF-8 to be sure of its characters',
          }),
        );
      }
    }
  } else {
    text = new TextDecoder(encoding).decode(bytes.subarray(start));
  }
  text = normaliseText(text);
  const replacement = text.indexOf('\uFFFD');
  if (replacement >= 0 && !invalidUtf8) {
    diagnostics.push(
      makeDiagnostic({
        file,
        line: lineAt(text, replacement),
        ruleId: 'encoding/replacement-char',
        reason: 'the text holds U+FFFD replacement characters: some characters were lost before this file was saved',
      }),
    );
  }
  return { text, encoding: used, diagnostics };
}

/** UTF-8 with a few bad bytes rather than another encoding: more well-formed non-ASCII characters than broken ones. */
function mostlyUtf8(lossy: string): boolean {
  let good = 0;
  let bad = 0;
  for (const char of lossy) {
    if (char === '\uFFFD') bad++;
    else if (char.charCodeAt(0) > 0x7f) good++;
  }
  return good > 0 && good >= bad;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function snippetAround(text: string, index: number): string {
  return text.slice(Math.max(0, index - 30), index + 30).replace(/\s+/g, ' ');
}

/**
 * Code points of Windows-1252 bytes 0x80–0x9F (the rest equal Latin-1). Written out because Node's
 * TextDecoder('windows-1252') decodes as Latin-1, turning curly quotes into C1 control characters.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    text += String.fromCharCode(byte >= 0x80 && byte <= 0x9f ? (WINDOWS_1252_HIGH[byte - 0x80] ?? byte) : byte);
  }
  return text;
}

function sniffEncoding(bytes: Uint8Array): { encoding: Encoding; start: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', start: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', start: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', start: 2 };
  return { encoding: 'utf-8', start: 0 };
}

/** No-break and other odd spaces (a character class's contents), read as a space. */
const ODD_SPACE_CLASS = '\\u00A0\\u2007\\u202F\\u2000-\\u200A\\u3000';
/** Zero-width characters and the soft hyphen (a character class's contents), dropped. */
const INVISIBLE_CLASS = '\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u00AD';
const ODD_SPACES = new RegExp(`[${ODD_SPACE_CLASS}]`, 'g');
const INVISIBLES = new RegExp(`[${INVISIBLE_CLASS}]`, 'g');
const ODD_SPACE_OR_INVISIBLE = new RegExp(`[${ODD_SPACE_CLASS}${INVISIBLE_CLASS}]`);

/** CRLF and lone CR -> LF, no-break and other odd spaces -> space, zero-width characters dropped, NFC. */
export function normaliseText(text: string): string {
  let normal = text.replace(/^\uFEFF/, '');
  if (normal.includes('\r')) normal = normal.replace(/\r\n?/g, '\n');
  // Every other change is to a character outside ASCII, and ASCII text is in NFC: most texts stop here.
  if (!NON_ASCII.test(normal)) return normal;
  // One test for both sets of characters: most texts have none, and each replace would read the whole text.
  if (!ODD_SPACE_OR_INVISIBLE.test(normal)) return normal.normalize('NFC');
  return normal
    .replace(ODD_SPACES, ' ')
    .replace(INVISIBLES, '')
    .normalize('NFC');
}

const NON_ASCII = /[^\x00-\x7f]/;
