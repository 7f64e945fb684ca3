// Helpers for the site tests: build into a temp folder through src/build, read what it wrote.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build } from '../../src/build.ts';
import type { BuildReport } from '../../src/types.ts';

export interface TempBuild {
  outDir: string;
  report: BuildReport;
  log: string[];
  read(path: string): string;
  /** Every file written, relative to the output folder, forward slashes. */
  files(): string[];
  cleanup(): void;
}

export async function buildInto(seedsDir: string, base: string, strict = false): Promise<TempBuild> {
  const root = mkdtempSync(join(tmpdir(), 'dossier-site-'));
  const outDir = join(root, 'out');
  const log: string[] = [];
  const report = await build({ seedsDir, outDir, base, strict, siteUrl: 'https://example.org' }, (line) => log.push(line));
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  return {
    outDir,
    report,
    log,
    read: (path) => readFileSync(join(outDir, path), 'utf8'),
    files: () => walk(outDir).map((f) => relative(outDir, f).split('\\').join('/')),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** The text of an HTML fragment: tags dropped, the entities templates write decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

/** The first match's group 1, or fail. */
export function pick(html: string, pattern: RegExp): string {
  const match = pattern.exec(html);
  if (!match?.[1]) throw new Error(`no match for ${pattern}`);
  return match[1];
}

export interface Tag {
  name: string;
  attributes: Array<[string, string]>;
}

const TAG = /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Every start tag of an HTML text, with its attributes (quoted values respected, so text in a value is not a tag). */
export function startTags(html: string): Tag[] {
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '');
  return [...withoutComments.matchAll(TAG)].map((m) => ({
    name: m[1]!.toLowerCase(),
    attributes: [...(m[2] ?? '').matchAll(ATTRIBUTE)].map((a) => [a[1]!.toLowerCase(), a[2] ?? a[3] ?? a[4] ?? ''] as [string, string]),
  }));
}
