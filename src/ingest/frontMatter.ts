// Optional YAML front matter (gray-matter, with the `yaml` engine for line-accurate errors).
// Only a text that starts with `---` has front matter; invalid YAML is a diagnostic, never a crash.
import matter from 'gray-matter';
import { LineCounter, parseDocument, isMap, isPair, isScalar, YAMLParseError } from 'yaml';
import { makeDiagnostic } from '../diagnostics.ts';
import type { CatalogueEntry, Diagnostic } from '../types.ts';
import { checkEntry } from './catalogue.ts';
import { checkSlugValue } from './slug.ts';

export interface FrontMatter {
  /** The fields it sets (they override what the text says). */
  fields: CatalogueEntry;
  /** A safe slug from `slug:` or `permalink:`, or null (the title's slug is used). */
  slug: string | null;
  /** How many lines of the text it takes, delimiters included (0 when there is none). */
  lineCount: number;
  diagnostics: Diagnostic[];
}

const OPENING_DELIMITER = /^---[ \t]*$/;
const CLOSING_DELIMITER = /^(?:---|\.\.\.)[ \t]*$/;

const yamlEngine = {
  parse: (source: string): object => {
    const doc = parseDocument(source, { prettyErrors: false });
    const first = doc.errors[0];
    if (first !== undefined) throw first;
    return (doc.toJSON() ?? {}) as object;
  },
};

export function readFrontMatter(file: string, text: string): FrontMatter {
  const none: FrontMatter = { fields: {}, slug: null, lineCount: 0, diagnostics: [] };
  const lines = text.split('\n');
  if (!OPENING_DELIMITER.test(lines[0] ?? '')) return none;
  const closing = lines.findIndex((line, index) => index > 0 && CLOSING_DELIMITER.test(line));
  if (closing < 0) {
    return {
      ...none,
      diagnostics: [
        makeDiagnostic({
          file,
          line: 1,
          ruleId: 'front-matter/unclosed',
          reason: 'the text starts with `---` but no closing `---` follows, so it was read as text',
          note: 'close the front matter with a line `---`',
        }),
      ],
    };
  }
  const lineCount = closing + 1;
  const yamlSource = lines.slice(1, closing).join('\n');
  let data: unknown;
  try {
    // Passing options also turns off gray-matter's cache, which would share results between calls.
    data = matter(lines.slice(0, lineCount).join('\n') + '\n', { engines: { yaml: yamlEngine } }).data;
  } catch (error) {
    // gray-matter hands the YAML over with offsets of its own; parse it again for a line in the file.
    const yamlError = error instanceof YAMLParseError ? (parseDocument(yamlSource, { prettyErrors: true }).errors[0] ?? error) : null;
    const line = yamlError?.linePos?.[0].line ?? null;
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
    return {
      fields: {},
      slug: null,
      lineCount,
      diagnostics: [
        makeDiagnostic({
          file,
          // The YAML starts on the second line of the file (after the opening delimiter).
          line: line === null ? 1 : line + 1,
          ruleId: 'front-matter/invalid-yaml',
          reason: `front matter is not valid YAML: ${reason}`,
          note: 'its fields were ignored; the text was still read',
        }),
      ],
    };
  }
  const lineOf = keyLines(yamlSource);
  const fileLine = (key: string): number => {
    const line = lineOf.get(key);
    return line === undefined ? 1 : line + 1;
  };
  const { slug, rest, diagnostics } = takeSlug(data, file, fileLine);
  const checked = checkEntry(rest, file, 'front-matter', fileLine);
  return { fields: checked.entry, slug, lineCount, diagnostics: [...diagnostics, ...checked.diagnostics] };
}

/** Keys that choose where the page is written; only a single safe segment under /articles/ is taken. */
const SLUG_KEYS = ['slug', 'permalink'] as const;

/** Takes `slug:`/`permalink:` out of the front matter, checked so that no page is written outside /articles/. */
function takeSlug(data: unknown, file: string, lineOf: (key: string) => number): { slug: string | null; rest: unknown; diagnostics: Diagnostic[] } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { slug: null, rest: data, diagnostics: [] };
  const rest: Record<string, unknown> = {};
  const diagnostics: Diagnostic[] = [];
  let slug: string | null = null;
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (!(SLUG_KEYS as readonly string[]).includes(key.toLowerCase())) {
      rest[key] = value;
      continue;
    }
    const checked = checkSlugValue(value);
    if (!checked.ok) {
      diagnostics.push(
        makeDiagnostic({
          file,
          line: lineOf(key),
          ruleId: 'slug/unsafe',
          reason: `'${key}' ${checked.why}, so it was not used; the slug made from the headline was`,
          note: 'write a plain slug such as `pier-reopens` (letters, digits, dashes); pages always live under /articles/',
          actual: String(value),
        }),
      );
      continue;
    }
    if (checked.changed) {
      diagnostics.push(
        makeDiagnostic({
          file,
          line: lineOf(key),
          ruleId: 'slug/normalised',
          severity: 'info',
          reason: `'${key}' was turned into the slug '${checked.slug}'`,
          actual: String(value),
        }),
      );
    }
    slug ??= checked.slug;
  }
  return { slug, rest, diagnostics };
}

/** Line (1-based, within the YAML) of each top-level key. */
function keyLines(source: string): Map<string, number> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter });
  const result = new Map<string, number>();
  if (!isMap(doc.contents)) return result;
  for (const item of doc.contents.items) {
    if (isPair(item) && isScalar(item.key) && item.key.range !== undefined && item.key.range !== null) {
      result.set(String(item.key.value), lineCounter.linePos(item.key.range[0]).line);
    }
  }
  return result;
}
