// catalogue.yaml -> Catalogue: curated facts that a file's text does not state. A bad catalogue gives
// diagnostics, never a crash; whatever part of it is valid is still used.
import { LineCounter, parseDocument, isMap, isScalar, isPair, type Node } from 'yaml';
import { makeDiagnostic } from '../diagnostics.ts';
import type { Catalogue, CatalogueEntry, Diagnostic } from '../types.ts';
import { languageTag } from './language.ts';
import { checkSlugValue } from './slug.ts';

export const CATALOGUE_FILE = 'catalogue.yaml';

export function emptyCatalogue(): Catalogue {
  return { archive: null, articles: {}, publishers: {}, entities: { merge: {}, split: [], ignore: [] } };
}

export interface ParsedCatalogue {
  catalogue: Catalogue;
  diagnostics: Diagnostic[];
}

/** The fields a catalogue entry or front matter may set, with the names people also write. */
const ENTRY_FIELD_ALIASES: Record<string, keyof CatalogueEntry> = {
  title: 'title',
  headline: 'title',
  subtitle: 'subtitle',
  dek: 'subtitle',
  published: 'published',
  date: 'published',
  publisher: 'publisher',
  outlet: 'publisher',
  authors: 'authors',
  author: 'authors',
  url: 'url',
  dateline: 'dateline',
  section: 'section',
  slug: 'slug',
  permalink: 'slug',
  lang: 'language',
  language: 'language',
};

/** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (a YAML timestamp also passes, its time dropped). */
const ENTRY_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export interface EntryCheck {
  entry: CatalogueEntry;
  diagnostics: Diagnostic[];
}

/**
 * Checks one record of article facts (a catalogue entry or a file's front matter).
 * `lineOf(key)` gives the line of a key for diagnostics.
 */
export function checkEntry(raw: unknown, file: string, where: string, lineOf: (key: string) => number | null): EntryCheck {
  const diagnostics: Diagnostic[] = [];
  const entry: CatalogueEntry = {};
  if (raw === null || raw === undefined) return { entry, diagnostics };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    diagnostics.push(
      makeDiagnostic({ file, line: lineOf(''), ruleId: `${where}/not-a-mapping`, reason: `${where} must be a mapping of field: value` }),
    );
    return { entry, diagnostics };
  }
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const field = ENTRY_FIELD_ALIASES[key.toLowerCase()];
    const line = lineOf(key);
    const invalid = (reason: string): void => {
      const note = `the value was ignored and the text was read instead; fix it or remove the line (found ${JSON.stringify(value) ?? String(value)})`;
      diagnostics.push(makeDiagnostic({ file, line, ruleId: `${where}/invalid-field`, reason, note, actual: String(value) }));
    };
    if (field === undefined) {
      diagnostics.push(
        makeDiagnostic({
          file,
          line,
          ruleId: `${where}/unknown-field`,
          severity: 'info',
          reason: `unknown field '${key}' was ignored`,
          note: `known fields: ${[...new Set(Object.values(ENTRY_FIELD_ALIASES))].join(', ')}`,
        }),
      );
      continue;
    }
    if (field === 'authors') {
      const names = typeof value === 'string' ? [value] : Array.isArray(value) ? value : null;
      if (names === null || !names.every((name) => typeof name === 'string')) {
        invalid(`'${key}' must be a name or a list of names`);
        continue;
      }
      entry.authors = names.map((name: string) => name.trim()).filter((name: string) => name !== '');
      continue;
    }
    const text = value instanceof Date ? value.toISOString() : typeof value === 'number' ? String(value) : value;
    if (typeof text !== 'string' || text.trim() === '') {
      invalid(`'${key}' must be a non-empty text`);
      continue;
    }
    if (field === 'slug') {
      const checked = checkSlugValue(text);
      if (!checked.ok) {
        diagnostics.push(makeDiagnostic({
          file,
          line,
          ruleId: 'slug/unsafe',
          reason: `'${key}' ${checked.why}, so it was not used; the slug made from the headline was`,
          note: 'write a plain slug such as `pier-reopens` (letters, digits, dashes); pages always live under /articles/',
          actual: text,
        }));
        continue;
      }
      entry.slug = checked.slug;
      continue;
    }
    if (field === 'language') {
      const tag = languageTag(text);
      if (tag === null) {
        invalid(`'${key}' must be a language tag such as en, es or pt-BR`);
        continue;
      }
      entry.language = tag;
      continue;
    }
    if (field === 'published') {
      const iso = toEntryDate(text.trim());
      if (iso === null) {
        invalid(`'${key}' must be a date written YYYY-MM-DD (or YYYY-MM, or YYYY)`);
        continue;
      }
      entry.published = iso;
      continue;
    }
    entry[field] = text.trim();
  }
  return { entry, diagnostics };
}

function toEntryDate(text: string): string | null {
  const match = ENTRY_DATE.exec(text);
  if (match === null) return null;
  const [, year, month, day] = match;
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return null;
  if (day !== undefined) {
    const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
    if (date.getUTCDate() !== Number(day)) return null;
    return `${year}-${month}-${day}`;
  }
  return month === undefined ? `${year}` : `${year}-${month}`;
}

