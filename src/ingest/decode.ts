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
      text = new TextDecoder('windows-1252').decode(bytes.subarray(start));
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
