// Internal link checking for a built site: every href/src/srcset/action in every page (and every url() in
// every stylesheet) that stays on the site must name a file that exists, under the site's base path,
// and a #fragment must name an id on the target page.
// The HTML scanner is deliberately small: html-validate checks the pages are valid HTML first.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { normaliseBase } from './server.ts';

export interface Reference {
  tag: string;
  attr: string;
  /** Attribute value with character references decoded. */
  value: string;
  line: number;
}

export interface ScannedPage {
  references: Reference[];
  /** Every id (and <a name>) on the page: the targets of #fragments. */
  ids: Set<string>;
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'poster', 'formaction', 'data']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

/** The URLs named by one attribute: srcset holds several ("a.png 1x, b.png 2x"). */
function urlsOf(attr: string, value: string): string[] {
  if (attr !== 'srcset') return [value.trim()];
  return value
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}

/** Start tags with their attributes, skipping comments, doctype, end tags and raw-text contents. */
export function scanHtml(html: string): ScannedPage {
  const references: Reference[] = [];
  const ids = new Set<string>();
  const lineStarts = [0];
  for (let i = 0; i < html.length; i++) if (html[i] === '\n') lineStarts.push(i + 1);
  const lineAt = (index: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  let i = 0;
  while (i < html.length) {
    const open = html.indexOf('<', i);
    if (open === -1) break;
    if (html.startsWith('<!--', open)) {
      const end = html.indexOf('-->', open + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    if (html[open + 1] === '!' || html[open + 1] === '?' || html[open + 1] === '/') {
      const end = html.indexOf('>', open);
      i = end === -1 ? html.length : end + 1;
      continue;
    }
    const nameMatch = /^[a-zA-Z][^\s/>]*/.exec(html.slice(open + 1, open + 64));
    if (nameMatch === null) {
      i = open + 1;
      continue;
    }
    const tag = nameMatch[0].toLowerCase();
    const line = lineAt(open);
    // Attributes: name, optionally = and a double-quoted, single-quoted or unquoted value.
    const attrPattern = /\s*(?:(\/?>)|([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?|\/)/y;
    attrPattern.lastIndex = open + 1 + nameMatch[0].length;
    let closed = false;
    let match: RegExpExecArray | null;
    while (!closed && (match = attrPattern.exec(html)) !== null) {
      if (match[1] !== undefined) {
        closed = true;
        break;
      }
      const attr = match[2]?.toLowerCase();
      if (attr === undefined) continue;
      const value = decodeEntities(match[3] ?? match[4] ?? match[5] ?? '');
      if (attr === 'id' || (attr === 'name' && tag === 'a')) ids.add(value);
      if (URL_ATTRIBUTES.has(attr) && !(attr === 'data' && tag !== 'object')) {
        for (const url of urlsOf(attr, value)) references.push({ tag, attr, value: url, line });
      }
    }
    i = attrPattern.lastIndex > open ? attrPattern.lastIndex : open + 1;
    if (RAW_TEXT.has(tag)) {
      const end = html.toLowerCase().indexOf(`</${tag}`, i);
      i = end === -1 ? html.length : end;
    }
  }
  return { references, ids };
}

/** url(...) and @import "..." in a stylesheet. */
export function scanCss(css: string): Reference[] {
  const references: Reference[] = [];
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  const pattern = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/g;
  for (const match of withoutComments.matchAll(pattern)) {
    const value = match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5] ?? '';
    const line = withoutComments.slice(0, match.index).split('\n').length;
    references.push({ tag: 'css', attr: match[4] ?? match[5] ? '@import' : 'url()', value, line });
  }
  return references;
}

export function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The URL path a file is served at: articles/x/index.html → /base/articles/x/. */
export function urlPathOf(file: string, base: string): string {
  return normaliseBase(base) + file.replace(/(^|\/)index\.html$/, '$1');
}

export interface BrokenLink {
  /** The file holding the link, relative to the output folder. */
  file: string;
  line: number;
  tag: string;
  attr: string;
  value: string;
  /** The URL path the link resolved to, from the page URL it was resolved against. */
  resolved: string;
  reason: string;
}

export interface LinkReport {
  files: number;
  /** Internal references checked (one per reference and page URL it was resolved from). */
  checked: number;
  broken: BrokenLink[];
}

const SITE = 'http://dossier.invalid';

/** Links in a page that is served at other URLs too (404.html) are resolved from each of them. */
function pageUrlsOf(file: string, base: string): string[] {
  const own = urlPathOf(file, base);
  return file === '404.html' ? [own, `${normaliseBase(base)}no/such/page/`] : [own];
}

export function checkLinks(outDir: string, baseOption: string): LinkReport {
  const base = normaliseBase(baseOption);
  const files = listFiles(outDir);
  const existing = new Set(files);
  const idsCache = new Map<string, Set<string>>();
  const idsOf = (file: string): Set<string> => {
    let ids = idsCache.get(file);
    if (ids === undefined) {
      ids = scanHtml(readFileSync(join(outDir, file), 'utf8')).ids;
      idsCache.set(file, ids);
    }
    return ids;
  };

  const broken: BrokenLink[] = [];
  let checked = 0;
  const scanned = files.filter((file) => file.endsWith('.html') || file.endsWith('.css'));
  for (const file of scanned) {
    const text = readFileSync(join(outDir, file), 'utf8');
    const references = file.endsWith('.html') ? scanHtml(text).references : scanCss(text);
    for (const pageUrl of pageUrlsOf(file, base)) {
      for (const ref of references) {
        const value = ref.value;
        // Off-site or not a location: other hosts (//host, https:), mailto:, data:, javascript:.
        if (value === '' || value.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(value)) continue;
        checked++;
        const url = new URL(value, SITE + pageUrl);
        const report = (reason: string): void => {
          broken.push({ file, line: ref.line, tag: ref.tag, attr: ref.attr, value, resolved: url.pathname + url.hash, reason });
        };
        if (url.pathname === pageUrl) {
          // A link into the same document (#main), wherever that document is served.
          const fragment = decodeURIComponent(url.hash.slice(1));
          if (fragment !== '' && fragment !== 'top' && file.endsWith('.html') && !idsOf(file).has(fragment)) {
            report(`no id="${fragment}" in ${file}`);
          }
          continue;
        }
        if (!url.pathname.startsWith(base)) {
          report(`outside the base path ${base}`);
          continue;
        }
        let target: string;
        try {
          target = decodeURIComponent(url.pathname.slice(base.length));
        } catch {
          report('malformed percent-encoding');
          continue;
        }
        if (target === '' || target.endsWith('/')) target += 'index.html';
        if (!existing.has(target)) {
          const asDirectory = `${target}/index.html`;
          if (existing.has(asDirectory)) target = asDirectory;
          else {
            report('no such file in the built site');
            continue;
          }
        }
        const fragment = url.hash.slice(1);
        if (fragment !== '' && fragment !== 'top' && target.endsWith('.html')) {
          if (!idsOf(target).has(decodeURIComponent(fragment))) report(`no id="${fragment}" in ${target}`);
        }
      }
    }
  }
  return { files: scanned.length, checked, broken };
}

export function formatBrokenLinks(broken: BrokenLink[]): string {
  return broken
    .map((b) => `  ${b.file}:${b.line} <${b.tag} ${b.attr}="${b.value}"> → ${b.resolved}: ${b.reason}`)
    .join('\n');
}
