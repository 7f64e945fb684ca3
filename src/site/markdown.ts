// Renders an article body (Markdown) to HTML. Input text is data: raw HTML is off, images are off
// (no request may leave the site), and only http(s), mailto and in-page links become links.
import MarkdownIt from 'markdown-it';

/**
 * What a link in an article body may point at: an absolute http(s) address with a host, a mailto:
 * address, or a fragment of the page itself. Everything else stays text: javascript:, data:, vbscript:
 * and file: in any spelling (markdown-it has decoded entities and percent-encoded tabs by now), and
 * relative or protocol-relative links, which pointed into the original site and would break (or leave
 * the archive unmarked) here.
 */
const SAFE_LINK = /^(?:https?:\/\/[^\s/?#\\%]+[^\s]*|mailto:[^\s]+|#[^\s]*)$/i;

export function isSafeLink(url: string): boolean {
  return SAFE_LINK.test(url);
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

// Text between tags needs only & < > escaped: a quotation mark stays one byte, not the six of &quot;
// (news text is full of them). Attribute values are escaped in full by markdown-it as before.
md.renderer.rules.text = (tokens, idx) => (tokens[idx]?.content ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Markdown to HTML; the only input-derived HTML a template may mark `| safe`. */
export function renderMarkdown(markdown: string): string {
  return md.render(markdown);
}
