// Output transforms: the last look at every page and feed before Eleventy writes it.
import type { UserConfig } from '@11ty/eleventy';

/**
 * Characters that XML 1.0 forbids and HTML calls parse errors: C0 controls other than tab, LF and CR,
 * DEL and C1 controls, lone surrogates' neighbours U+FFFE/U+FFFF. Input text may hold them (an ESC
 * sequence pasted from a terminal); one of them in feed.xml makes the whole feed unreadable.
 */
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g;

/** Text with the characters XML and HTML cannot carry removed. */
export const withoutControlCharacters = (text: string): string => text.replace(FORBIDDEN, '');

/**
 * A URL attribute of a tag holding a root-relative URL: ` href="/…"` (not `//host`). Only templates write
 * attributes: text from the inputs is escaped (a quote becomes &quot;, in JSON-LD \"), so this finds
 * every such URL a page has and nothing in its text.
 */
const ROOT_RELATIVE_URL = /(\s(?:href|src|action|formaction|poster|xlink:href))="\/(?!\/)/g;

/**
 * `html` with every root-relative URL attribute under `base` ('/archive/': href="/x/" becomes
 * href="/archive/x/"); unchanged at base '/'.
 */
export const withBasePath = (html: string, base: string): string => (base === '/' ? html : html.replace(ROOT_RELATIVE_URL, `$1="${base}`));

/** Registers the transforms; `.eleventy.ts` adds this as a plugin. */
export function transformsPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addTransform('control-characters', function (this: { page: { outputPath: string | false } }, content: string) {
    const path = this.page.outputPath;
    return typeof path === 'string' && /\.(?:html|xml)$/.test(path) ? withoutControlCharacters(content) : content;
  });
  // The site under a path prefix (--base): Eleventy's HtmlBasePlugin does this by parsing every page, which
  // took 56-71 % of each render process's time at 10,000 articles (a 10,000-article build 195 s against 95 s).
  eleventyConfig.addTransform('base-path', function (this: { page: { outputPath: string | false } }, content: string) {
    const path = this.page.outputPath;
    return typeof path === 'string' && path.endsWith('.html') ? withBasePath(content, eleventyConfig.pathPrefix) : content;
  });
}
