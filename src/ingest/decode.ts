// Bytes -> normalised text: BOM, UTF-8 with a Windows-1252 fallback, UTF-16 with BOM, LF, NBSP, NFC.
import { makeDiagnostic } from '../diagnostics.ts';
import type { Diagnostic } from '../types.ts';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Decoded {
  text: string;
  encoding: Encoding;
  diagnostics: Diagnostic[];
}

export function decode(file: string, bytes: Uint8Array): Decoded {
  const diagnostics: Diagnostic[] = [];
  const { encoding, start } = sniffEncoding(bytes);
  let text: string;
  let used: Encoding = encoding;
  if (encoding === 'utf-8') {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
    } catch {
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
  } else {
    text = new TextDecoder(encoding).decode(bytes.subarray(start));
  }
  text = normaliseText(text);
  const replacement = text.indexOf('\uFFFD');
  if (replacement >= 0) {
    diagnostics.push(
      makeDiagnostic({
        file,
        line: text.slice(0, replacement).split('\n').length,
        ruleId: 'encoding/replacement-char',
        reason: 'the text holds U+FFFD replacement characters: some characters were lost before this file was saved',
      }),
    );
  }
  return { text, encoding: used, diagnostics };
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

/** CRLF and lone CR -> LF, no-break and other odd spaces -> space, zero-width characters dropped, NFC. */
export function normaliseText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00A0\u2007\u202F\u2000-\u200A\u3000]/g, ' ')
    .replace(/[\u200B\u200C\u200D\u2060\uFEFF\u00AD]/g, '')
    .normalize('NFC');
}