/** Parses catalogue.yaml text. `file` names it in diagnostics. */
export function parseCatalogue(text: string, file: string = CATALOGUE_FILE): ParsedCatalogue {
  const catalogue = emptyCatalogue();
  const diagnostics: Diagnostic[] = [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineAt = (offset: number | undefined): number | null =>
    offset === undefined ? null : lineCounter.linePos(offset).line;
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      diagnostics.push(
        makeDiagnostic({
          file,
          line: error.linePos?.[0].line ?? lineAt(error.pos[0]),
          ruleId: 'catalogue/invalid-yaml',
          severity: 'error',
          reason: `the catalogue is not valid YAML: ${firstLine(error.message)}`,
          note: 'the catalogue was not used',
        }),
      );
    }
    return { catalogue, diagnostics };
  }
  const root = doc.contents;
  if (root === null) return { catalogue, diagnostics };
  if (!isMap(root)) {
    diagnostics.push(
      makeDiagnostic({ file, line: 1, ruleId: 'catalogue/not-a-mapping', reason: 'the catalogue must be a mapping with archive, articles and publishers' }),
    );
    return { catalogue, diagnostics };
  }
  const keyLine = (node: Node | null | undefined, path: string[]): number | null => {
    let current: unknown = node;
    let line: number | null = null;
    for (const key of path) {
      if (!isMap(current)) return line;
      const pair = current.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === key);
      if (pair === undefined) return line;
      line = isScalar(pair.key) ? lineAt(pair.key.range?.[0]) : line;
      current = pair.value;
    }
    return line;
  };
  const data = root.toJSON() as Record<string, unknown>;
  for (const [key, value] of Object.entries(data)) {
    if (key === 'archive') catalogue.archive = checkArchive(value, file, keyLine(root, ['archive']), diagnostics);
    else if (key === 'articles') {
      if (!isPlainObject(value)) {
        diagnostics.push(makeDiagnostic({ file, line: keyLine(root, ['articles']), ruleId: 'catalogue/invalid-field', reason: "'articles' must map file names to facts" }));
        continue;
      }
      for (const [name, raw] of Object.entries(value)) {
        const checked = checkEntry(raw, file, 'catalogue', (field) => keyLine(root, field === '' ? ['articles', name] : ['articles', name, field]));
        diagnostics.push(...checked.diagnostics);
        catalogue.articles[name] = checked.entry;
      }
    } else if (key === 'publishers') {
      if (!isPlainObject(value)) {
        diagnostics.push(makeDiagnostic({ file, line: keyLine(root, ['publishers']), ruleId: 'catalogue/invalid-field', reason: "'publishers' must map URL hosts to outlet names" }));
        continue;
      }
      for (const [host, name] of Object.entries(value)) {
        if (typeof name !== 'string' || name.trim() === '') {
          diagnostics.push(makeDiagnostic({ file, line: keyLine(root, ['publishers', host]), ruleId: 'catalogue/invalid-field', reason: `publisher for '${host}' must be a name` }));
          continue;
        }
        catalogue.publishers[normaliseHost(host)] = name.trim();
      }
    } else if (key === 'entities') {
      catalogue.entities = checkEntityCorrections(value, file, (path) => keyLine(root, ['entities', ...path]), diagnostics);
    } else {
      diagnostics.push(
        makeDiagnostic({ file, line: keyLine(root, [key]), ruleId: 'catalogue/unknown-field', severity: 'info', reason: `unknown top-level key '${key}' was ignored`, note: 'known keys: archive, articles, publishers, entities' }),
      );
    }
  }
  return { catalogue, diagnostics };
}

function checkArchive(value: unknown, file: string, line: number | null, diagnostics: Diagnostic[]): Catalogue['archive'] {
  if (isPlainObject(value) && typeof value['title'] === 'string' && typeof value['description'] === 'string') {
    return { title: value['title'].trim(), description: value['description'].trim() };
  }
  diagnostics.push(makeDiagnostic({ file, line, ruleId: 'catalogue/invalid-field', reason: "'archive' must have a title and a description (texts)" }));
  return null;
}

/**
 * `entities: { merge: { Variant: Canonical }, split: [Name], ignore: [Name] }`: corrections to how names are
 * merged. Whatever part is valid is used; each invalid part is a diagnostic on its line.
 */
function checkEntityCorrections(
  value: unknown,
  file: string,
  lineOf: (path: string[]) => number | null,
  diagnostics: Diagnostic[],
): Catalogue['entities'] {
  const corrections: Catalogue['entities'] = { merge: {}, split: [], ignore: [] };
  const invalid = (path: string[], reason: string): void => {
    diagnostics.push(makeDiagnostic({ file, line: lineOf(path), ruleId: 'catalogue/invalid-field', reason, note: 'that part of the entities section was ignored' }));
  };
  if (value === null || value === undefined) return corrections;
  if (!isPlainObject(value)) {
    invalid([], "'entities' must be a mapping with merge, split and ignore");
    return corrections;
  }
  for (const [key, part] of Object.entries(value)) {
    if (key === 'merge') {
      if (!isPlainObject(part)) {
        invalid([key], "'entities.merge' must map a name as found to the name it is merged into");
        continue;
      }
      for (const [variant, canonical] of Object.entries(part)) {
        if (typeof canonical !== 'string' || canonical.trim() === '') invalid([key, variant], `'entities.merge' for '${variant}' must be a name`);
        else corrections.merge[variant.trim()] = canonical.trim();
      }
    } else if (key === 'split' || key === 'ignore') {
      const names = part === null ? [] : Array.isArray(part) ? part : [part];
      if (!names.every((name) => typeof name === 'string' && name.trim() !== '')) {
        invalid([key], `'entities.${key}' must be a list of names`);
        continue;
      }
      corrections[key] = (names as string[]).map((name) => name.trim());
    } else {
      diagnostics.push(
        makeDiagnostic({ file, line: lineOf([key]), ruleId: 'catalogue/unknown-field', severity: 'info', reason: `unknown key 'entities.${key}' was ignored`, note: 'known keys: merge, split, ignore' }),
      );
    }
  }
  return corrections;
}

/** 'www.Example.com' -> 'example.com'. */
export function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/^www\d?\./, '');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
