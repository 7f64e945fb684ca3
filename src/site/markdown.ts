// Renders an article body (Markdown) to HTML. Input text is data: raw HTML is off, images are off
// (no request may leave the site), and only http(s), mailto and same-site links become links.
import MarkdownIt from 'markdown-it';

/** Schemes a link may use; everything else (javascript:, data:, file:, vbscript:) stays text. */
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);
const SCHEME = /^\s*([a-z][a-z0-9+.-]*):/i;

/** True for relative links and http(s)/mailto links. */
export function isSafeLink(url: string): boolean {
  const scheme = SCHEME.exec(url)?.[1];
  return scheme === undefined || SAFE_SCHEMES.has(scheme.toLowerCase());
}

/** The URL when it is an absolute http(s) address (fit to be a link to an original), else null. */
export function webUrl(url: string | null | undefined): string | null {
  return url && /^https?:\/\/[^\s]+$/i.test(url.trim()) ? url.trim() : null;
}

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
md.disable(['image', 'html_block', 'html_inline']);
md.validateLink = isSafeLink;
type RenderRule = NonNullable<typeof md.renderer.rules.link_open>;

// External links leave the archive: say so to the browser (no referrer, no ranking).
const renderToken: RenderRule = (tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options);
const defaultLinkOpen = md.renderer.rules.link_open ?? renderToken;
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  if (token && /^https?:/i.test(String(token.attrGet('href') ?? ''))) token.attrSet('rel', 'nofollow noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Markdown to HTML; the only input-derived HTML a template may mark `| safe`. */
export function renderMarkdown(markdown: string): string {
  return md.render(markdown);
}
