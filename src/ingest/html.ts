// A web page saved from a browser (.html) -> the page's own metadata + its article as Markdown text,
// which then goes through the same steps as a .txt capture (classify, metadata, body, article).
// Mozilla Readability finds the article in a linkedom DOM (no browser, no script ever runs: linkedom
// does not execute scripts or load anything); turndown writes it as Markdown. Only text and safe
// links survive: scripts, styles, frames, forms, images and event-handler attributes never reach the
// Markdown, and markdown-it renders it later with raw HTML off.
import { createRequire } from 'node:module';
import type { Found, TextMetadata } from './metadata.ts';
import { readPageMetadata, type PageMetadata } from './htmlMetadata.ts';
import { collapseSpaces, letterKey } from './text.ts';

export interface HtmlPage {
  /** The article as Markdown text: `# headline`, a `By …` line when Readability found a byline, the body. */
  text: string;
  /** What the page says about itself; the title falls back to Readability's, then the <title>. */
  metadata: PageMetadata;
  /** True when Readability found no article and the whole <body> was taken. */
  wholeBody: boolean;
}

/**
 * linkedom, Readability and turndown take over a second to load, and most archives have no .html input:
 * they are loaded on the first page read, synchronously, so that ingestText stays a plain function.
 */
interface HtmlLibraries {
  parseHTML: typeof import('linkedom').parseHTML;
  Readability: typeof import('@mozilla/readability').Readability;
  TurndownService: typeof import('turndown');
}

let htmlLibraries: HtmlLibraries | null = null;

function loadHtmlLibraries(): HtmlLibraries {
  if (htmlLibraries === null) {
    const require = createRequire(import.meta.url);
    htmlLibraries = {
      parseHTML: (require('linkedom') as typeof import('linkedom')).parseHTML,
      Readability: (require('@mozilla/readability') as typeof import('@mozilla/readability')).Readability,
      TurndownService: require('turndown') as typeof import('turndown'),
    };
  }
  return htmlLibraries;
}

/** Elements whose content is never article text (and may be active content). */
const NEVER_TEXT: ReadonlySet<string> = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'button', 'input', 'select', 'textarea', 'svg', 'math', 'canvas', 'video', 'audio', 'picture', 'source', 'link', 'meta', 'head']);

export function readHtml(html: string): HtmlPage {
  const { parseHTML, Readability } = loadHtmlLibraries();
  const { document } = parseHTML(html);
  // Metadata first: Readability rewrites the document as it goes.
  const metadata = readPageMetadata(document as unknown as Document);
  const baseUrl = metadata.url?.value ?? null;
  const documentTitle = clean(document.querySelector('title')?.textContent);
  const article = new Readability(document as unknown as Document, { serializer: (node: Node) => node }).parse();
  const content = (article?.content as Node | null | undefined) ?? (document.body as unknown as Node | null);
  const markdown = toMarkdown(content, baseUrl);
  const title = metadata.title ?? fallbackTitle(clean(article?.title), documentTitle);
  const lines: string[] = [];
  if (title !== null) lines.push(`# ${title.value}`, '');
  const byline = clean(article?.byline);
  if (byline !== null && byline.length < 120) lines.push(/^by\b/i.test(byline) ? byline : `By ${byline}`, '');
  lines.push(title === null ? markdown : withoutRepeatedTitle(markdown, title.value));
  return { text: `${lines.join('\n').trim()}\n`, metadata: { ...metadata, title }, wholeBody: article === null };
}

function fallbackTitle(readabilityTitle: string | null, documentTitle: string | null): Found<string> | null {
  if (readabilityTitle !== null) return { value: readabilityTitle, provenance: { origin: 'text', rule: 'title/readability', line: null } };
  if (documentTitle !== null) return { value: documentTitle, provenance: { origin: 'text', rule: 'title/html-title', line: null } };
  return null;
}

function clean(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = collapseSpaces(value).trim();
  return text === '' ? null : text;
}

/** The Markdown of the article, less a first heading that only repeats the headline. */
function withoutRepeatedTitle(markdown: string, title: string): string {
  const lines = markdown.split('\n');
  const index = lines.findIndex((line) => line.trim() !== '');
  const line = lines[index];
  if (line !== undefined && /^#{1,6}\s/.test(line) && letterKey(line.replace(/^#+\s*/, '')) === letterKey(title)) lines.splice(index, 1);
  return lines.join('\n').trim();
}

function toMarkdown(content: Node | null, baseUrl: string | null): string {
  if (content === null) return '';
  const turndown = new (loadHtmlLibraries().TurndownService)({ headingStyle: 'atx', bulletListMarker: '-', codeBlockStyle: 'fenced', emDelimiter: '*' });
  turndown.remove((node) => NEVER_TEXT.has(node.nodeName.toLowerCase()));
  // Images are off on the site (no request may leave it); the alt text is not article text.
  turndown.addRule('image', { filter: 'img', replacement: () => '' });
  turndown.addRule('link', {
    filter: (node) => node.nodeName === 'A',
    replacement: (text, node) => {
      const label = text.trim();
      const href = safeHref((node as Element).getAttribute('href'), baseUrl);
      return href === null || label === '' ? text : `[${label}](${href})`;
    },
  });
  return turndown
    .turndown(content as unknown as HTMLElement)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** An absolute http(s) address for a link (relative ones resolved against the page's URL), else null. */
function safeHref(href: string | null, baseUrl: string | null): string | null {
  if (href === null || href.trim() === '' || href.trim().startsWith('#')) return null;
  try {
    const url = baseUrl === null ? new URL(href.trim()) : new URL(href.trim(), baseUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href.replace(/[()]/g, (c) => encodeURIComponent(c)) : null;
  } catch {
    return null;
  }
}

/** The page's own metadata wins over what the heuristics read in its text, field by field. */
export function overlayPageMetadata(text: TextMetadata, page: PageMetadata): TextMetadata {
  return {
    ...text,
    title: page.title ?? text.title,
    subtitle: page.subtitle ?? text.subtitle,
    published: page.published ?? text.published,
    publisher: page.publisher ?? text.publisher,
    authors: page.authors ?? text.authors,
    url: page.url ?? text.url,
  };
}
