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

/** Registers the transforms; `.eleventy.ts` adds this as a plugin. */
export function transformsPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addTransform('control-characters', function (this: { page: { outputPath: string | false } }, content: string) {
    const path = this.page.outputPath;
    return typeof path === 'string' && /\.(?:html|xml)$/.test(path) ? withoutControlCharacters(content) : content;
  });
}
